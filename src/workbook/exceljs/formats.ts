import type * as ExcelJS from "exceljs";
import { cellAddress, parseRange, type Rect } from "../../core/a1";
import type { ColumnLayout } from "../../core/templates/layout";
import { overlaps } from "./tables";

/**
 * Dropdowns and input hints of a template column, written as Excel data validations over the
 * column's data cells (Excel extends them as the table grows). Shared by insertTemplate and
 * structureRange.
 */

/** Excel limits: an inline list formula is at most 255 characters; an input message 255. */
const MAX_INLINE_LIST = 255;
const MAX_PROMPT = 255;

/**
 * The validation for a column, or undefined when it has neither a list nor a hint.
 * `listStrict` false (multi-enum: 例会+群聊 is fine) shows the dropdown without an error alert.
 */
export function columnValidation(col: ColumnLayout): ExcelJS.DataValidation | undefined {
  const prompt = col.hint ? { showInputMessage: true, prompt: col.hint.slice(0, MAX_PROMPT) } : {};
  if (col.list && col.list.length > 0) {
    return {
      type: "list",
      allowBlank: true,
      formulae: [inlineList(col)],
      showErrorMessage: col.listStrict,
      ...(col.listStrict ? { errorStyle: "stop" } : {}),
      ...prompt,
    };
  }
  if (col.hint) {
    // Type "any" (no restriction) carries only the input message; ExcelJS writes it without a type.
    return { type: "any", formulae: [], ...prompt } as unknown as ExcelJS.DataValidation;
  }
  return undefined;
}

/** `"a,b,c"`: Excel's inline list. Items with commas or quotes cannot be written this way. */
function inlineList(col: ColumnLayout): string {
  const items = col.list ?? [];
  for (const item of items) {
    // Template data is ours: a list that cannot be inlined is a mistake in the template, not user input.
    if (item.includes(",") || item.includes('"')) throw new Error(`Dropdown item "${item}" of column "${col.key}" contains , or "`);
  }
  const joined = items.join(",");
  if (joined.length > MAX_INLINE_LIST) throw new Error(`Dropdown list of column "${col.key}" is longer than ${MAX_INLINE_LIST} characters`);
  return `"${joined}"`;
}

/** ExcelJS's sheet-level validations: address (`C5` or `C2:C9`) → validation. Missing from its typings. */
interface DataValidations {
  model: Record<string, ExcelJS.DataValidation | undefined>;
  add(address: string, validation: ExcelJS.DataValidation): void;
}
export const validationsOf = (ws: ExcelJS.Worksheet): DataValidations =>
  (ws as unknown as { dataValidations: DataValidations }).dataValidations;

/** Adds the column's validation over rows `top..bottom` of the 0-based sheet column `column0`. */
export function addColumnValidation(ws: ExcelJS.Worksheet, col: ColumnLayout, column0: number, top: number, bottom: number): void {
  const validation = columnValidation(col);
  if (!validation || bottom < top) return;
  const a = cellAddress(column0, top);
  const b = cellAddress(column0, bottom);
  validationsOf(ws).add(a === b ? a : `${a}:${b}`, validation);
}

/** Whether any cell of `rect` already has a data validation (loaded files list them cell by cell). */
export function hasValidationIn(ws: ExcelJS.Worksheet, rect: Rect): boolean {
  const model = validationsOf(ws).model;
  for (const [address, validation] of Object.entries(model)) {
    if (validation === undefined) continue; // ExcelJS "removes" by setting undefined
    const r = parseRange(address);
    if (r && overlaps(r, rect)) return true;
  }
  return false;
}
