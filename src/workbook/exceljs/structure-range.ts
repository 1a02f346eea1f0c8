import type * as ExcelJS from "exceljs";
import { cellAddress, MAX_COLUMNS, MAX_ROWS, parseRange, rangeAddress, type Rect } from "../../core/a1";
import { isDateFormat } from "../../core/cells/number-format";
import { isExcelDate, type RawCell } from "../../core/cells/types";
import { LiaisonError } from "../../core/errors";
import { planStructure } from "../../core/headers/recognize";
import { assertTableHeader } from "../../core/headers/table-header";
import { uniqueTableName } from "../../core/names";
import { getTemplate } from "../../core/templates";
import { columnLayout, type ColumnLayout } from "../../core/templates/layout";
import type { RangeRef, StructureResult } from "../../app/port";
import { rawAt, toRawCell } from "./cells";
import { addColumnValidation, hasValidationIn } from "./formats";
import { TABLE_STYLE } from "./insert-template";
import { allTableNames, definedNames, mergesOf, overlaps, tablesOf } from "./tables";

/**
 * "Structure this range": a recognised plain range becomes an Excel table with the template's
 * number formats, dropdowns and widths. No value changes: a header row that is not distinct text
 * is refused (core `assertTableHeader`, as in the Office adapter). Every refusal is decided
 * before the first change.
 */
export function structureRange(wb: ExcelJS.Workbook, target: RangeRef): StructureResult {
  const ws = wb.worksheets.find((w) => w.name.toLocaleLowerCase() === target.sheet.toLocaleLowerCase());
  if (!ws) throw new LiaisonError("sheetNotFound", { sheet: target.sheet });
  const selection = parseRange(target.address);
  if (!selection) throw new LiaisonError("invalidAddress", { address: target.address });
  if ((selection.top === 1 && selection.bottom === MAX_ROWS) || (selection.left === 0 && selection.right === MAX_COLUMNS - 1)) {
    throw new LiaisonError("wholeColumnSelection");
  }
  const table = tablesOf(ws).find((t) => overlaps(t.rect, selection));
  if (table) throw new LiaisonError("alreadyTable", { table: table.name });

  // Cells below the sheet's last row or right of its last column are empty: no need to read them.
  const values = readValues(ws, {
    ...selection,
    bottom: Math.min(selection.bottom, ws.rowCount),
    right: Math.min(selection.right, ws.columnCount - 1),
  });
  const plan = planStructure(values, selection);
  // An Excel table needs a body row: a header alone takes the row below it.
  const rect: Rect = { ...plan.rect, bottom: Math.max(plan.rect.bottom, plan.rect.top + 1) };
  const merge = mergesOf(ws).find((m) => overlaps(m, rect));
  if (merge) throw new LiaisonError("mergedCells", { address: rangeAddress(merge) });

  const tpl = getTemplate(plan.match.templateId);
  const name = uniqueTableName(tpl.tableName, [...allTableNames(wb), ...definedNames(wb)]);
  const headerCells = range(rect.left, rect.right).map((c) => ws.getCell(cellAddress(c, rect.top)));
  // A header Excel would rewrite (blank, not text, repeated) is refused: no value changes (core).
  assertTableHeader(headerCells.map(toRawCell), rect);
  const columnNames = tableColumnNames(headerCells.map(toRawCell));
  const before = snapshot(ws, rect);
  try {
    ws.addTable({
      name,
      ref: cellAddress(rect.left, rect.top),
      headerRow: true,
      totalsRow: false,
      style: { ...TABLE_STYLE },
      columns: columnNames.map((n) => ({ name: n, filterButton: true })),
      // ExcelJS writes `rows` into the cells under the header: the cells' own values, so nothing changes.
      rows: range(rect.top + 1, rect.bottom).map((r) => range(rect.left, rect.right).map((c) => ws.getCell(cellAddress(c, r)).value)),
    });
    // A header cell whose text already is the column name keeps its own value (rich text, say).
    headerCells.forEach((cell, i) => {
      const original = before.get(cell.address);
      if (toRawCellOf(original) === columnNames[i]) cell.value = original?.value ?? null;
    });
    for (const found of plan.match.columns) {
      if (!found.key) continue; // unknown or compound columns get no format
      const col = columnLayout(tpl.columns.find((c) => c.key === found.key)!);
      formatColumn(ws, col, rect.left + found.index, rect.top + 1, rect.bottom);
    }
  } catch (e) {
    // Not expected (every refusal is above); still, leave the sheet as it was before rethrowing.
    ws.removeTable(name);
    restore(ws, before);
    throw e;
  }
  return { sheet: ws.name, table: name, templateId: tpl.id, address: rangeAddress(rect), rows: rect.bottom - rect.top };
}

