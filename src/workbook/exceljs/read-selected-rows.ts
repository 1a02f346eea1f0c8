import type * as ExcelJS from "exceljs";
import { MAX_COLUMNS, parseRange } from "../../core/a1";
import type { RawCell } from "../../core/cells/types";
import { LiaisonError } from "../../core/errors";
import type { FoundTable, RangeRef, RowsTarget, SelectedRows } from "../../app/port";
import { pickSelectedRows, rowAreas, rowsText, selectionAreas, type TableArea } from "../../core/layout/selected-rows";
import { toRawCell } from "./cells";
import { findSheet } from "./settings-store";

/**
 * The rows a person chose, on an in-memory workbook: `target` (the CLI's `--sheet S --rows 5,7-9`)
 * or the adapter's selection (set by the preview page: one area `B3:F9`, or several separated by
 * commas, `B3,B5:C6,7:9`). Rows hidden in the file (by a filter or by hand) are left out of a
 * selection, as Excel leaves them out of what a person sees; rows named explicitly are taken as
 * named — the person asked for row 7 by its number.
 */
export function readSelectedRows(
  wb: ExcelJS.Workbook,
  found: readonly FoundTable[],
  target: RowsTarget | undefined,
  selection: RangeRef | undefined,
): SelectedRows {
  const sheetName = target?.sheet ?? selection?.sheet;
  if (sheetName === undefined) throw new LiaisonError("noTableAtSelection");
  const ws = findSheet(wb, sheetName);
  if (!ws) throw new LiaisonError("sheetNotFound", { sheet: sheetName });

  const areas = target ? rowAreas(target.rows, MAX_COLUMNS - 1) : selectionAreas((selection as RangeRef).address);
  const none = target
    ? () => new LiaisonError("noTableAtRows", { sheet: ws.name, rows: rowsText(target.rows) })
    : () => new LiaisonError("noTableAtSelection");
  const picked = pickSelectedRows(tableAreas(ws, found), ws.name, areas, none);

  const rows = target ? picked.rows : picked.rows.filter((r) => ws.findRow(r)?.hidden !== true);
  if (rows.length === 0) throw new LiaisonError("noDataRowsSelected");
  return { table: picked.table, excelRows: rows, body: rows.map((r) => rowCells(ws, r, picked.table)) };
}

/**
 * Found tables of the sheet with the area a selection must touch: header and data rows (the
 * blank rows at the end of an Excel table hold no data row; both adapters count them out alike).
 */
function tableAreas(ws: ExcelJS.Worksheet, found: readonly FoundTable[]): TableArea[] {
  return found
    .filter((f) => f.sheet === ws.name)
    .map((table) => {
      const rect = parseRange(table.address);
      if (!rect) throw new Error(`findTables returned an invalid address "${table.address}"`);
      return { table, rect };
    });
}

/** One data row's cells from the table's first column, read without creating cells. */
function rowCells(ws: ExcelJS.Worksheet, excelRow: number, table: FoundTable): RawCell[] {
  const out = new Array<RawCell>(table.columns.length).fill(null);
  const row = ws.findRow(excelRow);
  if (!row) return out;
  for (let c = 0; c < out.length; c++) {
    const cell = row.findCell(table.firstColumn + 1 + c);
    if (cell) out[c] = toRawCell(cell);
  }
  return out;
}
