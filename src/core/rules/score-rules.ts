import { z } from "zod";
import type { TableContext } from "./context";
import { fillMessage, quote, showNumber } from "./context";
import type { TypedValue } from "../table/read-table";
import { anyColumn, number, quarter, type NumberColumn } from "./columns-view";
import { specRule } from "./descriptor";

/** 供应商评估: 总分 = sum of the five items (`sum`), below the pass mark (`threshold`), repeatedly (`consecutive`). */

/** Differences below this are rounding in a sheet, not a wrong total. */
const EPSILON = 1e-6;

/**
 * The score each row is judged by (NaN: none): the total cell when it holds a number; the sum of
 * the parts when the total is empty (or the sheet has no total column) and every part is a
 * number; otherwise none (an unreadable total such as 八十 already has a `type` finding).
 * Computed once per table and shared by `threshold` and `consecutive`.
 */
export function scores(ctx: TableContext, totalKey: string, partKeys: readonly string[] | undefined): Float64Array {
  const memoKey = `score ${totalKey} ${(partKeys ?? []).join(" ")}`;
  const known = ctx.memo.get(memoKey);
  if (known instanceof Float64Array) return known;
  const tj = ctx.col(totalKey);
  const total = ctx.numbers(tj);
  const invalid = ctx.invalid[tj];
  const parts = (partKeys ?? []).map((k) => ctx.col(k));
  const partsUsable = parts.length > 0 && parts.every((j) => ctx.present[j]);
  const partValues = partsUsable ? parts.map((j) => ctx.numbers(j)) : [];
  const out = scoreColumn(total, invalid, partValues, ctx.n);
  ctx.memo.set(memoKey, out);
  return out;
}

/** The total where it is a number, else (when the total is not unreadable) the sum of the parts; NaN: none. The 看板 (core/dashboard) scores rows with it too. */
export function scoreColumn(total: Float64Array, invalid: Uint8Array | undefined, parts: readonly Float64Array[], n: number): Float64Array {
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const v = total[r];
    if (v === v || parts.length === 0 || (invalid !== undefined && invalid[r] === 1))
      out[r] = v; // NaN unless a number
    else out[r] = sumOf(parts, r);
  }
  return out;
}

/** The sum of the parts in row r, in their order; NaN when any part is not a number. */
function sumOf(parts: readonly Float64Array[], r: number): number {
  let sum = 0;
  for (let p = 0; p < parts.length; p++) sum += parts[p][r];
  return sum;
}

const keys = z.array(z.string().min(1)).readonly();

/** 总分 = the sum of the item scores. */
export const sumSchema = z.strictObject({
  kind: z.literal("sum"),
  /** The total column (总分). */
  total: z.string().min(1),
  parts: keys,
});
export type SumRule = z.infer<typeof sumSchema>;

/** Total below `settings.threshold` (合格线). The total is the `column` value, or the sum of `parts` when the total cell is empty. */
export const thresholdSchema = z.strictObject({ kind: z.literal("threshold"), column: z.string().min(1), parts: keys.optional() });
export type ThresholdRule = z.infer<typeof thresholdSchema>;

/** Below the threshold in `settings.consecutivePeriods` consecutive periods of one `key`. */
export const consecutiveSchema = z.strictObject({
  kind: z.literal("consecutive"),
  /** Whose periods are compared (供应商名称). */
  key: z.string().min(1),
  /** A `quarter` column (评估周期). */
  period: z.string().min(1),
  /** The score column (总分); findings land here. */
  column: z.string().min(1),
  /** As for `threshold`: used when the score cell is empty. */
  parts: keys.optional(),
});
export type ConsecutiveRule = z.infer<typeof consecutiveSchema>;

export const sumRule = specRule({
  kind: "sum",
  schema: sumSchema,
  reports: [{ id: "sum", severity: "error", rank: 4 }],
  columns: (spec) => ({ total: number(spec.total), parts: spec.parts.map((k) => number(k)) }),
  check: (ctx, { total, parts }) => checkSum(ctx, total, parts),
});

export const thresholdRule = specRule({
  kind: "threshold",
  schema: thresholdSchema,
  reports: [{ id: "threshold", severity: "warning", rank: 8 }],
  columns: (spec) => ({ column: number(spec.column), parts: (spec.parts ?? []).map((k) => number(k)) }),
  check: (ctx, _cols, spec) => checkThreshold(ctx, spec),
});

