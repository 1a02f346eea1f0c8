import type { DayNumber } from "../cells/types";
import { parseIsoDate } from "../cells/civil";
// A static import so that every bundler (webpack for the add-in, esbuild for the CLI) and Jest
// include the data. The package has no `exports` map, so the subpath resolves as a plain file.
// We read only the data: the package's date functions use local-time Dates and answer wrongly
// west of UTC (under America/Los_Angeles they call the make-up workday 2024-09-29 a rest day).
import packageData from "chinese-days/dist/chinese-days.json";

/**
 * Mainland-China statutory holidays and 调休 make-up workdays, as day numbers.
 *
 * Coverage rule: a year is covered when the data holds holiday entries dated in that year for
 * both 春节 and 国庆节. The State Council publishes each year's arrangement in one notice that
 * always lists both (they are the first and last long holidays of the year), so a year with only
 * some entries (a half-updated data file) is not covered and is counted Monday–Friday.
 * Caveat: a notice may also set days at the very end of the previous year (e.g. 2018-12-29 was a
 * make-up workday for New Year 2019), so the last days of the latest covered year can still
 * change when next year's notice is published.
 */
export interface ChinaHolidayData {
  /** Statutory rest days (including those falling on weekends). */
  readonly holidays: ReadonlySet<DayNumber>;
  /** 调休 make-up workdays (weekend days that are working days). */
  readonly workdays: ReadonlySet<DayNumber>;
  readonly coveredYears: ReadonlySet<number>;
}

/** Shape of `chinese-days.json`: `{ holidays: {"YYYY-MM-DD": "English,中文,n"}, workdays, inLieuDays }`. */
type DayTable = Readonly<Record<string, string>>;

const REQUIRED_FESTIVALS = ["春节", "国庆节"] as const;

function dayTable(raw: unknown, field: string): DayTable {
  const value = (raw as Record<string, unknown> | null)?.[field];
  if (typeof value !== "object" || value === null) {
    throw new Error(`chinese-days data: "${field}" is missing or not an object`);
  }
  return value as DayTable;
}

function parseKey(key: string, field: string): DayNumber {
  const day = parseIsoDate(key);
  if (day === undefined) throw new Error(`chinese-days data: bad date "${key}" in "${field}"`);
  return day;
}

/** Builds the day sets from data shaped like the package's JSON; throws on malformed data (a broken install). */
export function buildChinaData(raw: unknown): ChinaHolidayData {
  const holidayTable = dayTable(raw, "holidays");
  const workdayTable = dayTable(raw, "workdays");
  const holidays = new Set<DayNumber>();
  const festivalsByYear = new Map<number, Set<string>>();
  for (const [key, label] of Object.entries(holidayTable)) {
    holidays.add(parseKey(key, "holidays"));
    const year = Number(key.slice(0, 4));
    const chineseName = String(label).split(",")[1]?.trim() ?? "";
    let names = festivalsByYear.get(year);
    if (!names) festivalsByYear.set(year, (names = new Set()));
    names.add(chineseName);
  }
  const workdays = new Set<DayNumber>();
  for (const key of Object.keys(workdayTable)) {
    const day = parseKey(key, "workdays");
    if (holidays.has(day)) throw new Error(`chinese-days data: ${key} is both a holiday and a workday`);
    workdays.add(day);
  }
  const coveredYears = new Set<number>();
  for (const [year, names] of festivalsByYear) {
    if (REQUIRED_FESTIVALS.every((n) => names.has(n))) coveredYears.add(year);
  }
  return { holidays, workdays, coveredYears };
}

/** The data shipped with the installed `chinese-days` package. */
export const CHINA_DATA: ChinaHolidayData = buildChinaData(packageData);
