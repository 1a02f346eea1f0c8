import type { DocumentKind, Repeat } from "../../core/documents";
import type { Lang } from "../../core/i18n";
import { generateDocuments, registerOnly, writeGenerated, type Generated, type GenerateWorkbook } from "../../workbook/generate";
import type { DocumentPort, ValidationPort } from "../../app/port";
import { renderWord } from "./word";

/**
 * The two 文书 actions, shared by the 文书 tab (and the ribbon for sheets):
 * - "生成工作表": the shared generation flow over the current selection, the sheets and register
 *   lines written in one port command, then the first new sheet shown;
 * - "下载 Word": the same documents rendered to one .docx (Liaison's layout, or the company's own
 *   template kept in the workbook), their numbers recorded in the register — a number is given out
 *   once, whichever way the document leaves.
 * Both ask `confirm` first when a document repeats a registered one (a second notice for the same
 * supplier and period); declining writes nothing.
 */

export type SheetsWorkbook = GenerateWorkbook & Pick<ValidationPort, "selectCell">;
export type WordWorkbook = GenerateWorkbook & Pick<DocumentPort, "readWordTemplate">;

/** Asks the person whether to go on although `repeats` were sent before; resolves false to stop. */
export type ConfirmRepeats = (repeats: readonly Repeat[]) => Promise<boolean>;

interface RunOptions {
  readonly kind: DocumentKind;
  readonly lang: Lang;
  readonly instant?: Date;
  /** Without it a repeat goes ahead (the ribbon, which cannot ask, shows the numbers it wrote). */
  readonly confirm?: ConfirmRepeats;
}

export interface SheetsResult {
  readonly generated: Generated;
  /** Sheet names written, in document order. */
  readonly sheets: readonly string[];
  /**
   * Showing the first new sheet failed after everything was written: the documents exist, so the
   * run succeeded; the failure is kept to be shown beside the result rather than as the outcome.
   */
  readonly showError?: unknown;
}

/** Builds the documents; undefined when the person declined to repeat a registered document. */
async function build(port: GenerateWorkbook, opts: RunOptions): Promise<Generated | undefined> {
  const generated = await generateDocuments(port, { kind: opts.kind, lang: opts.lang, instant: opts.instant ?? new Date() });
  if (generated.repeats.length > 0 && opts.confirm && !(await opts.confirm(generated.repeats))) return undefined;
  return generated;
}

/** Without `confirm` (the ribbon) nothing asks, so there is always a result. */
export function generateSheets(port: SheetsWorkbook, opts: RunOptions & { readonly confirm?: undefined }): Promise<SheetsResult>;
export function generateSheets(port: SheetsWorkbook, opts: RunOptions): Promise<SheetsResult | undefined>;
export async function generateSheets(port: SheetsWorkbook, opts: RunOptions): Promise<SheetsResult | undefined> {
  const generated = await build(port, opts);
  if (!generated) return undefined;
  const sheets = await writeGenerated(port, generated);
  try {
    await port.selectCell(sheets[0], "A1");
    return { generated, sheets };
  } catch (showError) {
    return { generated, sheets, showError };
  }
}

export interface WordFile {
  readonly generated: Generated;
  readonly bytes: Uint8Array;
  /** The company template's file name when one was used. */
  readonly template?: string;
}

/**
 * "下载 Word": builds, renders (a template that cannot make them refuses here, nothing recorded),
 * then records the numbers in the register. The caller hands the bytes to the browser.
 */
export async function generateWordFile(port: WordWorkbook, opts: RunOptions): Promise<WordFile | undefined> {
  const generated = await build(port, opts);
  if (!generated) return undefined;
  const template = await port.readWordTemplate(opts.kind);
  const bytes = await renderWord(generated.documents, opts.lang, template?.bytes);
  await registerOnly(port, generated);
  return { generated, bytes, ...(template ? { template: template.name } : {}) };
}
