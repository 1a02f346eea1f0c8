import type * as ExcelJS from "exceljs";
import type { RawCell } from "../../core/cells/types";
import type { DocumentKind } from "../../core/documents/model";
import {
  replaceWordTemplate,
  WORD_TEMPLATE_SHEET,
  wordTemplateFromRows,
  type StoredWordTemplate,
} from "../../core/documents/word-template-store";
import { rawAt } from "./cells";
import { findSheet } from "./settings-store";

/** The company's Word templates on their hidden sheet (layout in core `word-template-store.ts`). */

function rows(ws: ExcelJS.Worksheet): RawCell[][] {
  return Array.from({ length: ws.rowCount }, (_, r) => [rawAt(ws, r + 1, 0), rawAt(ws, r + 1, 1), rawAt(ws, r + 1, 2)]);
}

export function readWordTemplate(wb: ExcelJS.Workbook, kind: DocumentKind): StoredWordTemplate | undefined {
  const ws = findSheet(wb, WORD_TEMPLATE_SHEET);
  return ws ? wordTemplateFromRows(rows(ws), kind) : undefined;
}

/** Stores (or, with undefined, removes) `kind`'s template; the sheet is written afresh, hidden. */
export function writeWordTemplate(wb: ExcelJS.Workbook, kind: DocumentKind, template: StoredWordTemplate | undefined): void {
  const old = findSheet(wb, WORD_TEMPLATE_SHEET);
  const next = replaceWordTemplate(old ? rows(old) : [], kind, template);
  if (old) wb.removeWorksheet(old.id);
  if (next.length <= 1) return;
  const ws = wb.addWorksheet(WORD_TEMPLATE_SHEET, { state: "hidden" });
  next.forEach((line, r) =>
    line.forEach((v, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      cell.numFmt = "@";
      cell.value = v;
    }),
  );
}
