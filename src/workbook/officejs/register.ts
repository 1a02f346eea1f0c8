import type { RawCell } from "../../core/cells/types";
import { REGISTER_SHEET, type RegisterEntry } from "../../core/documents/model";
import { columnWidthPoints } from "../layout-plan";
import { entriesFromRows, REGISTER_COLUMNS, REGISTER_HEADER, REGISTER_WIDTHS, registerRow } from "../register-rows";
import { MAX_CELLS_PER_BATCH, rowChunks } from "./batches";
import { toRawGrid } from "./cells";

/**
 * The register sheet 文书登记 inside Excel (layout in `../register-rows.ts`). Reading takes three
 * syncs whatever its length: the sheet, the extent of columns A–F, then their cells (one more sync
 * per MAX_CELLS_PER_BATCH cells: a register of over 3,000 documents).
 */

/** Queued before a sync: the register sheet (a null object when the workbook has none). */
export function registerProbe(wb: Excel.Workbook): Excel.Worksheet {
  return wb.worksheets.getItemOrNullObject(REGISTER_SHEET).load("name,protection/protected");
}

export interface RegisterContent {
  readonly entries: RegisterEntry[];
  /** Last Excel row holding a value in columns A–F (0 when none). */
  readonly lastRow: number;
}

/** The register's entries, once `probe` is synced. */
export async function loadRegister(context: Excel.RequestContext, probe: Excel.Worksheet): Promise<RegisterContent> {
  if (probe.isNullObject) return { entries: [], lastRow: 0 };
  const used = probe.getRange("A:F").getUsedRangeOrNullObject(true).load("rowIndex,rowCount");
  await context.sync();
  if (used.isNullObject) return { entries: [], lastRow: 0 };
  const lastRow = used.rowIndex + used.rowCount;
  // From row 1 and column A, so that row r of the grid is Excel row r+1 and column c is A+c.
  const parts: Excel.Range[] = [];
  let queued = 0;
  for (const { start, count } of rowChunks(lastRow, REGISTER_COLUMNS)) {
    if (queued > 0 && queued + count * REGISTER_COLUMNS > MAX_CELLS_PER_BATCH) {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload chunk (batches.ts), not per row
      await context.sync();
      queued = 0;
    }
    parts.push(probe.getRangeByIndexes(start, 0, count, REGISTER_COLUMNS).load("values,valueTypes,numberFormat"));
    queued += count * REGISTER_COLUMNS;
  }
  await context.sync();
  const rows: RawCell[][] = parts.flatMap((p) => toRawGrid(p.values, p.valueTypes, p.numberFormat));
  return { entries: entriesFromRows(rows, 1), lastRow };
}

export async function readRegister(context: Excel.RequestContext): Promise<RegisterEntry[]> {
  const probe = registerProbe(context.workbook);
  await context.sync();
  return (await loadRegister(context, probe)).entries;
}

/**
 * Queues the register lines below `lastRow` (on `sheet`, or on a new register sheet with its header
 * when `sheet` is undefined). Text format first, then the values: nothing typed becomes a number,
 * a date or a formula.
 */
export function queueRegisterAppend(
  wb: Excel.Workbook,
  sheet: Excel.Worksheet | undefined,
  lastRow: number,
  entries: readonly RegisterEntry[],
): void {
  let ws = sheet;
  const lines: string[][] = entries.map(registerRow);
  let startRow = lastRow + 1;
  if (!ws) {
    ws = wb.worksheets.add(REGISTER_SHEET);
    REGISTER_WIDTHS.forEach((w, c) => {
      (ws as Excel.Worksheet).getRangeByIndexes(0, c, 1, 1).format.columnWidth = columnWidthPoints(w);
    });
    ws.freezePanes.freezeRows(1);
  }
  if (lastRow === 0) {
    lines.unshift([...REGISTER_HEADER]);
    ws.getRangeByIndexes(0, 0, 1, REGISTER_COLUMNS).format.font.bold = true;
    startRow = 1;
  }
  if (lines.length === 0) return;
  const range = ws.getRangeByIndexes(startRow - 1, 0, lines.length, REGISTER_COLUMNS);
  range.numberFormat = lines.map((l) => l.map(() => "@"));
  range.values = lines;
}
