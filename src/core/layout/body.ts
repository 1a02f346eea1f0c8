import type { RawCell } from "../cells/types";
import type { SheetSnapshot } from "./snapshot";
import type { FoundTable, TableData } from "./types";

/**
 * A found table's data rows read from its sheet's snapshot, as the core's `readTable` takes them:
 * `table.rows` rows below the header, `table.columns.length` cells each from `table.firstColumn`.
 * For adapters that hold whole snapshots (the .xlsx reader); the same shape every adapter returns.
 */
export function tableData(sheet: SheetSnapshot, table: FoundTable): TableData {
  const width = table.columns.length;
  const body: RawCell[][] = new Array<RawCell[]>(table.rows);
  for (let i = 0; i < table.rows; i++) {
    const cells = sheet.grid.row(table.headerRow + 1 + i);
    const out = new Array<RawCell>(width);
    for (let c = 0; c < width; c++) out[c] = cells[table.firstColumn + c] ?? null;
    body[i] = out;
  }
  return { table, body };
}
