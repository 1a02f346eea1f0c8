import type { DocumentKind, DocumentModel, Repeat } from "../../core/documents";
import type { StoredWordTemplate } from "../../core/documents/word-template-store";
import type { Lang } from "../../core/i18n";
import type { DayNumber, MinuteNumber } from "../../core/cells/types";
import type { RowsTarget, ValidationPort } from "../port";
import { generateDocuments, registerOnly, writeGenerated, type Generated, type GenerateWorkbook } from "./build";

/**
 * Generation as one use case, for every front end (the pane's 文书 tab, the ribbon's 生成…
 * buttons, `liaison generate`). The front end says which documents (kind, rows or selection, the
 * clock it read) and where they go (sheets in the workbook, or a file it renders); the use case
 * does the rest in one order everywhere:
 *  1. build the documents (`generateDocuments`: qualifying rows, numbering, repeats);
 *  2. a repeat of a registered document is put to `confirm` where the front end can ask —
 *     declining writes nothing; without `confirm` it goes ahead (the front end says so);
 *  3. "sheets": one sheet per document and its register line, one port command, all or nothing;
 *     "file": the bytes rendered first (a renderer that refuses records nothing), then the
 *     numbers recorded in the register — a number is given out once, whichever way it went out.
 */

/** Asks the person whether to go on although `repeats` were sent before; resolves false to stop. */
export type ConfirmRepeats = (repeats: readonly Repeat[]) => Promise<boolean>;

export interface RunOptions {
  readonly kind: DocumentKind;
  readonly lang: Lang;
  /** The real moment, read by the front end (the core never reads a clock); now when absent. */
  readonly instant?: Date;
  /** Explicit rows (the CLI's `--sheet --rows`); the host's selection when absent. */
  readonly target?: RowsTarget;
  /** A fixed clock (the CLI's --today / --now): wins over the workbook's settings, which win over `instant`. */
  readonly today?: DayNumber;
  readonly now?: MinuteNumber;
  /** Problems in the stored settings (a bad value fell back to its default), reported as soon as read. */
  readonly onSettingsProblems?: (problems: readonly string[]) => void;
  /** Without it a repeat goes ahead (the ribbon and the CLI, which cannot ask, say what they wrote). */
  readonly confirm?: ConfirmRepeats;
}

/** A workbook the sheets are written into; one that can select a cell shows the first new sheet. */
export type SheetsWorkbook = GenerateWorkbook & Partial<Pick<ValidationPort, "selectCell">>;

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
  const generated = await generateDocuments(port, {
    kind: opts.kind,
    lang: opts.lang,
    instant: opts.instant ?? new Date(),
    ...(opts.target !== undefined ? { target: opts.target } : {}),
    ...(opts.today !== undefined ? { today: opts.today } : {}),
    ...(opts.now !== undefined ? { now: opts.now } : {}),
    ...(opts.onSettingsProblems !== undefined ? { onSettingsProblems: opts.onSettingsProblems } : {}),
  });
  if (generated.repeats.length > 0 && opts.confirm && !(await opts.confirm(generated.repeats))) return undefined;
  return generated;
}

/** "生成工作表" / `--out copy.xlsx`: the documents as sheets. Without `confirm` nothing asks, so there is always a result. */
export function generateSheets(port: SheetsWorkbook, opts: RunOptions & { readonly confirm?: undefined }): Promise<SheetsResult>;
export function generateSheets(port: SheetsWorkbook, opts: RunOptions): Promise<SheetsResult | undefined>;
export async function generateSheets(port: SheetsWorkbook, opts: RunOptions): Promise<SheetsResult | undefined> {
  const generated = await build(port, opts);
  if (!generated) return undefined;
  const sheets = await writeGenerated(port, generated);
  if (!port.selectCell || sheets.length === 0) return { generated, sheets };
  try {
    await port.selectCell(sheets[0], "A1");
    return { generated, sheets };
  } catch (showError) {
    return { generated, sheets, showError };
  }
}

export interface FileOptions extends RunOptions {
  /**
   * The documents as the file's bytes (Word, or a PDF made from Word), with the company's own
   * template when there is one. Called before anything is recorded: a renderer that refuses (a
   * template it cannot fill, no LibreOffice) records nothing.
   */
  readonly render: (documents: readonly DocumentModel[], template: Uint8Array | undefined) => Promise<Uint8Array>;
  /** Where the company's template comes from: the workbook (the pane), a file given (the CLI), none. */
  readonly template?: () => Promise<StoredWordTemplate | undefined>;
}

export interface WordFile {
  readonly generated: Generated;
  readonly bytes: Uint8Array;
  /** The company template's file name when one was used. */
  readonly template?: string;
}

/** "下载 Word" / `--out x.docx|x.pdf`: builds, renders, then records the numbers in the register. */
export async function generateFile(port: GenerateWorkbook, opts: FileOptions): Promise<WordFile | undefined> {
  const generated = await build(port, opts);
  if (!generated) return undefined;
  const template = opts.template ? await opts.template() : undefined;
  const bytes = await opts.render(generated.documents, template?.bytes);
  await registerOnly(port, generated);
  return { generated, bytes, ...(template ? { template: template.name } : {}) };
}
