import { createCalendar, DEFAULT_WORKING_HOURS, type WorkCalendar } from "../../../src/core/calendar/calendar";
import { isoDate, parseIsoDate, parseIsoDateTime, weekday } from "../../../src/core/cells/civil";
import { LiaisonError } from "../../../src/core/errors";

const d = (text: string): number => {
  const day = parseIsoDate(text);
  if (day === undefined) throw new Error(`bad test date ${text}`);
  return day;
};
const t = (text: string): number => {
  const minute = parseIsoDateTime(text);
  if (minute === undefined) throw new Error(`bad test date-time ${text}`);
  return minute;
};
const days = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let x = d(from); x <= d(to); x++) out.push(isoDate(x));
  return out;
};

let cal: WorkCalendar;
beforeEach(() => {
  cal = createCalendar();
});

describe("isWorkday", () => {
  it("counts an ordinary week Monday–Friday", () => {
    // 2024-06-03 is a Monday with no holiday that week.
    expect(days("2024-06-03", "2024-06-09").map((x) => cal.isWorkday(d(x)))).toEqual([true, true, true, true, true, false, false]);
  });

  it("2024 National Day: 10-01..07 rest, Sunday 09-29 and Saturday 10-12 are make-up workdays", () => {
    for (const x of days("2024-10-01", "2024-10-07")) expect([x, cal.isWorkday(d(x))]).toEqual([x, false]);
    expect(weekday(d("2024-09-29"))).toBe(0);
    expect(weekday(d("2024-10-12"))).toBe(6);
    expect(cal.isWorkday(d("2024-09-29"))).toBe(true);
    expect(cal.isWorkday(d("2024-10-12"))).toBe(true);
    expect(cal.isWorkday(d("2024-09-28"))).toBe(false); // an ordinary Saturday
    expect(cal.isWorkday(d("2024-10-13"))).toBe(false); // an ordinary Sunday
    expect(cal.isWorkday(d("2024-10-08"))).toBe(true);
  });

  it("2024 Labour Day: 05-01..05 rest, Sunday 04-28 and Saturday 05-11 are make-up workdays", () => {
    for (const x of days("2024-05-01", "2024-05-05")) expect([x, cal.isWorkday(d(x))]).toEqual([x, false]);
    expect(cal.isWorkday(d("2024-04-28"))).toBe(true);
    expect(cal.isWorkday(d("2024-05-11"))).toBe(true);
    expect(cal.isWorkday(d("2024-04-30"))).toBe(true);
    expect(cal.isWorkday(d("2024-05-06"))).toBe(true);
  });

  it("2024 Spring Festival: 02-10..17 rest, Sundays 02-04 and 02-18 workdays, 除夕 Friday 02-09 a workday", () => {
    for (const x of days("2024-02-10", "2024-02-17")) expect([x, cal.isWorkday(d(x))]).toEqual([x, false]);
    expect(cal.isWorkday(d("2024-02-04"))).toBe(true);
    expect(cal.isWorkday(d("2024-02-18"))).toBe(true);
    expect(cal.isWorkday(d("2024-02-09"))).toBe(true);
    expect(cal.isWorkday(d("2024-02-03"))).toBe(false);
  });

  it("rejects a fractional day number (a caller bug)", () => {
    expect(() => cal.isWorkday(19_000.5)).toThrow(RangeError);
    expect(() => cal.isWorkday(Number.NaN)).toThrow(RangeError);
  });
});

