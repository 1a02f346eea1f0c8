import type * as ExcelJS from "exceljs";
import type { RawCell } from "../../core/cells/types";
import { SETTINGS_HEADER_ROW, settingsSheetRows } from "../../core/settings/sheet";
import { SETTINGS_SHEET } from "../../core/settings/sheet";
import { rawAt } from "./cells";

/**
 * The workbook's settings on the hidden sheet SETTINGS_SHEET: a header row 键 | 值, then one
 * key/value row per setting (the layout of core/settings `settingsToRows`). The CLI reads the same
 * sheet that the add-in writes, so a workbook carries its own 合格线, holidays and so on.
 */

/** A sheet by name, as Excel compares sheet names: case-insensitively. */
export function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const lower = name.toLocaleLowerCase();
  return wb.worksheets.find((ws) => ws.name.toLocaleLowerCase() === lower);
}

export function isSettingsSheet(ws: ExcelJS.Worksheet): boolean {
  return ws.name.toLocaleLowerCase() === SETTINGS_SHEET.toLocaleLowerCase();
}

/**
 * The key/value rows of the settings sheet as raw cells (date cells stay `{ kind: "date" }`, which
 * `settingsFromRows` reads), header row left out; undefined when the workbook has no such sheet.
 */
export function readSettingsRows(wb: ExcelJS.Workbook): RawCell[][] | undefined {
  const ws = findSheet(wb, SETTINGS_SHEET);
  if (!ws) return undefined;
  const grid: RawCell[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) grid.push([rawAt(ws, r, 0), rawAt(ws, r, 1)]);
  return settingsSheetRows(grid);
}

export type SettingsRow = readonly [string, string | number | boolean];

/**
 * Replaces the settings sheet's content with `rows` (creating the sheet, hidden, at the end when
 * missing). Values are written as they are: a string stays text even when it starts with `=`.
 * Everything is checked before the first change.
 */
export function writeSettingsRows(wb: ExcelJS.Workbook, rows: readonly SettingsRow[]): void {
  for (const [key, value] of rows) {
    if (typeof key !== "string" || key.trim() === "") throw new Error(`Settings row with an empty key: ${JSON.stringify([key, value])}`);
    const ok = typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));
    if (!ok) throw new Error(`Settings value of "${key}" is not text, a number or a boolean: ${String(value)}`);
  }
  const old = findSheet(wb, SETTINGS_SHEET);
  // A fresh sheet rather than clearing the old one: no stray cell of an earlier, longer list survives.
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(SETTINGS_SHEET, { state: "hidden" });
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 40;
  ws.getRow(1).values = [...SETTINGS_HEADER_ROW];
  ws.getRow(1).font = { bold: true };
  rows.forEach(([key, value], i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = key;
    // An unset value is an empty cell (as Office leaves it), not a cell holding "".
    row.getCell(2).value = value === "" ? null : value;
  });
}
