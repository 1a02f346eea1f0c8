import type { ColumnDef } from "../templates/types";
import { dayFromSerial, dayFromYmd, isoDate, isoDateTime, isValidYmd, minuteFromSerial } from "./civil";
import { cleanText, isPlaceholder, toHalfWidth, trimCell } from "./normalize";
import type { DayNumber, ExcelDate, MinuteNumber, RawCell } from "./types";
import { toSimplified } from "../headers/chinese";

/**
 * Reading one cell as its column's type, exactly as contract.md "Reading cells" says.
 *
 * Two layers: `compileReader(col)` builds, once per column, a fast function that returns the
 * typed value itself (string, number, string[]) or `null` for empty, and allocates an object only
 * for the rare partial date or invalid cell; `cellReader` / `readCell` wrap that into the
 * `CellRead` union for callers who want one shape. `readTable` uses the fast layer: the engine
 * reads 100 000 rows × 12 columns through it.
 */

export type InvalidReason =
  "not-a-number" | "not-an-integer" | "not-a-date" | "not-a-datetime" | "not-a-phone" | "not-a-quarter" | "not-in-list" | "error-value";

export interface PartialDateRead {
  readonly kind: "partial-date";
  readonly month: number;
  readonly day: number;
  /** Minute of the day when a time was given (datetime columns). */
  readonly minute?: number;
}

export interface InvalidRead {
  readonly kind: "invalid";
  readonly reason: InvalidReason;
  /** The cell as a person sees it (trimmed text, `TRUE`, `#N/A`, `2024-05-10`). */
  readonly text: string;
}

export type CellRead =
  | { readonly kind: "empty" }
  | { readonly kind: "value"; readonly value: string | number | readonly string[] }
  | PartialDateRead
  | InvalidRead;

/** Shared: an empty cell allocates nothing. */
export const EMPTY: CellRead = Object.freeze({ kind: "empty" as const });

/** What a compiled reader returns: a value, `null` for empty, or a problem object. */
export type FastRead = string | number | readonly string[] | null | PartialDateRead | InvalidRead;
export type FastReader = (raw: RawCell) => FastRead;

/** True for the partial-date and invalid objects (values are primitives or arrays). */
export function isProblem(r: FastRead): r is PartialDateRead | InvalidRead {
  return typeof r === "object" && r !== null && !Array.isArray(r);
}

const compiled = new WeakMap<ColumnDef, FastReader>();

/** The fast reader of a column, built once per ColumnDef object. */
export function compileReader(col: ColumnDef): FastReader {
  let reader = compiled.get(col);
  if (!reader) {
    reader = build(col);
    compiled.set(col, reader);
  }
  return reader;
}

const wrapped = new WeakMap<ColumnDef, (raw: RawCell) => CellRead>();

/** A reader returning the `CellRead` union; precompiled per column. */
export function cellReader(col: ColumnDef): (raw: RawCell) => CellRead {
  let reader = wrapped.get(col);
  if (!reader) {
    const fast = compileReader(col);
    reader = (raw) => {
      const r = fast(raw);
      if (r === null) return EMPTY;
      if (isProblem(r)) return r;
      return { kind: "value", value: r };
    };
    wrapped.set(col, reader);
  }
  return reader;
}