describe("addWorkdays (X + N 工作日)", () => {
  it("Friday 2024-10-11 + 1 = Saturday 2024-10-12 (make-up workday)", () => {
    expect(isoDate(cal.addWorkdays(d("2024-10-11"), 1))).toBe("2024-10-12");
  });
  it("Sunday 2024-09-29 + 1 = Monday 2024-09-30", () => {
    expect(isoDate(cal.addWorkdays(d("2024-09-29"), 1))).toBe("2024-09-30");
  });
  it("2024-09-30 + 1 = 2024-10-08 (across National Day)", () => {
    expect(isoDate(cal.addWorkdays(d("2024-09-30"), 1))).toBe("2024-10-08");
  });
  it("starting on a rest day does not count that day", () => {
    expect(isoDate(cal.addWorkdays(d("2024-10-03"), 1))).toBe("2024-10-08");
    expect(isoDate(cal.addWorkdays(d("2024-10-03"), 2))).toBe("2024-10-09");
    expect(isoDate(cal.addWorkdays(d("2024-06-08"), 1))).toBe("2024-06-11"); // Sat; Mon 06-10 is 端午
  });
  it("n = 0 returns the day itself, even a rest day", () => {
    expect(isoDate(cal.addWorkdays(d("2024-10-03"), 0))).toBe("2024-10-03");
  });
  it("steps backward across a holiday (X − N 工作日)", () => {
    expect(isoDate(cal.addWorkdays(d("2024-10-08"), -1))).toBe("2024-09-30");
    expect(isoDate(cal.addWorkdays(d("2024-10-08"), -2))).toBe("2024-09-29");
    expect(isoDate(cal.addWorkdays(d("2024-10-08"), -3))).toBe("2024-09-27");
    expect(isoDate(cal.addWorkdays(d("2024-05-06"), -2))).toBe("2024-04-29");
    expect(isoDate(cal.addWorkdays(d("2024-05-06"), -3))).toBe("2024-04-28");
    expect(isoDate(cal.addWorkdays(d("2024-10-05"), -1))).toBe("2024-09-30");
  });
  it("15 working days (default 整改期限) from 2024-09-20", () => {
    // 09-23..27 (5), 09-29, 09-30 (7), 10-08..12 (12), 10-14..16 (15).
    expect(isoDate(cal.addWorkdays(d("2024-09-20"), 15))).toBe("2024-10-16");
  });
  it("crosses year ends, including from 2024 into 2025 New Year", () => {
    expect(isoDate(cal.addWorkdays(d("2024-12-31"), 1))).toBe("2025-01-02");
    expect(isoDate(cal.addWorkdays(d("2025-01-02"), -1))).toBe("2024-12-31");
  });
  it("rejects a fractional n (a caller bug)", () => {
    expect(() => cal.addWorkdays(d("2024-10-08"), 1.5)).toThrow(RangeError);
  });
});

describe("workdaysBetween", () => {
  it("counts days strictly after from, up to and including to", () => {
    expect(cal.workdaysBetween(d("2024-09-30"), d("2024-10-08"))).toBe(1);
    expect(cal.workdaysBetween(d("2024-09-27"), d("2024-10-12"))).toBe(7);
    expect(cal.workdaysBetween(d("2024-10-01"), d("2024-10-07"))).toBe(0);
    expect(cal.workdaysBetween(d("2024-10-08"), d("2024-10-08"))).toBe(0);
  });
  it("is negative when to is before from", () => {
    expect(cal.workdaysBetween(d("2024-10-12"), d("2024-09-27"))).toBe(-7);
  });
  it("2024 had 251 working days", () => {
    expect(cal.workdaysBetween(d("2023-12-31"), d("2024-12-31"))).toBe(251);
  });
});

