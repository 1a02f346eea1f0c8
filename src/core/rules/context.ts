import { columnLetter } from "../a1";
import { isoDate } from "../cells/civil";
import type { DayNumber, MinuteNumber } from "../cells/types";
import type { WorkCalendar, WorkingHours } from "../calendar/calendar";
import type { Lang } from "../i18n";
import type { Settings } from "../settings/schema";
import type { TableRead, TypedValue } from "../table/read-table";
import { readColumns, valueAt, type ReadColumns } from "../table/columns";
import { YearCache } from "../table/years";
import type { ColumnDef, TemplateDef } from "../templates/types";
import type { FoundTable } from "../layout/types";
import type { ColumnRef, Finding, FindingParams, ParamValue } from "./finding";
import type { RuleSet } from "./registry";
import { columnName, MessageRenderer, showParam, templateParts } from "./render";
import type { RuleId } from "./spec";
import type { Severity } from "./severity";

/**
 * What every rule needs about one table, computed once: the read's columns (columns.ts: one
 * Float64Array per numeric column, NaN = null; one array per other column), where each template
 * column sits on the sheet, which cells were unreadable, the clock, and the output buffer.
 * Rules loop over those columns; the only allocations in a loop are the findings themselves
 * (their message key and params; the message is rendered by render.ts).
 */

export type TableShape = Pick<FoundTable, "sheet" | "headerRow" | "firstColumn" | "columns" | "missingRequired"> &
  Partial<Pick<FoundTable, "tableName" | "typedBelow" | "merges">>;

/**
 * Findings wait in three parallel arrays until sorted (no wrapper object per finding): the row
 * index (−1 = header row) and a sort key packing sheet column, template column and rule order.
 */
export const SORT_SHEET_COL = 1 << 13; // sheetCol * SORT_SHEET_COL + j * SORT_COL + ruleOrder
export const SORT_COL = 1 << 5; // at most 32 rule ids, at most 256 template columns

export interface Pending {
  readonly rowIndex: number[];
  readonly sortKey: number[];
  readonly findings: Finding[];
}

// Module-level aliases: inside a sandboxed context (Jest's vm) every global lookup costs.
const floor = Math.floor;

/** Longest piece of user text quoted in a message (cells may hold 10,000 characters). */
const QUOTE_LIMIT = 40;

export function quote(text: string): string {
  return text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text;
}

/** Scores and amounts as people write them: 79, 79.5, never 79.49999999. */
export function showNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/**
 * The engine's fast path for a rule that writes thousands of findings with one wording: the
 * message template with its per-table parts (the column, the pass mark …) filled in once, laid out
 * as [literal, (var index, var name, literal)…]; `fillMessage` adds the per-finding parts by
 * position. The text equals `renderFinding` of the finding's key and params
 * (test/core/rules/property.test.ts checks every finding).
 */
export interface PreparedMessage {
  readonly key: string;
  readonly parts: readonly (string | number)[];
  /**
   * Findings' params and text by their varying value(s) (`TableContext.said`): the same due date,
   * score or placeholder recurs down a column, and findings that say the same thing share one
   * (read-only) params object and one message string instead of each allocating its own — the
   * findings live until the report, so every object they hold is copied by the garbage collector.
   */
  readonly said: Map<string | number, SharedSaid>;
}

/** A finding's params and message text, shared by the findings of one table that say the same. */
export interface SharedSaid {
  readonly params: FindingParams;
  readonly text: string;
}

/** The message with its per-finding parts; an undefined part stays visible as `{name}`, as in `format`. */
export function fillMessage(message: PreparedMessage, a?: ParamValue, b?: ParamValue, c?: ParamValue, d?: ParamValue): string {
  const parts = message.parts;
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 3) {
    const slot = parts[i];
    const v = slot === 0 ? a : slot === 1 ? b : slot === 2 ? c : d;
    out += (v === undefined ? `{${parts[i + 1] as string}}` : String(v)) + (parts[i + 2] as string);
  }
  return out;
}

