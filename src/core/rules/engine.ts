import type { DayNumber, MinuteNumber } from "../cells/types";
import type { WorkCalendar } from "../calendar/calendar";
import { DEFAULT_LANG, type Lang } from "../i18n";
import type { Settings } from "../settings/schema";
import { workingHoursOf } from "../settings/derived";
import type { TableRead } from "../table/read-table";
import type { TemplateDef } from "../templates/types";
import { cellRules, issueRules, missingColumnRule } from "./column-rules";
import { consistencyRule, quantifiedRule } from "./consistency-rules";
import { SORT_COL, SORT_SHEET_COL, TableContext, type TableShape } from "./context";
import type { Finding } from "./finding";
import { collapseMerged } from "../layout/merged-findings";
import { minCountRule, uniqueRule } from "./key-rules";
import { consecutiveRule, sumRule, thresholdRule } from "./score-rules";
import type { RuleSpec } from "./spec";
import { checkRuleSpecs } from "./check-specs";
import { deadlineRule, dueRule, staleUpdateRule } from "./time-rules";

export interface ValidateInput {
  readonly tpl: TemplateDef;
  readonly read: TableRead;
  readonly table: TableShape;
  readonly settings: Settings;
  readonly today: DayNumber;
  readonly now: MinuteNumber;
  readonly calendar: WorkCalendar;
  readonly lang?: Lang;
}

function runSpec(ctx: TableContext, spec: RuleSpec): void {
  switch (spec.kind) {
    case "sum":
      return sumRule(ctx, spec);
    case "threshold":
      return thresholdRule(ctx, spec);
    case "consecutive":
      return consecutiveRule(ctx, spec);
    case "unique":
      return uniqueRule(ctx, spec);
    case "min-count":
      return minCountRule(ctx, spec);
    case "deadline":
      return deadlineRule(ctx, spec);
    case "due":
      return dueRule(ctx, spec);
    case "done-needs-date":
    case "date-contradicts-status":
    case "problem-needs-text":
    case "not-before":
      return consistencyRule(ctx, spec);
    case "quantified":
      return quantifiedRule(ctx, spec);
    case "stale-update":
      return staleUpdateRule(ctx, spec);
    default: {
      const never: never = spec;
      throw new Error(`rules: unknown rule kind ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Checks one table: the column rules (required, type, enum, range), then the template's rule
 * specs. Returns its findings sorted by row, then the sheet's column order (then rule order), at
 * most one per (cell, rule). Sorting tables by sheet order is the report's job.
 *
 * When a working-day count met a year the holiday data does not cover, one `calendar` info
 * finding is added at the first cell whose date was counted that way (the report keeps only the
 * first of all tables).
 */
export function validateTable(input: ValidateInput): Finding[] {
  const { tpl, read, table, settings, today, now, calendar } = input;
  if (read.templateId !== tpl.id) throw new Error(`rules: read of "${read.templateId}" checked against template "${tpl.id}"`);
  const problems = checkRuleSpecs(tpl);
  if (problems.length > 0) throw new Error(`rules: template "${tpl.id}": ${problems.join("; ")}`);
  const ctx = new TableContext(tpl, read, table, settings, today, now, calendar, workingHoursOf(settings), input.lang ?? DEFAULT_LANG);

  missingColumnRule(ctx);
  issueRules(ctx);
  cellRules(ctx);
  for (const spec of tpl.rules ?? []) runSpec(ctx, spec);
  typedBelowRule(ctx);

  if (ctx.provisionalAt) {
    const { r, j } = ctx.provisionalAt;
    const years = [...ctx.provisional].sort((a, b) => a - b).join(", ");
    ctx.emit(r, j, "calendar", ctx.t("calendar", { years }));
  }
  // A finding about a merged area once, at its top-left cell (contract.md "Table layout").
  return collapseMerged(sortAndDedupe(ctx.out.rowIndex, ctx.out.sortKey, ctx.out.findings, ctx.n), table.merges);
}

/**
 * Rows typed directly under an Excel table were checked as part of it (contract.md "Table
 * layout"): one `layout` info finding on the first of them, at the table's first known column.
 */
function typedBelowRule(ctx: TableContext): void {
  const first = ctx.table.typedBelow;
  if (first === undefined) return;
  const r = ctx.excelRows.indexOf(first);
  if (r < 0) return;
  let j = -1;
  let at = Infinity;
  for (const fc of ctx.table.columns) {
    const key = fc.key ?? fc.compoundKeys?.[0];
    const k = key === undefined ? undefined : ctx.colIndexOrUndefined(key);
    if (k !== undefined && fc.index < at) [j, at] = [k, fc.index];
  }
  if (j < 0) return;
  const count = ctx.excelRows.length - r;
  ctx.emit(r, j, "layout", ctx.t("layout.typed-below", { row: first, count, table: ctx.table.tableName ?? "" }));
}

/**
 * Bucket by row index (linear: rows are 0..n−1, plus −1 for the header), then order each row's
 * few findings by sheet column, template column and rule; drop a second finding of the same rule
 * on the same cell (two rules about columns the sheet lacks both land on the row's first cell).
 */
function sortAndDedupe(rowIndex: readonly number[], sortKey: readonly number[], findings: readonly Finding[], n: number): Finding[] {
  const count = findings.length;
  const start = new Int32Array(n + 2);
  for (let i = 0; i < count; i++) start[rowIndex[i] + 2]++;
  for (let b = 1; b < start.length; b++) start[b] += start[b - 1];
  const order = new Int32Array(count);
  const fill = start.slice();
  for (let i = 0; i < count; i++) order[fill[rowIndex[i] + 1]++] = i;

  const result: Finding[] = [];
  for (let b = 0; b < n + 1; b++) {
    const lo = start[b];
    const hi = start[b + 1];
    if (hi - lo === 1) {
      result.push(findings[order[lo]]);
      continue;
    }
    // A row holds a handful of findings: insertion sort in place.
    for (let i = lo + 1; i < hi; i++) {
      const p = order[i];
      let k = i - 1;
      while (k >= lo && sortKey[order[k]] > sortKey[p]) {
        order[k + 1] = order[k];
        k--;
      }
      order[k + 1] = p;
    }
    for (let i = lo; i < hi; i++) {
      const key = sortKey[order[i]];
      const cell = Math.floor(key / SORT_SHEET_COL);
      const rule = key % SORT_COL;
      let duplicate = false;
      for (let k = lo; k < i && !duplicate; k++) {
        const other = sortKey[order[k]];
        duplicate = Math.floor(other / SORT_SHEET_COL) === cell && other % SORT_COL === rule;
      }
      if (!duplicate) result.push(findings[order[i]]);
    }
  }
  return result;
}
