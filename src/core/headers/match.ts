import type { FoundColumn } from "../layout/types";
import { formatNumber } from "../cells/read";
import { toHalfWidth, trimCell } from "../cells/normalize";
import type { RawCell } from "../cells/types";
import type { ColumnDef, TemplateDef } from "../templates/types";
import { toSimplified } from "./chinese";

/**
 * Header recognition against a given list of templates (recognize.ts binds it to the catalog).
 *
 * A header is compared by a key: half-width, simplified Chinese, bracketed hints removed, no
 * spaces / dashes / underscores / required-marks, English lower-cased. The hints inside brackets
 * are kept apart, because `对接人(姓名/部门/联系方式)` names the three split columns of a group.
 */

/** `(…)` `[…]` after half-width folding, and `【…】` `〔…〕`; innermost first, no nesting needed. */
const BRACKET = /[([【〔]([^()[\]【】〔〕]*)[)\]】〕]/g;
/** Characters that carry no meaning in a header: spacing, joiners, required marks, colons. */
const NOISE = /[\s\-_·・:：*※]/g;
const HINT_SEPARATOR = /[/、,;|]/;

export interface ParsedHeader {
  /** The key without bracketed parts, e.g. `对接人`, `完成情况`, `projectname`. */
  readonly base: string;
  /** Key of the whole text with the brackets' content kept inline, e.g. `产品质量30分`. */
  readonly full: string;
  /** Keys of the bracketed parts split on `/` `、` `,`: `["姓名","部门","联系方式"]`. */
  readonly hints: readonly string[];
}

const key = (text: string): string => text.replace(NOISE, "").toLowerCase();

export function parseHeader(text: string): ParsedHeader {
  const s = toSimplified(toHalfWidth(trimCell(text)));
  const hints: string[] = [];
  const base = s.replace(BRACKET, (_whole, inner: string) => {
    for (const part of inner.split(HINT_SEPARATOR)) {
      const k = key(part);
      if (k !== "") hints.push(k);
    }
    return "";
  });
  return { base: key(base), full: key(s.replace(/[()[\]【】〔〕]/g, "")), hints };
}

/** The comparison form of a header: simplified, half-width, no spaces or bracketed hints, lower case. */
export function normalizeHeader(text: string): string {
  return parseHeader(text).base;
}

// ---------------------------------------------------------------------------------------------
// Per-template lookup tables, built once per TemplateDef

interface Group {
  /** Template column indices of the group, in template order. */
  readonly columns: readonly number[];
  /** Per member (same order): keys of its part name, e.g. `姓名`, `name`. */
  readonly parts: readonly (readonly string[])[];
}

interface Compiled {
  readonly tpl: TemplateDef;
  /** Header key → template column index (names, English names, aliases). */
  readonly exact: ReadonlyMap<string, number>;
  /** Group key (`对接人`, English common prefix `contact`) → its members. */
  readonly groups: ReadonlyMap<string, Group>;
  /** Keys long enough for containment matching, longest first. */
  readonly fuzzy: readonly { readonly key: string; readonly column: number }[];
  readonly weights: readonly number[];
  readonly totalWeight: number;
  readonly requiredTotal: number;
}

/** A required column counts twice: a sheet without the required columns is not that template. */
const REQUIRED_WEIGHT = 2;
/** Containment matching needs a key of at least this many characters (`核心工作内容` in `本周/月核心工作内容`). */
const FUZZY_MIN_KEY = 3;

const compiledCache = new WeakMap<TemplateDef, Compiled>();

function columnKeys(col: ColumnDef): string[] {
  const texts = [col.name, col.en, ...(col.aliases ?? [])];
  const out: string[] = [];
  for (const t of texts) {
    const p = parseHeader(t);
    for (const k of [p.base, p.full]) if (k !== "" && !out.includes(k)) out.push(k);
  }
  return out;
}

/** Words the English names of a group share at the start: `Contact name` / `Contact phone` → `contact`. */
function commonEnglishPrefix(names: readonly string[]): string {
  const words = names.map((n) => n.trim().split(/\s+/));
  const first = words[0] ?? [];
  let n = 0;
  while (n < first.length && words.every((w) => w.length > n + 1 && w[n].toLowerCase() === first[n].toLowerCase())) n++;
  return first.slice(0, n).join(" ");
}

