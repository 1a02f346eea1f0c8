import type * as ExcelJS from "exceljs";
import { REGISTER_SHEET, type RegisterEntry } from "../../core/documents/model";
import { entriesFromRows, REGISTER_COLUMNS, REGISTER_HEADER, REGISTER_WIDTHS, registerRow } from "../register-rows";
import { rawAt } from "./cells";
import { findSheet } from "./settings-store";

/** The register sheet 文书登记 of an in-memory workbook (layout in `../register-rows.ts`). */

export function readRegister(wb: ExcelJS.Workbook): RegisterEntry[] {
  const ws = findSheet(wb, REGISTER_SHEET);
  if (!ws) return [];
  const rows = Array.from({ length: ws.rowCount }, (_, i) => Array.from({ length: REGISTER_COLUMNS }, (_, c) => rawAt(ws, i + 1, c)));
  return entriesFromRows(rows, 1);
}

/** Appends entries below the last used row, creating the sheet (header, widths, text format) when missing. */
export function appendRegister(wb: ExcelJS.Workbook, entries: readonly RegisterEntry[]): void {
  let ws = findSheet(wb, REGISTER_SHEET);
  if (!ws) {
    ws = wb.addWorksheet(REGISTER_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
    REGISTER_WIDTHS.forEach((w, c) => {
      const column = (ws as ExcelJS.Worksheet).getColumn(c + 1);
      column.width = w;
      // Typed additions by hand stay text too (a number such as 001 keeps its zeros).
      column.numFmt = "@";
    });
  }
  let next = lastUsedRow(ws) + 1;
  if (next === 1) {
    // A new sheet, or one someone emptied: the header first.
    writeTextRow(ws, 1, REGISTER_HEADER);
    ws.getRow(1).font = { bold: true };
    next = 2;
  }
  for (const e of entries) writeTextRow(ws, next++, registerRow(e));
}

function writeTextRow(ws: ExcelJS.Worksheet, r: number, values: readonly string[]): void {
  const row = ws.getRow(r);
  values.forEach((v, c) => {
    const cell = row.getCell(c + 1);
    cell.numFmt = "@";
    // A string value is written as a string cell by ExcelJS, never parsed into a formula.
    cell.value = v;
  });
}

/** The last row with a value in columns A–F (formatted blank rows below do not count). */
function lastUsedRow(ws: ExcelJS.Worksheet): number {
  for (let r = ws.rowCount; r >= 1; r--) {
    for (let c = 0; c < REGISTER_COLUMNS; c++) {
      const v = rawAt(ws, r, c);
      if (v !== null && v !== "") return r;
    }
  }
  return 0;
}
