import type { Severity } from "../rules/spec";

/** A cell to mark, one per (cell, severity); the message is shown where the host can show it. */
export interface Mark {
  readonly sheet: string;
  /** One cell, `B2` (or `Sheet!B2` naming the mark's own sheet). */
  readonly cell: string;
  readonly severity: Severity;
  readonly message: string;
}

/**
 * Every conditional format the add-in adds carries this text inside its formula
 * (`=N("liaison-mark:error")=0`, always TRUE), which is how both adapters find their own marks
 * again — across sessions, without a registry — and never touch a user's conditional format.
 */
export const MARK_SIGNATURE = "liaison-mark";
export const markFormula = (severity: Mark["severity"]): string => `=N("${MARK_SIGNATURE}:${severity}")=0`;

/** Fill and font of a mark per severity (Excel's own "bad / neutral / note" palette). */
export const MARK_STYLE: Readonly<Record<Mark["severity"], { readonly fill: string; readonly font: string }>> = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
  info: { fill: "#DDEBF7", font: "#1F4E78" },
};