export class TableContext {
  readonly cols: readonly ColumnDef[];
  /** Per numeric template column (number, integer, date, datetime): its values, NaN where null. */
  readonly num: readonly (Float64Array | undefined)[];
  /** Per other template column: its values (strings, string lists, null). */
  readonly other: readonly (readonly TypedValue[] | undefined)[];
  readonly excelRows: readonly number[];
  readonly n: number;
  readonly present: readonly boolean[];
  /** Absolute 0-based sheet column of each template column, −1 when the sheet lacks it. */
  readonly sheetCol: Int32Array;
  /** Per template column: 1 for rows whose cell was unreadable (null in values, a `type`/`enum` finding). */
  readonly invalid: (Uint8Array | undefined)[];
  readonly isDateTime: readonly boolean[];
  readonly out: Pending = { rowIndex: [], sortKey: [], findings: [] };
  /** Per-table results shared between rules (the score column of `threshold` and `consecutive`). */
  readonly memo = new Map<string, unknown>();
  /** Years without holiday data met while counting working days, and where first. */
  readonly provisional = new Set<number>();
  provisionalAt: { r: number; j: number } | undefined;

  private readonly refs: readonly ColumnRef[];
  private readonly messages: MessageRenderer;
  private readonly keyIndex: ReadonlyMap<string, number>;
  private readonly columns: ReadColumns;
  private readonly years = new YearCache();
  /** Column letters by sheet column, made once each: every finding has a cell address. */
  private readonly letters: string[] = [];

  constructor(
    readonly tpl: TemplateDef,
    readonly read: TableRead,
    readonly table: TableShape,
    readonly settings: Settings,
    readonly today: DayNumber,
    readonly now: MinuteNumber,
    readonly calendar: WorkCalendar,
    readonly hours: WorkingHours,
    readonly lang: Lang,
    readonly rules: RuleSet,
  ) {
    this.cols = tpl.columns;
    this.columns = readColumns(read, tpl.columns);
    this.num = this.columns.numbers;
    this.other = this.columns.others;
    this.excelRows = read.excelRows;
    this.n = this.columns.n;
    this.present = read.present;
    this.keyIndex = new Map(tpl.columns.map((c, j) => [c.key, j]));
    this.isDateTime = tpl.columns.map((c) => c.type === "datetime");
    this.refs = tpl.columns.map((c) => ({ column: c.key, name: c.name, en: c.en }));
    this.messages = new MessageRenderer(lang);

    this.sheetCol = new Int32Array(this.cols.length).fill(-1);
    for (const fc of table.columns) {
      const keys = fc.compoundKeys && fc.compoundKeys.length > 0 ? fc.compoundKeys : fc.key !== undefined ? [fc.key] : [];
      for (const key of keys) {
        const j = this.keyIndex.get(key);
        // The first sheet column for a key wins, as in readTable.
        if (j !== undefined && this.sheetCol[j] < 0) this.sheetCol[j] = table.firstColumn + fc.index;
      }
    }
    for (let j = 0; j < this.cols.length; j++) if (!this.present[j]) this.sheetCol[j] = -1;

    this.invalid = this.cols.map(() => undefined);
    for (const issue of read.issues) {
      if (issue.kind !== "invalid") continue;
      const j = this.keyIndex.get(issue.key);
      if (j === undefined) continue;
      (this.invalid[j] ??= new Uint8Array(this.n))[issue.row] = 1;
    }
  }

  /** Template column index of a key named by a rule spec; a wrong key is a bug in the template. */
  col(key: string): number {
    const j = this.keyIndex.get(key);
    if (j === undefined) throw new Error(`rules: template "${this.tpl.id}" has no column "${key}"`);
    return j;
  }

  colIndexOrUndefined(key: string): number | undefined {
    return this.keyIndex.get(key);
  }

