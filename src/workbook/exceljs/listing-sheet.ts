import type * as ExcelJS from "exceljs";
import { uniqueSheetName } from "../../core/names";
import { styleHeaderCell } from "./insert-template";

/**
 * A plain listing on a new sheet (the CLI's "校验结果" in an annotated copy): a bold header row,
 * then one row per entry. Strings are written as text — a message or sheet name starting with
 * `=` stays text — and numbers as numbers. The sheet name is made unique (`校验结果 (2)`).
 */
export interface Listing {
  readonly sheetName: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  /** Column widths in characters, by position; others keep Excel's default. */
  readonly widths?: readonly number[];
}

export function addListingSheet(wb: ExcelJS.Workbook, listing: Listing): string {
  const name = uniqueSheetName(
    listing.sheetName,
    wb.worksheets.map((ws) => ws.name),
  );
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }] });
  listing.widths?.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const header = ws.getRow(1);
  listing.header.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    styleHeaderCell(cell);
  });
  listing.rows.forEach((values, r) => {
    const row = ws.getRow(r + 2);
    // ExcelJS writes a string as a string cell, never as a formula: no per-cell text format needed.
    values.forEach((v, c) => {
      row.getCell(c + 1).value = v;
    });
  });
  if (listing.rows.length > 0)
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: listing.rows.length + 1, column: listing.header.length } };
  return name;
}
