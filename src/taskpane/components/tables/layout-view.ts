import { rangeAddress } from "../../../core/a1";
import { rowsThatCanBeData } from "../../../core/layout/corrections";
import type { FoundTable, SkippedRow } from "../../../core/layout/types";
import type { CorrectionState } from "../../../app/layout-port";

/** What the 表格 tab shows of one table's layout, decided once here (no React, unit-tested). */

/** Skipped rows as shown: consecutive blank rows as one line (`第5–9行 · 空行`), every other row on its own. */
export interface SkippedLine {
  readonly from: number;
  readonly to: number;
  readonly reason: SkippedRow["reason"];
}

export function skippedLines(rows: readonly SkippedRow[]): SkippedLine[] {
  const out: SkippedLine[] = [];
  for (const s of rows) {
    const last = out[out.length - 1];
    if (last && s.reason === "blank" && last.reason === "blank" && last.to === s.row - 1) out[out.length - 1] = { ...last, to: s.row };
    else out.push({ from: s.row, to: s.row, reason: s.reason });
  }
  return out;
}

/** The cells of `row` inside the table's columns (selecting a skipped row in Excel or on the preview grid). */
export function rowAddress(table: Pick<FoundTable, "firstColumn" | "columns">, row: number): string {
  return rangeAddress({ top: row, bottom: row, left: table.firstColumn, right: table.firstColumn + Math.max(1, table.columns.length) - 1 });
}

/** The A1 range of the data rows alone (first to last data row), or undefined without any. */
export function dataRange(table: Pick<FoundTable, "firstColumn" | "columns" | "dataRows">): string | undefined {
  const rows = table.dataRows ?? [];
  if (rows.length === 0) return undefined;
  return rangeAddress({
    top: rows[0],
    bottom: rows[rows.length - 1],
    left: table.firstColumn,
    right: table.firstColumn + Math.max(1, table.columns.length) - 1,
  });
}

/** The skipped lines a person may call data (core `rowsThatCanBeData`: not blank, not after the row that ended the table). */
export function dataCandidates(table: Pick<FoundTable, "skippedRows">): Set<number> {
  return new Set(rowsThatCanBeData(table));
}

/** A stable key for a correction (React lists, undo). */
export function correctionKey(s: CorrectionState): string {
  const c = s.correction;
  return [c.kind, c.sheet, c.headerRow, c.header, c.row ?? "", c.rowText ?? ""].join("\u0000");
}