export function readCell(raw: RawCell, col: ColumnDef): CellRead {
  return cellReader(col)(raw);
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

const invalid = (reason: InvalidReason, text: string): InvalidRead => ({ kind: "invalid", reason, text });

/** Numbers as Excel shows them in General format: at most 15 significant digits. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

function serialText(d: ExcelDate): string {
  const whole = Math.abs(d.serial - Math.round(d.serial)) < 1e-9;
  return whole ? isoDate(dayFromSerial(d.serial)) : isoDateTime(minuteFromSerial(d.serial));
}

/** The cell as a person sees it, for messages: trimmed text, `TRUE`, `#N/A`, `2024-05-10`. */
export function displayText(raw: RawCell): string {
  if (raw === null) return "";
  switch (typeof raw) {
    case "string":
      return trimCell(raw);
    case "number":
      return formatNumber(raw);
    case "boolean":
      return raw ? "TRUE" : "FALSE";
    default:
      return raw.kind === "error" ? raw.code : serialText(raw);
  }
}

/** Decides empty / placeholder for the typed (date and number) columns; returns the clean text otherwise. */
function typedText(raw: string): string | null {
  const t = cleanText(raw);
  if (t === "" || isPlaceholder(t)) return null;
  return t;
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** Plain decimal, optional sign, optional exponent: `28`, `-3.5`, `.5`, `1e3`. */
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Thousands separators only in their proper places: `1,234`, `12,345,678.9`. */
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
/** Longer than any number anyone types: rejected without running a regex over it. */
const MAX_NUMBER_TEXT = 40;

function parseNumberText(t: string): number | undefined {
  if (t.length > MAX_NUMBER_TEXT) return undefined;
  if (PLAIN_NUMBER.test(t)) return Number(t);
  if (GROUPED_NUMBER.test(t)) return Number(t.replace(/,/g, ""));
  return undefined;
}

/** A currency sign before, or 元 after, an amount: `¥5,299.00`, `￥5299`, `5299元`, `RMB 5299`. */
const MONEY = /^(?:[¥￥]|RMB|CNY)?\s*([^¥￥元\s][^元]*?)\s*元?$/i;

function moneyText(t: string): string {
  const m = MONEY.exec(t);
  return m ? m[1] : t;
}

function numberReader(integer: boolean, money = false): FastReader {
  const accept = (n: number, text: string): FastRead => {
    if (!Number.isFinite(n)) return invalid("not-a-number", text);
    if (!integer || Number.isInteger(n)) return n;
    // Formula results such as 0.1*30 carry binary noise; a person means the integer.
    const r = Math.round(n);
    return Math.abs(n - r) < 1e-9 ? r : invalid("not-an-integer", text);
  };
  return (raw) => {
    if (typeof raw === "number") {
      if (Number.isFinite(raw) && (!integer || Number.isInteger(raw))) return raw; // the common case
      return accept(raw, formatNumber(raw));
    }
    if (raw === null) return null;
    if (typeof raw === "string") {
      const t = typedText(raw);
      if (t === null) return null;
      const n = parseNumberText(money ? moneyText(t) : t);
      return n === undefined ? invalid("not-a-number", trimCell(raw)) : accept(n, trimCell(raw));
    }
    if (typeof raw === "boolean") return invalid("not-a-number", raw ? "TRUE" : "FALSE");
    // A date in a number column shows as a date: a person did not type a quantity.
    return invalid(raw.kind === "error" ? "error-value" : "not-a-number", displayText(raw));
  };
}

// ---------------------------------------------------------------------------------------------
// Dates and date-times

/** Serials Excel can show as a date: 1900-01-01 … 9999-12-31. */
const MIN_SERIAL = 1;
const MAX_SERIAL = 2_958_466; // exclusive: 10000-01-01

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?`;
/** `before`: `5月22日前` — a deadline written as "by"; the date is the same. */
const BEFORE = String.raw`(?:之?前)?`;
/** `2024-05-10`, `2024/5/10`, `2024.5.10`, with an optional time after a space or `T`. */
const YMD_NUMERIC = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:\s+|T)${TIME})?${BEFORE}$`);
/** `2024年5月10日`, `2024年5月10日 14:30`. */
const YMD_CHINESE = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s*${TIME})?${BEFORE}$`);
/** No year: `05-10`, `5/10`, `5.10`, with an optional time. */
const MD_NUMERIC = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})(?:(?:\s+|T)${TIME})?${BEFORE}$`);
/** No year: `5月10日`, `5月22日前`, `5月10日 14:30`. */
const MD_CHINESE = new RegExp(String.raw`^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s*${TIME})?${BEFORE}$`);

const MAX_DATE_TEXT = 40;

interface ParsedDate {
  readonly year?: number;
  readonly month: number;
  readonly day: number;
  /** Minute of the day, undefined when no time was written. */
  readonly minute?: number;
}

/** Parses the written forms; undefined when the text is none of them or names no real date/time. */
export function parseDateText(t: string): ParsedDate | undefined {
  if (t.length > MAX_DATE_TEXT) return undefined;
  let m = YMD_NUMERIC.exec(t);
  let year: number | undefined;
  let month: number;
  let day: number;
  let timeAt: number;
  if (m) {
    [year, month, day, timeAt] = [Number(m[1]), Number(m[3]), Number(m[4]), 5];
  } else if ((m = YMD_CHINESE.exec(t))) {
    [year, month, day, timeAt] = [Number(m[1]), Number(m[2]), Number(m[3]), 4];
  } else if ((m = MD_NUMERIC.exec(t))) {
    [month, day, timeAt] = [Number(m[1]), Number(m[3]), 4];
  } else if ((m = MD_CHINESE.exec(t))) {
    [month, day, timeAt] = [Number(m[1]), Number(m[2]), 3];
  } else {
    return undefined;
  }
  // Without a year, 2月29日 is possible until the year is known (readTable checks again).
  if (!isValidYmd(year ?? 2000, month, day)) return undefined;
  let minute: number | undefined;
  if (m[timeAt] !== undefined) {
    const h = Number(m[timeAt]);
    const mi = Number(m[timeAt + 1]);
    const s = m[timeAt + 2] === undefined ? 0 : Number(m[timeAt + 2]);
    if (h > 23 || mi > 59 || s > 59) return undefined;
    minute = h * 60 + mi; // seconds are dropped: findings are counted in minutes
  }
  return { year, month, day, minute };
}