function compile(tpl: TemplateDef): Compiled {
  const hit = compiledCache.get(tpl);
  if (hit) return hit;
  const exact = new Map<string, number>();
  const fuzzy: { key: string; column: number }[] = [];
  // Names and English names first, so an alias never shadows another column's own name.
  tpl.columns.forEach((col, i) => {
    for (const k of [parseHeader(col.name).base, parseHeader(col.en).base]) if (k && !exact.has(k)) exact.set(k, i);
  });
  tpl.columns.forEach((col, i) => {
    for (const k of columnKeys(col)) {
      if (!exact.has(k)) exact.set(k, i);
      if (k.length >= FUZZY_MIN_KEY) fuzzy.push({ key: k, column: i });
    }
  });
  fuzzy.sort((a, b) => b.key.length - a.key.length || a.column - b.column);

  const groups = new Map<string, Group>();
  const byGroup = new Map<string, number[]>();
  tpl.columns.forEach((col, i) => {
    if (col.group === undefined) return;
    const list = byGroup.get(col.group) ?? [];
    list.push(i);
    byGroup.set(col.group, list);
  });
  for (const [name, columns] of byGroup) {
    const enPrefix = commonEnglishPrefix(columns.map((i) => tpl.columns[i].en));
    const parts = columns.map((i) => {
      const col = tpl.columns[i];
      const ks: string[] = [];
      const zh = col.name.startsWith(name) ? col.name.slice(name.length) : col.name;
      const en = enPrefix && col.en.toLowerCase().startsWith(enPrefix.toLowerCase()) ? col.en.slice(enPrefix.length) : "";
      for (const t of [zh, en]) {
        const k = parseHeader(t).base;
        if (k) ks.push(k);
      }
      return ks;
    });
    const group: Group = { columns, parts };
    groups.set(parseHeader(name).base, group);
    if (enPrefix) groups.set(parseHeader(enPrefix).base, group);
  }

  const weights = tpl.columns.map((c) => (c.required ? REQUIRED_WEIGHT : 1));
  const compiled: Compiled = {
    tpl,
    exact,
    groups,
    fuzzy,
    weights,
    totalWeight: weights.reduce((a, b) => a + b, 0),
    requiredTotal: tpl.columns.filter((c) => c.required).length,
  };
  compiledCache.set(tpl, compiled);
  return compiled;
}

// ---------------------------------------------------------------------------------------------
// Matching one header row against one template

export interface HeaderMatch {
  readonly templateId: string;
  readonly columns: FoundColumn[];
  /** Canonical names of required template columns the header row lacks. */
  readonly missingRequired: string[];
  /** Weighted share of the template's columns found (required columns count twice), 0…1. */
  readonly score: number;
}

interface Assignment {
  key?: number;
  compound?: number[];
}

/** Compound columns of a group: the hints in their order when each names a member, else the group's order. */
function compoundColumns(group: Group, hints: readonly string[]): number[] {
  if (hints.length > 0) {
    const mapped: number[] = [];
    for (const h of hints) {
      const m = group.parts.findIndex((ks, j) => ks.includes(h) && !mapped.includes(group.columns[j]));
      if (m < 0) break;
      mapped.push(group.columns[m]);
    }
    if (mapped.length === hints.length) return mapped;
  }
  return [...group.columns];
}

