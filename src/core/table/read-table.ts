import { dataRowsOf, type FoundColumn, type TableData } from "../layout/types";
import { dayFromSerial, dayFromYmd, minuteFromSerial, ymdFromDay } from "../cells/civil";
import { trimCell } from "../cells/normalize";
import {
  compileReader,
  displayText,
  isProblem,
  resolvePartial,
  serialOk,
  type FastRead,
  type FastReader,
  type InvalidReason,
  type PartialDateRead,
} from "../cells/read";
import type { DayNumber, RawCell } from "../cells/types";
import type { ColumnDef, TemplateDef } from "../templates/types";
import { attachColumns, isNumericColumn, rowsOf, type OtherValue, type ReadColumns } from "./columns";
import { YearCache } from "./years";

/**
 * Reads the body of a found table into typed values, as contract.md "Reading cells" says: stored
 * column by column (columns.ts, what the rules loop over) and offered as one array per row in
 * template column order (`values`, built on first use). It reports, and never decides: an empty required cell is
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
  /** `[row][template column index]`. Built from the columns when first asked for (columns.ts). */
  readonly values: readonly (readonly TypedValue[])[];
  /** Per template column: whether the sheet has it (directly or inside a compound column). */
  readonly present: readonly boolean[];
  /** Sorted by row, then template column order. */
  readonly issues: readonly ReadIssue[];
}

export interface ReadTableOptions {
  /** Fallback year of dates written without one. */
  readonly today: DayNumber;
  /** Excel row number of `body[0]`, the others following it; see `excelRows`. */
  readonly firstExcelRow: number;
  /**
   * Excel row number of each body row, when they are not contiguous (a table with blank, totals
   * or repeated header rows between its data rows: `dataRowsOf(table)`). Wins over firstExcelRow.
   */
  readonly excelRows?: readonly number[];
}

/** Reads a located table: its body rows carry the Excel rows the locator found (the one place that maps them). */
export function readTableData(tpl: TemplateDef, data: TableData, today: DayNumber): TableRead {
  return readTable(tpl, data.table.columns, data.body, {
    today,
    firstExcelRow: data.table.headerRow + 1,
    excelRows: dataRowsOf(data.table),
  });
}

/** Compound cells are split on `/` (full-width `／` too). */
const COMPOUND_SEPARATOR = /[/／]/;

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

export function readTable(
  tpl: TemplateDef,
  columns: readonly FoundColumn[],
  body: readonly (readonly RawCell[])[],
  opts: ReadTableOptions,
): TableRead {
  const cols = tpl.columns;
  const plan = new ReadPlan(cols, columns);
  const buf = new ReadBuffers(cols, body.length);
  const problems: unknown[] = [];
  const n = readRows(
    body,
    plan.source,
    plan.read,
    plan.fast,
    plan.target.map((j) => buf.numbers[j]),
    plan.target.map((j) => buf.others[j]),
    buf.bodyIndex,
    problems,
  );
  const rowOf = opts.excelRows;
  if (rowOf !== undefined && rowOf.length !== body.length)
    throw new Error(`readTable: ${rowOf.length} Excel rows given for ${body.length} body rows`);
  for (const b of buf.bodyIndex) buf.excelRows.push(rowOf === undefined ? opts.firstExcelRow + b : rowOf[b]);
  // The cells of those problems are empty already; note each one.
  for (let p = 0; p < problems.length; p += 4) {
    buf.put(problems[p] as number, plan.target[problems[p + 1] as number], problems[p + 2] as FastRead, problems[p + 3] as RawCell);
  }
  if (plan.compounds.length > 0) readCompounds(body, buf, plan.compounds);
  // Columns the sheet lacks are empty throughout.
  for (let j = 0; j < cols.length; j++) {
    if (plan.present[j]) continue;
    buf.numbers[j]?.fill(NaN, 0, n);
    buf.others[j]?.fill(null, 0, n);
  }
  // Sized for every body row: cut to the rows read (blank rows are skipped).
  const store: ReadColumns = {
    n,
    numbers: n === body.length ? buf.numbers : buf.numbers.map((a) => a?.subarray(0, n)),
    others: n === body.length ? buf.others : buf.others.map((a) => a?.slice(0, n)),
  };
  const issues = buf.issues;
  if (buf.pending.length > 0) resolvePending(tpl, store, buf.pending, issues, opts.today);
  issues.sort((a, b) => a.row - b.row || a.column - b.column);
  // Row arrays only for callers that ask for them (documents, the live re-check); the rules read the columns.
  let rows: TypedValue[][] | undefined;
  const read: TableRead = {
    templateId: tpl.id,
    excelRows: buf.excelRows,
    get values() {
      return (rows ??= rowsOf(store, cols.length));
    },
    present: plan.present,
    issues: issues.map(stripColumn),
  };
  attachColumns(read, store);
  return read;
}

