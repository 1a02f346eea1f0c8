import type * as ExcelJS from "exceljs";
import { dashboardCells, type DashboardSheet } from "../../core/dashboard/sheet";
import { uniqueSheetName } from "../../core/names";
import { dashboardGrid } from "../dashboard-grid";
import type { DashboardWritten } from "../../app/port";

/**
 * Writes the 看板's cells on a new sheet (unique name, never an existing one): text as text
 * (number format `@`), figures as numbers, titles and headers bold, column widths. No chart:
 * ExcelJS has no chart API, so `charts` is 0 and the front end says charts are drawn in Excel only.
 */
export function writeDashboard(wb: ExcelJS.Workbook, sheet: DashboardSheet): DashboardWritten {
  const name = uniqueSheetName(
    sheet.name,
    wb.worksheets.map((ws) => ws.name),
  );
  const grid = dashboardGrid(dashboardCells(sheet));
  const ws = wb.addWorksheet(name);
  grid.values.forEach((line, r) =>
    line.forEach((value, c) => {
      if (value === "") return;
      const cell = ws.getCell(r + 1, c + 1);
      // Assigned as a plain value: a string starting with "=" stays text (ExcelJS writes formulas only from { formula }).
      cell.value = value;
      cell.numFmt = grid.formats[r][c];
      if (grid.bold[r][c]) cell.font = { bold: true };
    }),
  );
  sheet.widths.forEach((w, c) => {
    ws.getColumn(c + 1).width = w;
  });
  return { sheet: name, charts: 0 };
}
