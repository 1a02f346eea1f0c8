import type { DayNumber, MinuteNumber } from "../cells/types";
import type { WorkCalendar } from "../calendar/calendar";
import { DEFAULT_LANG, type Lang } from "../i18n";
import type { Settings } from "../settings/schema";
import { workingHoursOf } from "../settings/derived";
import type { TableRead } from "../table/read-table";
import type { TemplateDef } from "../templates/types";
import { SORT_COL, SORT_SHEET_COL, TableContext, type TableShape } from "./context";
import { resolveColumns } from "./descriptor";
import type { Finding } from "./finding";
import { collapseMerged } from "../layout/merged-findings";
import { RULE_SET, type RuleSet } from "./registry";
import { checkRuleSpecs } from "./check-specs";

export interface ValidateInput {
  readonly tpl: TemplateDef;
  readonly read: TableRead;
  readonly table: TableShape;
  readonly settings: Settings;
  readonly today: DayNumber;
  readonly now: MinuteNumber;
  readonly calendar: WorkCalendar;
  readonly lang?: Lang;
  /** The rules to run; default: the product's (registry.ts). */
  readonly rules?: RuleSet;
}

/**
 * `checkRuleSpecs` once per (template, rule set): templates and rule sets are immutable, and
 * parsing every spec with zod again for each table is work a large check does many times.
 */
const problemsSeen = new WeakMap<RuleSet, WeakMap<TemplateDef, readonly string[]>>();
function specProblems(tpl: TemplateDef, rules: RuleSet): readonly string[] {
  let byTemplate = problemsSeen.get(rules);
  if (byTemplate === undefined) problemsSeen.set(rules, (byTemplate = new WeakMap()));
  let problems = byTemplate.get(tpl);
  if (problems === undefined) byTemplate.set(tpl, (problems = checkRuleSpecs(tpl, rules)));
  return problems;
}

/**
 * Checks one table: the rules every table gets (registry.ts, phase "before": required, type,
 * enum, range), the template's rule specs in its order, then the "after" ones (layout, calendar). Returns its findings sorted by row, then the sheet's column order (then rule order), at
 * most one per (cell, rule). Sorting tables by sheet order is the report's job.
 */
export function validateTable(input: ValidateInput): Finding[] {
  const { tpl, read, table, settings, today, now, calendar } = input;
  if (read.templateId !== tpl.id) throw new Error(`rules: read of "${read.templateId}" checked against template "${tpl.id}"`);
  const rules = input.rules ?? RULE_SET;
  const problems = specProblems(tpl, rules);
  if (problems.length > 0) throw new Error(`rules: template "${tpl.id}": ${problems.join("; ")}`);
  const lang = input.lang ?? DEFAULT_LANG;
  const ctx = new TableContext(tpl, read, table, settings, today, now, calendar, workingHoursOf(settings), lang, rules);

  for (const d of rules.tableRules.before) d.run(ctx);
  for (const spec of tpl.rules ?? []) {
    const d = rules.specDescriptor(spec.kind);
    if (d === undefined) throw new Error(`rules: unknown rule kind "${spec.kind}"`); // checkRuleSpecs said so already
    d.check(ctx, resolveColumns(ctx, d.columns(spec)), spec);
  }
  for (const d of rules.tableRules.after) d.run(ctx);
  // A finding about a merged area once, at its top-left cell (contract.md "Table layout").
  return collapseMerged(sortAndDedupe(ctx.out.rowIndex, ctx.out.sortKey, ctx.out.findings, ctx.n), table.merges);
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
