import type { FoundColumn } from "../../workbook/port";
import { ymdFromDay } from "../cells/civil";
import { trimCell } from "../cells/normalize";
import { compileReader, displayText, isProblem, resolvePartial, type FastReader, type InvalidReason, type PartialDateRead } from "../cells/read";
import type { DayNumber, RawCell } from "../cells/types";
import type { TemplateDef } from "../templates/types";

/**
 * Reads the body of a found table into typed values, one array per row in template column order,
 * as contract.md "Reading cells" says. It reports, and never decides: an empty required cell is
 * just `null` here (the rule `required` is the engine's), an unreadable cell is `null` plus an
 * `invalid` issue, and a date without a year gets its year (same row → the column's most common
 * year → today's year) plus a `year-inferred` issue.
 *
 * Rows that are entirely blank (every cell of the body row, known columns or not) are skipped:
 * they are gaps people leave in a sheet, not records; `excelRows` keeps the Excel row of each
 * row that was read.
 */

export type TypedValue = string | number | readonly string[] | null;

export interface ReadIssue {
  /** Index into `values` / `excelRows`. */
  readonly row: number;
  /** Template column key. */
  readonly key: string;
  readonly kind: "invalid" | "year-inferred";
  readonly reason?: InvalidReason;
  /** The cell (or the part of a compound cell) as written. */
  readonly text: string;
  /** The year used, for `year-inferred`. */
  readonly year?: number;
}

export interface TableRead {
  readonly templateId: string;
  /** Excel row number of each row read. */
  readonly excelRows: readonly number[];
  /** `[row][template column index]`. */
  readonly values: readonly (readonly TypedValue[])[];
  /** Per template column: whether the sheet has it (directly or inside a compound column). */
  readonly present: readonly boolean[];
  /** Sorted by row, then template column order. */
  readonly issues: readonly ReadIssue[];
}

export interface ReadTableOptions {
  /** Fallback year of dates written without one. */
  readonly today: DayNumber;
  /** Excel row number of `body[0]`. */
  readonly firstExcelRow: number;
}

/** Compound cells are split on `/` (full-width `／` too). */
const COMPOUND_SEPARATOR = /[/／]/;

interface Single {
  readonly source: number;
  readonly target: number;
  readonly read: FastReader;
}
interface Compound {
  readonly source: number;
  readonly targets: readonly number[];
  readonly reads: readonly FastReader[];
}
interface Pending {
  readonly row: number;
  readonly column: number;
  readonly partial: PartialDateRead;
  readonly text: string;
}
interface Issue extends ReadIssue {
  readonly column: number;
}

function isBlankCell(cell: RawCell | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== "string") return false;
  // Fast exit for ordinary text: a first character above the space that is not a special space.
  const c = cell.charCodeAt(0);
  if (c > 32 && c !== 0xa0 && c !== 0x3000 && c < 0x2000) return false;
  return trimCell(cell) === "";
}

