import type { DayNumber, MinuteNumber } from "./types";

/**
 * Civil-date arithmetic on integers. Date.UTC is used only as a calendar algorithm (never a local
 * Date), so results are the same under any TZ.
 */

const MS_PER_DAY = 86_400_000;
/** Excel serial of 1970-01-01 (1900 date system). */
export const EXCEL_EPOCH_OFFSET = 25_569;
/** Asia/Shanghai has been UTC+8 without daylight saving since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function dayFromYmd(year: number, month: number, day: number): DayNumber {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** True when y-m-d names a real calendar date (rejects 2024-02-30). */
export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 9999) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function ymdFromDay(day: DayNumber): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD`. */
export function isoDate(day: DayNumber): string {
  const { year, month, day: d } = ymdFromDay(day);
  return `${year}-${pad2(month)}-${pad2(d)}`;
}

/** `YYYY-MM-DD HH:mm`. */
export function isoDateTime(minute: MinuteNumber): string {
  const day = Math.floor(minute / 1440);
  const m = minute - day * 1440;
  return `${isoDate(day)} ${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;
}

/** Parses `YYYY-MM-DD` strictly; undefined when malformed or not a real date. */
export function parseIsoDate(text: string): DayNumber | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? dayFromYmd(y, mo, d) : undefined;
}

/** Parses `YYYY-MM-DD HH:mm` (or `T` between); undefined when malformed. */
export function parseIsoDateTime(text: string): MinuteNumber | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const day = parseIsoDate(m[1]);
  const h = Number(m[2]);
  const min = Number(m[3]);
  if (day === undefined || h > 23 || min > 59) return undefined;
  return day * 1440 + h * 60 + min;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function dayFromSerial(serial: number): DayNumber {
  return Math.floor(serial + 1e-9) - EXCEL_EPOCH_OFFSET;
}

/** Rounds to the nearest minute: Excel stores times as binary fractions of a day. */
export function minuteFromSerial(serial: number): MinuteNumber {
  return Math.round(serial * 1440) - EXCEL_EPOCH_OFFSET * 1440;
}

export function serialFromDay(day: DayNumber): number {
  return day + EXCEL_EPOCH_OFFSET;
}

export function serialFromMinute(minute: MinuteNumber): number {
  return minute / 1440 + EXCEL_EPOCH_OFFSET;
}

/** The Shanghai calendar day of an instant. */
export function shanghaiDay(instant: Date): DayNumber {
  return Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / MS_PER_DAY);
}

/** The Shanghai wall-clock minute of an instant. */
export function shanghaiMinute(instant: Date): MinuteNumber {
  return Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / 60_000);
}
