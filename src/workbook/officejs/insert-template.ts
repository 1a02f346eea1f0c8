import { columnLetter, rangeAddress } from "../../core/a1";
import { isDateFormat } from "../../core/cells/number-format";
import { isExcelDate, isExcelError, type RawCell } from "../../core/cells/types";
import { assertNewSheetName, assertNewTableName, uniqueSheetName, uniqueTableName } from "../../core/names";
import { getTemplate } from "../../core/templates";
import { templateLayout, type ColumnLayout, type TemplateLayout } from "../../core/templates/layout";
import type { InsertOptions, InsertResult } from "../../app/port";
import { jsonBytes, rowChunks } from "./batches";
import { toOfficeValue } from "./cells";
import { queueColumnValidation, queueColumnWidths, TABLE_STYLE } from "./formats";
import { removeSheetAfterFailure } from "./sheets";

/**
 * A template as an Excel table on a new sheet. Syncs: one to read the names in use, then one for
 * everything else — plus one per extra chunk of MAX_CELLS_PER_BATCH cells for very large layouts.
 */
export async function insertTemplate(context: Excel.RequestContext, templateId: string, options: InsertOptions): Promise<InsertResult> {
  const tpl = getTemplate(templateId);
  const layout = templateLayout(tpl, { examples: options.examples });

  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  const names = context.workbook.names.load("items/name");
  await context.sync();

  const sheetNames = sheets.items.map((s) => s.name);
  // A table name must not clash with another table nor with a defined name of the workbook.
  const tableNames = [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)];
  let sheetName: string;
  if (options.sheetName !== undefined) {
    assertNewSheetName(options.sheetName, sheetNames);
    sheetName = options.sheetName;
  } else sheetName = uniqueSheetName(tpl.name, sheetNames);
  let tableName: string;
  if (options.tableName !== undefined) {
    assertNewTableName(options.tableName, tableNames);
    tableName = options.tableName;
  } else tableName = uniqueTableName(tpl.tableName, tableNames);

  const sheet = context.workbook.worksheets.add(sheetName);
  try {
    const written = await writeTable(context, sheet, layout, tableName);
    return { sheet: sheetName, table: tableName, ...written };
  } catch (e) {
    // A batch is not a transaction: take the half-built sheet away, then let the error go on.
    await removeSheetAfterFailure(context, sheetName, e);
    throw e;
  }
}

export interface WrittenTable {
  /** A1 address of header + data rows, e.g. `A1:J4`. */
  readonly address: string;
  /** Data rows of the layout (0 for an empty template, whose table gets one blank row). */
  readonly rows: number;
}

/**
 * Writes `layout` at A1 of `sheet` (added in this batch or earlier) as an Excel table named
 * `tableName`: number formats first (so text such as `05-20` or `=x` stays text), then values,
 * then the table, widths, dropdowns, hints, the frozen header; activates the sheet. Ends with a
 * sync; syncs in between only to cut very large layouts into chunks (see batches.ts).
 */
export async function writeTable(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  layout: TemplateLayout,
  tableName: string,
): Promise<WrittenTable> {
  const columns = layout.columns;
  const width = columns.length;
  // An Excel table needs at least one data row: an empty template gets one blank row.
  const rows: readonly (readonly RawCell[])[] = layout.rows.length > 0 ? layout.rows : [new Array<RawCell>(width).fill(null)];
  const rect = { top: 1, left: 0, bottom: rows.length + 1, right: width - 1 };

  const header = sheet.getRangeByIndexes(0, 0, 1, width);
  header.numberFormat = [columns.map(() => "@")];
  header.values = [columns.map((c) => c.header)];

  const formats = rows.map((row) => columns.map((col, c) => cellFormat(col, row[c] ?? null)));
  const values = rows.map((row) => columns.map((_, c) => toOfficeValue(row[c] ?? null)));
  const chunks = rowChunks(rows.length, width, (r) => jsonBytes(values[r]) + jsonBytes(formats[r]));
  for (let i = 0; i < chunks.length; i++) {
    const { start, count } = chunks[i];
    const range = sheet.getRangeByIndexes(1 + start, 0, count, width);
    range.numberFormat = formats.slice(start, start + count);
    range.values = values.slice(start, start + count);
    // Every chunk but the last travels alone; the last goes with the table and formats below.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload chunk (batches.ts), not per row
    if (i < chunks.length - 1) await context.sync();
  }

  const table = sheet.tables.add(`A1:${columnLetter(width - 1)}${rect.bottom}`, true);
  table.name = tableName;
  table.style = TABLE_STYLE;
  queueColumnWidths(sheet, 0, columns);
  queueColumnValidation(sheet, 1, rows.length, 0, columns, false);
  sheet.freezePanes.freezeRows(1);
  sheet.activate();
  await context.sync();
  return { address: rangeAddress(rect), rows: layout.rows.length };
}

/**
 * The number format of a data cell: text values are formatted as text so Excel keeps them as
 * typed (a `05-20` in a date column stays the text the manual wrote, `=…` never becomes a
 * formula); dates get a date format; everything else the column's format.
 */
function cellFormat(col: ColumnLayout, cell: RawCell): string {
  if (typeof cell === "string" || isExcelError(cell)) return "@";
  if (isExcelDate(cell))
    return isDateFormat(col.numberFormat) ? col.numberFormat : col.type === "datetime" ? "yyyy-mm-dd hh:mm" : "yyyy-mm-dd";
  return col.numberFormat;
}
