import { ymdFromDay } from "../cells/civil";
import type { DayNumber, MinuteNumber } from "../cells/types";
import type { Lang } from "../i18n";

/**
 * Dates as letters write them: `2024年7月5日` (no leading zeros, as Chinese official documents
 * set 成文日期) and `5 July 2024` in English. A time of day follows the date: `2024年9月20日 14:30`.
 * Sheets and registers keep ISO dates (`2024-07-05`); only the documents' text uses these.
 */

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function docDate(day: DayNumber, lang: Lang): string {
  const { year, month, day: d } = ymdFromDay(day);
  return lang === "en-US" ? `${d} ${MONTHS[month - 1]} ${year}` : `${year}年${month}月${d}日`;
}

/** A date-time; a bare date (00:00, as a date cell reads) shows as the date alone. */
export function docDateTime(minute: MinuteNumber, lang: Lang): string {
  const day = Math.floor(minute / 1440);
  const m = minute - day * 1440;
  if (m === 0) return docDate(day, lang);
  const hh = String(Math.floor(m / 60)).padStart(2, "0");
  const mm = String(m % 60).padStart(2, "0");
  return `${docDate(day, lang)} ${hh}:${mm}`;
}