function matchOne(c: Compiled, headers: readonly (string | null)[]): { match: HeaderMatch; matched: number; headersMatched: number } {
  const parsed = headers.map((h) => (h === null ? undefined : parseHeader(h)));
  const claimed = new Set<number>();
  const assign: Assignment[] = headers.map(() => ({}));

  // Pass 1: compound headers (`对接人(姓名/部门/联系方式)`, or the bare group name).
  parsed.forEach((p, i) => {
    if (!p) return;
    const group = c.groups.get(p.base);
    if (!group || (p.hints.length < 2 && c.exact.has(p.base))) return;
    const cols = compoundColumns(group, p.hints).filter((j) => !claimed.has(j));
    if (cols.length === 0) return;
    cols.forEach((j) => claimed.add(j));
    if (cols.length === 1) assign[i].key = cols[0];
    else assign[i].compound = cols;
  });
  // Pass 2: exact names, English names and aliases; the first header claims a column.
  parsed.forEach((p, i) => {
    if (!p || assign[i].key !== undefined || assign[i].compound) return;
    for (const k of [p.base, p.full]) {
      const j = c.exact.get(k);
      if (j !== undefined && !claimed.has(j)) {
        claimed.add(j);
        assign[i].key = j;
        return;
      }
    }
  });
  // Pass 3: a header that contains a column's name (`本周/月核心工作内容` ⊇ `核心工作内容`), only
  // when that name is at least half the header, so that short words do not match long headers.
  parsed.forEach((p, i) => {
    if (!p || assign[i].key !== undefined || assign[i].compound || p.base.length < FUZZY_MIN_KEY) return;
    const f = c.fuzzy.find((e) => !claimed.has(e.column) && e.key.length * 2 >= p.base.length && p.base.includes(e.key));
    if (f) {
      claimed.add(f.column);
      assign[i].key = f.column;
    }
  });

  const cols = c.tpl.columns;
  const columns: FoundColumn[] = headers.map((h, index) => {
    const a = assign[index];
    const header = h ?? "";
    if (a.compound) return { index, header, compoundKeys: a.compound.map((j) => cols[j].key) };
    if (a.key !== undefined) return { index, header, key: cols[a.key].key };
    return { index, header };
  });
  let weight = 0;
  let requiredMatched = 0;
  for (const j of claimed) {
    weight += c.weights[j];
    if (cols[j].required) requiredMatched++;
  }
  const missingRequired = cols.filter((col, j) => col.required && !claimed.has(j)).map((col) => col.name);
  const score = c.totalWeight === 0 ? 0 : weight / c.totalWeight;
  const eligible = claimed.size >= 2 && requiredMatched * 2 > c.requiredTotal;
  return {
    match: { templateId: c.tpl.id, columns, missingRequired, score },
    matched: eligible ? claimed.size : -1,
    headersMatched: assign.filter((a) => a.key !== undefined || a.compound).length,
  };
}

/**
 * The template whose columns the header row covers best: at least two columns and the majority
 * of its required columns found. Ties: more headers matched, then catalog order.
 */
export function matchHeadersIn(headers: readonly (string | null)[], templates: readonly TemplateDef[]): HeaderMatch | undefined {
  let best: ReturnType<typeof matchOne> | undefined;
  for (const tpl of templates) {
    const r = matchOne(compile(tpl), headers);
    if (r.matched < 0) continue;
    if (!best || r.match.score > best.match.score || (r.match.score === best.match.score && r.headersMatched > best.headersMatched))
      best = r;
  }
  return best?.match;
}

// ---------------------------------------------------------------------------------------------
// Finding the header row in a grid

export interface GridRecognition extends HeaderMatch {
  /** 0-based row of the header within the grid. */
  readonly headerRowOffset: number;
  /** 0-based grid columns of the table's first and last header cell. */
  readonly firstColumn: number;
  readonly lastColumn: number;
  /** Rows below the header up to the last row with a non-empty cell in the table's columns. */
  readonly dataRows: number;
}

export const DEFAULT_MAX_HEADER_ROWS = 10;

/** Header text of a cell; numbers count (a header `2024`), anything else is no header. */
function headerText(cell: RawCell | undefined): string | null {
  if (typeof cell === "string") {
    const t = trimCell(cell);
    return t === "" ? null : t;
  }
  if (typeof cell === "number") return formatNumber(cell);
  return null;
}

export function isBlank(cell: RawCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && trimCell(cell) === "");
}

/**
 * Looks for the header row in the first `maxHeaderRows` rows (a merged title may sit above it),
 * ignoring empty columns on either side. The best match wins; on equal scores the upper row.
 */
