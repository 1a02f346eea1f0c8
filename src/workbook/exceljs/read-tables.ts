import type * as ExcelJS from "exceljs";
import { parseRange, type Rect } from "../../core/a1";
import type { RawCell } from "../../core/cells/types";
import { LiaisonError } from "../../core/errors";
import type { FoundTable, RangeRef, TableData, TableScope } from "../../app/port";
import { toRawCell } from "./cells";
import { findSheet } from "./settings-store";
import { tablesOf } from "./tables";
import { tableData } from "../../core/layout/body";
import type { SheetSnapshot } from "../../core/layout/snapshot";

/**
 * The data rows of found tables, as the core's `readTable` takes them. Reading is the hot path of
 * a check (100 000 rows × 12 columns is a normal "large" workbook), so each row is looked up once
 * and its cells are taken from the row directly, without ExcelJS creating missing cells.
 */

/** The tables of `found` that `scope` covers. `selection` is needed for `current` only. */
export function tablesInScope(
  wb: ExcelJS.Workbook,
  found: readonly FoundTable[],
  scope: TableScope,
  selection: RangeRef | undefined,
): FoundTable[] {
  switch (scope.kind) {
    case "all":
      return [...found];
    case "sheet": {
      const ws = findSheet(wb, scope.sheet);
      if (!ws) throw new LiaisonError("sheetNotFound", { sheet: scope.sheet });
      return found.filter((f) => f.sheet === ws.name);
    }
    case "current": {
      const table = selection && tableAt(wb, found, selection);
      if (!table) throw new LiaisonError("noTableAtSelection");
      return [table];
    }
  }
}

/**
 * The table under the selection's top-left cell. An Excel table counts with its whole area
 * (blank rows at its end included: people click there to add a row); a plain range with its
 * header and data rows.
 */
function tableAt(wb: ExcelJS.Workbook, found: readonly FoundTable[], selection: RangeRef): FoundTable | undefined {
  const ws = findSheet(wb, selection.sheet);
  const sel = parseRange(selection.address);
  if (!ws || !sel) return undefined;
  const inside = (r: Rect): boolean => sel.top >= r.top && sel.top <= r.bottom && sel.left >= r.left && sel.left <= r.right;
  const excelTables = tablesOf(ws);
  return found.find((f) => {
    if (f.sheet !== ws.name) return false;
    const whole = f.kind === "table" ? excelTables.find((t) => t.name === f.tableName)?.rect : undefined;
    const rect = whole ?? parseRange(f.address);
    return rect !== undefined && inside(rect);
  });
}

/**
 * The table's data rows (`dataRowsOf(table)`: header, blank, totals and other skipped rows
 * excluded), `columns.length` cells each from `firstColumn`, merged cells reading as their area's
 * value. The core's `tableData` decides all that; this only hands it the sheet's rows, read one
 * by one as it asks for them.
 */
export function readTableBody(wb: ExcelJS.Workbook, table: FoundTable): RawCell[][] {
  const ws = wb.getWorksheet(table.sheet);
  if (!ws) throw new Error(`Found table on sheet "${table.sheet}", which the workbook does not have`);
  const right = table.firstColumn + table.columns.length; // 1-based last column, inclusive
  const rowCells = (r: number): readonly RawCell[] => {
    // findRow/findCell, never getRow/getCell: those add missing rows and cells to the sheet.
    const row = ws.findRow(r);
    if (!row) return [];
    const out = new Array<RawCell>(right).fill(null);
    for (let c = 1; c <= right; c++) {
      const cell = row.findCell(c);
      if (cell) out[c - 1] = toRawCell(cell);
    }
    return out;
  };
  const sheet: SheetSnapshot = { name: ws.name, grid: { rowNumbers: [], row: rowCells }, tables: [], merges: [] };
  return tableData(sheet, table).body as RawCell[][];
}
export function readTablesData(wb: ExcelJS.Workbook, tables: readonly FoundTable[]): TableData[] {
  return tables.map((table) => ({ table, body: readTableBody(wb, table) }));
}