/** True for serials Excel can show as a date (readTable's fast path checks the same). */
export function serialOk(serial: number): boolean {
  return serial >= MIN_SERIAL && serial < MAX_SERIAL;
}

function dateReader(withTime: boolean): FastReader {
  const reason: InvalidReason = withTime ? "not-a-datetime" : "not-a-date";
  const fromSerial = (serial: number, raw: RawCell): FastRead => {
    if (!serialOk(serial)) return invalid(reason, displayText(raw));
    return withTime ? minuteFromSerial(serial) : dayFromSerial(serial);
  };
  return (raw) => {
    if (raw === null) return null;
    if (typeof raw === "number") return fromSerial(raw, raw);
    if (typeof raw === "string") {
      const t = typedText(raw);
      if (t === null) return null;
      const p = parseDateText(t);
      if (!p) return invalid(reason, trimCell(raw));
      if (p.year === undefined) {
        const partial: PartialDateRead =
          withTime && p.minute !== undefined
            ? { kind: "partial-date", month: p.month, day: p.day, minute: p.minute }
            : { kind: "partial-date", month: p.month, day: p.day };
        return partial;
      }
      const day = dayFromYmd(p.year, p.month, p.day);
      return withTime ? day * 1440 + (p.minute ?? 0) : day;
    }
    if (typeof raw === "boolean") return invalid(reason, raw ? "TRUE" : "FALSE");
    if (raw.kind === "error") return invalid("error-value", raw.code);
    return fromSerial(raw.serial, raw);
  };
}

// ---------------------------------------------------------------------------------------------
// Phone

/** Digits, spaces, `+`, `-`, parentheses (contract: the `phone` type), with at least one digit. */
const PHONE = /^[\d\s()+-]*\d[\d\s()+-]*$/;
/** An extension after the number: `0571-88886666转123`, `ext. 12`. */
const EXTENSION = /\s*(?:转|轉|ext\.?|x)\s*\d+$/i;
const MAX_PHONE_TEXT = 40;

function phoneReader(): FastReader {
  return (raw) => {
    if (raw === null) return null;
    let text: string;
    if (typeof raw === "string") {
      text = cleanText(raw);
      if (text === "") return null;
    } else if (typeof raw === "number") {
      text = formatNumber(raw); // a mobile number typed without a leading apostrophe
    } else if (typeof raw === "boolean" || raw.kind === "date") {
      return invalid("not-a-phone", displayText(raw));
    } else {
      return invalid("error-value", raw.code);
    }
    const base = text.length <= MAX_PHONE_TEXT ? text.replace(EXTENSION, "") : text;
    if (base.length > MAX_PHONE_TEXT || !PHONE.test(base)) return invalid("not-a-phone", displayText(raw));
    return text;
  };
}

// ---------------------------------------------------------------------------------------------
// Closed lists

/**
 * The comparison key of a list value: half-width, simplified, no spaces, lower case, and the
 * look-alike tick and cross marks folded (`✓` `✔` → `√`, `✗` `✘` `╳` → `×`).
 */
export function optionKey(text: string): string {
  let k = toSimplified(toHalfWidth(text)).replace(/\s+/g, "").toLowerCase();
  if (/[✓✔✗✘╳]/.test(k)) k = k.replace(/[✓✔]/g, "√").replace(/[✗✘╳]/g, "×");
  return k;
}

function optionMap(col: ColumnDef): Map<string, string> {
  const map = new Map<string, string>();
  for (const o of col.options ?? []) map.set(optionKey(o), o);
  for (const [alias, target] of Object.entries(col.optionAliases ?? {})) {
    const k = optionKey(alias);
    if (!map.has(k)) map.set(k, target);
  }
  // Excel's TRUE/FALSE in a 是/否 column (a checkbox or a formula) means 是/否.
  const options = col.options ?? [];
  if (options.includes("是") && options.includes("否")) {
    if (!map.has("true")) map.set("true", "是");
    if (!map.has("false")) map.set("false", "否");
  }
  return map;
}

/** Display text of a non-empty, non-error cell of a list column. */
function listText(raw: Exclude<RawCell, null>): string {
  return typeof raw === "string" ? trimCell(raw) : displayText(raw);
}

/**
 * List cells repeat the same few texts thousands of times: remember the answer per exact cell
 * text (results are immutable), bounded so that a column of free text cannot grow it forever.
 */
function memoised(read: (raw: Exclude<RawCell, null>) => FastRead): FastReader {
  const seen = new Map<string, FastRead>();
  return (raw) => {
    if (raw === null) return null;
    if (typeof raw !== "string") return read(raw);
    const hit = seen.get(raw);
    if (hit !== undefined) return hit;
    const r = read(raw);
    if (seen.size >= LIST_MEMO_MAX) seen.clear();
    seen.set(raw, r);
    return r;
  };
}
const LIST_MEMO_MAX = 2000;

