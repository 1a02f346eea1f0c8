import { LiaisonError } from "../../core/errors";
import {
  addCorrection,
  correctionFor,
  removeCorrection,
  type CorrectionRequest,
  type LayoutCorrection,
} from "../../core/layout/corrections";
import { CORRECTIONS_HEADER, CORRECTIONS_SHEET, correctionsToRows } from "../../core/layout/corrections-sheet";
import type { WorkbookLayout } from "../../core/layout/locate";
import { locateWorkbook } from "./find-tables";
import { removeSheetAfterFailure } from "./sheets";

/**
 * The layout corrections on their hidden sheet (layout in core corrections-sheet.ts), inside
 * Excel. One `Excel.run` per command (the adapter's): the syncs of `locateWorkbook` (the
 * corrections sheet is read with the other sheets), one to look the sheet up, one to write the
 * whole list in a single `values` assignment — whatever the number of corrections or rows.
 */

export async function addLayoutCorrection(context: Excel.RequestContext, request: CorrectionRequest): Promise<void> {
  const { snapshots, layout } = await locateWorkbook(context);
  const correction = correctionFor(snapshots, layout.tables, request);
  await writeCorrections(context, layout, addCorrection(layout.stored, correction));
}

export async function removeLayoutCorrection(context: Excel.RequestContext, correction: LayoutCorrection): Promise<void> {
  const { layout } = await locateWorkbook(context);
  await writeCorrections(context, layout, removeCorrection(layout.stored, correction));
}

/**
 * Rewrites the sheet (where the corrections were read from, else CORRECTIONS_SHEET, created
 * hidden), or deletes it when no correction is left. Text cells get the text format `@` before
 * their values, so a row's text such as `=SUM(…)` stays text.
 */
async function writeCorrections(context: Excel.RequestContext, layout: WorkbookLayout, list: readonly LayoutCorrection[]): Promise<void> {
  const name = layout.storedSheet ?? CORRECTIONS_SHEET;
  const existing = context.workbook.worksheets.getItemOrNullObject(name).load("name,visibility,protection/protected");
  await context.sync();
  if (!existing.isNullObject && existing.protection.protected) throw new LiaisonError("sheetProtected", { sheet: existing.name });
  if (list.length === 0) {
    if (existing.isNullObject) return;
    // Worksheet.delete works on a hidden sheet; what Excel refuses is deleting (or hiding) the last
    // visible one, which this never is (Microsoft's reference, "Work with worksheets using the
    // Excel JavaScript API": delete a worksheet, set worksheet visibility).
    existing.delete();
    await context.sync();
    return;
  }
  const created = existing.isNullObject;
  let sheet: Excel.Worksheet;
  if (created) {
    sheet = context.workbook.worksheets.add(name);
    sheet.visibility = "Hidden";
  } else {
    sheet = existing;
    if (existing.visibility === "Visible") sheet.visibility = "Hidden";
    sheet.getRange().clear("All");
  }
  const rows = correctionsToRows(list);
  const range = sheet.getRangeByIndexes(0, 0, rows.length, CORRECTIONS_HEADER.length);
  range.numberFormat = rows.map((line) => line.map((v) => (typeof v === "string" ? "@" : "General")));
  range.values = rows.map((line) => [...line]);
  try {
    await context.sync();
  } catch (e) {
    if (created) await removeSheetAfterFailure(context, name, e);
    throw e;
  }
}
