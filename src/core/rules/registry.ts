import type { z } from "zod";
import { columnRules } from "./column-rules";
import { addRuleMessages } from "./render";
import { dateContradictsStatusRule, doneNeedsDateRule, notBeforeRule, problemNeedsTextRule, quantifiedRule } from "./consistency-rules";
import type { RuleDescriptor, SpecRuleDescriptor, TableRuleDescriptor } from "./descriptor";
import { minCountRule, uniqueRule } from "./key-rules";
import { calendarRule, typedBelowRule } from "./layout-rules";
import { consecutiveRule, sumRule, thresholdRule } from "./score-rules";
import type { Severity } from "./severity";
import { deadlineRule, dueRule, staleUpdateRule } from "./time-rules";

/**
 * Every rule, once: the engine runs them (table rules by phase, spec rules as a template lists
 * them), and the contract's severity table, the template schema and the pane's rule labels are
 * read from here. A new rule is a descriptor file, its messages and its tests, plus its line
 * below (docs/developers.md "How to add a rule").
 */
export const RULES = [
  columnRules,
  sumRule,
  thresholdRule,
  consecutiveRule,
  uniqueRule,
  minCountRule,
  deadlineRule,
  dueRule,
  doneNeedsDateRule,
  dateContradictsStatusRule,
  problemNeedsTextRule,
  notBeforeRule,
  quantifiedRule,
  staleUpdateRule,
  typedBelowRule,
  calendarRule,
] as const;

type Registered = (typeof RULES)[number];

/** The finding rule ids of contract.md ("Rule ids and severities"), derived from the descriptors. */
export type RuleId = Registered["reports"][number]["id"];

/** A template's rule spec: the union of the spec rules' schemas. */
export type RuleSpec = SpecOf<Registered>;
type SpecOf<D> = D extends { readonly schema: infer Z extends z.ZodType } ? z.output<Z> : never;
export type RuleKind = RuleSpec["kind"];

/** A list of descriptors made ready for the engine: the ids in contract order, severities, lookups. */
export interface RuleSet {
  readonly rules: readonly RuleDescriptor[];
  /** Rule ids ordered by their descriptors' ranks. */
  readonly ids: readonly string[];
  readonly severity: Readonly<Record<string, Severity>>;
  /** Position of each id in `ids`: the last part of a finding's sort key. */
  readonly rank: Readonly<Record<string, number>>;
  readonly tableRules: Readonly<Record<"before" | "after", readonly TableRuleDescriptor[]>>;
  /** The descriptor of a spec kind (`sum`, `due` …), undefined for an unknown kind. */
  specDescriptor(kind: string): SpecRuleDescriptor | undefined;
  /** The first descriptor that reports a rule id (whose fix hint it gets). */
  descriptorOf(id: string): RuleDescriptor | undefined;
}

/**
 * Checks a list of descriptors (one severity and rank per id, one descriptor per kind) and
 * indexes it. `RULE_SET` is the product's; a test may add a rule of its own (the guide's recipe).
 */
export function ruleSet(rules: readonly RuleDescriptor[]): RuleSet {
  const reported = new Map<string, { severity: Severity; rank: number }>();
  const byKind = new Map<string, SpecRuleDescriptor>();
  const byId = new Map<string, RuleDescriptor>();
  for (const d of rules) {
    addRuleMessages(d.messages, d.hints);
    for (const r of d.reports) {
      const known = reported.get(r.id);
      if (known && (known.severity !== r.severity || known.rank !== r.rank))
        throw new Error(`rules: "${r.id}" is reported with two severities or ranks`);
      reported.set(r.id, { severity: r.severity, rank: r.rank });
      if (!byId.has(r.id)) byId.set(r.id, d);
    }
    if (d.kind !== undefined) {
      if (byKind.has(d.kind)) throw new Error(`rules: two descriptors of kind "${d.kind}"`);
      byKind.set(d.kind, d as SpecRuleDescriptor);
    }
  }
  const ids = [...reported.keys()].sort((a, b) => (reported.get(a)?.rank ?? 0) - (reported.get(b)?.rank ?? 0));
  // The sort key keeps 5 bits for the rule (context.ts SORT_COL).
  if (ids.length > 32) throw new Error(`rules: at most 32 rule ids, not ${ids.length}`);
  const table = (phase: "before" | "after") => rules.filter((d): d is TableRuleDescriptor => d.kind === undefined && d.phase === phase);
  return {
    rules,
    ids,
    severity: Object.fromEntries(ids.map((id) => [id, reported.get(id)?.severity as Severity])),
    rank: Object.fromEntries(ids.map((id, i) => [id, i])),
    tableRules: { before: table("before"), after: table("after") },
    specDescriptor: (kind) => byKind.get(kind),
    descriptorOf: (id) => byId.get(id),
  };
}

export const RULE_SET: RuleSet = ruleSet(RULES);

/** Rule ids in contract.md's order, derived from the descriptors. */
export const RULE_IDS = RULE_SET.ids as readonly RuleId[] as [RuleId, ...RuleId[]];

/** Severity of each rule id, as contract.md lists them (a year-less date is a `type` warning: column-rules.ts). */
export const RULE_SEVERITY = RULE_SET.severity as Readonly<Record<RuleId, Severity>>;
