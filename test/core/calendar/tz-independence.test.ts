import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildSync } from "esbuild";
import type * as CalendarModule from "../../../src/core/calendar/calendar";

/**
 * The calendar must not depend on the machine's time zone. Three independent checks:
 * 1. whole years compared with a list computed here by pure integer arithmetic (no Date at all)
 *    from the State Council notices;
 * 2. no local-time Date method is called, directly or through a dependency, while the modules load
 *    and answer;
 * 3. the same bundled program run under several TZ values prints identical results.
 */

// ---- 1. Pure-arithmetic snapshot ---------------------------------------------------------------

/** Days since 1970-01-01 (H. Hinnant's days_from_civil), integers only. */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
/** 0 = Sunday (Sakamoto). */
function dayOfWeek(y: number, m: number, d: number): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const yy = m < 3 ? y - 1 : y;
  return (yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) + t[m - 1] + d) % 7;
}
const monthLength = (y: number, m: number): number =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
const key = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/** Spans `M-D..M-D` of rest days and make-up workdays, as published for each year. */
const NOTICES: Record<number, { rest: string[]; work: string[] }> = {
  2024: {
    rest: ["1-1..1-1", "2-10..2-17", "4-4..4-6", "5-1..5-5", "6-10..6-10", "9-15..9-17", "10-1..10-7"],
    work: ["2-4", "2-18", "4-7", "4-28", "5-11", "9-14", "9-29", "10-12"],
  },
  2025: {
    rest: ["1-1..1-1", "1-28..2-4", "4-4..4-6", "5-1..5-5", "5-31..6-2", "10-1..10-8"],
    work: ["1-26", "2-8", "4-27", "9-28", "10-11"],
  },
};

function expectedWorkdays(year: number): Map<number, boolean> {
  const notice = NOTICES[year];
  const rest = new Set<string>();
  for (const span of notice.rest) {
    const [a, b] = span.split("..").map((s) => s.split("-").map(Number));
    for (let m = a[0], d = a[1]; m < b[0] || (m === b[0] && d <= b[1]);) {
      rest.add(key(year, m, d));
      if (++d > monthLength(year, m)) [m, d] = [m + 1, 1];
    }
  }
  const work = new Set(notice.work.map((s) => key(year, ...(s.split("-").map(Number) as [number, number]))));
  const out = new Map<number, boolean>();
  for (let m = 1; m <= 12; m++) {
    for (let d = 1; d <= monthLength(year, m); d++) {
      const k = key(year, m, d);
      const wd = dayOfWeek(year, m, d);
      out.set(dayNumber(year, m, d), work.has(k) || (!rest.has(k) && wd >= 1 && wd <= 5));
    }
  }
  return out;
}

describe("whole years against a list computed without Date", () => {
  const { createCalendar } = jest.requireActual<typeof CalendarModule>("../../../src/core/calendar/calendar");
  it.each([2024, 2025])("%d", (year) => {
    const cal = createCalendar();
    const expected = expectedWorkdays(year);
    const actual = new Map([...expected.keys()].map((day) => [day, cal.isWorkday(day)]));
    expect(actual).toEqual(expected);
  });
  it("2024 has 251 working days and 2025 has 248 in that list", () => {
    const count = (y: number) => [...expectedWorkdays(y).values()].filter(Boolean).length;
    expect([count(2024), count(2025)]).toEqual([251, 248]);
  });
});

// ---- 2. No local-time Date methods -------------------------------------------------------------

const LOCAL_METHODS = [
  "getFullYear",
  "getMonth",
  "getDate",
  "getDay",
  "getHours",
  "getMinutes",
  "getSeconds",
  "getTimezoneOffset",
  "setFullYear",
  "setMonth",
  "setDate",
  "setHours",
  "setMinutes",
  "toString",
  "toDateString",
  "toTimeString",
  "toLocaleString",
  "toLocaleDateString",
  "toLocaleTimeString",
] as const;

