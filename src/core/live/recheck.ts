import { validateTable, type ValidateInput } from "../rules";
import type { Finding } from "../rules/finding";
import type { TableRead } from "../table/read-table";
import type { FoundTable } from "../layout/types";
import { rowsToRecheck, subRead } from "./rows";

/**
 * Re-checking part of a table. `recheck` validates only some rows, with the same settings, clock
 * and calendar as a full check; `mergeFindings` puts their findings in place of the old ones;
 * `recheckTable` does both after an edit and falls back to a full check where a part cannot
 * stand for the whole (see there). For the same clock the result equals a full check of the table.
 */

export interface RecheckResult {
  /** Findings on the re-checked rows (header-row findings excluded: the header was not re-checked). */
  readonly findings: Finding[];
  /** The Excel rows re-checked, ascending. */
  readonly rows: number[];
}

/** Validates only `rows` (Excel rows) of `input.read`; rows that hold no data have no findings. */
export function recheck(input: ValidateInput, rows: readonly number[]): RecheckResult {
  const wanted = new Set(rows);
  const findings = validateTable({ ...input, read: subRead(input.read, wanted) }).filter(
    (f) => wanted.has(f.row) && f.row !== input.table.headerRow,
  );
  return { findings, rows: [...wanted].sort((a, b) => a - b) };
}

/**
 * `previous` with the findings of `rows` on `sheet` replaced by `fresh` (only fresh findings on
 * those rows are taken). Order: by row, then as the engine orders a row — the order of a full check.
 */
export function mergeFindings(
  previous: readonly Finding[],
  fresh: readonly Finding[],
  rows: ReadonlySet<number>,
  sheet: string,
): Finding[] {
  const kept = previous.filter((f) => f.sheet !== sheet || !rows.has(f.row));
  const added = fresh.filter((f) => f.sheet === sheet && rows.has(f.row));
  if (added.length === 0) return kept;
  // Both lists are in row order and disjoint by row: merge them, keeping each row's own order.
  const out: Finding[] = [];
  let i = 0;
  let k = 0;
  while (i < kept.length || k < added.length) {
    if (k >= added.length || (i < kept.length && (kept[i].sheet !== sheet || kept[i].row < added[k].row))) out.push(kept[i++]);
    else out.push(added[k++]);
  }
  return out;
}

export interface TableRecheckInput extends Omit<ValidateInput, "read" | "table"> {
  /** The table as found after the edit. */
  readonly table: FoundTable;
  /** The table as found at the last check; undefined when never checked. */
  readonly tableBefore?: FoundTable;
  /** Read at the last check (undefined: never checked). */
  readonly before?: TableRead;
  readonly after: TableRead;
  /** The table's findings from the last check (all of them, as `validateTable` gave them). */
  readonly previous: readonly Finding[];
  /** Excel rows the host reported as edited. */
  readonly changedRows: Iterable<number>;
}

export interface TableRecheckResult {
  /** All findings of the table now: equal to `validateTable` of the whole table. */
  readonly findings: Finding[];
  /** Excel rows whose findings (and marks) were replaced, ascending; with `full`, every row of the table's old and new extent plus its header row. */
  readonly rows: number[];
  /** True when the whole table was checked again. */
  readonly full: boolean;
}

/** Header row, columns and extent-defining facts that every finding of a table depends on. */
export function sameLayout(a: FoundTable, b: FoundTable): boolean {
  return (
    a.sheet === b.sheet &&
    a.templateId === b.templateId &&
    a.headerRow === b.headerRow &&
    a.firstColumn === b.firstColumn &&
    JSON.stringify(a.columns) === JSON.stringify(b.columns) &&
    JSON.stringify(a.missingRequired) === JSON.stringify(b.missingRequired)
  );
}

/**
 * The findings of a table after an edit, re-checking as few rows as possible. A full check is run
 * instead when a part cannot stand for the whole:
 *  - never checked, or the header/column layout changed (header findings, column positions);
 *  - a `calendar` finding before or after: it names every year without holiday data met in the
 *    whole table and sits at the first cell that met one, which a subset cannot know.
 */
export function recheckTable(input: TableRecheckInput): TableRecheckResult {
  const { tableBefore, before, after, table, previous } = input;
  const base: ValidateInput = { ...input, read: after, table };
  const allRows = (): number[] => {
    const set = new Set<number>([table.headerRow, ...after.excelRows, ...(before?.excelRows ?? [])]);
    if (tableBefore) set.add(tableBefore.headerRow);
    for (const f of previous) set.add(f.row);
    return [...set].sort((a, b) => a - b);
  };
  const full = (): TableRecheckResult => ({ findings: validateTable(base), rows: allRows(), full: true });

  if (before === undefined || tableBefore === undefined || !sameLayout(tableBefore, table)) return full();
  if (previous.some((f) => f.rule === "calendar")) return full();
  const rows = rowsToRecheck(input.tpl, before, after, input.changedRows);
  if (rows.length === 0) return { findings: [...previous], rows: [], full: false };
  const part = recheck(base, rows);
  if (part.findings.some((f) => f.rule === "calendar")) return full();
  return { findings: mergeFindings(previous, part.findings, new Set(part.rows), table.sheet), rows: part.rows, full: false };
}
