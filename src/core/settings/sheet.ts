import type { RawCell } from "../cells/types";
import { SETTINGS_HEADER_ROW } from "../layout/own-sheets";

/**
 * The settings sheet's layout, for every adapter: a header row 键 | 值 (`SETTINGS_HEADER_ROW`),
 * then one key/value row per setting (column A key, column B value), as `settingsToRows` gives them.
 */
export { SETTINGS_HEADER_ROW };

/** The hidden sheet holding the workbook's settings as key/value rows (readable by the CLI too). */
export const SETTINGS_SHEET = "Liaison设置";

/**
 * The key/value rows of the settings sheet's columns A:B as read (a grid from row 1, or from
 * the first used row): the header row and blank rows left out, everything else as it is — the
 * one reading both adapters give, so a sheet edited by hand reads the same in Excel and in the CLI.
 */
export function settingsSheetRows(grid: readonly (readonly RawCell[])[]): RawCell[][] {
  const rows: RawCell[][] = [];
  for (const row of grid) {
    const key = row[0] ?? null;
    const value = row[1] ?? null;
    if (key === null && value === null) continue;
    if (rows.length === 0 && typeof key === "string" && key.trim() === SETTINGS_HEADER_ROW[0]) continue;
    rows.push([key, value]);
  }
  return rows;
}
