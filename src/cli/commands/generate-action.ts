import { isoDate, isoDateTime } from "../../core/cells/civil";
import { resolveClock } from "../../core/check";
import { buildDocuments, documentSheetLayout, readSelectedRows, type DocumentModel } from "../../core/documents";
import { isLiaisonError } from "../../core/errors";
import { calendarOf, parseSettings, settingsFromRows } from "../../core/settings";
import { readTable } from "../../core/table/read-table";
import { getTemplate } from "../../core/templates";
import { renderDocx } from "../../render/docx";
import { XlsxWorkbook } from "../../workbook/exceljs/adapter";
import type { FoundTable } from "../../workbook/port";
import type { CliContext } from "../context";
import { CliError } from "../errors";
import { readInputFile, writeOutputFile } from "../io";
import type { GenerateArgs } from "./generate";

// Loaded only when the command runs (see run.ts): ExcelJS and docx are slow to load.

/** Templates whose tables minutes look into besides the selected one (a meeting's action items, an item's meeting). */
const MINUTES_RELATED = new Set(["meetings", "action-items"]);

/**
 * `liaison generate`: the rows `--rows` of the table on `--sheet` become documents, as the add-in
 * makes them from a selection. `.xlsx`: a copy of the workbook with one new sheet per document and
 * the register 文书登记 extended (the same adapter operation as inside Excel). `.docx`: the
 * documents alone; a Word file has no register, so its numbers continue the workbook's register but
 * are not logged anywhere (said on stderr). Skipped rows: one line each on stderr. Anything that
 * stops the command (unknown sheet, rows on no table, no qualifying row, a number in use) is a
 * LiaisonError or CliError: exit 2 with one line, nothing written. The input file is only read.
 */
export async function runGenerateAction(a: GenerateArgs, ctx: CliContext): Promise<number> {
  const book = await loadWorkbook(a.file, ctx);
  const selected = await book.readSelectedRows({ sheet: a.sheet, rows: a.rows });
  const tpl = getTemplate(selected.table.templateId);

  const stored = await book.readSettings();
  const { settings, problems } = stored === undefined ? parseSettings(undefined, ctx.lang) : settingsFromRows(stored, ctx.lang);
  for (const message of problems) ctx.err(ctx.t("settingsWarning", { message }));
  // The one place a real clock is read: flags win over the workbook's settings, which win over now.
  const clock = resolveClock({
    ...(a.today !== undefined ? { today: isoDate(a.today) } : {}),
    ...(a.now !== undefined ? { now: isoDateTime(a.now) } : {}),
    settings,
    instant: new Date(),
  });

  const related = a.kind === "minutes" ? await relatedTables(book, selected.table, clock.today) : [];
  const result = buildDocuments(a.kind, {
    selected: { tpl, read: readSelectedRows(tpl, selected, clock.today), sheet: selected.table.sheet },
    related,
    settings,
    today: clock.today,
    now: clock.now,
    calendar: calendarOf(settings),
    register: await book.readRegister(),
    lang: ctx.lang,
  });
  for (const s of result.skipped) ctx.err(ctx.t("skippedRow", { reason: s.reason }));

  const numbers = numberList(result.documents);
  if (a.outKind === "docx") {
    await writeOutputFile(a.out, await renderDocx(result.documents, { lang: ctx.lang }));
    ctx.out(ctx.t("documentsWrittenDocx", { file: a.out, count: result.documents.length, numbers }));
  } else {
    const sheets = await book.writeDocuments(
      result.documents.map((doc, i) => ({ layout: documentSheetLayout(doc, ctx.lang), entry: result.entries[i] })),
    );
    await writeOutputFile(a.out, await book.toBuffer());
    ctx.out(ctx.t("documentsWrittenXlsx", { file: a.out, count: sheets.length, numbers, sheets: sheets.map((s) => `“${s}”`).join("、") }));
  }
  return 0;
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

/** Every other meetings / action-items table of the workbook, read as the builders take them. */
async function relatedTables(book: XlsxWorkbook, selectedTable: FoundTable, today: number) {
  const same = (t: FoundTable): boolean =>
    t.sheet === selectedTable.sheet && t.headerRow === selectedTable.headerRow && t.firstColumn === selectedTable.firstColumn;
  const tables = await book.readTables({ kind: "all" });
  return tables
    .filter((d) => MINUTES_RELATED.has(d.table.templateId) && !same(d.table))
    .map((d) => ({
      sheet: d.table.sheet,
      read: readTable(getTemplate(d.table.templateId), d.table.columns, d.body, { today, firstExcelRow: d.table.headerRow + 1 }),
    }));
}

const numberList = (docs: readonly DocumentModel[]): string => docs.map((d) => d.number).join(", ");
