import type { Rect } from "../a1";
import { LiaisonError } from "../errors";
import { markCell, severityRank } from "./plan";
import { SEVERITIES, type Severity } from "../rules";
import type { Mark } from "./mark";

/**
 * `updateMarks` for both adapters: from the cells a sheet's marks cover now (per severity) and the
 * new marks of some rows, the cells each severity covers afterwards. Marks on other rows stay
 * exactly; on the re-checked rows only the new marks remain. A cell gets its highest severity.
 */

export type { Severity };

export interface CellRef {
  readonly row: number;
  readonly col: number;
}

export interface RowMarksPlan {
  /** Every cell each severity marks afterwards (severities with no cell are absent). */
  readonly cells: ReadonlyMap<Severity, readonly CellRef[]>;
  /** Severities whose marks change (the others can be left untouched). */
  readonly changed: ReadonlySet<Severity>;
}

/** Checks `updateMarks` arguments before anything is touched: every mark on `sheet`, on one of `rows`, one cell. */
export function checkRowMarks(
  sheet: string,
  rows: readonly number[],
  marks: readonly Mark[],
): Map<string, CellRef & { severity: Severity }> {
  const rowSet = new Set(rows);
  for (const row of rows) if (!Number.isInteger(row) || row < 1) throw new RangeError(`updateMarks: bad row ${row}`);
  const out = new Map<string, CellRef & { severity: Severity }>();
  for (const m of marks) {
    // The one validation of a mark (core/marks/plan.ts), then: on this sheet, on one of `rows`.
    const r = markCell(m, sheet);
    if (m.sheet.toLowerCase() !== sheet.toLowerCase() || !rowSet.has(r.row))
      throw new LiaisonError("invalidAddress", { address: `${m.sheet}!${m.cell}` });
    const key = `${r.row}:${r.col}`;
    const prev = out.get(key);
    if (!prev || severityRank(m.severity) < severityRank(prev.severity)) out.set(key, { row: r.row, col: r.col, severity: m.severity });
  }
  return out;
}

/** `current`: the areas each severity's marks cover on the sheet now. */
export function planRowMarks(
  current: ReadonlyMap<Severity, readonly Rect[]>,
  rows: readonly number[],
  fresh: ReadonlyMap<string, CellRef & { severity: Severity }>,
): RowMarksPlan {
  const rowSet = new Set(rows);
  const cells = new Map<Severity, CellRef[]>();
  const changed = new Set<Severity>();
  for (const severity of SEVERITIES) {
    const kept: CellRef[] = [];
    let dropped = false;
    for (const rect of current.get(severity) ?? []) {
      for (let row = rect.top; row <= rect.bottom; row++) {
        if (rowSet.has(row)) {
          dropped = true;
          continue;
        }
        for (let col = rect.left; col <= rect.right; col++) kept.push({ row, col });
      }
    }
    const added = [...fresh.values()].filter((c) => c.severity === severity).map(({ row, col }) => ({ row, col }));
    if (dropped || added.length > 0) changed.add(severity);
    const all = [...kept, ...added];
    if (all.length > 0) cells.set(severity, all);
  }
  return { cells, changed };
}