/**
 * Which sheet column feeds which template column, as parallel arrays for the loop in `readRows`.
 * The first sheet column that maps to a template column wins; a repeated header is ignored.
 */
class ReadPlan {
  readonly present: boolean[];
  readonly source: number[] = [];
  readonly target: number[] = [];
  readonly read: FastReader[] = [];
  readonly fast: number[] = [];
  readonly compounds: Compound[] = [];

  constructor(cols: readonly ColumnDef[], columns: readonly FoundColumn[]) {
    const indexOfKey = new Map(cols.map((c, i) => [c.key, i]));
    const present = cols.map(() => false);
    for (const fc of columns) {
      if (fc.compoundKeys && fc.compoundKeys.length > 0) {
        const targets = fc.compoundKeys.map((k) => indexOfKey.get(k)).filter((j): j is number => j !== undefined && !present[j]);
        if (targets.length === 0) continue;
        targets.forEach((j) => (present[j] = true));
        this.compounds.push({ source: fc.index, targets, reads: targets.map((j) => compileReader(cols[j])) });
      } else if (fc.key !== undefined) {
        const j = indexOfKey.get(fc.key);
        if (j === undefined || present[j]) continue;
        present[j] = true;
        this.source.push(fc.index);
        this.target.push(j);
        this.read.push(compileReader(cols[j]));
        this.fast.push(fastPathOf(cols[j]));
      }
    }
    this.present = present;
  }
}

/** What readTable fills: the columns (numbers: NaN = null), the Excel rows, the read's problems. */
class ReadBuffers {
  readonly numbers: (Float64Array | undefined)[];
  readonly others: (OtherValue[] | undefined)[];
  readonly excelRows: number[] = [];
  /** Index into the body of each row read (blank rows are skipped). */
  readonly bodyIndex: number[] = [];
  readonly issues: Issue[] = [];
  readonly pending: Pending[] = [];

  constructor(
    private readonly cols: readonly ColumnDef[],
    capacity: number,
  ) {
    this.numbers = cols.map((c) => (isNumericColumn(c) ? new Float64Array(capacity) : undefined));
    this.others = cols.map((c) => (isNumericColumn(c) ? undefined : new Array<OtherValue>(capacity)));
  }

  /** Stores what a reader returned; a problem leaves the cell empty and is noted. */
  put(row: number, j: number, r: FastRead, raw: RawCell): void {
    const num = this.numbers[j];
    if (typeof r === "number") (num as Float64Array)[row] = r;
    else if (r === null || !isProblem(r)) {
      if (num !== undefined) num[row] = NaN;
      else (this.others[j] as OtherValue[])[row] = r;
    } else {
      if (num !== undefined) num[row] = NaN;
      else (this.others[j] as OtherValue[])[row] = null;
      if (r.kind === "invalid")
        this.issues.push({ row, column: j, key: this.cols[j].key, kind: "invalid", reason: r.reason, text: r.text });
      else this.pending.push({ row, column: j, partial: r, text: displayText(raw) });
    }
  }
}

/**
 * The loop over every cell of the body (100 000-row sheets), filling the columns of the sheet's
 * single (not compound) columns, indexed by single: `numbers[s]` or `others[s]`. A cell its reader
 * finds a problem with is left empty and listed in `problems` as (row, single, problem, raw).
 * Only arrays and numbers come in: V8 throws optimised code away when an object it was compiled
 * against has been collected, so a loop that reached into a per-read object would start over in
 * the interpreter after each full garbage collection.
 */
