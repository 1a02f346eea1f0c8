/**
 * Rules as data. A template lists the cross-cell rules that apply to it (`TemplateDef.rules`);
 * the generic engine (`engine.ts`) runs them. Rules that follow from a single column's
 * definition — `required`, `type`, `enum`, `range` — need no spec: the engine reads them from
 * the column (`required`, `type`, `options`, `min`/`max`/`gt`).
 *
 * Every column reference is a template column key (`ColumnDef.key`), never a header text.
 * Numeric limits that the manual leaves to the user (合格线, 连续期数, 最少报价数, 工作时间,
 * 响应时限) come from the workbook settings, not from the spec.
 *
 * Each rule is one descriptor (descriptor.ts) listed in registry.ts; the spec types below are
 * its zod schema's, and the contract's rule ids and severities are read from the descriptors.
 */
export { RULE_IDS, RULE_SEVERITY, type RuleId, type RuleSpec, type RuleKind } from "./registry";
export type { Severity } from "./severity";
export type { SumRule, ThresholdRule, ConsecutiveRule } from "./score-rules";
export type { UniqueRule, MinCountRule } from "./key-rules";
export type { DeadlineLimit, DeadlineRule, DueRule, StaleUpdateRule } from "./time-rules";
export type { DoneNeedsDateRule, DateNeedsStatusRule, ProblemNeedsTextRule, NotBeforeRule, QuantifiedRule } from "./consistency-rules";
import type { DoneNeedsDateRule, DateNeedsStatusRule, ProblemNeedsTextRule, NotBeforeRule } from "./consistency-rules";

export type ConsistencyRule = DoneNeedsDateRule | DateNeedsStatusRule | ProblemNeedsTextRule | NotBeforeRule;
