import type { RegisterEntry } from "../../core/documents";

/** How many register lines the 文书 tab shows. */
export const REGISTER_SHOWN = 10;

/** The last `n` entries of the register (it is appended to in order), newest first. */
export function recentEntries(entries: readonly RegisterEntry[], n = REGISTER_SHOWN): RegisterEntry[] {
  return entries.slice(Math.max(0, entries.length - n)).reverse();
}