function readRows(
  body: readonly (readonly RawCell[])[],
  source: readonly number[],
  read: readonly FastReader[],
  fast: readonly number[],
  numbers: readonly (Float64Array | undefined)[],
  others: readonly (OtherValue[] | undefined)[],
  bodyIndex: number[],
  problems: unknown[],
): number {
  const nSingles = source.length;
  let n = 0;
  for (let b = 0; b < body.length; b++) {
    const cells = body[b];
    if (isBlankRow(cells)) continue;
    const row = n++;
    for (let s = 0; s < nSingles; s++) {
      const raw = cells[source[s]] ?? null;
      const num = numbers[s];
      // The common cells inline (see fastPathOf), the rest through the column's reader.
      switch (fast[s]) {
        case FAST_NUMBER:
          if (typeof raw === "number" && isFinite(raw)) {
            (num as Float64Array)[row] = raw;
            continue;
          }
          break;
        case FAST_INTEGER:
          if (typeof raw === "number" && isInteger(raw)) {
            (num as Float64Array)[row] = raw;
            continue;
          }
          break;
        case FAST_DATE:
          if (raw !== null && typeof raw === "object" && raw.kind === "date" && serialOk(raw.serial)) {
            (num as Float64Array)[row] = dayFromSerial(raw.serial);
            continue;
          }
          break;
        case FAST_DATETIME:
          if (raw !== null && typeof raw === "object" && raw.kind === "date" && serialOk(raw.serial)) {
            (num as Float64Array)[row] = minuteFromSerial(raw.serial);
            continue;
          }
          break;
        case FAST_TEXT:
          if (typeof raw === "string") {
            const t = trimCell(raw);
            (others[s] as OtherValue[])[row] = t === "" ? null : t;
            continue;
          }
          break;
      }
      const r = raw === null ? null : read[s](raw);
      if (typeof r === "number") (num as Float64Array)[row] = r;
      else if (r === null || !isProblem(r)) {
        if (num !== undefined) num[row] = NaN;
        else (others[s] as OtherValue[])[row] = r;
      } else {
        if (num !== undefined) num[row] = NaN;
        else (others[s] as OtherValue[])[row] = null;
        problems.push(row, s, r, raw);
      }
    }
    bodyIndex.push(b);
  }
  return n;
}

/** Rows that are entirely blank are gaps, not records. Usually decided by the first cell. */
function isBlankRow(cells: readonly RawCell[]): boolean {
  for (let c = 0; c < cells.length; c++) if (!isBlankCell(cells[c])) return false;
  return true;
}

/** Compound cells (`张三/市场部/138`), split into their template columns, for the rows read. */
function readCompounds(body: readonly (readonly RawCell[])[], buf: ReadBuffers, compounds: readonly Compound[]): void {
  for (let row = 0; row < buf.bodyIndex.length; row++) {
    const cells = body[buf.bodyIndex[row]];
    for (const { source, targets, reads } of compounds) {
      const raw = cells[source] ?? null;
      for (const j of targets) buf.put(row, j, null, null); // parts the cell does not have are empty
      if (raw === null) continue;
      if (typeof raw !== "string") {
        // A number or date cannot be split: it is the first part (a name-only contact, say).
        buf.put(row, targets[0], reads[0](raw), raw);
        continue;
      }
      const parts = splitCompound(raw, targets.length);
      for (let p = 0; p < parts.length; p++) buf.put(row, targets[p], reads[p](parts[p]), parts[p]);
    }
  }
}

/**
 * Cells that most columns hold, read inline by readTable instead of through the column's reader
 * (a call per cell of 100,000-row sheets): a finite number in a number column, an integer in an
 * integer column, a date serial Excel can show in a date or date-time column, text in a text
 * column. Each gives exactly what the column's reader gives (read.ts: the reader's first branch);
 * anything else goes to the reader.
 */
const FAST_NONE = 0;
const FAST_NUMBER = 1;
const FAST_INTEGER = 2;
const FAST_DATE = 3;
const FAST_DATETIME = 4;
const FAST_TEXT = 5;

