import type { ReportFinding } from "../../core/report";
import { RULE_IDS, type RuleId } from "../../core/rules/spec";

/**
 * Findings per rule, for the rules that occur, in the contract's rule order (errors first): the
 * summary the pane's findings panel and the ribbon's result dialog both show.
 */
export function ruleCounts(findings: readonly Pick<ReportFinding, "rule">[]): { rule: RuleId; n: number }[] {
  const n = new Map<RuleId, number>();
  for (const f of findings) n.set(f.rule, (n.get(f.rule) ?? 0) + 1);
  return RULE_IDS.filter((r) => n.has(r)).map((rule) => ({ rule, n: n.get(rule) ?? 0 }));
}
