import { getTemplate } from "../templates";
import type { FoundTable } from "../layout/types";
import type { LiveMode } from "./mode";

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