function fastPathOf(col: ColumnDef): number {
  switch (col.type) {
    case "number":
      return FAST_NUMBER;
    case "integer":
      return FAST_INTEGER;
    case "date":
      return FAST_DATE;
    case "datetime":
      return FAST_DATETIME;
    case "text":
      return FAST_TEXT;
    default:
      return FAST_NONE;
  }
}

// Module-level aliases: inside a sandboxed context (Jest's vm) every global lookup costs.
const isFinite = Number.isFinite;
const isInteger = Number.isInteger;

function stripColumn({ column: _column, ...issue }: Issue): ReadIssue {
  return issue;
}

/** `/市场部/138` → ["", "市场部", "138"]; parts beyond the last key stay with the last one. */
function splitCompound(text: string, n: number): string[] {
  const parts = text.split(COMPOUND_SEPARATOR);
  if (parts.length > n) parts.splice(n - 1, parts.length - n + 1, parts.slice(n - 1).join("/"));
  return parts;
}

/**
 * Year of a date written without one (contract.md): another full date in the same row (the first
 * in template order), else the most common year among the column's full dates (on a tie the
 * later year), else the year of today.
 */
function resolvePending(tpl: TemplateDef, store: ReadColumns, pending: readonly Pending[], issues: Issue[], today: DayNumber): void {
  const cols = tpl.columns;
  const dateColumns = cols.map((c, j) => (c.type === "date" || c.type === "datetime" ? j : -1)).filter((j) => j >= 0);
  const years = new YearCache();
  const yearOf = (j: number, value: number): number => years.of(cols[j].type === "datetime" ? Math.floor(value / 1440) : value);
  const columnYear = new Map<number, number | undefined>();
  const commonYear = (j: number): number | undefined => {
    if (columnYear.has(j)) return columnYear.get(j);
    const best = mostCommonYear(store.numbers[j] as Float64Array, store.n, cols[j].type === "datetime");
    columnYear.set(j, best);
    return best;
  };
  const todayYear = ymdFromDay(today).year;

  // Years are taken from the cells as read, before any partial date is filled in.
  const resolved: { p: Pending; year: number }[] = pending.map((p) => {
    let year: number | undefined;
    for (const j of dateColumns) {
      const v = (store.numbers[j] as Float64Array)[p.row];
      if (j !== p.column && v === v) {
        year = yearOf(j, v);
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
      issues.push({
        row: p.row,
        column: p.column,
        key: col.key,
        kind: "invalid",
        reason: withTime ? "not-a-datetime" : "not-a-date",
        text: p.text,
      });
    } else {
      (store.numbers[p.column] as Float64Array)[p.row] = value;
      issues.push({ row: p.row, column: p.column, key: col.key, kind: "year-inferred", text: p.text, year });
    }
  }
}

/**
 * The most common year of a column's dates (NaN = none; minutes where `minutes`), the later year
 * on a tie; undefined when the column has no date. Neighbouring rows are mostly in the same year:
 * the last year's first and last day are remembered (two comparisons instead of a `ymdFromDay`
 * per row), and years are counted in runs, so the map is touched once per run.
 */
function mostCommonYear(values: Float64Array, n: number, minutes: boolean): number | undefined {
  const counts = new Map<number, number>();
  let yearStart = 0;
  let yearEnd = -1;
  let year = 0;
  let runCount = 0;
  for (let r = 0; r < n; r++) {
    const v = values[r];
    if (v !== v) continue;
    const day = minutes ? Math.floor(v / 1440) : v;
    if (day >= yearStart && day <= yearEnd) {
      runCount++;
      continue;
    }
    if (runCount > 0) counts.set(year, (counts.get(year) ?? 0) + runCount);
    year = ymdFromDay(day).year;
    yearStart = dayFromYmd(year, 1, 1);
    yearEnd = dayFromYmd(year + 1, 1, 1) - 1;
    runCount = 1;
  }
  if (runCount > 0) counts.set(year, (counts.get(year) ?? 0) + runCount);
  let best: number | undefined;
  let bestCount = 0;
  for (const [y, c] of counts) if (c > bestCount || (c === bestCount && best !== undefined && y > best)) [best, bestCount] = [y, c];
  return best;
}
