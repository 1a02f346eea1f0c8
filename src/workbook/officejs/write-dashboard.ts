import { dashboardCells, type DashboardSheet } from "../../core/dashboard/sheet";
import { uniqueSheetName } from "../../core/names";
import type { DashboardWritten } from "../../app/port";
import { dashboardGrid } from "../dashboard-grid";
import { columnWidthPoints } from "../layout-plan";

/**
 * Writes the 看板 on a new sheet with a native Excel chart beside each block that has data, in
 * one command of two syncs whatever the number of rows:
 *   sync 1 — the sheet names (the new one must not overwrite any);
 *   sync 2 — the sheet, its cells in one block (number format first: text stays text, a month
 *   such as 2024-09 is not turned into a date), bold titles and headers, widths, the charts.
 *
 * Charts: `worksheet.charts.add(type, sourceData, seriesBy)` "Creates a new chart" from a Range,
 * `chart.title.text` and `chart.setPosition(startCell, endCell)` — all ExcelApi 1.1
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1),
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.chart#excel-excel-chart-setposition-member(1)).
 * Series are taken by columns (the block's first column is the category axis, each further column
 * a series), always said explicitly: with the default `Auto`, Excel on the web has read a two-column
 * range the other way round (office-js issues #1830, https://github.com/OfficeDev/office-js/issues/1830,
 * and #2929, where passing "Columns" fixed the chart).
 */
export async function writeDashboard(context: Excel.RequestContext, sheet: DashboardSheet): Promise<DashboardWritten> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();

  const name = uniqueSheetName(
    sheet.name,
    sheets.items.map((s) => s.name),
  );
  const ws = context.workbook.worksheets.add(name);
  const cells = dashboardCells(sheet);
  const grid = dashboardGrid(cells);
  const block = ws.getRangeByIndexes(0, 0, grid.values.length, grid.values[0].length);
  block.numberFormat = grid.formats;
  block.values = grid.values;
  // Titles and header rows: one range per block (a fixed number of them), never one per cell.
  ws.getRange("A1").format.font.bold = true;
  for (const b of sheet.blocks) {
    ws.getRange(`A${b.titleRow}`).format.font.bold = true;
    ws.getRangeByIndexes(b.titleRow, 0, 1, b.header.length).format.font.bold = true;
  }
  sheet.widths.forEach((w, c) => {
    ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = columnWidthPoints(w);
  });
  let charts = 0;
  for (const b of sheet.blocks) {
    if (!b.chart) continue;
    const chart = ws.charts.add(b.chart.type, ws.getRange(b.chart.source), "Columns");
    chart.title.text = b.chart.title;
    chart.setPosition(b.chart.topLeft, b.chart.bottomRight);
    charts++;
  }
  ws.activate();
  await context.sync();
  return { sheet: name, charts };
}
