export { validateTable, type ValidateInput } from "./engine";
export { checkRuleSpecs } from "./check-specs";
export type { Finding, FindingParams, ColumnRef, Said } from "./finding";
export { SEVERITIES } from "./finding";
export { RULE_IDS, RULE_SEVERITY, type RuleId, type RuleSpec, type Severity, type DeadlineLimit } from "./spec";
export { RULES, RULE_SET, ruleSet, type RuleSet } from "./registry";
export { renderFinding, renderMessage, columnName } from "./render";
export { hasFigure } from "./consistency-rules";
