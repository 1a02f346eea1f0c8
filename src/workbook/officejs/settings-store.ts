import { LiaisonError } from "../../core/errors";
import type { RawCell } from "../../core/cells/types";
import { SETTINGS_HEADER_ROW, settingsSheetRows } from "../../core/settings/sheet";
import { SETTINGS_SHEET } from "../../core/settings/sheet";
import { toRawGrid } from "./cells";
import { queueDateSystem } from "./date-system";
import { removeSheetAfterFailure } from "./sheets";

/**
 * The workbook's settings on the hidden sheet SETTINGS_SHEET: a header row 键 | 值, then one
 * key/value row per setting (column A key, column B value) — readable by the CLI through the
 * ExcelJS adapter and editable by hand once unhidden. Two syncs each way.
 */

/**
 * The key/value rows of the settings sheet as raw cells (column A key, column B value), header
 * excluded; undefined without the sheet. The front end turns them into settings with
 * `settingsFromRows`, which also lists the problems to show the user.
 */
export async function readSettings(context: Excel.RequestContext): Promise<RawCell[][] | undefined> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  const date1904 = queueDateSystem(context); // holidays typed as dates count from 1904 in such a workbook
  await context.sync();
  if (sheet.isNullObject) return undefined;
  // Columns A:B only: whatever else someone typed on the sheet is not read.
  const used = sheet.getRange("A:B").getUsedRangeOrNullObject(true).load("columnIndex,values,valueTypes,numberFormat");
  await context.sync();
  if (used.isNullObject) return [];
  const grid = toRawGrid(used.values, used.valueTypes, used.numberFormat, date1904());
  // The used part may start in column B (an empty column A): pad so that [0] is column A.
  return settingsSheetRows(grid.map((row) => [...new Array<null>(used.columnIndex).fill(null), ...row]));
}

export type SettingsRow = readonly [string, string | number | boolean];

/**
 * Creates or rewrites the settings sheet (and nothing else), hidden. Text is written under the
 * text format `@` first, so a value such as `=1+1` or `09:00` stays the text it is.
 */
export async function writeSettings(context: Excel.RequestContext, rows: readonly SettingsRow[]): Promise<void> {
  for (const [key, value] of rows) {
    if (typeof key !== "string" || key.trim() === "") throw new TypeError(`settings row without a key: ${JSON.stringify(key)}`);
    if (typeof value === "number" && !Number.isFinite(value)) throw new TypeError(`settings value of ${key} is not finite: ${value}`);
  }
  const wb = context.workbook;
  const existing = wb.worksheets.getItemOrNullObject(SETTINGS_SHEET).load("name,visibility,protection/protected");
  await context.sync();
  if (!existing.isNullObject && existing.protection.protected) throw new LiaisonError("sheetProtected", { sheet: existing.name });

  const created = existing.isNullObject;
  let sheet: Excel.Worksheet;
  if (created) {
    sheet = wb.worksheets.add(SETTINGS_SHEET);
    sheet.visibility = "Hidden";
  } else {
    sheet = existing;
    // Hidden again if someone unhid it (first: if Excel refuses, nothing else has changed).
    if (existing.visibility === "Visible") sheet.visibility = "Hidden";
    sheet.getRange().clear("All");
  }
  const all: SettingsRow[] = [[SETTINGS_HEADER_ROW[0], SETTINGS_HEADER_ROW[1]], ...rows];
  const range = sheet.getRangeByIndexes(0, 0, all.length, 2);
  range.numberFormat = all.map(([, v]) => ["@", typeof v === "string" ? "@" : "General"]);
  range.values = all.map(([k, v]) => [k, v]);
  try {
    await context.sync();
  } catch (e) {
    if (created) await removeSheetAfterFailure(context, SETTINGS_SHEET, e);
    throw e;
  }
}
