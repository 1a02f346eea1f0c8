import type { ColumnDef } from "../templates/types";
import type { TypedValue } from "../table/read-table";
import type { PreparedMessage, TableContext } from "./context";
import { fillMessage, quote, showNumber } from "./context";
import type { FindingParams } from "./finding";
import { tableRule, type HintInput, type HintRef } from "./descriptor";
import { chineseNumber } from "./chinese-number";

/**
 * Rules that follow from a column's own definition (no spec needed): `type` and `enum` from the
 * reader's issues, `required`, `range`, and required columns the sheet lacks altogether.
 */

/** `type` / `enum` findings from what readTable could not read, and the year-missing warning. */
export function issueRules(ctx: TableContext): void {
  // Each (column, message) wording with the column (and its options) filled in once: a messy
  // sheet has thousands of these findings and few distinct wordings.
  const prepared = new Map<string, PreparedMessage>();
  const wording = (j: number, key: string, fixed: FindingParams, vars: readonly string[]): PreparedMessage => {
    const id = `${j} ${key}`;
    let m = prepared.get(id);
    if (m === undefined) prepared.set(id, (m = ctx.message(key, fixed, vars)));
    return m;
  };
  for (const issue of ctx.read.issues) {
    const j = ctx.colIndexOrUndefined(issue.key);
    if (j === undefined) continue;
    const col = ctx.colRef(j);
    const text = quote(issue.text);
    if (issue.kind === "year-inferred") {
      const year = issue.year ?? "";
      const m = wording(j, "type.year-inferred", { col }, ["text", "year"]);
      const id = `${text}|${year}`;
      const s = m.said.get(id) ?? ctx.share(m, id, { col, text, year }, fillMessage(m, text, year));
      ctx.emitPrepared(issue.row, j, "type", m, s.params, s.text, "warning");
    } else if (issue.reason === "not-in-list") {
      const options = (ctx.cols[j].options ?? []).join("/");
      const m = wording(j, "enum", { col, options }, ["text"]);
      const s = m.said.get(text) ?? ctx.share(m, text, { col, text, options }, fillMessage(m, text));
      ctx.emitPrepared(issue.row, j, "enum", m, s.params, s.text);
    } else {
      const m = wording(j, issue.reason ? `type.${issue.reason}` : "type.invalid", { col }, ["text"]);
      const s = m.said.get(text) ?? ctx.share(m, text, { col, text }, fillMessage(m, text));
      ctx.emitPrepared(issue.row, j, "type", m, s.params, s.text);
    }
  }
}

/*
 * Here and in the other rule files, the loops over every row are small functions of typed arrays,
 * arrays and numbers that return the rows to report; the findings are then written from those
 * rows. Why: V8 throws optimised code away when an object it was compiled against (the
 * TableContext of the last check, say) has been collected, so a loop that touches only arrays
 * stays fast from one check to the next, while one that reaches into the context would start
 * over in the interpreter after every full garbage collection.
 */

/**
 * `required` and `range`, in one pass over each column (a numeric column's Float64Array, NaN =
 * empty): empty cells of required columns — an unreadable cell already has a `type` finding
 * instead — and numbers outside the column's bounds (`min`/`max` inclusive, `gt` exclusive).
 */
export function cellRules(ctx: TableContext): void {
  for (let j = 0; j < ctx.cols.length; j++) {
    if (!ctx.present[j]) continue;
    const num = ctx.num[j];
    if (num !== undefined) numericColumnRules(ctx, j, num);
    else if (ctx.cols[j].required) requiredOthers(ctx, j, ctx.others(j));
  }
}

function requiredOthers(ctx: TableContext, j: number, values: readonly TypedValue[]): void {
  const rows = emptyRows(values, ctx.invalid[j], ctx.n);
  if (rows.length === 0) return;
  const params = { col: ctx.colRef(j) };
  for (let i = 0; i < rows.length; i++) ctx.emit(rows[i], j, "required", "required", params);
}

/** Rows whose value is null and not unreadable (`invalid`). */
function emptyRows(values: readonly TypedValue[], invalid: Uint8Array | undefined, n: number): number[] {
  const rows: number[] = [];
  for (let r = 0; r < n; r++) if (values[r] === null && (invalid === undefined || invalid[r] !== 1)) rows.push(r);
  return rows;
}

