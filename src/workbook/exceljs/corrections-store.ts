import type * as ExcelJS from "exceljs";
import {
  addCorrection,
  correctionFor,
  removeCorrection,
  type CorrectionRequest,
  type LayoutCorrection,
} from "../../core/layout/corrections";
import { CORRECTIONS_SHEET, correctionsToRows } from "../../core/layout/corrections-sheet";
import type { WorkbookLayout } from "../../core/layout/locate";
import { layoutOf } from "./find-tables";
import { findSheet } from "./settings-store";

/**
 * The layout corrections on their hidden sheet (layout in core corrections-sheet.ts), through
 * ExcelJS: the core locates the tables and builds the correction; this writes the list back.
 */

export function addLayoutCorrection(wb: ExcelJS.Workbook, request: CorrectionRequest): void {
  const { snapshots, layout } = layoutOf(wb);
  const correction = correctionFor(snapshots, layout.tables, request);
  writeCorrections(wb, layout, addCorrection(layout.stored, correction));
}

export function removeLayoutCorrection(wb: ExcelJS.Workbook, correction: LayoutCorrection): void {
  const { layout } = layoutOf(wb);
  writeCorrections(wb, layout, removeCorrection(layout.stored, correction));
}

/**
 * Writes the sheet afresh (no stray row of a longer list survives), hidden, where the corrections
 * were read from (a renamed sheet keeps its name) or under CORRECTIONS_SHEET; no sheet for none.
 * Text cells are formatted `@`: a row's text such as `=SUM(…)` stays text.
 */
function writeCorrections(wb: ExcelJS.Workbook, layout: WorkbookLayout, list: readonly LayoutCorrection[]): void {
  const name = layout.storedSheet ?? CORRECTIONS_SHEET;
  const old = findSheet(wb, name);
  if (old) wb.removeWorksheet(old.id);
  if (list.length === 0) return;
  const ws = wb.addWorksheet(name, { state: "hidden" });
  correctionsToRows(list).forEach((line, r) =>
    line.forEach((v, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      if (typeof v === "string") cell.numFmt = "@";
      cell.value = v === "" ? null : v;
    }),
  );
  ws.getRow(1).font = { bold: true };
}
