import packageData from "chinese-days/dist/chinese-days.json";
import { buildChinaData, CHINA_DATA } from "../../../src/core/calendar/china-data";
import { createCalendar } from "../../../src/core/calendar/calendar";
import { isoDate, parseIsoDate, weekday } from "../../../src/core/cells/civil";

const table = (field: "holidays" | "workdays"): Record<string, string> =>
  (packageData as unknown as Record<string, Record<string, string>>)[field];

describe("CHINA_DATA from chinese-days.json", () => {
  it("covers every year from 2004 to at least 2026, without gaps", () => {
    const years = [...CHINA_DATA.coveredYears].sort((a, b) => a - b);
    expect(years[0]).toBe(2004);
    expect(years[years.length - 1]).toBeGreaterThanOrEqual(2026);
    years.forEach((y, i) => expect(y).toBe(2004 + i));
  });

  it("holds the whole 2026 arrangement (State Council notice)", () => {
    const holidays2026 = [...CHINA_DATA.holidays]
      .map(isoDate)
      .filter((x) => x.startsWith("2026"))
      .sort();
    expect(holidays2026).toEqual([
      "2026-01-01",
      "2026-01-02",
      "2026-01-03",
      "2026-02-15",
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-02-20",
      "2026-02-21",
      "2026-02-22",
      "2026-02-23",
      "2026-04-04",
      "2026-04-05",
      "2026-04-06",
      "2026-05-01",
      "2026-05-02",
      "2026-05-03",
      "2026-05-04",
      "2026-05-05",
      "2026-06-19",
      "2026-06-20",
      "2026-06-21",
      "2026-09-25",
      "2026-09-26",
      "2026-09-27",
      "2026-10-01",
      "2026-10-02",
      "2026-10-03",
      "2026-10-04",
      "2026-10-05",
      "2026-10-06",
      "2026-10-07",
    ]);
    const workdays2026 = [...CHINA_DATA.workdays]
      .map(isoDate)
      .filter((x) => x.startsWith("2026"))
      .sort();
    expect(workdays2026).toEqual(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]);
  });

  it("has as many entries as the JSON", () => {
    expect(CHINA_DATA.holidays.size).toBe(Object.keys(table("holidays")).length);
    expect(CHINA_DATA.workdays.size).toBe(Object.keys(table("workdays")).length);
  });

  it("every make-up workday in the JSON falls on a weekend", () => {
    for (const key of Object.keys(table("workdays"))) {
      const wd = weekday(parseIsoDate(key) as number);
      expect([key, wd === 0 || wd === 6]).toEqual([key, true]);
    }
  });
});

describe("the calendar agrees with the package's own data", () => {
  const cal = createCalendar();
  for (const year of [2008, 2015, 2019, 2020, 2023, 2024, 2025, 2026]) {
    it(`${year}: every holiday is a rest day, every workday entry a working day`, () => {
      const holidays = Object.keys(table("holidays")).filter((k) => k.startsWith(String(year)));
      const workdays = Object.keys(table("workdays")).filter((k) => k.startsWith(String(year)));
      expect(holidays.length).toBeGreaterThan(10);
      for (const k of holidays) expect([k, cal.isWorkday(parseIsoDate(k) as number)]).toEqual([k, false]);
      for (const k of workdays) expect([k, cal.isWorkday(parseIsoDate(k) as number)]).toEqual([k, true]);
    });
  }
  it("every other day of a covered year follows Monday–Friday", () => {
    const listed = new Set([...Object.keys(table("holidays")), ...Object.keys(table("workdays"))]);
    for (let day = parseIsoDate("2004-01-01") as number; day <= (parseIsoDate("2026-12-31") as number); day++) {
      if (listed.has(isoDate(day))) continue;
      const wd = weekday(day);
      if (cal.isWorkday(day) !== (wd >= 1 && wd <= 5)) throw new Error(`${isoDate(day)} is misclassified`);
    }
    expect(cal.provisionalYears()).toEqual([]);
  });
});

describe("buildChinaData coverage rule", () => {
  it("a year needs both 春节 and 国庆节 entries to be covered", () => {
    const data = buildChinaData({
      holidays: {
        "2030-01-01": "New Year's Day,元旦,1",
        "2030-02-03": "Spring Festival,春节,4",
        "2030-10-01": "National Day,国庆节,3",
        "2031-01-01": "New Year's Day,元旦,1",
        "2031-01-23": "Spring Festival,春节,4",
      },
      workdays: { "2030-02-09": "Spring Festival,春节,4" },
      inLieuDays: {},
    });
    expect([...data.coveredYears]).toEqual([2030]);
    expect([...data.holidays].map(isoDate)).toContain("2031-01-23");
    expect([...data.workdays].map(isoDate)).toEqual(["2030-02-09"]);
  });
  it("throws on a malformed data file (a broken install is not silently Monday–Friday)", () => {
    expect(() => buildChinaData({ workdays: {} })).toThrow(/holidays/);
    expect(() => buildChinaData({ holidays: { "2024-13-01": "x,春节,1" }, workdays: {} })).toThrow(/bad date/);
    expect(() => buildChinaData({ holidays: { "2024-10-01": "National Day,国庆节,3" }, workdays: { "2024-10-01": "x" } })).toThrow(/both/);
  });
});