describe("no local-time Date method is used", () => {
  it("while loading the data, building the tables and answering", () => {
    const spies = LOCAL_METHODS.map((name) => jest.spyOn(Date.prototype, name));
    const nowSpy = jest.spyOn(Date, "now");
    const parseSpy = jest.spyOn(Date, "parse");
    try {
      let results: unknown[] = [];
      jest.isolateModules(() => {
        // Fresh copies, so that loading the JSON and building the tables happen under the spies.
        const { createCalendar, DEFAULT_WORKING_HOURS } = jest.requireActual<typeof CalendarModule>("../../../src/core/calendar/calendar");
        const cal = createCalendar({ extraHolidays: [dayNumber(2024, 6, 12)], extraWorkdays: [dayNumber(2099, 10, 3)] });
        results = [
          cal.isWorkday(dayNumber(2024, 9, 29)),
          cal.addWorkdays(dayNumber(2024, 9, 30), 1),
          cal.addWorkdays(dayNumber(2250, 1, 4), -7),
          cal.workdaysBetween(dayNumber(2023, 12, 31), dayNumber(2099, 12, 31)),
          cal.isWorkingTime(dayNumber(2024, 5, 11) * 1440 + 600, DEFAULT_WORKING_HOURS),
          cal.provisionalYears(),
        ];
      });
      expect(results[0]).toBe(true);
      expect(results[1]).toBe(dayNumber(2024, 10, 8));
      for (const spy of [...spies, nowSpy, parseSpy]) expect([spy.getMockName(), spy.mock.calls.length]).toEqual([spy.getMockName(), 0]);
    } finally {
      for (const spy of [...spies, nowSpy, parseSpy]) spy.mockRestore();
    }
  });
});

// ---- 3. Same program, several time zones -------------------------------------------------------

const PROGRAM = `
import { createCalendar, DEFAULT_WORKING_HOURS } from ${JSON.stringify(resolve(__dirname, "../../../src/core/calendar/calendar"))};
const cal = createCalendar({ extraHolidays: [19888], extraWorkdays: [19890] });
const out = { work: [] as number[], add: [] as number[], between: [] as number[], hours: [] as boolean[] };
for (let day = 19_000; day < 21_000; day++) {
  if (cal.isWorkday(day)) out.work.push(day);
  out.add.push(cal.addWorkdays(day, (day % 23) - 11));
  out.between.push(cal.workdaysBetween(day, day + (day % 41) - 20));
  out.hours.push(cal.isWorkingTime(day * 1440 + (day % 96) * 15, DEFAULT_WORKING_HOURS));
}
console.log(JSON.stringify({ out, provisional: cal.provisionalYears(), used: cal.yearsUsed() }));
`;

describe("identical results under different TZ values", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "liaison-calendar-"));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("America/Los_Angeles, Asia/Shanghai, UTC, Pacific/Kiritimati and Pacific/Pago_Pago agree", () => {
    // Bundling with esbuild also proves that esbuild resolves the package's JSON subpath.
    const outfile = join(dir, "program.cjs");
    buildSync({
      stdin: { contents: PROGRAM, loader: "ts", resolveDir: resolve(__dirname, "../../..") },
      bundle: true,
      platform: "node",
      format: "cjs",
      outfile,
      logLevel: "silent",
    });
    const outputs = ["America/Los_Angeles", "Asia/Shanghai", "UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago"].map((tz) => {
      const run = spawnSync(process.execPath, [outfile], { env: { ...process.env, TZ: tz }, encoding: "utf8" });
      expect([tz, run.status, run.stderr]).toEqual([tz, 0, ""]);
      return run.stdout;
    });
    const parsed = JSON.parse(outputs[0]) as { out: { work: number[] }; provisional: number[] };
    expect(parsed.out.work.length).toBeGreaterThan(1000);
    expect(parsed.provisional).toEqual([2027]);
    for (const o of outputs.slice(1)) expect(o).toBe(outputs[0]);
  });
});
