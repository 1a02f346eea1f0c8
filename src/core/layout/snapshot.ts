import type { Rect } from "../a1";
import type { RawCell } from "../cells/types";

/**
 * What an adapter fetches of one sheet so that the core can decide where its tables are. Every
 * front end (Office.js in Excel, the .xlsx reader of the CLI and the preview) builds these and
 * hands them to `locateTables`: the adapters fetch, the core decides.
 *
 * The grid is sparse: memory grows with the rows that hold something, never with the sheet's
 * bounding box (a stray cell at XFD1048576 must not cost a grid of a million rows).
 */
export interface SheetGrid {
  /** 1-based numbers of the rows that hold at least one non-empty cell, ascending. */
  readonly rowNumbers: readonly number[];
  /** Row `r`'s cells from column A (index 0) to its last non-empty cell; [] when the row has none. */
  row(r: number): readonly RawCell[];
}

/** An Excel table (ListObject) as stored: its whole area, header and totals row included. */
export interface ExcelTableInfo {
  readonly name: string;
  readonly rect: Rect;
  /** False for a table saved with its header row turned off (`headerRowCount="0"`). */
  readonly hasHeaderRow: boolean;
  readonly hasTotalsRow: boolean;
  /** The table's column names (equal to its header cells when it has a header row). */
  readonly columnNames: readonly string[];
}

export interface SheetSnapshot {
  readonly name: string;
  readonly grid: SheetGrid;
  readonly tables: readonly ExcelTableInfo[];
  /** Merged areas (1-based rows, 0-based columns, as in a1.ts). */
  readonly merges: readonly Rect[];
}

const EMPTY: readonly RawCell[] = [];

/** A grid from rows keyed by their 1-based row number; empty rows may be left out or given as []. */
export function gridFromRows(rows: ReadonlyMap<number, readonly RawCell[]>): SheetGrid {
  const trimmed = new Map<number, readonly RawCell[]>();
  for (const [r, cells] of rows) {
    let last = cells.length - 1;
    while (last >= 0 && isEmptyCell(cells[last])) last--;
    if (last >= 0) trimmed.set(r, last === cells.length - 1 ? cells : cells.slice(0, last + 1));
  }
  const rowNumbers = [...trimmed.keys()].sort((a, b) => a - b);
  return { rowNumbers, row: (r) => trimmed.get(r) ?? EMPTY };
}

/** A grid from a dense array whose element 0 is row `firstRow` (default 1) and column A. */
export function gridFromDense(grid: readonly (readonly RawCell[])[], firstRow = 1): SheetGrid {
  const rows = new Map<number, readonly RawCell[]>();
  grid.forEach((cells, i) => rows.set(firstRow + i, cells));
  return gridFromRows(rows);
}

/** The cell at row `r` (1-based), column `c` (0-based); null when empty or outside the grid. */
export function cellAt(grid: SheetGrid, r: number, c: number): RawCell {
  return grid.row(r)[c] ?? null;
}

const isEmptyCell = (cell: RawCell | undefined): boolean => cell === null || cell === undefined || cell === "";
