import type { ColumnDef, ColumnType, TemplateDef } from "../templates/types";
import type { RuleSpec } from "./spec";

/**
 * Checks a template's rule specs against its own columns: every key exists and has a type the
 * rule can use, every status value is one of the column's options. A problem here is a bug in a
 * template file (developer-facing English), so the engine refuses to run rather than guess.
 */

const NUMERIC: readonly ColumnType[] = ["number", "integer"];
const TEMPORAL: readonly ColumnType[] = ["date", "datetime"];
const CHOICE: readonly ColumnType[] = ["enum"];
const ANY: readonly ColumnType[] = ["text", "number", "integer", "date", "datetime", "phone", "enum", "multi-enum", "quarter"];

export function checkRuleSpecs(tpl: TemplateDef): string[] {
  const problems: string[] = [];
  const byKey = new Map<string, ColumnDef>(tpl.columns.map((c) => [c.key, c]));

  const need = (spec: RuleSpec, key: string | undefined, types: readonly ColumnType[]): ColumnDef | undefined => {
    if (key === undefined) return undefined;
    const col = byKey.get(key);
    if (!col) problems.push(`${spec.kind}: no column "${key}"`);
    else if (!types.includes(col.type)) problems.push(`${spec.kind}: column "${key}" is ${col.type}, expected ${types.join("/")}`);
    return col;
  };
  const options = (spec: RuleSpec, col: ColumnDef | undefined, values: readonly string[] | undefined): void => {
    if (!col || !values) return;
    for (const v of values) if (!(col.options ?? []).includes(v)) problems.push(`${spec.kind}: "${v}" is not an option of "${col.key}"`);
  };
  const positive = (spec: RuleSpec, what: string, n: number): void => {
    if (!(Number.isFinite(n) && n >= 0)) problems.push(`${spec.kind}: ${what} must be a non-negative number, got ${n}`);
  };

  for (const spec of tpl.rules ?? []) {
    switch (spec.kind) {
      case "sum":
        need(spec, spec.total, NUMERIC);
        spec.parts.forEach((k) => need(spec, k, NUMERIC));
        break;
      case "threshold":
        need(spec, spec.column, NUMERIC);
        spec.parts?.forEach((k) => need(spec, k, NUMERIC));
        break;
      case "consecutive":
        need(spec, spec.key, ANY);
        need(spec, spec.period, ["quarter"]);
        need(spec, spec.column, NUMERIC);
        spec.parts?.forEach((k) => need(spec, k, NUMERIC));
        break;
      case "unique":
        need(spec, spec.column, ANY);
        break;
      case "min-count":
        need(spec, spec.group, ANY);
        need(spec, spec.distinct, ANY);
        break;
      case "deadline": {
        need(spec, spec.from, TEMPORAL);
        need(spec, spec.to, TEMPORAL);
        if (spec.when) options(spec, need(spec, spec.when.column, CHOICE), [spec.when.equals]);
        const l = spec.limit;
        if ("workdays" in l) positive(spec, "workdays", l.workdays);
        else if ("workdaysBefore" in l) positive(spec, "workdaysBefore", l.workdaysBefore);
        else if ("minutes" in l) positive(spec, "minutes", l.minutes);
        else if ("hours" in l) positive(spec, "hours", l.hours);
        if (("workdays" in l && !Number.isInteger(l.workdays)) || ("workdaysBefore" in l && !Number.isInteger(l.workdaysBefore))) {
          problems.push(`${spec.kind}: working days must be whole`);
        }
        break;
      }
      case "due":
        need(spec, spec.due, TEMPORAL);
        need(spec, spec.done, TEMPORAL);
        options(spec, need(spec, spec.status, CHOICE), spec.doneValues);
        if (spec.status !== undefined && !spec.doneValues?.length) problems.push(`due: a status column needs doneValues`);
        break;
      case "done-needs-date":
        options(spec, need(spec, spec.status, CHOICE), spec.doneValues);
        need(spec, spec.date, TEMPORAL);
        break;
      case "date-contradicts-status":
        need(spec, spec.date, TEMPORAL);
        options(spec, need(spec, spec.status, CHOICE), spec.values);
        break;
      case "problem-needs-text":
        options(spec, need(spec, spec.status, CHOICE), spec.values);
        need(spec, spec.text, ANY);
        break;
      case "not-before":
        need(spec, spec.later, TEMPORAL);
        need(spec, spec.earlier, TEMPORAL);
        break;
      case "quantified":
        need(spec, spec.column, ANY);
        options(spec, need(spec, spec.status, CHOICE), spec.doneValues);
        break;
      case "stale-update":
        need(spec, spec.last, TEMPORAL);
        need(spec, spec.resolved, TEMPORAL);
        need(spec, spec.since, TEMPORAL);
        if (spec.minutes !== undefined) positive(spec, "minutes", spec.minutes);
        break;
      default: {
        const never: never = spec;
        problems.push(`unknown rule kind ${JSON.stringify(never)}`);
      }
    }
  }
  return problems;
}
