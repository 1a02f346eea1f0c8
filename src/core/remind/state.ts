import { z } from "zod";
import { isoDate, parseIsoDate } from "../cells/civil";
import type { DayNumber } from "../cells/types";
import { REMIND_LEVELS, type RemindChannel, type RemindItem } from "./types";

/**
 * What `--state` remembers: for each channel and item, the level it was last sent at and the day.
 * An item is sent when it was never sent on that channel, or its level changed since (due soon →
 * overdue → escalation): a second run the same day sends nothing new, the next day's run sends
 * what changed. Only items whose send succeeded are recorded, so a failed send is tried again.
 * Entries older than KEEP_DAYS are dropped; an item that disappears (done) simply stops matching.
 */

export const STATE_VERSION = 1;
/** How long a sent item is remembered after it was last sent (calendar days). */
export const KEEP_DAYS = 60;

const entrySchema = z.strictObject({
  level: z.enum(REMIND_LEVELS),
  day: z.string().refine((s) => parseIsoDate(s) !== undefined, { message: "YYYY-MM-DD" }),
});

export const remindStateSchema = z.strictObject({
  version: z.literal(STATE_VERSION),
  sent: z.record(z.string(), entrySchema),
});

export type RemindState = z.infer<typeof remindStateSchema>;

export const emptyState = (): RemindState => ({ version: STATE_VERSION, sent: {} });

/**
 * The key of an item on a channel: where it is and what it says, not its row number alone (rows
 * move when people insert rows), and its due date (a postponed item is a new reminder).
 */
export function itemKey(channel: RemindChannel, item: RemindItem): string {
  return [channel, item.file, item.sheet, item.template, item.owner, item.item, item.due].join("\u241f");
}

/** Items not yet sent on `channel` at their current level. */
export function pendingItems(state: RemindState, channel: RemindChannel, items: readonly RemindItem[]): RemindItem[] {
  return items.filter((item) => state.sent[itemKey(channel, item)]?.level !== item.level);
}

/** The state after `items` were sent on `channel` today; old entries dropped. Does not change `state`. */
export function recordSent(state: RemindState, channel: RemindChannel, items: readonly RemindItem[], today: DayNumber): RemindState {
  const sent: Record<string, RemindState["sent"][string]> = {};
  for (const [key, entry] of Object.entries(state.sent)) {
    const day = parseIsoDate(entry.day);
    if (day !== undefined && today - day <= KEEP_DAYS) sent[key] = entry;
  }
  for (const item of items) sent[itemKey(channel, item)] = { level: item.level, day: isoDate(today) };
  return { version: STATE_VERSION, sent };
}

/** Parses a state file's text; a message for people when it is not one. */
export function parseState(text: string): { state: RemindState } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { problem: e instanceof Error ? e.message : String(e) };
  }
  const r = remindStateSchema.safeParse(json);
  if (!r.success) return { problem: r.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ") };
  return { state: r.data };
}
