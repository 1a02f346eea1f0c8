import type { RawCell } from "../../core/cells/types";
import type { DocumentKind } from "../../core/documents/model";
import {
  replaceWordTemplate,
  WORD_TEMPLATE_SHEET,
  wordTemplateFromRows,
  type StoredWordTemplate,
} from "../../core/documents/word-template-store";

/**
 * The company's Word templates on their hidden sheet (layout in core `word-template-store.ts`),
 * inside Excel: reading is two syncs (the sheet, then its used range of columns A–C); writing
 * three (sheet and old rows, then the new rows in one `values` assignment).
 */

async function load(context: Excel.RequestContext): Promise<{ sheet: Excel.Worksheet; rows: RawCell[][] }> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(WORD_TEMPLATE_SHEET);
  await context.sync();
  if (sheet.isNullObject) return { sheet, rows: [] };
  const used = sheet.getRange("A:C").getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex");
  await context.sync();
  if (used.isNullObject || used.rowIndex !== 0 || used.columnIndex !== 0) return { sheet, rows: [] };
  return { sheet, rows: used.values.map((r) => [r[0] ?? null, r[1] ?? null, r[2] ?? null] as RawCell[]) };
}

export async function readWordTemplate(context: Excel.RequestContext, kind: DocumentKind): Promise<StoredWordTemplate | undefined> {
  return wordTemplateFromRows((await load(context)).rows, kind);
}

export async function writeWordTemplate(
  context: Excel.RequestContext,
  kind: DocumentKind,
  template: StoredWordTemplate | undefined,
): Promise<void> {
  const { sheet, rows } = await load(context);
  const next = replaceWordTemplate(rows, kind, template);
  let ws = sheet;
  if (sheet.isNullObject) {
    if (next.length <= 1) return;
    ws = context.workbook.worksheets.add(WORD_TEMPLATE_SHEET);
    ws.visibility = Excel.SheetVisibility.hidden;
  } else {
    ws.getRange("A:C").clear();
  }
  const range = ws.getRangeByIndexes(0, 0, next.length, 3);
  range.numberFormat = next.map((l) => l.map(() => "@"));
  range.values = next;
  await context.sync();
}
