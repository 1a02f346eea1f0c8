/**
 * A raw cell as a workbook adapter hands it to the core: the displayed content with Office and
 * ExcelJS differences already removed. Plain JS primitives where possible, because the engine
 * reads hundreds of thousands of them.
 *
 * - `null`: an empty cell.
 * - `string`: text as stored (rich text flattened); not trimmed yet.
 * - `number` / `boolean`: as stored; a formula cell gives its cached result.
 * - `ExcelDate`: a number whose number format is a date or time format (an Excel serial).
 * - `ExcelError`: an error value such as `#N/A` (also a formula's cached error).
 */
export type RawCell = null | string | number | boolean | ExcelDate | ExcelError;

export interface ExcelDate {
  readonly kind: "date";
  /** Excel serial in the 1900 date system: whole part = days since 1899-12-30, fraction = time of day. */
  readonly serial: number;
}

export interface ExcelError {
  readonly kind: "error";
  /** `#N/A`, `#VALUE!`, `#REF!`, `#DIV/0!`, `#NUM!`, `#NAME?`, `#NULL!`, `#SPILL!`, `#CALC!` … */
  readonly code: string;
}

export const excelDate = (serial: number): ExcelDate => ({ kind: "date", serial });
export const excelError = (code: string): ExcelError => ({ kind: "error", code });

export function isExcelDate(c: RawCell): c is ExcelDate {
  return typeof c === "object" && c !== null && c.kind === "date";
}
export function isExcelError(c: RawCell): c is ExcelError {
  return typeof c === "object" && c !== null && c.kind === "error";
}

/**
 * Civil (wall-clock) time in Asia/Shanghai, as plain integers so that no result depends on the
 * time zone of the machine: a date is a day number (days since 1970-01-01), a date-time is a
 * minute number (minutes since 1970-01-01 00:00). Conversions live in `civil.ts`.
 */
export type DayNumber = number;
export type MinuteNumber = number;
