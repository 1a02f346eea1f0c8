import type * as ExcelJS from "exceljs";
import { cellAddress, rangeAddress } from "../../core/a1";
import { isExcelDate, isExcelError, type RawCell } from "../../core/cells/types";
import { assertNewSheetName, assertNewTableName, uniqueSheetName, uniqueTableName } from "../../core/names";
import { getTemplate } from "../../core/templates";
import { templateLayout } from "../../core/templates/layout";
import type { InsertOptions, InsertResult } from "../../app/port";
import { serialToDate } from "./cells";
import { addColumnValidation } from "./formats";
import { allTableNames, definedNames } from "./tables";

/** Excel's default table look (banded rows), as a table a person inserts in Excel. */
export const TABLE_STYLE = { theme: "TableStyleMedium2", showRowStripes: true } as const;

/**
 * A template as an Excel table on a new sheet: header + rows at A1, widths, number formats,
 * dropdowns, input hints, frozen header. Names are checked before anything is added, so a refused
 * name leaves the workbook as it was.
 */
export function insertTemplate(wb: ExcelJS.Workbook, templateId: string, options: InsertOptions): InsertResult {
  const tpl = getTemplate(templateId);
  const sheets = wb.worksheets.map((ws) => ws.name);
  const tableNames = [...allTableNames(wb), ...definedNames(wb)];

  let sheet: string;
  if (options.sheetName !== undefined) {
    assertNewSheetName(options.sheetName, sheets);
    sheet = options.sheetName;
  } else {
    sheet = uniqueSheetName(tpl.name, sheets);
  }
  let table: string;
  if (options.tableName !== undefined) {
    assertNewTableName(options.tableName, tableNames);
    table = options.tableName;
  } else {
    table = uniqueTableName(tpl.tableName, tableNames);
  }

  const layout = templateLayout(tpl, { examples: options.examples });
  const width = layout.columns.length;
  // An Excel table needs at least one data row: an empty template gets one blank row.
  const rows: readonly (readonly RawCell[])[] = layout.rows.length > 0 ? layout.rows : [new Array<RawCell>(width).fill(null)];
  const lastRow = rows.length + 1;

  const ws = wb.addWorksheet(sheet, {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }],
    // Printed (or exported to PDF) across one page width, landscape: the tables are wide.
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  try {
    ws.addTable({
      name: table,
      ref: "A1",
      headerRow: true,
      totalsRow: false,
      style: { ...TABLE_STYLE },
      columns: layout.columns.map((c) => ({ name: c.header, filterButton: true })),
      rows: rows.map((row) => row.map(toExcelJsValue)),
    });
    layout.columns.forEach((col, c) => {
      ws.getColumn(c + 1).width = col.width;
      styleHeaderCell(ws.getCell(cellAddress(c, 1)));
      for (let r = 2; r <= lastRow; r++) ws.getCell(cellAddress(c, r)).numFmt = col.numberFormat;
      addColumnValidation(ws, col, c, 2, lastRow);
    });
  } catch (e) {
    // Never leave a half-built sheet behind: the workbook is as it was, then the error goes on.
    wb.removeWorksheet(ws.id);
    throw e;
  }

  return {
    sheet,
    table,
    address: rangeAddress({ top: 1, left: 0, bottom: lastRow, right: width - 1 }),
    rows: layout.rows.length,
  };
}

/**
 * The header look of the table style, also set on the cells themselves: LibreOffice and the
 * preview page do not draw Excel table styles, and Excel shows the same either way.
 */
export function styleHeaderCell(cell: ExcelJS.Cell): void {
  cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF4472C4" } };
  cell.alignment = { vertical: "middle", wrapText: true };
}

/**
 * A layout cell as ExcelJS writes it. Strings stay strings (ExcelJS writes them as shared strings,
 * never as formulas, so `=HYPERLINK(…)` stays text); dates become the JS Date ExcelJS turns back
 * into the same serial.
 */
function toExcelJsValue(cell: RawCell): ExcelJS.CellValue {
  if (cell === null || typeof cell === "string" || typeof cell === "number" || typeof cell === "boolean") return cell;
  if (isExcelDate(cell)) return serialToDate(cell.serial);
  if (isExcelError(cell)) throw new Error(`Template layout holds an error value ${cell.code}`);
  throw new Error(`Unexpected layout cell ${JSON.stringify(cell)}`);
}
