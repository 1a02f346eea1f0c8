import { columnLetter } from "../a1";
import { isoDate } from "../cells/civil";
import type { DayNumber, MinuteNumber } from "../cells/types";
import type { WorkCalendar, WorkingHours } from "../calendar/calendar";
import { DEFAULT_LANG, catalogLang, hasTraditional, localize, translator, type Lang, type Params } from "../i18n";
import { findingMessages } from "../i18n/messages/findings";
import type { Settings } from "../settings/schema";
import type { TableRead, TypedValue } from "../table/read-table";
import { readColumns, valueAt, type ReadColumns } from "../table/columns";
import { YearCache } from "../table/years";
import type { ColumnDef, TemplateDef } from "../templates/types";
import type { FoundTable } from "../layout/types";
import type { Finding } from "./finding";
import { RULE_IDS, RULE_SEVERITY, type RuleId, type Severity } from "./spec";

/**
 * What every rule needs about one table, computed once: the read's columns (columns.ts: one
 * Float64Array per numeric column, NaN = null; one array per other column), where each template
 * column sits on the sheet, which cells were unreadable, the clock, and the output buffer.
 * Rules loop over those columns; the only allocations in a loop are the findings themselves,
 * and their messages come from templates filled in once per rule and column (`message`).
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

const RULE_ORDER: Readonly<Record<string, number>> = Object.fromEntries(RULE_IDS.map((id, i) => [id, i]));

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
 * The catalog's `format`, compiled: each message template is split once into literal text and
 * placeholders, so a finding's message is a few concatenations instead of a regex pass (the
 * engine may write hundreds of thousands). Same result as `format`: an unknown placeholder stays
 * visible.
 */
type Compiled = readonly string[]; // even indices: literal text; odd indices: placeholder names
const compiledByLang = new Map<Lang, (key: string, params?: Params) => string>();

function compiledTranslator(lang: Lang): (key: string, params?: Params) => string {
  const hit = compiledByLang.get(lang);
  if (hit) return hit;
  const plain = translator(findingMessages, lang);
  const dict: Readonly<Record<string, string>> = findingMessages[catalogLang(lang)];
  const fallback: Readonly<Record<string, string>> = findingMessages[DEFAULT_LANG];
  const cache = new Map<string, Compiled>();
  const t = (key: string, params?: Params): string => {
    let parts = cache.get(key);
    if (!parts) {
      const template = dict[key] ?? fallback[key];
      if (template === undefined) return plain(key, params); // throws the catalog's error
      parts = localize(template, lang).split(/\{(\w+)\}/);
      cache.set(key, parts);
    }
    let out = parts[0];
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i];
      const v = params !== undefined && name in params ? params[name] : undefined;
      out += (v === undefined ? `{${name}}` : String(v)) + parts[i + 1];
    }
    return out;
  };
  // zh-TW before its table is installed reads as zh-CN: not kept, so it converts once installed.
  if (lang !== "zh-TW" || hasTraditional()) compiledByLang.set(lang, t);
  return t;
}

/**
 * A message whose per-table parts (column names, bounds, the threshold …) are filled in once and
 * whose per-finding parts are given by position to `fillMessage`, in the order of the `vars`
 * names passed to `TableContext.message`. Same text as `t(key, {...fixed, ...vars})`.
 * Laid out as [literal, (var index, var name, literal)…] in a plain array: `fillMessage` runs once
 * per finding and touches nothing made for one check (see column-rules.ts on why).
 */
export type PreparedMessage = readonly (string | number)[];

function prepareMessage(template: string, fixed: Params, vars: readonly string[]): PreparedMessage {
  if (vars.length > 4) throw new Error(`rules: a message takes at most 4 varying parts, not ${vars.length}`);
  const out: (string | number)[] = [""];
  const parts = template.split(PLACEHOLDER);
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) {
      out[out.length - 1] += parts[i];
      continue;
    }
    const name = parts[i];
    const slot = vars.indexOf(name);
    if (slot >= 0) out.push(slot, name, "");
    else {
      const v = name in fixed ? fixed[name] : undefined;
      out[out.length - 1] += v === undefined ? `{${name}}` : String(v); // as `format`: an unknown placeholder stays visible
    }
  }
  return out;
}

