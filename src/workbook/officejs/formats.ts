import type { ColumnLayout } from "../../core/templates/layout";

/**
 * Column widths, dropdowns and input hints of template columns, queued on a sheet (no sync here).
 * Shared by insertTemplate and structureRange. One operation per column, never per row.
 */

/** Excel's default table look (banded rows), as when a person inserts a table in Excel. */
export const TABLE_STYLE = "TableStyleMedium2";

/** Excel limits: an inline list is at most 255 characters; an input title 32, a message 255. */
const MAX_INLINE_LIST = 255;
const MAX_PROMPT_TITLE = 32;
const MAX_PROMPT = 255;

/**
 * Excel character units → points. A width of w characters of the default font (Calibri 11, whose
 * digit is 7 px wide) is about `w * 7 + 5` pixels (5 px of cell padding); Office.js sets widths in
 * points, and 1 px = 0.75 pt at 96 dpi. So 8.43 characters → 64 px → 48 pt, Excel's default.
 */
export function charsToPoints(width: number): number {
  return Math.round(width * 7 + 5) * 0.75;
}

/**
 * Sets each column's width: `current` (points, per column) when given keeps wider columns as the
 * person left them — structuring a range only ever widens. `undefined` columns are left alone.
 */
export function queueColumnWidths(
  sheet: Excel.Worksheet,
  left: number,
  columns: readonly (ColumnLayout | undefined)[],
  current?: readonly (number | null)[],
): void {
  columns.forEach((col, i) => {
    if (!col) return;
    const points = charsToPoints(col.width);
    const now = current?.[i];
    if (typeof now === "number" && now >= points) return;
    sheet.getRangeByIndexes(0, left + i, 1, 1).format.columnWidth = points;
  });
}

/** `a,b,c`: Excel's inline list. An item with a comma cannot be written this way. */
function inlineList(col: ColumnLayout): string {
  const items = col.list ?? [];
  // Template data is ours: a list that cannot be inlined is a mistake in the template, not user input.
  for (const item of items) if (item.includes(",")) throw new Error(`Dropdown item "${item}" of column "${col.key}" contains a comma`);
  const joined = items.join(",");
  if (joined.length > MAX_INLINE_LIST) throw new Error(`Dropdown list of column "${col.key}" is longer than ${MAX_INLINE_LIST} characters`);
  return joined;
}

/**
 * Dropdowns (list validation) and input hints over the data rows of each column. `clearFirst`
 * removes validations already there (a person's own, in a structured range): Excel refuses to set
 * a rule over cells with differing validations. The alerts carry no text of ours: Excel shows its
 * own message in the user's language. A non-strict list (multi-enum, `例会+群聊`) shows no alert.
 */
export function queueColumnValidation(
  sheet: Excel.Worksheet,
  firstDataRow0: number,
  dataRows: number,
  left: number,
  columns: readonly (ColumnLayout | undefined)[],
  clearFirst: boolean,
): void {
  if (dataRows <= 0) return;
  columns.forEach((col, i) => {
    if (!col) return;
    const hasList = col.list !== undefined && col.list.length > 0;
    if (!hasList && !col.hint) return;
    const dv = sheet.getRangeByIndexes(firstDataRow0, left + i, dataRows, 1).dataValidation;
    if (clearFirst) dv.clear();
    if (hasList) {
      dv.rule = { list: { inCellDropDown: true, source: inlineList(col) } };
      dv.errorAlert = col.listStrict
        ? { showAlert: true, style: "Stop", title: "", message: "" }
        : { showAlert: false, style: "Information", title: "", message: "" };
    }
    if (col.hint) dv.prompt = { showPrompt: true, title: col.header.slice(0, MAX_PROMPT_TITLE), message: col.hint.slice(0, MAX_PROMPT) };
  });
}
