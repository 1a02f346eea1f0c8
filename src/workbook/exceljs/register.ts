import type * as ExcelJS from "exceljs";
import type { RawCell } from "../../core/cells/types";
import { REGISTER_SHEET, type RegisterEntry } from "../../core/documents/model";
import { uniqueTableName } from "../../core/names";
import {
  entriesFromRows,
  REGISTER_COLUMNS,
  REGISTER_HEADER,
  REGISTER_TABLE,
  REGISTER_WIDTHS,
  registerLine,
  registerShape,
} from "../../core/documents/register-rows";
import { rawAt } from "./cells";
import { styleHeaderCell } from "./insert-template";
import { findSheet } from "./settings-store";
import { allTableNames, tablesOf } from "./tables";

/**
 * The register sheet 文书登记 of an in-memory workbook (layout in `../register-rows.ts`): an Excel
 * table of the template `document-register`, so a check finds it like any other table.
 */

/** Columns read: the template's and a few more, so a register with columns added by hand is read whole. */
const READ_COLUMNS = REGISTER_COLUMNS + 6;

function registerRows(ws: ExcelJS.Worksheet): RawCell[][] {
  return Array.from({ length: ws.rowCount }, (_, i) => Array.from({ length: READ_COLUMNS }, (_, c) => rawAt(ws, i + 1, c)));
}

export function readRegister(wb: ExcelJS.Workbook): RegisterEntry[] {
  const ws = findSheet(wb, REGISTER_SHEET);
  if (!ws) return [];
  return entriesFromRows(registerRows(ws), 1);
}

/**
 * Appends entries below the last used row, creating the sheet when missing, then makes the
 * register one Excel table over its header and every line. ExcelJS cannot grow a table, so the
 * table is defined again over the grown range with the same name (its cells are the register's
 * text, written first, so nothing is lost or retyped).
 */
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
  const fresh = next === 1;
  const shape = registerShape(fresh ? undefined : registerRows(ws)[0]);
  if (fresh) {
    // A new sheet, or one someone emptied: the header first.
    writeTextRow(ws, 1, REGISTER_HEADER);
    next = 2;
  } else {
    // An older register: its header gains the columns it lacks, after its last one.
    for (const m of shape.missing) {
      const cell = ws.getCell(1, m.column + 1);
      cell.numFmt = "@";
      cell.value = m.name;
    }
  }
  for (const e of entries) writeTextRow(ws, next++, registerLine(e, shape));
  defineTable(wb, ws, next - 1, shape.width);
}

/** The register's table over A1 to its last line (replacing the table the sheet had). */
function defineTable(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, lastRow: number, width: number): void {
  const existing = tablesOf(ws);
  for (const t of existing) ws.removeTable(t.name);
  const name = existing[0]?.name ?? uniqueTableName(REGISTER_TABLE, allTableNames(wb));
  const grid = Array.from({ length: lastRow }, (_, r) =>
    Array.from({ length: width }, (_, c) => {
      const v = rawAt(ws, r + 1, c);
      return v === null ? "" : typeof v === "object" ? "" : String(v);
    }),
  );
  const header = grid[0].map((h, c) => (h === "" ? `列${c + 1}` : h));
  ws.addTable({
    name,
    ref: "A1",
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: header.map((h) => ({ name: h, filterButton: true })),
    // Strings stay strings: ExcelJS writes them as string cells, never as formulas.
    rows: grid.slice(1),
  });
  for (let c = 0; c < width; c++) {
    styleHeaderCell(ws.getCell(1, c + 1));
    for (let r = 1; r <= lastRow; r++) ws.getCell(r, c + 1).numFmt = "@";
  }
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

/** The last row with a value in the register's columns (formatted blank rows below do not count). */
function lastUsedRow(ws: ExcelJS.Worksheet): number {
  for (let r = ws.rowCount; r >= 1; r--) {
    for (let c = 0; c < READ_COLUMNS; c++) {
      const v = rawAt(ws, r, c);
      if (v !== null && v !== "") return r;
    }
  }
  return 0;
}