function enumReader(col: ColumnDef): FastReader {
  const map = optionMap(col);
  return memoised((raw) => {
    if (typeof raw === "object" && raw.kind === "error") return invalid("error-value", raw.code);
    const text = listText(raw);
    if (text === "") return null;
    const hit = map.get(optionKey(text));
    return hit ?? invalid("not-in-list", text);
  });
}

/** Separators of several list values: `周例会+钉钉群`, `例会、邮件`, `例会, 邮件`, `例会/邮件`, `;`. */
const MULTI_SEPARATOR = /[+、,/;]/;

function multiEnumReader(col: ColumnDef): FastReader {
  const map = optionMap(col);
  return memoised((raw) => {
    if (typeof raw === "object" && raw.kind === "error") return invalid("error-value", raw.code);
    const text = listText(raw);
    if (text === "") return null;
    const whole = map.get(optionKey(text));
    if (whole !== undefined) return [whole];
    const out: string[] = [];
    for (const part of toHalfWidth(text).split(MULTI_SEPARATOR)) {
      const p = part.trim();
      if (p === "") continue;
      const hit = map.get(optionKey(p));
      if (hit === undefined) return invalid("not-in-list", text);
      if (!out.includes(hit)) out.push(hit);
    }
    return out.length === 0 ? invalid("not-in-list", text) : Object.freeze(out);
  });
}

// ---------------------------------------------------------------------------------------------
// Quarter

/** `2024Q2`, `2024 Q2`, `2024-Q2`, `2024年Q2`, `2024年第2季度`, `2024年第二季度`, `2024年2季度`. */
const QUARTER_YEAR_FIRST = /^(\d{4})\s*(?:年|-|\/)?\s*(?:q\s*([1-4])|(?:第\s*)?([1-4一二三四])\s*季度?)$/i;
/** `Q2 2024`, `Q2-2024`. */
const QUARTER_Q_FIRST = /^q([1-4])\s*[-/ ]?\s*(\d{4})$/i;
const CHINESE_DIGIT: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4 };

export function parseQuarter(t: string): string | undefined {
  if (t.length > 20) return undefined;
  let year: number;
  let q: number;
  let m = QUARTER_YEAR_FIRST.exec(t);
  if (m) {
    year = Number(m[1]);
    const d = m[2] ?? m[3];
    q = CHINESE_DIGIT[d] ?? Number(d);
  } else if ((m = QUARTER_Q_FIRST.exec(t))) {
    year = Number(m[2]);
    q = Number(m[1]);
  } else {
    return undefined;
  }
  if (year < 1900) return undefined;
  return `${year}Q${q}`;
}

function quarterReader(): FastReader {
  return memoised((raw) => {
    if (typeof raw === "string") {
      const t = cleanText(raw);
      if (t === "") return null;
      return parseQuarter(t) ?? invalid("not-a-quarter", trimCell(raw));
    }
    if (typeof raw === "object" && raw.kind === "error") return invalid("error-value", raw.code);
    return invalid("not-a-quarter", displayText(raw));
  });
}

// ---------------------------------------------------------------------------------------------
// Text

/**
 * Anything, trimmed; a cell of only spaces is empty. Placeholders are text here (`无` is an
 * answer in 遇到的问题). Numbers, booleans and dates read as they display (`TRUE`, `2024-05-10`);
 * an error value is never valid text.
 */
function textReader(): FastReader {
  return (raw) => {
    if (raw === null) return null;
    if (typeof raw === "string") {
      const t = trimCell(raw);
      return t === "" ? null : t;
    }
    if (typeof raw === "object" && raw.kind === "error") return invalid("error-value", raw.code);
    return displayText(raw);
  };
}

function build(col: ColumnDef): FastReader {
  switch (col.type) {
    case "text":
      return textReader();
    case "number":
      return numberReader(false, col.money === true);
    case "integer":
      return numberReader(true);
    case "date":
      return dateReader(false);
    case "datetime":
      return dateReader(true);
    case "phone":
      return phoneReader();
    case "enum":
      return enumReader(col);
    case "multi-enum":
      return multiEnumReader(col);
    case "quarter":
      return quarterReader();
    default: {
      const never: never = col.type;
      throw new Error(`readCell: unknown column type ${String(never)}`);
    }
  }
}

/** Resolves a partial date once its year is known; undefined when that year lacks the day (2月29日). */
export function resolvePartial(p: PartialDateRead, year: number, withTime: boolean): DayNumber | MinuteNumber | undefined {
  if (!isValidYmd(year, p.month, p.day)) return undefined;
  const day = dayFromYmd(year, p.month, p.day);
  return withTime ? day * 1440 + (p.minute ?? 0) : day;
}
