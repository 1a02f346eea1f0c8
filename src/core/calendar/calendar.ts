import type { DayNumber, MinuteNumber } from "../cells/types";
import { dayFromYmd, isoDate, weekday, ymdFromDay } from "../cells/civil";
import { LiaisonError } from "../errors";
import { CHINA_DATA, type ChinaHolidayData } from "./china-data";

/**
 * The working-day calendar of mainland China (contract "Counting time"): Monday–Friday, minus
 * statutory holidays, plus 调休 make-up workdays; the user's own entries override both. Pure
 * integer arithmetic on day numbers, so no result depends on the machine's time zone.
 *
 * Speed: the engine asks hundreds of thousands of times. Days from 1900 to 2199 are classified
 * once into a byte per day with a running count of working days beside it, so `isWorkday` is an
 * array read, `workdaysBetween` a subtraction and `addWorkdays` a binary search. Days outside
 * that range (never holiday data there) are answered by stepping day by day.
 */

export interface CalendarOptions {
  /** The user's own rest days; they override the holiday data and weekdays. */
  readonly extraHolidays?: readonly DayNumber[];
  /** The user's own working days; they override the holiday data and weekends. */
  readonly extraWorkdays?: readonly DayNumber[];
}

export interface WorkingHours {
  /** Minutes after midnight, inclusive (default 540 = 09:00). */
  readonly start: number;
  /** Minutes after midnight, exclusive (default 1080 = 18:00). */
  readonly end: number;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = Object.freeze({ start: 540, end: 1080 });

export interface WorkCalendar {
  isWorkday(day: DayNumber): boolean;
  /** Step n working days from day (day itself not counted); n < 0 steps backward; n = 0 returns day. */
  addWorkdays(day: DayNumber, n: number): DayNumber;
  /** Working days strictly after `from` up to and including `to` (negative if to < from). */
  workdaysBetween(from: DayNumber, to: DayNumber): number;
  /** Is the minute inside working hours: a working day and start <= time-of-day < end. */
  isWorkingTime(minute: MinuteNumber, hours: WorkingHours): boolean;
  /** Years looked up so far that the data does not cover (counted Monday–Friday), ascending. */
  provisionalYears(): readonly number[];
  /** Years looked up so far, ascending: years of the days whose classification decided a result. */
  yearsUsed(): readonly number[];
  covers(year: number): boolean;
}

const FIRST_YEAR = 1900;
const END_YEAR = 2200; // exclusive
const RANGE_START: DayNumber = dayFromYmd(FIRST_YEAR, 1, 1);
const RANGE_LENGTH = dayFromYmd(END_YEAR, 1, 1) - RANGE_START;

/** Classification of one day from the data alone: covered years use it, others Monday–Friday. */
function dataSaysWorkday(day: DayNumber, covered: boolean, data: ChinaHolidayData): boolean {
  if (covered) {
    if (data.holidays.has(day)) return false;
    if (data.workdays.has(day)) return true;
  }
  const wd = weekday(day);
  return wd !== 0 && wd !== 6;
}

interface Tables {
  /** Year − FIRST_YEAR of each day in the range. */
  readonly yearOffset: Uint16Array;
  /** 1 = working day. */
  readonly work: Uint8Array;
  /** cum[i] = working days among the first i days of the range. */
  readonly cum: Int32Array;
}

function runningCount(work: Uint8Array): Int32Array {
  const cum = new Int32Array(work.length + 1);
  for (let i = 0; i < work.length; i++) cum[i + 1] = cum[i] + work[i];
  return cum;
}

let sharedTables: Tables | undefined;

/** Tables for the package data without user entries, built once on first use and shared. */
function baseTables(): Tables {
  if (sharedTables) return sharedTables;
  const yearOffset = new Uint16Array(RANGE_LENGTH);
  const work = new Uint8Array(RANGE_LENGTH);
  for (let year = FIRST_YEAR; year < END_YEAR; year++) {
    const from = dayFromYmd(year, 1, 1);
    const to = dayFromYmd(year + 1, 1, 1);
    const covered = CHINA_DATA.coveredYears.has(year);
    for (let day = from; day < to; day++) {
      const i = day - RANGE_START;
      yearOffset[i] = year - FIRST_YEAR;
      work[i] = dataSaysWorkday(day, covered, CHINA_DATA) ? 1 : 0;
    }
  }
  sharedTables = { yearOffset, work, cum: runningCount(work) };
  return sharedTables;
}

function checkDay(day: number, what: string): void {
  // A fractional or non-finite day is a bug in the caller, not user input.
  if (!Number.isInteger(day)) throw new RangeError(`calendar: ${what} must be an integer, got ${day}`);
}

function toDaySet(days: readonly DayNumber[] | undefined, what: string): Set<DayNumber> {
  const set = new Set<DayNumber>();
  for (const d of days ?? []) {
    checkDay(d, what);
    set.add(d);
  }
  return set;
}

/** `540` → `"09:00"`; anything that is not a whole minute of the day is shown as given. */
export function formatClock(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440) return String(minutes);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h < 10 ? "0" : ""}${h}:${m < 10 ? "0" : ""}${m}`;
}

/**
 * `"09:00"` → 540. Accepts `H:MM` or `HH:MM` (full-width digits and `：` too, as typed with a
 * Chinese input method) from 00:00 to 24:00, the latter meaning end of day. Undefined otherwise.
 */
export function parseClock(text: string): number | undefined {
  const normalised = text
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace("：", ":");
  const m = /^(\d{1,2}):(\d{2})$/.exec(normalised);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return undefined;
  return h * 60 + min;
}

function checkHours(hours: WorkingHours): void {
  const { start, end } = hours;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > 1440 || start >= end) {
    throw new LiaisonError("invalidWorkingHours", { start: formatClock(start), end: formatClock(end) });
  }
}

export function createCalendar(options: CalendarOptions = {}): WorkCalendar {
  const extraHolidays = toDaySet(options.extraHolidays, "extraHolidays");
  const extraWorkdays = toDaySet(options.extraWorkdays, "extraWorkdays");
  const conflicts = [...extraHolidays].filter((d) => extraWorkdays.has(d)).sort((a, b) => a - b);
  if (conflicts.length > 0) throw new LiaisonError("calendarConflict", { date: conflicts.map(isoDate).join(", ") });

  const data = CHINA_DATA;
  const base = baseTables();
  let tables = base;
  const overridesInRange = [...extraHolidays, ...extraWorkdays].some((d) => d >= RANGE_START && d - RANGE_START < RANGE_LENGTH);
  if (overridesInRange) {
    const work = base.work.slice();
    for (const d of extraHolidays) if (d >= RANGE_START && d - RANGE_START < RANGE_LENGTH) work[d - RANGE_START] = 0;
    for (const d of extraWorkdays) if (d >= RANGE_START && d - RANGE_START < RANGE_LENGTH) work[d - RANGE_START] = 1;
    tables = { yearOffset: base.yearOffset, work, cum: runningCount(work) };
  }
  const { yearOffset, work, cum } = tables;

  // Years whose days decided a result: a byte per in-range year for the hot path, a set for all.
  const seenInRange = new Uint8Array(END_YEAR - FIRST_YEAR);
  const used = new Set<number>();

  const inRange = (day: DayNumber): boolean => day >= RANGE_START && day - RANGE_START < RANGE_LENGTH;
  const yearOf = (day: DayNumber): number => (inRange(day) ? FIRST_YEAR + yearOffset[day - RANGE_START] : ymdFromDay(day).year);

  const noteYear = (year: number): void => {
    if (year >= FIRST_YEAR && year < END_YEAR) {
      if (seenInRange[year - FIRST_YEAR] === 1) return;
      seenInRange[year - FIRST_YEAR] = 1;
    }
    used.add(year);
  };
  /** Notes every year from the year of `first` to the year of `last` (first <= last). */
  const noteDays = (first: DayNumber, last: DayNumber): void => {
    const to = yearOf(last);
    for (let y = yearOf(first); y <= to; y++) noteYear(y);
  };

  /** Outside the table range: the user's entries, else the data rule for that year. */
  const slowIsWorkday = (day: DayNumber): boolean => {
    if (extraWorkdays.has(day)) return true;
    if (extraHolidays.has(day)) return false;
    return dataSaysWorkday(day, data.coveredYears.has(yearOf(day)), data);
  };

  const isWorkday = (day: DayNumber): boolean => {
    checkDay(day, "day");
    const i = day - RANGE_START;
    if (i >= 0 && i < RANGE_LENGTH) {
      const y = yearOffset[i];
      if (seenInRange[y] === 0) noteYear(FIRST_YEAR + y);
      return work[i] === 1;
    }
    noteYear(yearOf(day));
    return slowIsWorkday(day);
  };

  /** Day index (in the range) of the w-th working day of the range (1-based), by binary search on cum. */
  const nthWorkdayIndex = (w: number): number => {
    let lo = 1;
    let hi = RANGE_LENGTH;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid] >= w) hi = mid;
      else lo = mid + 1;
    }
    return lo - 1;
  };

  /** Day-by-day stepping, for answers that leave the table range. Linear in |n|. */
  const stepDays = (day: DayNumber, n: number): DayNumber => {
    const dir = n > 0 ? 1 : -1;
    let left = Math.abs(n);
    let d = day;
    while (left > 0) {
      d += dir;
      if (isWorkday(d)) left--;
    }
    return d;
  };

  const addWorkdays = (day: DayNumber, n: number): DayNumber => {
    checkDay(day, "day");
    if (!Number.isInteger(n)) throw new RangeError(`calendar: the number of working days must be an integer, got ${n}`);
    if (n === 0) return day;
    if (inRange(day)) {
      const i = day - RANGE_START;
      // Forward: the (working days up to and including day) + n -th; backward: counted before day.
      const w = n > 0 ? cum[i + 1] + n : cum[i] + n + 1;
      if (w >= 1 && w <= cum[RANGE_LENGTH]) {
        const result = RANGE_START + nthWorkdayIndex(w);
        if (n > 0) noteDays(day + 1, result);
        else noteDays(result, day - 1);
        return result;
      }
    }
    return stepDays(day, n);
  };

  const workdaysBetween = (from: DayNumber, to: DayNumber): number => {
    checkDay(from, "from");
    checkDay(to, "to");
    if (from === to) return 0;
    const lo = Math.min(from, to);
    const hi = Math.max(from, to);
    let count = 0;
    if (inRange(lo) && inRange(hi)) {
      count = cum[hi - RANGE_START + 1] - cum[lo - RANGE_START + 1];
      noteDays(lo + 1, hi);
    } else {
      for (let d = lo + 1; d <= hi; d++) if (isWorkday(d)) count++;
    }
    return to > from ? count : -count;
  };

  const isWorkingTime = (minute: MinuteNumber, hours: WorkingHours): boolean => {
    checkDay(minute, "minute");
    checkHours(hours);
    const day = Math.floor(minute / 1440);
    const timeOfDay = minute - day * 1440;
    return isWorkday(day) && timeOfDay >= hours.start && timeOfDay < hours.end;
  };

  const covers = (year: number): boolean => data.coveredYears.has(year);
  const yearsUsed = (): readonly number[] => [...used].sort((a, b) => a - b);

  return {
    isWorkday,
    addWorkdays,
    workdaysBetween,
    isWorkingTime,
    provisionalYears: () => yearsUsed().filter((y) => !covers(y)),
    yearsUsed,
    covers,
  };
}
