import {
  generateFile,
  generateSheets as generateSheetsUseCase,
  type RunOptions,
  type SheetsResult,
  type SheetsWorkbook,
  type WordFile,
} from "../../app/generate";
import type { GenerateWorkbook } from "../../app/generate";
import type { DocumentPort } from "../../app/port";
import { renderWord } from "./word";

/**
 * The two 文书 actions of the pane (and the ribbon, for sheets), as the generation use case
 * (`src/app/generate`) runs them: "生成工作表" writes the sheets and register lines and shows the
 * first new sheet; "下载 Word" renders one .docx (Liaison's layout, or the company's own template
 * kept in the workbook) and records the numbers. All the deciding is the use case's; the pane
 * brings its renderer and where its template lives.
 */

export type { ConfirmRepeats, SheetsResult, SheetsWorkbook, WordFile } from "../../app/generate";
export type WordWorkbook = GenerateWorkbook & Pick<DocumentPort, "readWordTemplate">;

type PaneOptions = Pick<RunOptions, "kind" | "lang" | "instant" | "confirm">;

/** Without `confirm` (the ribbon) nothing asks, so there is always a result. */
export function generateSheets(port: SheetsWorkbook, opts: PaneOptions & { readonly confirm?: undefined }): Promise<SheetsResult>;
export function generateSheets(port: SheetsWorkbook, opts: PaneOptions): Promise<SheetsResult | undefined>;
export function generateSheets(port: SheetsWorkbook, opts: PaneOptions): Promise<SheetsResult | undefined> {
  return generateSheetsUseCase(port, opts);
}

/** "下载 Word": the workbook's own template for this kind when one is kept, else Liaison's layout. */
export function generateWordFile(port: WordWorkbook, opts: PaneOptions): Promise<WordFile | undefined> {
  return generateFile(port, {
    ...opts,
    template: () => port.readWordTemplate(opts.kind),
    render: (documents, template) => renderWord(documents, opts.lang, template),
  });
}
