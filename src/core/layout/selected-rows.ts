import { parseRange, type Rect } from "../a1";
import { LiaisonError } from "../errors";
import { dataRowsOf } from "./types";
import type { FoundTable } from "./types";

/**
 * Which data rows of which table a selection means — the same answer in both adapters. A person
 * may point at rows any way Excel allows: one cell per row, a block, several areas (Ctrl+click),
 * whole rows. Each adapter turns its selection into areas on one sheet and hands over the found
 * tables with the area each covers; hidden rows are the adapter's business (it knows them).
 */

/** A found table with the area a selection must touch to count (header and data rows: `FoundTable.address`). */
export interface TableArea {
  readonly table: FoundTable;
  readonly rect: Rect;
}

export interface PickedRows {
  readonly table: FoundTable;
  /** Excel rows, ascending, each once: data rows only (header and blank rows below the data left out). */
  readonly rows: number[];
}

/**
 * The one table the areas touch and the data rows they cover. Areas touching no table are
 * ignored (a stray cell beside the table); none touching a table → `none` decides the error.
 */
export function pickSelectedRows(
  tables: readonly TableArea[],
  sheet: string,
  areas: readonly Rect[],
  none: () => LiaisonError,
): PickedRows {
  const lower = sheet.toLocaleLowerCase();
  const touched = tables.filter(
    (t) => t.table.sheet.toLocaleLowerCase() === lower && areas.some((a) => intersection(a, t.rect) !== undefined),
  );
  if (touched.length === 0) throw none();
  if (touched.length > 1) {
    const names = touched.map((t) => t.table.tableName ?? `${t.table.sheet}!${t.table.address}`);
    throw new LiaisonError("selectionSpansTables", { tables: names.join("、") });
  }
  const { table, rect } = touched[0];
  // The table's data rows only (blank, totals, note and repeated header rows are not data: the
  // locator's `dataRows`); a whole-column selection spanning a million rows costs no more.
  const hits = areas.map((a) => intersection(a, rect)).filter((h): h is Rect => h !== undefined);
  const rows = dataRowsOf(table).filter((r) => hits.some((h) => r >= h.top && r <= h.bottom));
  if (rows.length === 0) throw new LiaisonError("noDataRowsSelected");
  return { table, rows };
}

/** Explicit rows (CLI `--rows 5,7-9`) as areas: whole rows, merged into runs. */
export function rowAreas(rows: readonly number[], maxColumn: number): Rect[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: Rect[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.bottom === r - 1) out[out.length - 1] = { ...last, bottom: r };
    else out.push({ top: r, bottom: r, left: 0, right: maxColumn });
  }
  return out;
}

/** `5,7-9` — how people write rows (and how the register stores them). */
export function rowsText(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(",");
}

/** Contiguous runs of ascending rows, as [first, count]. */
export function rowRuns(rows: readonly number[]): { readonly first: number; readonly count: number }[] {
  const runs: { first: number; count: number }[] = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    if (last && last.first + last.count === r) last.count++;
    else runs.push({ first: r, count: 1 });
  }
  return runs;
}

function intersection(a: Rect, b: Rect): Rect | undefined {
  const r = {
    top: Math.max(a.top, b.top),
    bottom: Math.min(a.bottom, b.bottom),
    left: Math.max(a.left, b.left),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : undefined;
}

/** A selection as text (the preview page's, an in-memory workbook's) as areas: `B3`, `B3:F9`, `7:9`, `C:C` and lists of them separated by `,` or `;`. */
export function selectionAreas(address: string): Rect[] {
  return address.split(/[,;]/).map((part) => {
    const r = parseRange(part);
    if (!r || r.sheet !== undefined) throw new LiaisonError("invalidAddress", { address: part.trim() });
    return { top: r.top, left: r.left, bottom: r.bottom, right: r.right };
  });
}
