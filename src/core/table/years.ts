import { dayFromYmd, ymdFromDay } from "../cells/civil";
import type { DayNumber } from "../cells/types";

/**
 * The year of a day number, remembering the last year's first and last day: dates down a column
 * mostly fall in the same year or two, so nearly every call is two comparisons instead of a
 * `ymdFromDay` (a Date object) — year counting over 100,000 dates in readTable, working-day
 * counts in the rules.
 */
export class YearCache {
  private start = 0;
  private end = -1;
  private year = 0;

  of(day: DayNumber): number {
    if (day >= this.start && day <= this.end) return this.year;
    const year = ymdFromDay(day).year;
    this.year = year;
    this.start = dayFromYmd(year, 1, 1);
    this.end = dayFromYmd(year + 1, 1, 1) - 1;
    return year;
  }
}