  /** Template column j as a finding's params name it (one object per column, shared by its findings). */
  colRef(j: number): ColumnRef {
    return this.refs[j];
  }

  /** The column's name as a message in the check's language shows it. */
  colName(j: number): string {
    return columnName(this.cols[j], this.lang);
  }

  /** The value at row r of column j, as `read.values[r][j]` holds it. */
  value(r: number, j: number): TypedValue {
    return valueAt(this.columns, r, j);
  }

  /** The numbers of a numeric column; a rule spec naming another column is a bug in the template. */
  numbers(j: number): Float64Array {
    const num = this.num[j];
    if (num === undefined) throw new Error(`rules: column "${this.cols[j].key}" of template "${this.tpl.id}" is not numeric`);
    return num;
  }

  /** The values of a non-numeric column (strings, string lists, null). */
  others(j: number): readonly TypedValue[] {
    const other = this.other[j];
    if (other === undefined) throw new Error(`rules: column "${this.cols[j].key}" of template "${this.tpl.id}" is numeric`);
    return other;
  }

  /** True when the cell is empty: null and not an unreadable value. */
  isEmpty(r: number, j: number): boolean {
    return this.value(r, j) === null && this.invalid[j]?.[r] !== 1;
  }

  isInvalid(r: number, j: number): boolean {
    return this.invalid[j]?.[r] === 1;
  }

  /** The calendar day of a date or date-time value. */
  day(j: number, v: number): DayNumber {
    return this.isDateTime[j] ? floor(v / 1440) : v;
  }

  /** The minute of a date or date-time value (a bare date is 00:00). */
  minute(j: number, v: number): MinuteNumber {
    return this.isDateTime[j] ? v : v * 1440;
  }

  /** A typed value as a message shows it. */
  show(j: number, v: TypedValue): string {
    if (v === null) return "";
    if (typeof v === "number") {
      const type = this.cols[j].type;
      if (type === "date") return this.isoDay(v);
      if (type === "datetime") return this.isoMinute(v);
      return showNumber(v);
    }
    if (typeof v === "string") return quote(v);
    return quote(v.join("+"));
  }

  private readonly dayText = new Map<number, string>();
  private readonly minuteText = new Map<number, string>();

  /** `isoDate`, remembered: the same dates recur down a column. */
  isoDay(day: DayNumber): string {
    let text = this.dayText.get(day);
    if (text === undefined) this.dayText.set(day, (text = isoDate(day)));
    return text;
  }

  isoMinute(minute: MinuteNumber): string {
    let text = this.minuteText.get(minute);
    if (text === undefined) {
      const day = floor(minute / 1440);
      const m = minute - day * 1440;
      text = `${this.isoDay(day)} ${m < 600 ? "0" : ""}${Math.floor(m / 60)}:${m % 60 < 10 ? "0" : ""}${m % 60}`;
      this.minuteText.set(minute, text);
    }
    return text;
  }

  /** Records a working-day count that touched a year without holiday data (for the `calendar` finding). */
  noteYears(r: number, j: number, a: DayNumber, b: DayNumber): void {
    const ya = this.yearOf(a);
    const yb = this.yearOf(b);
    const last = ya > yb ? ya : yb;
    for (let y = ya < yb ? ya : yb; y <= last; y++) {
      if (this.calendar.covers(y)) continue;
      this.provisional.add(y);
      const at = this.provisionalAt;
      if (!at || r < at.r || (r === at.r && this.cellCol(j) < this.cellCol(at.j))) this.provisionalAt = { r, j };
    }
  }

  private yearOf(day: DayNumber): number {
    return this.years.of(day);
  }

