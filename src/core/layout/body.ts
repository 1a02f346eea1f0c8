import type { Rect } from "../a1";
import type { RawCell } from "../cells/types";
import type { SheetSnapshot } from "./snapshot";
import { MergeSweep } from "./merge-sweep";
import { dataRowsOf, type FoundTable, type TableData } from "./types";

/**
 * A found table's data rows read from its sheet's snapshot, as the core's `readTable` takes them:
 * one body row per data row (`dataRowsOf(table)`), `table.columns.length` cells each from
 * `table.firstColumn`. Every cell of a merged area reads as the area's top-left value
 * (contract.md: a supplier name merged down over its periods counts for each period).
 */
export function tableData(sheet: SheetSnapshot, table: FoundTable): TableData {
  const width = table.columns.length;
  const rows = dataRowsOf(table);
  const body: RawCell[][] = new Array<RawCell[]>(rows.length);
  const merges = table.merges && table.merges.length > 0 ? new MergeSweep(table.merges) : undefined;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const cells = sheet.grid.row(r);
    const out = new Array<RawCell>(width);
    for (let c = 0; c < width; c++) out[c] = cells[table.firstColumn + c] ?? null;
    const here = merges?.at(r);
    if (here && here.length > 0) fillMerged(sheet, here, r, table.firstColumn, out);
    body[i] = out;
  }
  return { table, body };
}

/** Row r's cells (from column `first`) inside a merged area take the area's top-left value. */
export function fillMerged(sheet: SheetSnapshot, merges: readonly Rect[], r: number, first: number, out: RawCell[]): void {
  for (const m of merges) {
    if (r < m.top || r > m.bottom) continue;
    const value = sheet.grid.row(m.top)[m.left] ?? null;
    for (let c = Math.max(m.left, first); c <= m.right && c - first < out.length; c++)
      if (c !== m.left || r !== m.top) out[c - first] = value;
  }
}
