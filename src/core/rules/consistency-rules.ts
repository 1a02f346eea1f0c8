import { z } from "zod";
import type { TypedValue } from "../table/read-table";
import { fillMessage, type TableContext } from "./context";
import { anyColumn, choice, time, type AnyColumn, type TextColumn, type TimeColumn } from "./columns-view";
import { specRule, type Reports } from "./descriptor";

/**
 * Fields that contradict each other (`consistency`) and done rows without figures (`quantified`).
 * A consistency finding lands on the cell that is missing or contradicts; where the sheet lacks
 * that column, on the row's first cell (contract.md).
 */

const values = z.array(z.string().min(1)).readonly();

/** `consistency`: the status says done but the completion date is empty. */
export const doneNeedsDateSchema = z.strictObject({
  kind: z.literal("done-needs-date"),
  status: z.string(),
  doneValues: values,
  date: z.string(),
});
export type DoneNeedsDateRule = z.infer<typeof doneNeedsDateSchema>;

/** `consistency`: a completion date is given but the status says the item has not started (`values`: 未开始). */
export const dateContradictsStatusSchema = z.strictObject({
  kind: z.literal("date-contradicts-status"),
  date: z.string(),
  status: z.string(),
  values,
});
export type DateNeedsStatusRule = z.infer<typeof dateContradictsStatusSchema>;

/** `consistency`: the status is one of `values` (× / 部分完成) but `text` (问题) is empty. */
export const problemNeedsTextSchema = z.strictObject({
  kind: z.literal("problem-needs-text"),
  status: z.string(),
  values,
  text: z.string(),
});
export type ProblemNeedsTextRule = z.infer<typeof problemNeedsTextSchema>;

/** `consistency`: `later` is before `earlier` (e.g. 解决时间 before 发现时间); lands on `later`. */
export const notBeforeSchema = z.strictObject({ kind: z.literal("not-before"), later: z.string(), earlier: z.string() });
export type NotBeforeRule = z.infer<typeof notBeforeSchema>;

/** `quantified`: a done row (status in `doneValues`) whose `column` carries no figure. */
export const quantifiedSchema = z.strictObject({
  kind: z.literal("quantified"),
  column: z.string(),
  status: z.string(),
  doneValues: values,
});
export type QuantifiedRule = z.infer<typeof quantifiedSchema>;

/** contract.md: `consistency` is a warning (also reported by the due-date rule, time-rules.ts). */
export const CONSISTENCY: Reports<"consistency"> = { id: "consistency", severity: "warning", rank: 13 };

export const doneNeedsDateRule = specRule({
  kind: "done-needs-date",
  schema: doneNeedsDateSchema,
  reports: [CONSISTENCY],
  columns: (spec) => ({ status: choice(spec.status, spec.doneValues), date: time(spec.date) }),
  check: (ctx, _cols, spec) => statusNeedsCell(ctx, spec.status, spec.doneValues, spec.date, "consistency.done-needs-date"),
});

export const problemNeedsTextRule = specRule({
  kind: "problem-needs-text",
  schema: problemNeedsTextSchema,
  reports: [CONSISTENCY],
  columns: (spec) => ({ status: choice(spec.status, spec.values), text: anyColumn(spec.text) }),
  check: (ctx, _cols, spec) => statusNeedsCell(ctx, spec.status, spec.values, spec.text, "consistency.problem-needs-text"),
});

export const dateContradictsStatusRule = specRule({
  kind: "date-contradicts-status",
  schema: dateContradictsStatusSchema,
  reports: [CONSISTENCY],
  columns: (spec) => ({ date: time(spec.date), status: choice(spec.status, spec.values) }),
  check: (ctx, { date, status }, spec) => dateContradictsStatus(ctx, date, status, new Set(spec.values)),
});

export const notBeforeRule = specRule({
  kind: "not-before",
  schema: notBeforeSchema,
  reports: [CONSISTENCY],
  columns: (spec) => ({ later: time(spec.later), earlier: time(spec.earlier) }),
  check: (ctx, { later, earlier }) => notBefore(ctx, later, earlier),
});

/** A status in `values` requires the `target` cell to be filled in. */
function statusNeedsCell(ctx: TableContext, statusKey: string, statusValues: readonly string[], targetKey: string, message: string): void {
  const sj = ctx.col(statusKey);
  const tj = ctx.col(targetKey);
  if (!ctx.present[sj]) return;
  const targetPresent = ctx.present[tj];
  let rows = rowsWithStatus(ctx.others(sj), new Set(statusValues), ctx.n);
  if (targetPresent) rows = emptyAmong(rows, ctx.num[tj], ctx.other[tj], ctx.invalid[tj]);
  if (rows.length === 0) return;
  const status = ctx.colRef(sj);
  const col = ctx.colRef(tj);
  // The wording with both column names filled in once; each finding adds its status value.
  const prepared = ctx.message(message, { status, col }, ["value"]);
  const statuses = ctx.others(sj);
  for (let i = 0; i < rows.length; i++) {
    const value = statuses[rows[i]] as string;
    const s = prepared.said.get(value) ?? ctx.share(prepared, value, { status, col, value }, fillMessage(prepared, value));
    ctx.emitPrepared(rows[i], tj, "consistency", prepared, s.params, s.text);
  }
}

