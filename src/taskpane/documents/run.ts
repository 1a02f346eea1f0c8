import type { DocumentKind } from "../../core/documents";
import type { Lang } from "../../core/i18n";
import { generateDocuments, writeGenerated, type Generated, type GenerateWorkbook } from "../../workbook/generate";
import type { ValidationPort } from "../../workbook/port";

/**
 * "生成工作表", shared by the 文书 tab and the ribbon buttons: the shared generation flow over the
 * current selection, the sheets and register lines written in one port command, then the first
 * new sheet shown (Excel activates it; the preview's grid follows the port's selection).
 */

export type SheetsWorkbook = GenerateWorkbook & Pick<ValidationPort, "selectCell">;

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

export async function generateSheets(
  port: SheetsWorkbook,
  opts: { readonly kind: DocumentKind; readonly lang: Lang; readonly instant?: Date },
): Promise<SheetsResult> {
  const generated = await generateDocuments(port, { kind: opts.kind, lang: opts.lang, instant: opts.instant ?? new Date() });
  const sheets = await writeGenerated(port, generated);
  try {
    await port.selectCell(sheets[0], "A1");
    return { generated, sheets };
  } catch (showError) {
    return { generated, sheets, showError };
  }
}

/** Only generates (nothing written): what "下载 Word" renders. */
export function generateForWord(
  port: GenerateWorkbook,
  opts: { readonly kind: DocumentKind; readonly lang: Lang; readonly instant?: Date },
): Promise<Generated> {
  return generateDocuments(port, { kind: opts.kind, lang: opts.lang, instant: opts.instant ?? new Date() });
}
