import { rangeAddress, type Rect } from "../a1";
import type { RawCell } from "../cells/types";
import { isBlank } from "../headers/match";
import { matchHeaders, recognizeGrid } from "../headers/recognize";
import { type ExcelTableInfo, type SheetGrid, type SheetSnapshot } from "./snapshot";
import type { FoundTable } from "./types";

/**
 * Where the tables are: the one decision every front end shares. Adapters fetch each sheet as a
 * `SheetSnapshot` and call this; none of them recognises a table on its own.
 *
 * Per sheet: the Excel tables whose header matches a template, then at most one plain range
 * whose header row lies in the first 10 rows of the sheet, looked for with the Excel tables
 * blanked out so that no range overlaps a table. Results in sheet order, then by position.
 */
export function locateTables(sheets: readonly SheetSnapshot[]): FoundTable[] {
  return sheets.flatMap(locateInSheet);
}

export function locateInSheet(sheet: SheetSnapshot): FoundTable[] {
  const tables = [...sheet.tables].sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
  const found: FoundTable[] = [];
  for (const t of tables) {
    const f = excelTable(sheet, t);
    if (f) found.push(f);
  }
  const range = plainRange(sheet, tables);
  if (range) found.push(range);
  return found.sort((a, b) => a.headerRow - b.headerRow || a.firstColumn - b.firstColumn);
}

function excelTable(sheet: SheetSnapshot, t: ExcelTableInfo): FoundTable | undefined {
  // Excel keeps a table's column names equal to its header cells, and they are always text.
  const match = matchHeaders(t.columnNames);
  if (!match) return undefined;
  const { top, left, right } = t.rect;
  const lastDataRow = t.rect.bottom - (t.hasTotalsRow ? 1 : 0);
  let rows = 0;
  for (let r = lastDataRow; r > top; r--) {
    if (!rowIsBlank(sheet.grid, r, left, right)) {
      rows = r - top;
      break;
    }
  }
  return {
    sheet: sheet.name,
    templateId: match.templateId,
    kind: "table",
    tableName: t.name,
    headerRow: top,
    firstColumn: left,
    rows,
    address: rangeAddress({ top, left, bottom: top + rows, right }),
    columns: match.columns,
    missingRequired: match.missingRequired,
  };
}

function rowIsBlank(grid: SheetGrid, row: number, left: number, right: number): boolean {
  const cells = grid.row(row);
  for (let c = left; c <= right && c < cells.length; c++) if (!isBlank(cells[c])) return false;
  return true;
}

function plainRange(sheet: SheetSnapshot, tables: readonly ExcelTableInfo[]): FoundTable | undefined {
  const grid = denseOutsideTables(sheet.grid, tables);
  const g = recognizeGrid(grid);
  if (!g) return undefined;
  const rect: Rect = { top: g.headerRowOffset + 1, left: g.firstColumn, bottom: g.headerRowOffset + 1 + g.dataRows, right: g.lastColumn };
  // The data rows of a range reach down to its last non-empty row; one running into a table is not a range of its own.
  if (tables.some((t) => overlaps(t.rect, rect))) return undefined;
  return {
    sheet: sheet.name,
    templateId: g.templateId,
    kind: "range",
    headerRow: rect.top,
    firstColumn: rect.left,
    rows: g.dataRows,
    address: rangeAddress(rect),
    columns: g.columns,
    missingRequired: g.missingRequired,
  };
}

/**
 * The sheet as rows from row 1 to its last non-empty row, with the Excel tables' cells blanked.
 * Empty rows share one empty array, so the cost is the rows that hold something.
 */
function denseOutsideTables(grid: SheetGrid, tables: readonly ExcelTableInfo[]): RawCell[][] {
  const last = grid.rowNumbers.length === 0 ? 0 : grid.rowNumbers[grid.rowNumbers.length - 1];
  const empty: RawCell[] = [];
  const out: RawCell[][] = new Array<RawCell[]>(last).fill(empty);
  for (const r of grid.rowNumbers) {
    const cells = grid.row(r);
    const inTables = tables.filter((t) => r >= t.rect.top && r <= t.rect.bottom);
    out[r - 1] =
      inTables.length === 0
        ? (cells as RawCell[])
        : cells.map((cell, c) => (inTables.some((t) => c >= t.rect.left && c <= t.rect.right) ? null : cell));
  }
  return out;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
