import type * as ExcelJS from "exceljs";
import type { RawCell } from "../../core/cells/types";
import { locateStored, type WorkbookLayout } from "../../core/layout/locate";
import { gridFromRows, type SheetSnapshot } from "../../core/layout/snapshot";
import type { FoundTable } from "../../app/port";
import { toRawCell } from "./cells";
import { isSettingsSheet } from "./settings-store";
import { mergesOf, tablesOf } from "./tables";

/**
 * Every table of a known template in the workbook. This adapter only fetches: each sheet becomes a
 * `SheetSnapshot` (its non-empty rows, Excel tables and merged areas) and the core's
 * `locateTables` decides, as it does for every other front end. The add-in's hidden settings
 * sheet is never a table; the layout corrections sheet (core corrections-sheet.ts) is read among
 * the snapshots and applied.
 */
export function findTables(wb: ExcelJS.Workbook): FoundTable[] {
  return layoutOf(wb).layout.tables;
}

/** The sheets as snapshots and the layout located in them, the workbook's own corrections applied. */
export function layoutOf(wb: ExcelJS.Workbook): { snapshots: SheetSnapshot[]; layout: WorkbookLayout } {
  const snapshots = wb.worksheets.filter((ws) => !isSettingsSheet(ws)).map(snapshotOf);
  return { snapshots, layout: locateStored(snapshots) };
}

/** One sheet as the core's locator reads it. */
export function snapshotOf(ws: ExcelJS.Worksheet): SheetSnapshot {
  const rows = new Map<number, RawCell[]>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = toRawCell(cell);
    });
    for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
    rows.set(r, cells);
  });
  return {
    name: ws.name,
    grid: gridFromRows(rows),
    tables: tablesOf(ws).map((t) => ({ ...t, hasHeaderRow: true })),
    merges: mergesOf(ws),
  };
}
