import type { DayNumber } from "../cells/types";
import { parseIsoDate } from "../cells/civil";
import { createCalendar, parseClock, type CalendarOptions, type WorkCalendar, type WorkingHours } from "../calendar/calendar";
import type { Settings } from "./schema";

/** Values the engine needs in numeric form, derived from validated settings. */

/** `workingHours` as minutes after midnight. Settings are validated, so the clocks parse. */
export function workingHoursOf(s: Settings): WorkingHours {
  const start = parseClock(s.workingHours.start);
  const end = parseClock(s.workingHours.end);
  if (start === undefined || end === undefined)
    throw new Error(`settings: unvalidated working hours ${s.workingHours.start}–${s.workingHours.end}`);
  return { start, end };
}

function days(list: readonly string[]): DayNumber[] {
  const out: DayNumber[] = [];
  for (const text of list) {
    const d = parseIsoDate(text);
    if (d === undefined) throw new Error(`settings: unvalidated date ${text}`);
    out.push(d);
  }
  return out;
}

export function calendarOptionsOf(s: Settings): CalendarOptions {
  return { extraHolidays: days(s.holidays), extraWorkdays: days(s.workdays) };
}

/** The working-day calendar with the user's own holidays and make-up workdays. */
export function calendarOf(s: Settings): WorkCalendar {
  return createCalendar(calendarOptionsOf(s));
}
