/**
 * Which tables are re-checked as they are edited:
 *  - `liaison` (default): the Excel tables Liaison made — inserted from a template or structured
 *    from a range, which name them after the template (`SupplierEvaluation`, `SupplierEvaluation2`);
 *  - `all`: every recognised table, plain ranges and a person's own Excel tables too;
 *  - `off`: none (a person checks with the Check button only).
 * A user preference of the add-in, not a workbook setting: it changes when checks run, never
 * what they find, so it does not travel with the file.
 */
export const LIVE_MODES = ["liaison", "all", "off"] as const;
export type LiveMode = (typeof LIVE_MODES)[number];
export const DEFAULT_LIVE_MODE: LiveMode = "liaison";

export function isLiveMode(value: unknown): value is LiveMode {
  return typeof value === "string" && (LIVE_MODES as readonly string[]).includes(value);
}
