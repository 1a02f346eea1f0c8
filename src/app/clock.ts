import { isoDate, isoDateTime } from "../core/cells/civil";
import type { DayNumber, MinuteNumber } from "../core/cells/types";
import { resolveClock, type Clock } from "../core/check";
import type { Settings } from "../core/settings";

/** A run's fixed clock, when a person gave one (CLI `--today` / `--now`). */
export interface ClockOverride {
  readonly today?: DayNumber;
  readonly now?: MinuteNumber;
}

/**
 * "Today" and "now" of a run, the same for every front end: what the person gave wins over the
 * workbook's settings (`today`/`now` keys), which win over `instant` (the host's clock, read by
 * the caller — the one place a real clock enters a run). The rules themselves are core's
 * `resolveClock`.
 */
export function clockOf(settings: Settings, instant: Date, override: ClockOverride = {}): Clock {
  return resolveClock({
    ...(override.today !== undefined ? { today: isoDate(override.today) } : {}),
    ...(override.now !== undefined ? { now: isoDateTime(override.now) } : {}),
    settings,
    instant,
  });
}
