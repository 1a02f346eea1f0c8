import path from "node:path";
import type { DayNumber, MinuteNumber } from "../../core/cells/types";
import { isLiaisonError } from "../../core/errors";
import { translator } from "../../core/i18n";
import { reportMessages } from "../../core/i18n/messages/findings";
import { exitCode, formatTextReport, type Report } from "../../core/report";
import type { TableData } from "../../core/layout/types";
import { markFindings } from "../../app/marks";
import { checkWorkbook } from "../../app/validate/run";
import { CORRECTIONS_SHEET } from "../../core/layout/corrections-sheet";
import type { WorkbookLayout } from "../../core/layout/locate";
import { OoxmlWorkbook } from "../../workbook/ooxml/workbook";
import type { CliContext } from "../context";
import { CliError } from "../errors";
import { readInputFile, writeOutputFile } from "../io";
import type { CheckArgs } from "./check";
import { copyExtensionFits } from "../copy-type";

/**
 * `liaison check`: reads the workbook with the streaming .xlsx reader, checks every table of a
 * known template, prints the report (contract.md) on stdout and returns 0 (no error finding) or
 * 1. A file that cannot be checked is a CliError (exit 2, one line). With `--out`, a copy with the
 * findings marked is written first, so a failed write never follows a printed report. The input
 * file is only ever read.
 */
export async function runCheckAction(a: CheckArgs, ctx: CliContext): Promise<number> {
  const { report } = await checkFile(a.file, a, ctx);
  if (a.format === "json") ctx.out(JSON.stringify(report, null, 2));
  else ctx.out(formatTextReport(report, ctx.lang).replace(/\n$/, ""));
  return exitCode(report);
}

export interface CheckFileOptions {
  /** Fixed clock; undefined = now in Asia/Shanghai (flags win over the workbook's settings). */
  readonly today?: DayNumber;
  readonly now?: MinuteNumber;
  /** Where to write the annotated copy, if anywhere. */
  readonly out?: string;
}

/** One workbook checked: its report and the tables it was made from (for reminders). */
export interface CheckedFile {
  readonly report: Report;
  readonly tables: readonly TableData[];
}

/**
 * Checks ONE file: `check` of a single file, and each file of `check`/`remind` over many (the
 * workers of src/cli/workers call it). With `out`, the annotated copy is written too. Returns the
 * report without printing it; settings warnings and the copy's line go to stderr. Throws CliError
 * for a file that cannot be checked (unreadable, not an .xlsx, no known table, a failed write).
 */
export async function checkFile(file: string, opts: CheckFileOptions, ctx: CliContext): Promise<CheckedFile> {
  const book = await loadWorkbook(file, ctx);
  if (opts.out !== undefined) copyExtensionFits(book, opts.out);
  // The same check as the task pane's and the ribbon's (app/validate): settings, clock, tables.
  // The one place a real clock is read: flags win over the workbook's settings, which win over now.
  const { report, tables, settingsProblems } = await checkWorkbook(book, {
    scope: { kind: "all" },
    lang: ctx.lang,
    // The name as given, without its folder: the report does not depend on where the file sits.
    file: path.basename(file),
    instant: new Date(),
    clock: { ...(opts.today !== undefined ? { today: opts.today } : {}), ...(opts.now !== undefined ? { now: opts.now } : {}) },
  });
  if (tables.length === 0) throw new CliError("noKnownTable", { file });
  for (const message of settingsProblems) ctx.err(ctx.t("settingsWarning", { message }));
  warnLayoutCorrections(await book.readLayout(), ctx);

  if (opts.out !== undefined) await writeAnnotatedCopy(book, report, opts.out, ctx);
  return { report, tables };
}

async function loadWorkbook(file: string, ctx: CliContext): Promise<OoxmlWorkbook> {
  const bytes = await readInputFile(file);
  try {
    return OoxmlWorkbook.load(bytes);
  } catch (e) {
    // Name the file in the one line: "book.xlsx：无法读取该文件……".
    if (isLiaisonError(e)) throw new CliError("fileError", { file, message: e.describe(ctx.lang) });
    throw e;
  }
}

/** Layout corrections stored in the workbook that did not apply (their table changed) or cannot be read: one line each on stderr. */
function warnLayoutCorrections(layout: WorkbookLayout, ctx: CliContext): void {
  for (const { correction: c, status } of layout.corrections) {
    if (status !== "stale") continue;
    const kind = ctx.t(`correctionKind.${c.kind}`);
    const where = { kind, sheet: c.sheet, headerRow: c.headerRow };
    ctx.err(c.row === undefined ? ctx.t("layoutCorrectionStale", where) : ctx.t("layoutCorrectionStaleRow", { ...where, row: c.row }));
  }
  if (layout.unreadable.length > 0)
    ctx.err(ctx.t("layoutCorrectionsUnreadable", { sheet: layout.storedSheet ?? CORRECTIONS_SHEET, rows: layout.unreadable.join(", ") }));
}

/**
 * The annotated copy: the original package, patched — the add-in's marks (the pane's findings →
 * marks, app/marks.ts: highest severity per cell, `calendar` listed but not coloured) and a sheet
 * listing every finding; every other part byte for byte.
 */
async function writeAnnotatedCopy(book: OoxmlWorkbook, report: Report, out: string, ctx: CliContext): Promise<void> {
  const cells = await markFindings(book, report.findings);
  const severity = translator(reportMessages, ctx.lang);
  book.addListingSheet({
    sheetName: ctx.t("findingsSheet"),
    header: ctx.t("findingsHeader").split("|"),
    rows: report.findings.map((f) => [f.sheet, f.cell, f.column, f.rule, severity(`severity.${f.severity}`), f.message]),
    widths: [20, 8, 16, 14, 8, 60],
  });
  const copy = book.toBuffer();
  await writeOutputFile(out, copy.bytes);
  ctx.err(ctx.t("annotatedWritten", { file: out, marks: cells, sheet: copy.listingSheet ?? "" }));
  if (copy.signatureInvalidated) ctx.err(ctx.t("signatureInvalidated", { file: out }));
}
