import { MAX_COLUMNS, MAX_ROWS, parseRange, rangeAddress, type Rect } from "../../core/a1";
import { isDateFormat } from "../../core/cells/number-format";
import { LiaisonError } from "../../core/errors";
import { planStructure } from "../../core/headers/recognize";
import { assertTableHeader } from "../../core/headers/table-header";
import { uniqueTableName } from "../../core/names";
import { getTemplate } from "../../core/templates";
import { columnLayout, type ColumnLayout } from "../../core/templates/layout";
import type { RangeRef, StructureResult } from "../../app/port";
import { readPieces, rowChunks } from "./batches";
import { toRawGrid } from "./cells";
import { queueColumnValidation, queueColumnWidths, TABLE_STYLE } from "./formats";
import { mergedAreasOverlapping } from "./merged-areas";
import { intersection, overlaps, rectOf, within } from "./rects";

/**
 * "Structure this range": a recognised plain range becomes an Excel table with the template's
 * number formats (on empty cells and on date serials shown as plain numbers), dropdowns, input
 * hints and column widths. No cell value changes: the header row must already be distinct text
 * (Excel would rewrite it otherwise), and formats are never applied over text a person typed.
 *
 * Syncs: (1) the target and the names in use; (2) used range and tables; (3) the cells of the
 * selection (one sync per MAX_CELLS_PER_BATCH cells, or fewer cells when they are long:
 * `readPieces`); (3b) merged areas around the table's rect
 * only, and the column widths (one sync; one more per halving past Office's 512 areas a question); (4) the table and its
 * formats (likewise chunked). Any refusal happens before step 4, so the workbook is unchanged.
 */
