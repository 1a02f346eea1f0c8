import { getTemplate } from "../templates";
import type { FoundTable } from "../../workbook/port";

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

/** True for an Excel table named as Liaison names the tables it makes: the template's table name, optionally numbered. */
export function madeByLiaison(table: FoundTable): boolean {
  if (table.kind !== "table" || table.tableName === undefined) return false;
  const base = getTemplate(table.templateId).tableName.toLowerCase();
  const name = table.tableName.toLowerCase();
  return name === base || (name.startsWith(base) && /^[0-9]+$/.test(name.slice(base.length)));
}

export function isLiveTable(table: FoundTable, mode: LiveMode): boolean {
  return mode === "all" || (mode === "liaison" && madeByLiaison(table));
}
