import type { RuleId, Severity } from "./spec";

/**
 * One finding, exactly the shape of contract.md's report: keys in this order, `row` the Excel row
 * a person sees, `column` the template's canonical (simplified-Chinese) column name whatever the
 * sheet's header says, `cell` the A1 address on that row (or on the header row for a column the
 * table lacks altogether).
 */
export interface Finding {
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  readonly cell: string;
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: string;
}

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
