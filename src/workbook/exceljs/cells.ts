import type * as ExcelJS from "exceljs";
import { isDateFormat } from "../../core/cells/number-format";
import { excelDate, excelError, type ExcelDate, type RawCell } from "../../core/cells/types";
import { EXCEL_EPOCH_OFFSET } from "../../core/cells/civil";

/**
 * ExcelJS cell values → RawCell, the shape the core reads (the Office adapter hands it the same).
 * ExcelJS models a cell value as a plain primitive, a Date, or one of several objects (rich text,
 * hyperlink, formula, shared formula, error); this file flattens them all.
 */

const MS_PER_DAY = 86_400_000;

/**
 * ExcelJS turns a date serial into a JS Date by `(serial - 25569) * 86400000` ms since the UTC
 * epoch (and back the same way), so the serial is recovered from the UTC milliseconds and never
 * from local time: the result does not depend on the TZ of the machine.
 */
export function dateToSerial(d: Date): number {
  return d.getTime() / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
}

/** The JS Date ExcelJS writes as `serial` (rounded to the millisecond, as Excel stores it). */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - EXCEL_EPOCH_OFFSET) * MS_PER_DAY));
}

function asExcelDate(d: Date): ExcelDate | null {
  // An invalid Date (from a corrupt serial) is treated as an empty cell would be: not a date.
  return Number.isNaN(d.getTime()) ? null : excelDate(dateToSerial(d));
}

/** Structural views of the ExcelJS value objects (its typings are loose unions). */
interface RichTextValue {
  richText: readonly { text: string }[];
}
interface HyperlinkValue {
  text?: string | RichTextValue;
  hyperlink: string;
}
interface ErrorValue {
  error: string;
}
interface FormulaValue {
  formula?: string;
  sharedFormula?: string;
  result?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const isRichText = (v: unknown): v is RichTextValue => isObject(v) && Array.isArray(v.richText);
const isError = (v: unknown): v is ErrorValue => isObject(v) && typeof v.error === "string";
const isHyperlink = (v: unknown): v is HyperlinkValue => isObject(v) && typeof v.hyperlink === "string";
const isFormula = (v: unknown): v is FormulaValue => isObject(v) && (typeof v.formula === "string" || typeof v.sharedFormula === "string");

const richTextString = (v: RichTextValue): string => v.richText.map((run) => run.text ?? "").join("");

/** A primitive or value object as RawCell; `numFmt` decides whether a number is a date. */
function valueToRaw(value: unknown, numFmt: string | undefined): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    return isDateFormat(numFmt) ? excelDate(value) : value;
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return asExcelDate(value);
  if (isRichText(value)) return richTextString(value);
  if (isError(value)) return excelError(value.error);
  if (isHyperlink(value)) {
    const text = value.text;
    if (text === undefined) return value.hyperlink;
    return typeof text === "string" ? text : richTextString(text);
  }
  if (isFormula(value)) {
    // A formula cell gives its cached result, as Excel shows it; no result cached = empty.
    return value.result === undefined ? null : valueToRaw(value.result, numFmt);
  }
  throw new Error(`Unexpected ExcelJS cell value: ${JSON.stringify(value)}`);
}

/**
 * One cell as the core reads it. The hidden cells of a merged area read as empty (as Office.js
 * reports them); only the top-left cell holds the value.
 */
export function toRawCell(cell: ExcelJS.Cell): RawCell {
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  return valueToRaw(cell.value, cell.numFmt);
}

/**
 * The cell at Excel row `row` and 0-based column `column0`, read without creating it: ExcelJS's
 * `getCell` adds missing cells to the sheet, and reading must never change a workbook.
 */
export function rawAt(ws: ExcelJS.Worksheet, row: number, column0: number): RawCell {
  const cell = ws.findCell(row, column0 + 1);
  return cell ? toRawCell(cell) : null;
}

/**
 * The sheet's values from A1 to its last used cell (at most `maxRows` rows), rows padded to the
 * same width so that grid[r][c] is row r+1, column c.
 */
export function sheetGrid(ws: ExcelJS.Worksheet, maxRows?: number): RawCell[][] {
  const rowCount = maxRows === undefined ? ws.rowCount : Math.min(ws.rowCount, maxRows);
  const width = ws.columnCount;
  const grid: RawCell[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.findRow(r);
    const out: RawCell[] = new Array<RawCell>(width).fill(null);
    if (row) {
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (col <= width) out[col - 1] = toRawCell(cell);
      });
    }
    grid.push(out);
  }
  // Trailing rows whose cells are all empty (formatted but blank) carry nothing for the core.
  while (grid.length > 0 && grid[grid.length - 1].every((c) => c === null || c === "")) grid.pop();
  return grid;
}