export const consecutiveRule = specRule({
  kind: "consecutive",
  schema: consecutiveSchema,
  reports: [{ id: "consecutive", severity: "error", rank: 7 }],
  columns: (spec) => ({
    key: anyColumn(spec.key),
    period: quarter(spec.period),
    column: number(spec.column),
    parts: (spec.parts ?? []).map((k) => number(k)),
  }),
  check: (ctx, _cols, spec) => checkConsecutive(ctx, spec),
});

function checkSum(ctx: TableContext, total: NumberColumn, parts: readonly NumberColumn[]): void {
  if (!total.present || parts.some((p) => !p.present)) return;
  const totals = total.values;
  const partValues = parts.map((p) => p.values);
  const rows = sumMismatches(totals, partValues, ctx.n);
  if (rows.length === 0) return;
  const col = total.ref;
  const message = ctx.message("sum", { col }, ["total", "sum"]);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const shown = showNumber(totals[r]);
    const sum = showNumber(sumOf(partValues, r));
    // Not shared as threshold's are: a wrong total rarely repeats with the same sum.
    ctx.emitPrepared(r, total.j, "sum", message, { col, total: shown, sum }, fillMessage(message, shown, sum));
  }
}

/** Rows whose total and parts are all numbers and the total is not their sum. */
function sumMismatches(totals: Float64Array, parts: readonly Float64Array[], n: number): number[] {
  const rows: number[] = [];
  for (let r = 0; r < n; r++) {
    const total = totals[r];
    // NaN (an empty total, or a part that is not a number) compares false: nothing to say.
    if (total === total && Math.abs(total - sumOf(parts, r)) > EPSILON) rows.push(r);
  }
  return rows;
}

function checkThreshold(ctx: TableContext, spec: ThresholdRule): void {
  const tj = ctx.col(spec.column);
  const score = scores(ctx, spec.column, spec.parts);
  const threshold = ctx.settings.threshold;
  const rows = rowsBelow(score, threshold, ctx.n);
  if (rows.length === 0) return;
  const col = ctx.colRef(tj);
  const shown = showNumber(threshold);
  const message = ctx.message("threshold", { col, threshold: shown }, ["total"]);
  for (let i = 0; i < rows.length; i++) {
    // Keyed by the score as shown (rounded to hundredths), so that the text is only made once per score.
    const id = Math.round(score[rows[i]] * 100) / 100;
    let s = message.said.get(id);
    if (s === undefined) {
      const total = showNumber(id);
      s = ctx.share(message, id, { col, total, threshold: shown }, fillMessage(message, total));
    }
    ctx.emitPrepared(rows[i], tj, "threshold", message, s.params, s.text);
  }
}

/** Rows whose score is below the threshold (NaN: no score, never below). */
function rowsBelow(score: Float64Array, threshold: number, n: number): number[] {
  const rows: number[] = [];
  for (let r = 0; r < n; r++) if (score[r] < threshold) rows.push(r);
  return rows;
}

/** `2024Q2` → a running quarter number, so that 2023Q4 and 2024Q1 are neighbours. */
function quarterIndex(v: unknown): number | undefined {
  if (typeof v !== "string" || v.length !== 6 || v.charCodeAt(4) !== 81 /* Q */) return undefined;
  const year = Number(v.slice(0, 4));
  const q = v.charCodeAt(5) - 48;
  if (!Number.isInteger(year) || q < 1 || q > 4) return undefined;
  return year * 4 + (q - 1);
}

/**
 * The row of each period that completes a run of N (settings.consecutivePeriods) consecutive
 * below-threshold periods of one key; a run of N+1 reports its last two completing rows, etc.
 * Where one key has several below-threshold rows for the same period, the first one counts.
 */
function checkConsecutive(ctx: TableContext, spec: ConsecutiveRule): void {
  const kj = ctx.col(spec.key);
  const pj = ctx.col(spec.period);
  const tj = ctx.col(spec.column);
  if (!ctx.present[kj] || !ctx.present[pj]) return;
  // Keys and periods are text (a numeric column never holds one).
  const keys = ctx.other[kj];
  const periodValues = ctx.other[pj];
  if (keys === undefined || periodValues === undefined) return;
  const below = belowThresholdRows(scores(ctx, spec.column, spec.parts), ctx.settings.threshold, ctx.n, keys, periodValues);
  const order = byKeyThenPeriod(below);
  const runs = completedRuns(order, below.key, below.period, below.row, ctx.settings.consecutivePeriods);
  if (runs.length === 0) return;
  const col = ctx.colRef(tj);
  const threshold = showNumber(ctx.settings.threshold);
  const message = ctx.message("consecutive", { col, threshold }, ["key", "n", "from", "to"]);
  for (let i = 0; i < runs.length; i += 3) {
    const r = runs[i];
    const params = {
      key: quote(keys[r] as string),
      n: runs[i + 1],
      from: periodValues[runs[i + 2]] as string,
      to: periodValues[r] as string,
      col,
      threshold,
    };
    ctx.emitPrepared(r, tj, "consecutive", message, params, fillMessage(message, params.key, params.n, params.from, params.to));
  }
}