export function readTable(tpl: TemplateDef, columns: readonly FoundColumn[], body: readonly (readonly RawCell[])[], opts: ReadTableOptions): TableRead {
  const cols = tpl.columns;
  const indexOfKey = new Map(cols.map((c, i) => [c.key, i]));
  const present = cols.map(() => false);
  const singles: Single[] = [];
  const compounds: Compound[] = [];
  // The first sheet column that maps to a template column wins; a repeated header is ignored.
  for (const fc of columns) {
    if (fc.compoundKeys && fc.compoundKeys.length > 0) {
      const targets = fc.compoundKeys.map((k) => indexOfKey.get(k)).filter((j): j is number => j !== undefined && !present[j]);
      if (targets.length === 0) continue;
      targets.forEach((j) => (present[j] = true));
      compounds.push({ source: fc.index, targets, reads: targets.map((j) => compileReader(cols[j])) });
    } else if (fc.key !== undefined) {
      const j = indexOfKey.get(fc.key);
      if (j === undefined || present[j]) continue;
      present[j] = true;
      singles.push({ source: fc.index, target: j, read: compileReader(cols[j]) });
    }
  }

  const values: TypedValue[][] = [];
  const excelRows: number[] = [];
  const issues: Issue[] = [];
  const pending: Pending[] = [];
  // Copying a packed row of nulls is much cheaper than `new Array(n).fill(null)` (a holey array).
  const emptyRow: TypedValue[] = cols.map(() => null);

  const put = (out: TypedValue[], row: number, j: number, r: ReturnType<FastReader>, raw: RawCell): void => {
    if (!isProblem(r)) {
      out[j] = r;
    } else if (r.kind === "invalid") {
      issues.push({ row, column: j, key: cols[j].key, kind: "invalid", reason: r.reason, text: r.text });
    } else {
      pending.push({ row, column: j, partial: r, text: displayText(raw) });
    }
  };

  // Parallel arrays: the loop below runs once per cell of 100 000-row sheets.
  const nSingles = singles.length;
  const singleSource = singles.map((x) => x.source);
  const singleTarget = singles.map((x) => x.target);
  const singleRead = singles.map((x) => x.read);

  for (let b = 0; b < body.length; b++) {
    const cells = body[b];
    let blank = true;
    for (let c = 0; c < cells.length; c++) {
      if (!isBlankCell(cells[c])) {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    const row = values.length;
    const out = emptyRow.slice();
    for (let s = 0; s < nSingles; s++) {
      const raw = cells[singleSource[s]];
      if (raw === null || raw === undefined) continue;
      const r = singleRead[s](raw);
      // Values (primitives, arrays) on the hot path; the rare problem objects go through `put`.
      if (typeof r !== "object" || r === null || Array.isArray(r)) out[singleTarget[s]] = r;
      else put(out, row, singleTarget[s], r, raw);
    }
    for (const { source, targets, reads } of compounds) {
      const raw = cells[source] ?? null;
      if (raw === null) continue;
      if (typeof raw !== "string") {
        // A number or date cannot be split: it is the first part (a name-only contact, say).
        put(out, row, targets[0], reads[0](raw), raw);
        continue;
      }
      const parts = splitCompound(raw, targets.length);
      for (let p = 0; p < parts.length; p++) put(out, row, targets[p], reads[p](parts[p]), parts[p]);
    }
    values.push(out);
    excelRows.push(opts.firstExcelRow + b);
  }

  if (pending.length > 0) resolvePending(tpl, values, pending, issues, opts.today);
  issues.sort((a, b) => a.row - b.row || a.column - b.column);
  return { templateId: tpl.id, excelRows, values, present, issues: issues.map(stripColumn) };
}

function stripColumn({ column: _column, ...issue }: Issue): ReadIssue {
  return issue;
}

/** `/市场部/138` → ["", "市场部", "138"]; parts beyond the last key stay with the last one. */
function splitCompound(text: string, n: number): string[] {
  const parts = text.split(COMPOUND_SEPARATOR);
  if (parts.length > n) parts.splice(n - 1, parts.length - n + 1, parts.slice(n - 1).join("/"));
  return parts;
}

const yearOf = (value: number, isDateTime: boolean): number => ymdFromDay(isDateTime ? Math.floor(value / 1440) : value).year;

/**
 * Year of a date written without one (contract.md): another full date in the same row (the first
 * in template order), else the most common year among the column's full dates (on a tie the
 * later year), else the year of today.
 */
function resolvePending(tpl: TemplateDef, values: TypedValue[][], pending: readonly Pending[], issues: Issue[], today: DayNumber): void {
  const cols = tpl.columns;
  const dateColumns = cols.map((c, j) => (c.type === "date" || c.type === "datetime" ? j : -1)).filter((j) => j >= 0);
  const columnYear = new Map<number, number | undefined>();
  const commonYear = (j: number): number | undefined => {
    if (columnYear.has(j)) return columnYear.get(j);
    const counts = new Map<number, number>();
    for (const row of values) {
      const v = row[j];
      if (typeof v === "number") {
        const y = yearOf(v, cols[j].type === "datetime");
        counts.set(y, (counts.get(y) ?? 0) + 1);
      }
    }
    let best: number | undefined;
    let bestCount = 0;
    for (const [y, n] of counts) if (n > bestCount || (n === bestCount && best !== undefined && y > best)) [best, bestCount] = [y, n];
    columnYear.set(j, best);
    return best;
  };
  const todayYear = ymdFromDay(today).year;

  // Years are taken from the cells as read, before any partial date is filled in.
  const resolved: { p: Pending; year: number }[] = pending.map((p) => {
    const row = values[p.row];
    let year: number | undefined;
    for (const j of dateColumns) {
      const v = row[j];
      if (j !== p.column && typeof v === "number") {
        year = yearOf(v, cols[j].type === "datetime");
        break;
      }
    }
    year ??= commonYear(p.column) ?? todayYear;
    return { p, year };
  });
  for (const { p, year } of resolved) {
    const col = cols[p.column];
    const withTime = col.type === "datetime";
    const value = resolvePartial(p.partial, year, withTime);
    if (value === undefined) {
      issues.push({ row: p.row, column: p.column, key: col.key, kind: "invalid", reason: withTime ? "not-a-datetime" : "not-a-date", text: p.text });
    } else {
      values[p.row][p.column] = value;
      issues.push({ row: p.row, column: p.column, key: col.key, kind: "year-inferred", text: p.text, year });
    }
  }
}