function numericColumnRules(ctx: TableContext, j: number, num: Float64Array): void {
  const c = ctx.cols[j];
  const required = c.required === true;
  const ranged = (c.type === "number" || c.type === "integer") && (c.min !== undefined || c.max !== undefined || c.gt !== undefined);
  if (!required && !ranged) return;
  const { n } = ctx;
  const invalid = ctx.invalid[j];
  const min = c.min ?? -Infinity;
  const max = c.max ?? Infinity;
  const gt = c.gt ?? -Infinity;
  const col = ctx.colRef(j);
  const lo = showNumber(min);
  const hi = showNumber(max);
  const above0 = showNumber(gt);
  const both = c.min !== undefined && c.max !== undefined;
  const requiredParams = { col };
  // The four range wordings with the column and bounds filled in, made on first use.
  const wordings = new Map<string, PreparedMessage>();
  const rows = numericHits(num, invalid, n, required, ranged ? min : -Infinity, ranged ? max : Infinity, ranged ? gt : -Infinity);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const v = num[r];
    if (v !== v) {
      ctx.emit(r, j, "required", "required", requiredParams);
      continue;
    }
    const key = v <= gt ? "range.gt" : both ? "range.between" : v < min ? "range.min" : "range.max";
    let m = wordings.get(key);
    if (m === undefined) wordings.set(key, (m = ctx.message(key, { col, min: lo, max: hi, gt: above0 }, ["value"])));
    // Keyed by the value as shown (rounded to hundredths): its text is made once per value.
    const id = Math.round(v * 100) / 100;
    let s = m.said.get(id);
    if (s === undefined) {
      const value = showNumber(id);
      s = ctx.share(m, id, { col, value, min: lo, max: hi, gt: above0 }, fillMessage(m, value));
    }
    ctx.emitPrepared(r, j, "range", m, s.params, s.text);
  }
}

/**
 * Rows of a numeric column (NaN = empty) that are empty where the column is required (and not
 * unreadable), or hold a number outside [min, max] or not above gt.
 */
function numericHits(
  num: Float64Array,
  invalid: Uint8Array | undefined,
  n: number,
  required: boolean,
  min: number,
  max: number,
  gt: number,
): number[] {
  const rows: number[] = [];
  for (let r = 0; r < n; r++) {
    const v = num[r];
    if (v !== v) {
      if (required && (invalid === undefined || invalid[r] !== 1)) rows.push(r);
    } else if (!(v >= min && v <= max && v > gt)) rows.push(r);
  }
  return rows;
}

/**
 * Required columns the sheet does not have at all: one finding for the table, not one per row
 * (issue 10), on the header row at the table's first cell; it names every missing column, its
 * `column` the first of them.
 */
export function missingColumnRule(ctx: TableContext): void {
  const missing = new Set<number>();
  for (const key of ctx.table.missingRequired) {
    const j = ctx.colIndexOrUndefined(key) ?? ctx.cols.findIndex((c) => c.name === key);
    if (j !== undefined && j >= 0) missing.add(j);
  }
  for (let j = 0; j < ctx.cols.length; j++) if (ctx.cols[j].required && !ctx.present[j]) missing.add(j);
  const list = [...missing].sort((a, b) => a - b);
  if (list.length === 0) return;
  if (list.length === 1) ctx.emitHeader(ctx.table.firstColumn, list[0], "required", "requiredColumn", { col: ctx.colRef(list[0]) });
  else ctx.emitHeader(ctx.table.firstColumn, list[0], "required", "requiredColumns", { cols: list.map((j) => ctx.colRef(j)) });
}

/** `type`'s fix hint: from the message key (which reading failed) and the offending text. */
function typeHint(f: HintInput, column: ColumnDef | undefined): HintRef {
  if (f.severity === "warning" || f.key === "type.year-inferred") return { key: "type.year" };
  if (f.key === "type.error-value") return { key: "type.error" };
  switch (column?.type) {
    case "number":
    case "integer": {
      const text = f.params.text;
      const n = typeof text === "string" ? chineseNumber(text) : undefined;
      const fallback = column.max !== undefined ? Math.min(column.max, 80) : 80;
      const example = n !== undefined && (column.type === "number" || Number.isInteger(n)) ? n : column.type === "integer" ? 3 : fallback;
      return { key: `type.${column.type}`, params: { example: String(example) } };
    }
    case "date":
    case "datetime":
    case "phone":
    case "quarter":
      return { key: `type.${column.type}` };
    default:
      return { key: "type.other" };
  }
}

function rangeHint(column: ColumnDef | undefined): HintRef {
  if (column?.min !== undefined && column.max !== undefined) return { key: "range.between" };
  if (column?.gt !== undefined) return { key: "range.gt" };
  if (column?.min !== undefined) return { key: "range.min" };
  if (column?.max !== undefined) return { key: "range.max" };
  return { key: "range.other" };
}

/**
 * The rules that follow from each column's own definition: required columns the sheet lacks and
 * empty required cells, unreadable values (`type`, `enum`), numbers out of bounds (`range`).
 */
export const columnRules = tableRule({
  reports: [
    { id: "required", severity: "error", rank: 0 },
    { id: "type", severity: "error", rank: 1 },
    { id: "enum", severity: "error", rank: 2 },
    { id: "range", severity: "error", rank: 3 },
  ],
  phase: "before",
  run(ctx) {
    missingColumnRule(ctx);
    issueRules(ctx);
    cellRules(ctx);
  },
  hint(f, column) {
    if (f.rule === "required")
      return { key: f.key === "requiredColumn" || f.key === "requiredColumns" || f.onHeader ? "requiredColumn" : "required" };
    if (f.rule === "type") return typeHint(f, column);
    if (f.rule === "range") return rangeHint(column);
    return { key: f.rule };
  },
});
