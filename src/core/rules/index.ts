export { validateTable, type ValidateInput } from "./engine";
export { checkRuleSpecs } from "./check-specs";
export type { Finding } from "./finding";
export { SEVERITIES } from "./finding";
export { RULE_IDS, RULE_SEVERITY, type RuleId, type RuleSpec, type Severity, type DeadlineLimit } from "./spec";
export { hasFigure } from "./consistency-rules";
