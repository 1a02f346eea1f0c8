import type * as ExcelJS from "exceljs";
import { rangeAddress, type Rect } from "../../core/a1";
import type { RawCell } from "../../core/cells/types";
import { isBlank } from "../../core/headers/match";
import { matchHeaders, recognizeGrid } from "../../core/headers/recognize";
import type { FoundTable } from "../port";
import { rawAt, sheetGrid } from "./cells";
import { isSettingsSheet } from "./settings-store";
import { overlaps, tablesOf, type TableInfo } from "./tables";

/**
 * Every table of a known template: the Excel tables of each sheet whose header matches a template,
 * then at most one plain range per sheet whose header row (within the first 10 rows) matches,
 * looked for in the sheet with the Excel tables blanked out so that no range overlaps a table.
 * The add-in's hidden settings sheet is never a table.
 */
export function findTables(wb: ExcelJS.Workbook): FoundTable[] {
  const found: FoundTable[] = [];
  for (const ws of wb.worksheets) {
    if (isSettingsSheet(ws)) continue;
    const tables = tablesOf(ws).sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
    for (const t of tables) {
      const f = foundExcelTable(ws, t);
      if (f) found.push(f);
    }
    const range = foundRange(ws, tables);
    if (range) found.push(range);
  }
  return found;
}

function foundExcelTable(ws: ExcelJS.Worksheet, t: TableInfo): FoundTable | undefined {
  // Excel keeps a table's column names equal to its header cells, and they are always text.
  const match = matchHeaders(t.columnNames);
  if (!match) return undefined;
  const { top, left, right } = t.rect;
  const lastDataRow = t.rect.bottom - (t.hasTotalsRow ? 1 : 0);
  let rows = 0;
  for (let r = lastDataRow; r > top; r--) {
    if (!rowIsBlank(ws, r, left, right)) {
      rows = r - top;
      break;
    }
  }
  return {
    sheet: ws.name,
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

function rowIsBlank(ws: ExcelJS.Worksheet, row: number, left: number, right: number): boolean {
  for (let c = left; c <= right; c++) if (!isBlank(rawAt(ws, row, c))) return false;
  return true;
}

function foundRange(ws: ExcelJS.Worksheet, tables: readonly TableInfo[]): FoundTable | undefined {
  const grid: RawCell[][] = sheetGrid(ws);
  for (const t of tables) blankOut(grid, t.rect);
  const g = recognizeGrid(grid);
  if (!g) return undefined;
  const rect: Rect = { top: g.headerRowOffset + 1, left: g.firstColumn, bottom: g.headerRowOffset + 1 + g.dataRows, right: g.lastColumn };
  // The data rows of a range reach down to its last non-empty row; one running into a table is not a range of its own.
  if (tables.some((t) => overlaps(t.rect, rect))) return undefined;
  return {
    sheet: ws.name,
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

function blankOut(grid: RawCell[][], rect: Rect): void {
  for (let r = rect.top; r <= rect.bottom && r <= grid.length; r++) {
    const row = grid[r - 1];
    for (let c = rect.left; c <= rect.right && c < row.length; c++) row[c] = null;
  }
}