export async function structureRange(context: Excel.RequestContext, target?: RangeRef): Promise<StructureResult> {
  const wb = context.workbook;
  const tableItems = wb.tables.load("items/name");
  const nameItems = wb.names.load("items/name");

  // (1) Where the range is.
  let sheet: Excel.Worksheet;
  let sheetName: string;
  let selection: Rect;
  if (target) {
    const r = parseRange(target.address);
    if (!r || (r.sheet !== undefined && r.sheet.toLowerCase() !== target.sheet.toLowerCase()))
      throw new LiaisonError("invalidAddress", { address: target.address });
    selection = { top: r.top, left: r.left, bottom: r.bottom, right: r.right };
    sheet = wb.worksheets.getItemOrNullObject(target.sheet).load("name");
    await context.sync();
    if (sheet.isNullObject) throw new LiaisonError("sheetNotFound", { sheet: target.sheet });
    sheetName = sheet.name;
  } else {
    const selected = wb.getSelectedRange().load("rowIndex,columnIndex,rowCount,columnCount");
    sheet = selected.worksheet.load("name");
    await context.sync();
    selection = rectOf(selected);
    sheetName = sheet.name;
  }
  if (selection.top === 1 && selection.bottom === MAX_ROWS) throw new LiaisonError("wholeColumnSelection");
  if (selection.left === 0 && selection.right === MAX_COLUMNS - 1) throw new LiaisonError("wholeColumnSelection");

  // (2) What is around it (merged areas come once the table's rect is known: merged-areas.ts).
  const used = sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
  const tableProbes = tableItems.items.map((t) => ({
    name: t.name,
    sheet: t.worksheet.load("name"),
    range: t.getRange().load("rowIndex,columnIndex,rowCount,columnCount"),
  }));
  await context.sync();

  const tables = tableProbes.filter((t) => t.sheet.name === sheetName).map((t) => ({ name: t.name, rect: rectOf(t.range) }));
  const around = tables.find((t) => within(t.rect, selection));
  if (around) throw new LiaisonError("alreadyTable", { table: around.name });
  if (used.isNullObject) throw new LiaisonError("emptySelection");
  const usedRect = rectOf(used);
  // Read only the part of the selection that holds values, plus one row below it: an Excel table
  // needs a body row even when the header has no data yet.
  const read = intersection(selection, { ...usedRect, bottom: Math.min(MAX_ROWS, usedRect.bottom + 1) });
  if (!read) throw new LiaisonError("emptySelection");

  // (3) The cells.
  const width = read.right - read.left + 1;
  const values: unknown[][] = [];
  const types: unknown[][] = [];
  const formats: unknown[][] = [];
  const parts = await readPieces(
    context,
    [{ first: read.top, count: read.bottom - read.top + 1 }],
    width,
    (p) => sheet.getRangeByIndexes(p.first - 1, read.left, p.count, width).load("values,valueTypes,numberFormat"),
    (part) => [part.values, part.valueTypes, part.numberFormat],
  );
  for (const { loaded: part } of parts) {
    values.push(...part.values);
    types.push(...part.valueTypes);
    formats.push(...part.numberFormat);
  }

  const plan = planStructure(toRawGrid(values, types, formats), read);
  const rect = plan.rect;
  const clash = tables.find((t) => overlaps(t.rect, rect));
  if (clash) throw new LiaisonError("alreadyTable", { table: clash.name });
  assertTableHeader(values[rect.top - read.top].slice(rect.left - read.left, rect.right - read.left + 1), rect);
  // (3b) Merged areas overlapping the table (Excel refuses a table over merged cells), with the
  // current column widths (queued here, not with the cells: a read batch refused for its size
  // would lose them).
  const widths = Array.from({ length: width }, (_, i) => sheet.getRangeByIndexes(0, read.left + i, 1, 1).format.load("columnWidth"));
  const [merge] = await mergedAreasOverlapping(context, sheet, rect);
  if (merge) throw new LiaisonError("mergedCells", { address: rangeAddress(merge) });

  const tpl = getTemplate(plan.match.templateId);
  const layouts = new Map(tpl.columns.map((c) => [c.key, columnLayout(c)]));
  // Template column per table column; compound (`对接人(姓名/部门/联系方式)`) and unknown ones: none.
  const columns: (ColumnLayout | undefined)[] = plan.match.columns.map((c) => (c.key !== undefined ? layouts.get(c.key) : undefined));
  const tableName = uniqueTableName(tpl.tableName, [...tableItems.items.map((t) => t.name), ...nameItems.items.map((n) => n.name)]);

  // (4) The table first (if Excel refuses it, nothing else has been applied), then the formats.
  const table = sheet.tables.add(rangeAddress(rect), true);
  table.name = tableName;
  table.style = TABLE_STYLE;
  const bodyRows = rect.bottom - rect.top;
  const bodyChunks = rowChunks(bodyRows, columns.length);
  for (let i = 0; i < bodyChunks.length; i++) {
    const { start, count } = bodyChunks[i];
    const firstRow = rect.top + 1 + start; // 1-based
    const next = Array.from({ length: count }, (_, r) =>
      columns.map((col, c) => {
        const at = [firstRow + r - read.top, rect.left + c - read.left] as const;
        return structuredFormat(col, types[at[0]][at[1]], formats[at[0]][at[1]]);
      }),
    );
    sheet.getRangeByIndexes(firstRow - 1, rect.left, count, columns.length).numberFormat = next;
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload chunk (batches.ts), not per row
    if (i < bodyChunks.length - 1) await context.sync();
  }
  const current = columns.map((_, c) => widths[rect.left + c - read.left].columnWidth);
  queueColumnWidths(sheet, rect.left, columns, current);
  // A header-only range gets the body row Excel adds below it.
  queueColumnValidation(sheet, rect.top, Math.max(1, bodyRows), rect.left, columns, true);
  await context.sync();

  // Excel gives a header-only table the row below as its body row.
  const tableRect = { ...rect, bottom: Math.max(rect.bottom, rect.top + 1) };
  return { sheet: sheetName, table: tableName, templateId: tpl.id, address: rangeAddress(tableRect), rows: bodyRows };
}

/**
 * The format a body cell gets: the column's format where the cell is empty (what a person types
 * next), a date format over a number in a date column (a serial shown as 45432), otherwise the
 * cell keeps its format — text typed into a cell is never re-formatted.
 */
function structuredFormat(col: ColumnLayout | undefined, valueType: unknown, format: unknown): unknown {
  if (!col) return format;
  if (valueType === "Empty") return col.numberFormat;
  const dateColumn = col.type === "date" || col.type === "datetime";
  if (dateColumn && valueType === "Double" && !isDateFormat(typeof format === "string" ? format : undefined)) return col.numberFormat;
  return format;
}
