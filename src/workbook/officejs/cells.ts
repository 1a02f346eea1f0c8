import { isDateFormat } from "../../core/cells/number-format";
import { excelDate, excelError, isExcelDate, isExcelError, type RawCell } from "../../core/cells/types";

/**
 * Office cell data ↔ RawCell. Office hands a range as three parallel matrices: `values` (string,
 * number, boolean; `""` for empty; the error text such as `#N/A` for errors), `valueTypes`
 * (`Empty`, `String`, `Double`, `Boolean`, `Error` …) and `numberFormat`.
 */

/**
 * Days between the 1904 and the 1900 date systems: a 1904 workbook's serial 0 is 1904-01-01,
 * which is serial 1462 in the 1900 system the core reads (`Workbook.use1904DateSystem`,
 * https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-use1904datesystem-member).
 */
export const DATE1904_OFFSET = 1462;

/** One Office cell → RawCell: numbers under a date format are dates (in the 1900 system), error cells are errors. */
export function toRawCell(value: unknown, valueType: unknown, numberFormat: unknown, date1904 = false): RawCell {
  if (valueType === "Error") return excelError(String(value));
  if (valueType === "Empty" || value === "" || value === null || value === undefined) return null;
  if (typeof value === "number")
    return isDateFormat(typeof numberFormat === "string" ? numberFormat : undefined)
      ? excelDate(date1904 ? value + DATE1904_OFFSET : value)
      : value;
  if (typeof value === "boolean" || typeof value === "string") return value;
  // Rich values (entities, images) are outside what Liaison reads; their text stands for them.
  return String(value);
}

/** The three matrices of a loaded range → RawCell rows (`date1904`: the workbook counts dates from 1904). */
export function toRawGrid(
  values: readonly unknown[][],
  valueTypes: readonly unknown[][],
  numberFormats: readonly unknown[][],
  date1904 = false,
): RawCell[][] {
  return values.map((row, r) => row.map((v, c) => toRawCell(v, valueTypes[r][c], numberFormats[r][c], date1904)));
}

/** What to write into `Range.values` for a RawCell (the number format is chosen separately). */
export function toOfficeValue(cell: RawCell): string | number | boolean {
  if (cell === null) return "";
  if (isExcelDate(cell)) return cell.serial;
  if (isExcelError(cell)) return cell.code; // written as text ("@"), never as an error or formula
  return cell;
}
