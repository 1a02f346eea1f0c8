/**
 * Rules as data. A template lists the cross-cell rules that apply to it (`TemplateDef.rules`);
 * the generic engine (`engine.ts`) runs them. Rules that follow from a single column's
 * definition — `required`, `type`, `enum`, `range` — need no spec: the engine reads them from
 * the column (`required`, `type`, `options`, `min`/`max`/`gt`).
 *
 * Every column reference is a template column key (`ColumnDef.key`), never a header text.
 * Numeric limits that the manual leaves to the user (合格线, 连续期数, 最少报价数, 工作时间,
 * 响应时限) come from the workbook settings, not from the spec.
 */

/** Stable rule ids of contract.md ("Rule ids and severities"). */
export const RULE_IDS = [
  "required",
  "type",
  "enum",
  "range",
  "sum",
  "unique",
  "escalation",
  "consecutive",
  "threshold",
  "deadline",
  "overdue",
  "late",
  "min-count",
  "consistency",
  "quantified",
  "stale-update",
  "due-soon",
  "calendar",
  "layout",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = "error" | "warning" | "info";

/**
 * Severity of each rule id, exactly as contract.md lists them. The one exception the contract
 * makes — a date written without a year is a `type` *warning* — is applied by the engine.
 */
export const RULE_SEVERITY: Readonly<Record<RuleId, Severity>> = {
  required: "error",
  type: "error",
  enum: "error",
  range: "error",
  sum: "error",
  unique: "error",
  escalation: "error",
  consecutive: "error",
  threshold: "warning",
  deadline: "warning",
  overdue: "warning",
  late: "warning",
  "min-count": "warning",
  consistency: "warning",
  quantified: "warning",
  "stale-update": "warning",
  "due-soon": "info",
  calendar: "info",
  layout: "info",
};

/**
 * The time allowed between two events (`from` → `to`).
 * - `workdays`: `to`'s date on or before `from`'s date + N working days.
 * - `workdaysBefore`: `to`'s date on or before `from`'s date − N working days (an invitation
 *   sent ahead of a meeting).
 * - `minutes` / `hours`: clock time between two date-times. When either column holds dates
 *   only, the comparison is made on dates with the limit rounded up to whole days.
 * - `response`: the customer-response limit — `settings.responseHours.inHours` when `from`
 *   falls inside working hours on a working day, else `offHours`.
 */
export type DeadlineLimit =
  | { readonly workdays: number }
  | { readonly workdaysBefore: number }
  | { readonly minutes: number }
  | { readonly hours: number }
  | { readonly response: true };

export interface SumRule {
  readonly kind: "sum";
  /** The total column (总分). */
  readonly total: string;
  readonly parts: readonly string[];
}

/** Total below `settings.threshold` (合格线). The total is the `column` value, or the sum of `parts` when the total cell is empty. */
export interface ThresholdRule {
  readonly kind: "threshold";
  readonly column: string;
  readonly parts?: readonly string[];
}

/** Below the threshold in `settings.consecutivePeriods` consecutive periods of one `key`. */
export interface ConsecutiveRule {
  readonly kind: "consecutive";
  /** Whose periods are compared (供应商名称). */
  readonly key: string;
  /** A `quarter` column (评估周期). */
  readonly period: string;
  /** The score column (总分); findings land here. */
  readonly column: string;
  /** As for `threshold`: used when the score cell is empty. */
  readonly parts?: readonly string[];
}

export interface UniqueRule {
  readonly kind: "unique";
  readonly column: string;
}

/** Fewer than `settings.minQuotes` rows (or distinct `distinct` values) per `group` value. */
export interface MinCountRule {
  readonly kind: "min-count";
  readonly group: string;
  /** Count distinct values of this column (e.g. 供应商名称) instead of rows. */
  readonly distinct?: string;
}

export interface DeadlineRule {
  readonly kind: "deadline";
  /** The earlier event (会议时间, 来询时间, 发现时间 …). */
  readonly from: string;
  /** The later event; a finding lands on this column. */
  readonly to: string;
  readonly limit: DeadlineLimit;
  /** Only rows where this column holds this value (canonical option), e.g. 验收结果 = 不合格. */
  readonly when?: { readonly column: string; readonly equals: string };
  /**
   * Also report a row whose `to` cell is empty once `now` is past the limit (the event is
   * already late although it has not happened). Without it an empty `to` is not checked.
   */
  readonly missingIsLate?: boolean;
}

/**
 * An item with a due date (contract.md "Counting time"): open items get `due-soon` / `overdue` /
 * `escalation` on the due column; done items completed after the due date get `late` on `done`.
 * An item is open when it has no completion date and its status (if any) is not in `doneValues`.
 */
export interface DueRule {
  readonly kind: "due";
  readonly due: string;
  readonly done?: string;
  readonly status?: string;
  readonly doneValues?: readonly string[];
}

/** `consistency`: the status says done but the completion date is empty. */
export interface DoneNeedsDateRule {
  readonly kind: "done-needs-date";
  readonly status: string;
  readonly doneValues: readonly string[];
  readonly date: string;
}

/** `consistency`: a completion date is given but the status says the item has not started. */
export interface DateNeedsStatusRule {
  readonly kind: "date-contradicts-status";
  readonly date: string;
  readonly status: string;
  /** Statuses that contradict a completion date (未开始). */
  readonly values: readonly string[];
}

/** `consistency`: the status is one of `values` (× / 部分完成) but `text` (问题) is empty. */
export interface ProblemNeedsTextRule {
  readonly kind: "problem-needs-text";
  readonly status: string;
  readonly values: readonly string[];
  readonly text: string;
}

/** `consistency`: `later` is before `earlier` (e.g. 解决时间 before 发现时间); lands on `later`. */
export interface NotBeforeRule {
  readonly kind: "not-before";
  readonly later: string;
  readonly earlier: string;
}

/** `quantified`: a done row (status in `doneValues`) whose `column` carries no figure. */
export interface QuantifiedRule {
  readonly kind: "quantified";
  readonly column: string;
  readonly status: string;
  readonly doneValues: readonly string[];
}

/**
 * `stale-update`: an unresolved row (`resolved` empty) whose `last` update is more than
 * `minutes` (default: `settings.updateIntervalMinutes`) before `now`. When `last` is empty the
 * clock runs from `since` (发现时间).
 */
export interface StaleUpdateRule {
  readonly kind: "stale-update";
  readonly last: string;
  readonly resolved: string;
  readonly since?: string;
  readonly minutes?: number;
}

export type ConsistencyRule = DoneNeedsDateRule | DateNeedsStatusRule | ProblemNeedsTextRule | NotBeforeRule;

export type RuleSpec =
  | SumRule
  | ThresholdRule
  | ConsecutiveRule
  | UniqueRule
  | MinCountRule
  | DeadlineRule
  | DueRule
  | ConsistencyRule
  | QuantifiedRule
  | StaleUpdateRule;

export type RuleKind = RuleSpec["kind"];
