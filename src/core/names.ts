import { LiaisonError } from "./errors";

/**
 * Sheet and table names, checked the way Excel checks them, so both adapters refuse the same
 * names before touching the workbook.
 */

const SHEET_FORBIDDEN = /[:\\/?*[\]]/;
export const MAX_SHEET_NAME = 31;

export function isValidSheetName(name: string): boolean {
  return (
    name.trim().length > 0 &&
    name.length <= MAX_SHEET_NAME &&
    !SHEET_FORBIDDEN.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history" // reserved by Excel
  );
}

/** Excel compares sheet and table names case-insensitively. */
const sameName = (a: string, b: string): boolean => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** Throws unless `name` is valid and not taken. */
export function assertNewSheetName(name: string, existing: readonly string[]): void {
  if (!isValidSheetName(name)) throw new LiaisonError("invalidSheetName", { sheet: name });
  if (existing.some((e) => sameName(e, name))) throw new LiaisonError("sheetExists", { sheet: name });
}

/**
 * `base`, or `base (2)`, `base (3)` … — the first that is free, cut to fit 31 characters. Characters
 * Excel forbids in sheet names become `-` (the template 周/月度工作汇报表 → sheet 周-月度工作汇报表).
 */
export function uniqueSheetName(rawBase: string, existing: readonly string[]): string {
  const base =
    rawBase
      .replace(/[:\\/?*[\]]/g, "-")
      .replace(/^'+|'+$/g, "")
      .trim() || "Sheet";
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const candidate = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!existing.some((e) => sameName(e, candidate))) return candidate;
  }
}

/**
 * Excel table names: start with a letter, `_` or `\`, then letters, digits, `_` and `.`; no
 * spaces; not a cell reference such as `A1` or `R1C1`; at most 255 characters.
 */
export function isValidTableName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]$/.test(name)) return false;
  return true;
}

export function assertNewTableName(name: string, existing: readonly string[]): void {
  if (!isValidTableName(name)) throw new LiaisonError("invalidTableName", { table: name });
  if (existing.some((e) => sameName(e, name))) throw new LiaisonError("tableNameInUse", { table: name });
}

/** `base`, or `base2`, `base3` … — the first free table name. */
export function uniqueTableName(base: string, existing: readonly string[]): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}${n}`;
    if (!existing.some((e) => sameName(e, candidate))) return candidate;
  }
}
