import path from "node:path";
import { isoDate, isoDateTime } from "../../core/cells/civil";
import type { RawCell } from "../../core/cells/types";
import { checkTables, resolveClock } from "../../core/check";
import { isLiaisonError } from "../../core/errors";
import { translator, type Lang } from "../../core/i18n";
import { reportMessages } from "../../core/i18n/messages/findings";
import { exitCode, formatTextReport, type Report } from "../../core/report";
import { parseSettings, settingsFromRows, type ParsedSettings } from "../../core/settings";
import type { TableData } from "../../core/layout/types";
import type { Mark } from "../../workbook/port";
import { XlsxWorkbook } from "../../workbook/exceljs/adapter";
import type { CliContext } from "../context";
import { CliError } from "../errors";
import { readInputFile, writeOutputFile } from "../io";
import type { CheckArgs } from "./check";

// Loaded only when the command runs (see run.ts): ExcelJS is slow to load.

/**
 * `liaison check`: reads the workbook, checks every table of a known template, prints the report
 * (contract.md) on stdout and returns 0 (no error finding) or 1. A file that cannot be checked is a
 * CliError (exit 2, one line). With `--out`, a copy with the findings marked is written first, so a
 * failed write never follows a printed report. The input file is only ever read.
 */
export async function runCheckAction(a: CheckArgs, ctx: CliContext): Promise<number> {
  const { book, report } = await checkFile(a.file, a, ctx);

  if (a.out !== undefined) await writeAnnotatedCopy(book, report, a.out, ctx);

  if (a.format === "json") ctx.out(JSON.stringify(report, null, 2));
  else ctx.out(formatTextReport(report, ctx.lang).replace(/\n$/, ""));
  return exitCode(report);
}

/** One workbook checked: its report, the tables it was made from (for reminders) and the workbook (for --out). */
export interface CheckedFile {
  readonly report: Report;
  readonly tables: readonly TableData[];
  readonly book: XlsxWorkbook;
}

/**
 * Checks ONE file: `check` of a single file, and each file of `check`/`remind` over many (the
 * workers of src/cli/workers call it). A file that cannot be checked is a CliError.
 */
export async function checkFile(file: string, a: Pick<CheckArgs, "today" | "now">, ctx: CliContext): Promise<CheckedFile> {
  const book = await loadWorkbook(file, ctx);
  const tables = await book.readTables({ kind: "all" });
  if (tables.length === 0) throw new CliError("noKnownTable", { file });

  const { settings, problems } = storedSettings(await book.readSettings(), ctx.lang);
  for (const message of problems) ctx.err(ctx.t("settingsWarning", { message }));

  // The one place a real clock is read: flags win over the workbook's settings, which win over now.
  const clock = resolveClock({
    ...(a.today !== undefined ? { today: isoDate(a.today) } : {}),
    ...(a.now !== undefined ? { now: isoDateTime(a.now) } : {}),
    settings,
    instant: new Date(),
  });

  const report = checkTables({
    // The name as given, without its folder: the report does not depend on where the file sits.
    file: path.basename(file),
    sheets: await book.listSheets(),
    tables,
    settings,
    today: clock.today,
    now: clock.now,
    lang: ctx.lang,
  });
  return { report, tables, book };
}

async function loadWorkbook(file: string, ctx: CliContext): Promise<XlsxWorkbook> {
  const bytes = await readInputFile(file);
  try {
    return await XlsxWorkbook.load(bytes);
  } catch (e) {
    // Name the file in the one line: "book.xlsx:无法读取该文件……".
    if (isLiaisonError(e)) throw new CliError("fileError", { file, message: e.describe(ctx.lang) });
    throw e;
  }
}

/** The workbook's settings sheet, read leniently: a bad value falls back to its default with a warning. */
function storedSettings(rows: RawCell[][] | undefined, lang: Lang): ParsedSettings {
  return rows === undefined ? parseSettings(undefined, lang) : settingsFromRows(rows, lang);
}

/**
 * The annotated copy: the workbook as read, plus the add-in's marks (conditional formats, highest
 * severity per cell) and a sheet listing the findings. No cell notes: ExcelJS writes notes on a
 * sheet with a table in a way Excel reports as corrupt (exceljs issue #1616).
 */
async function writeAnnotatedCopy(book: XlsxWorkbook, report: Report, out: string, ctx: CliContext): Promise<void> {
  const marks: Mark[] = report.findings.map((f) => ({ sheet: f.sheet, cell: f.cell, severity: f.severity, message: f.message }));
  await book.applyMarks(marks);
  const severity = translator(reportMessages, ctx.lang);
  const sheet = book.addListingSheet({
    sheetName: ctx.t("findingsSheet"),
    header: ctx.t("findingsHeader").split("|"),
    rows: report.findings.map((f) => [f.sheet, f.cell, f.column, f.rule, severity(`severity.${f.severity}`), f.message]),
    widths: [20, 8, 16, 14, 8, 60],
  });
  await writeOutputFile(out, await book.toBuffer());
  const cells = new Set(marks.map((m) => `${m.sheet}!${m.cell}`)).size;
  ctx.err(ctx.t("annotatedWritten", { file: out, marks: cells, sheet }));
}