const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

function readValues(ws: ExcelJS.Worksheet, rect: Rect): RawCell[][] {
  return range(rect.top, rect.bottom).map((r) => range(rect.left, rect.right).map((c) => rawAt(ws, r, c)));
}

/** Excel table column names: unique, non-empty text. Blank → `列N` (N = position), repeats → `名称2`. */
function tableColumnNames(headers: readonly RawCell[]): string[] {
  const names: string[] = [];
  const taken = (n: string): boolean => names.some((m) => m.toLocaleLowerCase() === n.toLocaleLowerCase());
  headers.forEach((h, i) => {
    const text = typeof h === "string" ? h.trim() : typeof h === "number" || typeof h === "boolean" ? String(h) : "";
    const base = text === "" ? `列${i + 1}` : text;
    let name = base;
    for (let n = 2; taken(name); n++) name = `${base}${n}`;
    names.push(name);
  });
  return names;
}

interface CellState {
  readonly value: ExcelJS.CellValue;
  readonly numFmt: string | undefined;
}

function snapshot(ws: ExcelJS.Worksheet, rect: Rect): Map<string, CellState> {
  const states = new Map<string, CellState>();
  for (const r of range(rect.top, rect.bottom)) {
    for (const c of range(rect.left, rect.right)) {
      const cell = ws.getCell(cellAddress(c, r));
      states.set(cell.address, { value: cell.value, numFmt: cell.numFmt });
    }
  }
  return states;
}

function restore(ws: ExcelJS.Worksheet, states: ReadonlyMap<string, CellState>): void {
  for (const [address, s] of states) {
    const cell = ws.getCell(address);
    cell.value = s.value;
    cell.numFmt = s.numFmt as string;
  }
}

function toRawCellOf(state: CellState | undefined): RawCell {
  if (!state) return null;
  const v = state.value;
  if (typeof v === "string") return v.trim();
  if (v && typeof v === "object" && "richText" in v)
    return v.richText
      .map((t) => t.text)
      .join("")
      .trim();
  return null;
}

/**
 * The column's format, dropdown and width. A number format is applied only where it cannot change
 * how a value reads: empty cells (for what people type next), text under `@`, dates under a date
 * format. A number keeps its own format — a bare serial in a date column stays a number for the
 * validator to report, and `0` would round 1.5 on screen. Existing validations are left alone, and
 * a column is only ever widened.
 */
function formatColumn(ws: ExcelJS.Worksheet, col: ColumnLayout, column0: number, top: number, bottom: number): void {
  const dateFormat = isDateFormat(col.numberFormat);
  const textFormat = col.numberFormat === "@";
  for (const r of range(top, bottom)) {
    const cell = ws.getCell(cellAddress(column0, r));
    const raw = toRawCell(cell);
    const fits = raw === null || (typeof raw === "string" && textFormat) || (isExcelDate(raw) && dateFormat);
    if (fits) cell.numFmt = col.numberFormat;
  }
  if (!hasValidationIn(ws, { top, bottom, left: column0, right: column0 })) addColumnValidation(ws, col, column0, top, bottom);
  const column = ws.getColumn(column0 + 1);
  if (column.width === undefined || column.width < col.width) column.width = col.width;
}
