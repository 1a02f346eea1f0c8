import { isDateFormat } from "../../core/cells/number-format";
import { excelDate, excelError, isExcelDate, isExcelError, type RawCell } from "../../core/cells/types";

/**
 * Office cell data ↔ RawCell. Office hands a range as three parallel matrices: `values` (string,
 * number, boolean; `""` for empty; the error text such as `#N/A` for errors), `valueTypes`
 * (`Empty`, `String`, `Double`, `Boolean`, `Error` …) and `numberFormat`.
 */

/** One Office cell → RawCell: numbers under a date format are dates, error cells are errors. */
export function toRawCell(value: unknown, valueType: unknown, numberFormat: unknown): RawCell {
  if (valueType === "Error") return excelError(String(value));
  if (valueType === "Empty" || value === "" || value === null || value === undefined) return null;
  if (typeof value === "number")
    return isDateFormat(typeof numberFormat === "string" ? numberFormat : undefined) ? excelDate(value) : value;
  if (typeof value === "boolean" || typeof value === "string") return value;
  // Rich values (entities, images) are outside what Liaison reads; their text stands for them.
  return String(value);
}

/** The three matrices of a loaded range → RawCell rows. */
export function toRawGrid(
  values: readonly unknown[][],
  valueTypes: readonly unknown[][],
  numberFormats: readonly unknown[][],
): RawCell[][] {
  return values.map((row, r) => row.map((v, c) => toRawCell(v, valueTypes[r][c], numberFormats[r][c])));
}

/** What to write into `Range.values` for a RawCell (the number format is chosen separately). */
export function toOfficeValue(cell: RawCell): string | number | boolean {
  if (cell === null) return "";
  if (isExcelDate(cell)) return cell.serial;
  if (isExcelError(cell)) return cell.code; // written as text ("@"), never as an error or formula
  return cell;
}