  /**
   * A message of the findings catalog with its per-table parts (`fixed`) filled in now and its
   * per-finding parts (`vars`, by name, at most 4, each a string or number) given by position to
   * `fillMessage` — for `emitPrepared`.
   */
  message(key: string, fixed: FindingParams, vars: readonly string[]): PreparedMessage {
    if (vars.length > 4) throw new Error(`rules: a message takes at most 4 varying parts, not ${vars.length}`);
    const template = templateParts(key, this.lang);
    const out: (string | number)[] = [template[0]];
    for (let i = 1; i < template.length; i += 2) {
      const name = template[i];
      const slot = vars.indexOf(name);
      if (slot >= 0) out.push(slot, name, template[i + 1]);
      else {
        const v = fixed[name];
        out[out.length - 1] += (v === undefined ? `{${name}}` : showParam(v, this.lang)) + template[i + 1];
      }
    }
    return { key, parts: out, said: new Map() };
  }

  /**
   * Remembers the params and text of a finding of `message` whose varying parts `id` stands for
   * (the part itself when there is one, else the parts joined), for the next finding that says the
   * same: `message.said.get(id) ?? ctx.share(message, id, params, fillMessage(message, …))`. The
   * params must depend on nothing but `id` and the message's fixed parts.
   */
  share(message: PreparedMessage, id: string | number, params: FindingParams, text: string): SharedSaid {
    const entry = { params, text };
    message.said.set(id, entry);
    return entry;
  }

  /**
   * A finding on row index r about template column j. Where the sheet lacks the column, the
   * cell is the row's first cell (contract.md).
   */
  emit(r: number, j: number, rule: string, key: string, params: FindingParams, severity: Severity = this.rules.severity[rule]): void {
    this.add(r, this.excelRows[r], this.cellCol(j), j, rule, severity, key, params, this.messages.render(key, params));
  }

  /** `emit` with the message made by `fillMessage` (`text`) from a prepared message of the same key and params. */
  emitPrepared(
    r: number,
    j: number,
    rule: string,
    message: PreparedMessage,
    params: FindingParams,
    text: string,
    severity: Severity = this.rules.severity[rule],
  ): void {
    this.add(r, this.excelRows[r], this.cellCol(j), j, rule, severity, message.key, params, text);
  }

  /** A finding about the table as a whole, on its header row at the given sheet column. */
  emitHeader(sheetCol: number, j: number, rule: string, key: string, params: FindingParams): void {
    this.add(-1, this.table.headerRow, sheetCol, j, rule, this.rules.severity[rule], key, params, this.messages.render(key, params));
  }

  /**
   * The sheet column of a finding about template column j: the column's own, or — where the sheet
   * lacks the column — the table's first column, so the cell is the row's first cell (contract.md).
   * Also what findings and the first provisional-year cell sort by.
   */
  private cellCol(j: number): number {
    const c = this.sheetCol[j];
    return c >= 0 ? c : this.table.firstColumn;
  }

  private letter(sheetCol: number): string {
    let letter = this.letters[sheetCol];
    if (letter === undefined) this.letters[sheetCol] = letter = columnLetter(sheetCol);
    return letter;
  }

  /**
   * The one place a finding is built and queued: row index r (−1 = header row) on sheet row `row`
   * at `sheetCol`, with its message already rendered. Arguments are positional, not an object, so a
   * finding costs one allocation (the Finding) plus its cell address.
   */
  private add(
    r: number,
    row: number,
    sheetCol: number,
    j: number,
    rule: string,
    severity: Severity,
    key: string,
    params: FindingParams,
    message: string,
  ): void {
    const rank = this.rules.rank[rule];
    // A rule id no descriptor reports is a bug in a rule (the id is also the finding's `rule`).
    if (rank === undefined) throw new Error(`rules: no descriptor reports the rule id "${rule}"`);
    this.out.rowIndex.push(r);
    this.out.sortKey.push(sheetCol * SORT_SHEET_COL + j * SORT_COL + rank);
    this.out.findings.push({
      sheet: this.table.sheet,
      row,
      column: this.cols[j].name,
      cell: this.letter(sheetCol) + row,
      rule: rule as RuleId,
      severity,
      message,
      key,
      params,
    });
  }
}