describe("isWorkingTime (customer response window)", () => {
  it("Saturday 2024-05-11 10:00 is inside working hours (make-up workday)", () => {
    expect(cal.isWorkingTime(t("2024-05-11 10:00"), DEFAULT_WORKING_HOURS)).toBe(true);
  });
  it("2024-05-01 10:00 (Labour Day) and an ordinary Sunday are not", () => {
    expect(cal.isWorkingTime(t("2024-05-01 10:00"), DEFAULT_WORKING_HOURS)).toBe(false);
    expect(cal.isWorkingTime(t("2024-05-12 10:00"), DEFAULT_WORKING_HOURS)).toBe(false);
  });
  it("edges: 08:59 out, 09:00 in, 17:59 in, 18:00 out", () => {
    const at = (hm: string) => cal.isWorkingTime(t(`2024-05-10 ${hm}`), DEFAULT_WORKING_HOURS);
    expect([at("08:59"), at("09:00"), at("17:59"), at("18:00"), at("00:00"), at("23:59")]).toEqual([
      false,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
  it("uses the hours given", () => {
    const hours = { start: 8 * 60 + 30, end: 17 * 60 + 30 };
    expect(cal.isWorkingTime(t("2024-05-10 08:30"), hours)).toBe(true);
    expect(cal.isWorkingTime(t("2024-05-10 17:30"), hours)).toBe(false);
    expect(cal.isWorkingTime(t("2024-05-10 23:59"), { start: 0, end: 1440 })).toBe(true);
  });
  it("rejects impossible working hours with a LiaisonError", () => {
    for (const hours of [
      { start: 1080, end: 540 },
      { start: 540, end: 540 },
      { start: -1, end: 540 },
      { start: 540, end: 1441 },
      { start: 540.5, end: 1080 },
    ]) {
      expect(() => cal.isWorkingTime(t("2024-05-10 10:00"), hours)).toThrow(LiaisonError);
    }
    try {
      cal.isWorkingTime(t("2024-05-10 10:00"), { start: 1080, end: 540 });
    } catch (e) {
      expect((e as LiaisonError).key).toBe("invalidWorkingHours");
      expect((e as LiaisonError).describe("en-US")).toContain("18:00–09:00");
    }
  });
  it("DEFAULT_WORKING_HOURS is 09:00–18:00 and frozen", () => {
    expect(DEFAULT_WORKING_HOURS).toEqual({ start: 540, end: 1080 });
    expect(Object.isFrozen(DEFAULT_WORKING_HOURS)).toBe(true);
  });
});

describe("years outside the data", () => {
  it("2099 is provisional and counted Monday–Friday", () => {
    expect(cal.covers(2099)).toBe(false);
    expect(cal.provisionalYears()).toEqual([]);
    // 2099-10-01 is a Thursday: a working day when no holiday data applies.
    expect(weekday(d("2099-10-01"))).toBe(4);
    expect(cal.isWorkday(d("2099-10-01"))).toBe(true);
    expect(cal.isWorkday(d("2099-10-03"))).toBe(false); // Saturday
    expect(cal.isWorkday(d("2099-01-01"))).toBe(true); // Thursday, no New Year data
    let weekdays = 0;
    for (let x = d("2099-01-01"); x <= d("2099-12-31"); x++) if (weekday(x) >= 1 && weekday(x) <= 5) weekdays++;
    expect(cal.workdaysBetween(d("2098-12-31"), d("2099-12-31"))).toBe(weekdays);
    expect(cal.provisionalYears()).toEqual([2099]);
    expect(cal.yearsUsed()).toEqual([2099]);
  });
  it("years before the data (2003) are provisional too", () => {
    cal.isWorkday(d("2003-10-01"));
    expect(cal.provisionalYears()).toEqual([2003]);
  });
  it("covered years are used but not provisional", () => {
    cal.isWorkday(d("2024-10-01"));
    cal.isWorkday(d("2026-10-01"));
    expect(cal.yearsUsed()).toEqual([2024, 2026]);
    expect(cal.provisionalYears()).toEqual([]);
    expect(cal.covers(2024)).toBe(true);
  });
  it("a step that crosses into an uncovered year records it", () => {
    const result = cal.addWorkdays(d("2026-12-30"), 3);
    expect(isoDate(result)).toBe("2027-01-04"); // 12-31 (1), 2027-01-01 Fri (2, Mon–Fri), 01-04 Mon (3)
    expect(cal.yearsUsed()).toEqual([2026, 2027]);
    expect(cal.provisionalYears()).toEqual([2027]);
  });
  it("records only the years whose days decided the answer", () => {
    cal.addWorkdays(d("2024-06-03"), 0);
    cal.workdaysBetween(d("2025-03-03"), d("2025-03-03"));
    expect(cal.yearsUsed()).toEqual([]);
    cal.workdaysBetween(d("2024-12-31"), d("2025-01-02"));
    expect(cal.yearsUsed()).toEqual([2025]);
    // Back from 2024-01-02 over New Year's Day lands in 2023: both years decided the answer.
    expect(isoDate(cal.addWorkdays(d("2024-01-02"), -1))).toBe("2023-12-29");
    expect(cal.yearsUsed()).toEqual([2023, 2024, 2025]);
  });
  it("each calendar keeps its own record", () => {
    cal.isWorkday(d("2099-01-01"));
    expect(createCalendar().yearsUsed()).toEqual([]);
  });
  it("works far outside the precomputed range (before 1900, after 2199)", () => {
    // 2250-01-04 is a Friday; -25_569 is Saturday 1899-12-30 (parseIsoDate starts at 1900).
    expect(weekday(d("2250-01-04"))).toBe(5);
    expect(isoDate(cal.addWorkdays(d("2250-01-04"), 1))).toBe("2250-01-07");
    expect(isoDate(cal.addWorkdays(d("2250-01-07"), -1))).toBe("2250-01-04");
    expect(isoDate(-25_569)).toBe("1899-12-30");
    expect(isoDate(cal.addWorkdays(-25_569, 1))).toBe("1900-01-01");
    expect(isoDate(cal.addWorkdays(d("1900-01-01"), -1))).toBe("1899-12-29");
    expect(cal.workdaysBetween(d("2199-12-25"), d("2200-01-08"))).toBe(10);
    expect(cal.provisionalYears()).toEqual([1899, 1900, 2199, 2200, 2250]);
  });
});

describe("the user's own holidays and workdays", () => {
  it("override weekdays, weekends and the data", () => {
    const mine = createCalendar({
      extraHolidays: [d("2024-06-12"), d("2024-09-29")], // a Wednesday; a make-up Sunday
      extraWorkdays: [d("2024-06-15"), d("2024-10-02")], // a Saturday; a National Day holiday
    });
    expect(mine.isWorkday(d("2024-06-12"))).toBe(false);
    expect(mine.isWorkday(d("2024-09-29"))).toBe(false);
    expect(mine.isWorkday(d("2024-06-15"))).toBe(true);
    expect(mine.isWorkday(d("2024-10-02"))).toBe(true);
    expect(isoDate(mine.addWorkdays(d("2024-06-11"), 1))).toBe("2024-06-13");
    expect(isoDate(mine.addWorkdays(d("2024-06-14"), 1))).toBe("2024-06-15");
    expect(isoDate(mine.addWorkdays(d("2024-09-27"), 1))).toBe("2024-09-30");
    expect(isoDate(mine.addWorkdays(d("2024-09-30"), 1))).toBe("2024-10-02");
    expect(mine.workdaysBetween(d("2024-09-27"), d("2024-10-08"))).toBe(3);
    expect(mine.isWorkingTime(t("2024-10-02 10:00"), DEFAULT_WORKING_HOURS)).toBe(true);
    // The shared tables are not changed for other calendars.
    expect(cal.isWorkday(d("2024-06-12"))).toBe(true);
    expect(cal.isWorkday(d("2024-10-02"))).toBe(false);
  });
  it("override in provisional years and outside the precomputed range", () => {
    const mine = createCalendar({ extraHolidays: [d("2099-10-01"), d("2250-01-07")], extraWorkdays: [d("2099-10-03")] });
    expect(mine.isWorkday(d("2099-10-01"))).toBe(false);
    expect(mine.isWorkday(d("2099-10-03"))).toBe(true);
    expect(isoDate(mine.addWorkdays(d("2250-01-04"), 1))).toBe("2250-01-08");
  });
  it("a day listed as both is refused with a LiaisonError", () => {
    expect(() => createCalendar({ extraHolidays: [d("2024-06-12")], extraWorkdays: [d("2024-06-12")] })).toThrow(LiaisonError);
    try {
      createCalendar({ extraHolidays: [d("2024-06-12")], extraWorkdays: [d("2024-06-12")] });
    } catch (e) {
      expect((e as LiaisonError).key).toBe("calendarConflict");
      expect((e as LiaisonError).message).toContain("2024-06-12");
    }
  });
  it("a fractional day in the user's list is a caller bug", () => {
    expect(() => createCalendar({ extraHolidays: [1.5] })).toThrow(RangeError);
  });
});