/** The message with its per-finding parts; an undefined part stays visible as `{name}`, as in `format`. */
export function fillMessage(message: PreparedMessage, a?: unknown, b?: unknown, c?: unknown, d?: unknown): string {
  let out = message[0] as string;
  for (let i = 1; i < message.length; i += 3) {
    const slot = message[i];
    const v = slot === 0 ? a : slot === 1 ? b : slot === 2 ? c : d;
    out += (v === undefined ? `{${message[i + 1] as string}}` : String(v)) + (message[i + 2] as string);
  }
  return out;
}

const PLACEHOLDER = /\{(\w+)\}/;

/** A finding message's template in a language (the default language's when missing, as `t`). */
function templateOf(lang: Lang, key: string): string {
  const dict: Readonly<Record<string, string>> = findingMessages[catalogLang(lang)];
  const fallback: Readonly<Record<string, string>> = findingMessages[DEFAULT_LANG];
  const template = dict[key] ?? fallback[key];
  if (template === undefined) throw new Error(`i18n: missing message "${key}"`); // as the catalog's translator
  return localize(template, lang);
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
  readonly t: (key: string, params?: Params) => string;
  readonly out: Pending = { rowIndex: [], sortKey: [], findings: [] };
  /** Per-table results shared between rules (the score column of `threshold` and `consecutive`). */
  readonly memo = new Map<string, unknown>();
  /** Years without holiday data met while counting working days, and where first. */
  readonly provisional = new Set<number>();
  provisionalAt: { r: number; j: number } | undefined;

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
    this.t = compiledTranslator(lang);

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

  /** The column's name as a message shows it: canonical Chinese, or the English header. */
  colName(j: number): string {
    return this.lang === "en-US" ? this.cols[j].en : localize(this.cols[j].name, this.lang);
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
      if (!at || r < at.r || (r === at.r && this.sortCol(j) < this.sortCol(at.j))) this.provisionalAt = { r, j };
    }
  }

  private yearOf(day: DayNumber): number {
    return this.years.of(day);
  }

  /**
   * A message of the findings catalog with its per-table parts filled in now and its per-finding
   * parts (`vars`, by name) given by position to the returned function, for rules that write
   * thousands of findings with the same wording.
   */
  message(key: string, fixed: Params, vars: readonly string[]): PreparedMessage {
    return prepareMessage(templateOf(this.lang, key), fixed, vars);
  }

  private letter(sheetCol: number): string {
    let letter = this.letters[sheetCol];
    if (letter === undefined) this.letters[sheetCol] = letter = columnLetter(sheetCol);
    return letter;
  }

  private sortCol(j: number): number {
    return this.sheetCol[j] >= 0 ? this.sheetCol[j] : this.table.firstColumn;
  }

  /**
   * A finding on row index r about template column j. Where the sheet lacks the column, the
   * cell is the row's first cell (contract.md).
   */
  emit(r: number, j: number, rule: RuleId, message: string, severity: Severity = RULE_SEVERITY[rule]): void {
    const sheetCol = this.sheetCol[j] >= 0 ? this.sheetCol[j] : this.table.firstColumn;
    const row = this.excelRows[r];
    this.push(r, sheetCol, j, rule, {
      sheet: this.table.sheet,
      row,
      column: this.cols[j].name,
      cell: this.letter(sheetCol) + row,
      rule,
      severity,
      message,
    });
  }

  /** A finding about the table as a whole, on its header row at the given sheet column. */
  emitHeader(sheetCol: number, j: number, rule: RuleId, message: string): void {
    const row = this.table.headerRow;
    this.push(-1, sheetCol, j, rule, {
      sheet: this.table.sheet,
      row,
      column: this.cols[j].name,
      cell: this.letter(sheetCol) + row,
      rule,
      severity: RULE_SEVERITY[rule],
      message,
    });
  }

  private push(r: number, sheetCol: number, j: number, rule: RuleId, finding: Finding): void {
    this.out.rowIndex.push(r);
    this.out.sortKey.push(sheetCol * SORT_SHEET_COL + j * SORT_COL + RULE_ORDER[rule]);
    this.out.findings.push(finding);
  }
}
