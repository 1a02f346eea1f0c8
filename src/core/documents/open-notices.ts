import { parseIsoDate } from "../cells/civil";
import type { DayNumber } from "../cells/types";
import { REGISTER_DONE_STATUSES, type RegisterEntry, type RegisterStatus } from "./model";

/**
 * The 整改 loop as the 文书 tab shows it: registered notices whose 状态 is not yet done (已整改 or
 * 已复核 — contract "Counting time"), earliest 整改期限 first, each saying whether the deadline has
 * passed (D ≥ 1, as the `overdue` rule counts). The check reports the same notices as findings.
 */
export interface OpenNotice {
  readonly entry: RegisterEntry;
  readonly overdue: boolean;
}

export function openNotices(entries: readonly RegisterEntry[], today: DayNumber): OpenNotice[] {
  const done = new Set<string>(REGISTER_DONE_STATUSES satisfies readonly RegisterStatus[]);
  return entries
    .filter((e) => e.kind === "notice" && !done.has(e.status.trim()))
    .map((entry) => {
      const due = parseIsoDate(entry.dueDate);
      return { entry, due, overdue: due !== undefined && today - due >= 1 };
    })
    .sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity))
    .map(({ entry, overdue }) => ({ entry, overdue }));
}