/**
 * The rows that complete a run of at least `need` consecutive periods of one key, as triples
 * (row, run length, row of the run's first period). `order` lists the entries by key, then
 * period, then row; the first row of a period stands for it.
 */
function completedRuns(
  order: Int32Array,
  keyOf: readonly number[],
  periodOf: readonly number[],
  rowOf: readonly number[],
  need: number,
): number[] {
  const out: number[] = [];
  let key = -1;
  let previous = 0; // the previous distinct period of this key
  let runFirstRow = 0;
  let length = 0;
  for (let i = 0; i < order.length; i++) {
    const e = order[i];
    const period = periodOf[e];
    const r = rowOf[e];
    if (keyOf[e] !== key) {
      key = keyOf[e];
      length = 0;
    } else if (period === previous) {
      continue; // a later row of the same period
    }
    if (length > 0 && period === previous + 1) length++;
    else {
      length = 1;
      runFirstRow = r;
    }
    previous = period;
    if (length >= need) out.push(r, length, runFirstRow);
  }
  return out;
}

/** Below-threshold rows that have a key and a period, in row order, keys numbered as they first appear. */
interface BelowRows {
  readonly key: number[];
  readonly period: number[];
  readonly row: number[];
  readonly keyCount: number;
}

function belowThresholdRows(
  score: Float64Array,
  threshold: number,
  n: number,
  keys: readonly TypedValue[],
  periodValues: readonly TypedValue[],
): BelowRows {
  const keyIds = new Map<string, number>();
  const periodIndex = new Map<string, number | undefined>(); // a few distinct periods: parsed once each
  const keyOf: number[] = [];
  const periodOf: number[] = [];
  const rowOf: number[] = [];
  for (let r = 0; r < n; r++) {
    if (!(score[r] < threshold)) continue; // NaN: no score
    const key = keys[r];
    const text = periodValues[r];
    if (typeof key !== "string" || typeof text !== "string") continue;
    let period = periodIndex.get(text);
    if (period === undefined && !periodIndex.has(text)) periodIndex.set(text, (period = quarterIndex(text)));
    if (period === undefined) continue;
    let id = keyIds.get(key);
    if (id === undefined) keyIds.set(key, (id = keyIds.size));
    keyOf.push(id);
    periodOf.push(period);
    rowOf.push(r);
  }
  return { key: keyOf, period: periodOf, row: rowOf, keyCount: keyIds.size };
}

/**
 * Entry indices of `below` grouped by key, by period within a key, in row order within a period:
 * two stable counting sorts (by period rank, then by key), linear in the rows.
 */
function byKeyThenPeriod(below: BelowRows): Int32Array {
  const m = below.row.length;
  const periods = [...new Set(below.period)].sort((a, b) => a - b);
  const rankOf = new Map(periods.map((p, i) => [p, i]));
  const rank = new Int32Array(m);
  for (let e = 0; e < m; e++) rank[e] = rankOf.get(below.period[e]) as number;
  const identity = new Int32Array(m);
  for (let e = 0; e < m; e++) identity[e] = e;
  const byPeriod = countingSort(identity, rank, periods.length);
  return countingSort(byPeriod, Int32Array.from(below.key), below.keyCount);
}

/** `items` stably ordered by `bucketOf[item]` (0 … buckets−1). */
function countingSort(items: Int32Array, bucketOf: Int32Array, buckets: number): Int32Array {
  const start = new Int32Array(buckets + 1);
  for (let i = 0; i < items.length; i++) start[bucketOf[items[i]] + 1]++;
  for (let b = 1; b <= buckets; b++) start[b] += start[b - 1];
  const out = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) out[start[bucketOf[items[i]]]++] = items[i];
  return out;
}