export function recognizeGridIn(
  grid: readonly (readonly RawCell[])[],
  templates: readonly TemplateDef[],
  maxHeaderRows: number = DEFAULT_MAX_HEADER_ROWS,
): GridRecognition | undefined {
  let best: GridRecognition | undefined;
  const rows = Math.min(maxHeaderRows, grid.length);
  for (let r = 0; r < rows; r++) {
    const texts = grid[r].map(headerText);
    const first = texts.findIndex((t) => t !== null);
    if (first < 0) continue;
    let last = texts.length - 1;
    while (texts[last] === null) last--;
    if (last === first) continue;
    const match = matchHeadersIn(texts.slice(first, last + 1), templates);
    if (!match || (best && match.score <= best.score)) continue;
    best = { ...match, headerRowOffset: r, firstColumn: first, lastColumn: last, dataRows: countDataRows(grid, r, first, last) };
  }
  return best;
}

function countDataRows(grid: readonly (readonly RawCell[])[], headerRow: number, first: number, last: number): number {
  for (let r = grid.length - 1; r > headerRow; r--) {
    const row = grid[r];
    for (let c = first; c <= last && c < row.length; c++) if (!isBlank(row[c])) return r - headerRow;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// A cheap test of whether a cell could be a header cell of one of the templates

export interface HeaderVocabulary {
  /** Whether `text` is (after normalisation) a column name, alias, group name or contains a long one. */
  knows(text: string): boolean;
}

const VOCAB_MEMO_MAX = 20000;
/** Longer cells are data (a description, a note), never a header cell: no need to look them up. */
const VOCAB_MAX_LENGTH = 40;

/**
 * Every key of the templates' columns, for the locator's first pass over each row: a row is worth
 * matching against the templates only when at least two of its cells are known header words.
 * Results are memoised per text (bounded), so a long sheet costs one lookup per distinct cell.
 */
export function headerVocabulary(templates: readonly TemplateDef[]): HeaderVocabulary {
  const exact = new Set<string>();
  const fuzzy: string[] = [];
  for (const tpl of templates) {
    const c = compile(tpl);
    for (const k of c.exact.keys()) exact.add(k);
    for (const k of c.groups.keys()) exact.add(k);
    for (const f of c.fuzzy) fuzzy.push(f.key);
  }
  // Every character of every key: a cell with a character outside them is no header word. The
  // test runs per character (each converted to simplified once), so the cost of a long sheet of
  // distinct texts is a few set lookups per cell, never a conversion per text.
  const chars = new Set<string>();
  for (const k of [...exact, ...fuzzy]) for (const ch of k) chars.add(ch);
  /** Per character: 0 in no key, 1 in a key, 2 carries no meaning (NOISE), 3 opens a bracketed hint. */
  const classes = new Map<string, number>();
  const classOf = (ch: string): number => {
    let k = classes.get(ch);
    if (k === undefined) {
      const h = toHalfWidth(ch);
      if (h.trim() === "" || /^[-_·・:：*※]$/.test(h)) k = 2;
      else if (/^[([【〔]$/.test(h)) k = 3;
      else k = chars.has(toSimplified(h).toLowerCase()) ? 1 : 0;
      classes.set(ch, k);
    }
    return k;
  };
  const memo = new Map<string, boolean>();
  const lookup = (text: string): boolean => {
    const p = parseHeader(text);
    if (exact.has(p.base) || exact.has(p.full)) return true;
    if (p.base.length < FUZZY_MIN_KEY) return false;
    return fuzzy.some((k) => k.length * 2 >= p.base.length && p.base.includes(k));
  };
  return {
    knows(text: string): boolean {
      if (text.length > VOCAB_MAX_LENGTH) return false;
      // A character in no key: no header word. Checked without allocating (a long sheet of distinct texts).
      for (let i = 0; i < text.length; i++) {
        const k = classOf(text[i]);
        if (k === 3) break;
        if (k === 0) return false;
      }
      const hit = memo.get(text);
      if (hit !== undefined) return hit;
      const out = lookup(text);
      if (memo.size >= VOCAB_MEMO_MAX) memo.clear();
      memo.set(text, out);
      return out;
    },
  };
}

/** Header text of a cell (exported for the locator). */
export const headerCellText = (cell: RawCell | undefined): string | null => headerText(cell);
