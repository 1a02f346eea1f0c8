import type { RuleId } from "./spec";
import type { Severity } from "./severity";

/**
 * A column a finding names, as a template column key plus its two catalog names: the renderer
 * shows the name in the reader's language (English header, Chinese name, its zh-TW form), so an
 * English reader never sees a Chinese column name beside an English message.
 */
export interface ColumnRef {
  readonly column: string;
  readonly name: string;
  readonly en: string;
}

/** A part of a message that is itself a message (the deadline's "会议时间后1个工作日"). */
export interface MessageRef {
  readonly message: string;
  readonly params: FindingParams;
}

/**
 * A placeholder's value: text already in a language-neutral form (a cell's value as quoted, an
 * ISO date, a number as people write it), a column, a list of columns, or a nested message.
 */
export type ParamValue = string | number | ColumnRef | readonly ColumnRef[] | MessageRef;
export type FindingParams = Readonly<Record<string, ParamValue>>;

/**
 * One finding, contract.md's report fields in their order — `row` the Excel row a person sees,
 * `column` the template's canonical (simplified-Chinese) column name whatever the sheet's header
 * says, `cell` the A1 address on that row (or on the header row for a column the table lacks
 * altogether), `message` rendered in the check's language — and what the message says, as the
 * findings catalog's `key` with its `params`, so any front end can render it again in its
 * reader's language (`renderFinding`, rules/render.ts) without checking again.
 */
export interface Finding {
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  readonly cell: string;
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: string;
  readonly key: string;
  readonly params: FindingParams;
}

/** What a finding says, without where: enough to render its message and derive its fix hint. */
export type Said = Pick<Finding, "key" | "params">;

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
