import type { TableContext } from "./context";
import { quote, showNumber } from "./context";
import type { ConsecutiveRule, SumRule, ThresholdRule } from "./spec";

/** 供应商评估: 总分 = sum of the five items (`sum`), below the pass mark (`threshold`), repeatedly (`consecutive`). */

/** Differences below this are rounding in a sheet, not a wrong total. */
const EPSILON = 1e-6;

/**
 * The score a row is judged by: the total cell when it holds a number; the sum of the parts when
 * the total is empty (or the sheet has no total column) and every part is a number; otherwise
 * undefined (an unreadable total such as 八十 already has a `type` finding).
 */
export function scoreReader(
  ctx: TableContext,
  totalKey: string,
  partKeys: readonly string[] | undefined,
): (r: number) => number | undefined {
  const tj = ctx.col(totalKey);
  const parts = (partKeys ?? []).map((k) => ctx.col(k));
  const partsUsable = parts.length > 0 && parts.every((j) => ctx.present[j]);
  const { values } = ctx;
  return (r) => {
    const row = values[r];
    const v = row[tj];
    if (typeof v === "number") return v;
    if (ctx.isInvalid(r, tj) || !partsUsable) return undefined;
    let sum = 0;
    for (let p = 0; p < parts.length; p++) {
      const x = row[parts[p]];
      if (typeof x !== "number") return undefined;
      sum += x;
    }
    return sum;
  };
}

export function sumRule(ctx: TableContext, spec: SumRule): void {
  const tj = ctx.col(spec.total);
  const parts = spec.parts.map((k) => ctx.col(k));
  if (!ctx.present[tj] || parts.some((j) => !ctx.present[j])) return;
  const { values, n } = ctx;
  for (let r = 0; r < n; r++) {
    const row = values[r];
    const total = row[tj];
    if (typeof total !== "number") continue;
    let sum = 0;
    let complete = true;
    for (let p = 0; p < parts.length; p++) {
      const x = row[parts[p]];
      if (typeof x !== "number") {
        complete = false;
        break;
      }
      sum += x;
    }
    if (complete && Math.abs(total - sum) > EPSILON) {
      ctx.emit(r, tj, "sum", ctx.t("sum", { col: ctx.colName(tj), total: showNumber(total), sum: showNumber(sum) }));
    }
  }
}

export function thresholdRule(ctx: TableContext, spec: ThresholdRule): void {
  const tj = ctx.col(spec.column);
  const score = scoreReader(ctx, spec.column, spec.parts);
  const threshold = ctx.settings.threshold;
  const shownThreshold = showNumber(threshold);
  for (let r = 0; r < ctx.n; r++) {
    const s = score(r);
    if (s === undefined || s >= threshold) continue;
    ctx.emit(r, tj, "threshold", ctx.t("threshold", { col: ctx.colName(tj), total: showNumber(s), threshold: shownThreshold }));
  }
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
export function consecutiveRule(ctx: TableContext, spec: ConsecutiveRule): void {
  const kj = ctx.col(spec.key);
  const pj = ctx.col(spec.period);
  const tj = ctx.col(spec.column);
  if (!ctx.present[kj] || !ctx.present[pj]) return;
  const score = scoreReader(ctx, spec.column, spec.parts);
  const threshold = ctx.settings.threshold;
  const need = ctx.settings.consecutivePeriods;
  const { values, n } = ctx;

  // key → (period index → first below-threshold row).
  const byKey = new Map<string, Map<number, number>>();
  for (let r = 0; r < n; r++) {
    const key = values[r][kj];
    if (typeof key !== "string") continue;
    const period = quarterIndex(values[r][pj]);
    if (period === undefined) continue;
    const s = score(r);
    if (s === undefined || s >= threshold) continue;
    let periods = byKey.get(key);
    if (!periods) byKey.set(key, (periods = new Map()));
    if (!periods.has(period)) periods.set(period, r);
  }

  for (const [key, periods] of byKey) {
    if (periods.size < need) continue;
    const sorted = [...periods.keys()].sort((a, b) => a - b);
    let runStart = 0;
    for (let i = 0; i < sorted.length; i++) {
      if (i > 0 && sorted[i] !== sorted[i - 1] + 1) runStart = i;
      const length = i - runStart + 1;
      if (length < need) continue;
      const r = periods.get(sorted[i]) as number;
      ctx.emit(
        r,
        tj,
        "consecutive",
        ctx.t("consecutive", {
          key: quote(key),
          n: length,
          from: values[periods.get(sorted[runStart]) as number][pj] as string,
          to: values[r][pj] as string,
          col: ctx.colName(tj),
          threshold: showNumber(threshold),
        }),
      );
    }
  }
}