/** Those of `rows` whose cell is empty (null — NaN in a numeric column — and not unreadable). */
function emptyAmong(
  rows: readonly number[],
  num: Float64Array | undefined,
  other: readonly TypedValue[] | undefined,
  invalid: Uint8Array | undefined,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const empty = num !== undefined ? num[r] !== num[r] : (other as readonly TypedValue[])[r] === null;
    if (empty && (invalid === undefined || invalid[r] !== 1)) out.push(r);
  }
  return out;
}

/** Those of `rows` that hold a number (not NaN) in `values`. */
function withNumber(rows: readonly number[], values: Float64Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++) if (values[rows[i]] === values[rows[i]]) out.push(rows[i]);
  return out;
}

/** Rows whose status is one of `wanted`. */
function rowsWithStatus(statuses: readonly TypedValue[], wanted: ReadonlySet<string>, n: number): number[] {
  const rows: number[] = [];
  for (let r = 0; r < n; r++) {
    const status = statuses[r];
    if (typeof status === "string" && wanted.has(status)) rows.push(r);
  }
  return rows;
}

/** A completion date next to a status that says the work has not started: the status is stale. */
function dateContradictsStatus(ctx: TableContext, date: TimeColumn, status: TextColumn, notStarted: ReadonlySet<string>): void {
  if (!date.present || !status.present) return;
  // The row loops stay in helpers over plain arrays. Measured: written as one loop here over the
  // column objects (made anew for each table), V8 deoptimised it after every table ("weak
  // objects" in node --trace-deopt) and the rule ran about twice as slow.
  const rows = withNumber(rowsWithStatus(status.values, notStarted, ctx.n), date.values);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    ctx.emit(r, status.j, "consistency", "consistency.date-contradicts-status", {
      date: date.ref,
      dateValue: date.show(r),
      col: status.ref,
      value: status.values[r] as string,
    });
  }
}

/** `later` before `earlier`: compared by minute when both hold date-times, else by date. */
function notBefore(ctx: TableContext, later: TimeColumn, earlier: TimeColumn): void {
  if (!later.present || !earlier.present) return;
  const byMinute = later.dateTime && earlier.dateTime;
  for (let r = 0; r < ctx.n; r++) {
    const l = later.values[r];
    const e = earlier.values[r];
    if (l !== l || e !== e) continue; // NaN: no date
    if (!(byMinute ? l < e : later.day(r) < earlier.day(r))) continue;
    const params = { col: later.ref, later: later.show(r), earlierCol: earlier.ref, earlier: earlier.show(r) };
    ctx.emit(r, later.j, "consistency", "consistency.not-before", params);
  }
}

/**
 * A figure: a digit (ASCII or full-width), a percent sign, or a Chinese numeral followed by a
 * measure word (三个, 两项, 十家). `一些` / `一定` are vague words, not figures.
 */
const FIGURE = /[0-9０-９%％]|[零一二三四五六七八九十百千万亿两半][个项次家人份倍元天条场篇台件单位名笔套批成周月年小]/;

export function hasFigure(text: string): boolean {
  return FIGURE.test(text);
}

/** 量化成果 of a done row carries no figure (empty counts as none). Skipped when the sheet has no such column. */
export const quantifiedRule = specRule({
  kind: "quantified",
  schema: quantifiedSchema,
  reports: [{ id: "quantified", severity: "warning", rank: 14 }],
  columns: (spec) => ({ column: anyColumn(spec.column), status: choice(spec.status, spec.doneValues) }),
  check: (ctx, { column, status }, spec) => checkQuantified(ctx, column, status, new Set(spec.doneValues)),
});

function checkQuantified(ctx: TableContext, column: AnyColumn, status: TextColumn, done: ReadonlySet<string>): void {
  if (!column.present || !status.present) return;
  for (let r = 0; r < ctx.n; r++) {
    const s = status.at(r);
    if (s === null || !done.has(s)) continue;
    const v = column.at(r);
    if (typeof v === "number" || (typeof v === "string" && hasFigure(v))) continue;
    if (v === null && column.isInvalid(r)) continue;
    ctx.emit(r, column.j, "quantified", "quantified", { status: status.ref, value: s, col: column.ref });
  }
}
