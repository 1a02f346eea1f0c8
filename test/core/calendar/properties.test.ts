import fc from "fast-check";
import packageData from "chinese-days/dist/chinese-days.json";
import { createCalendar } from "../../../src/core/calendar/calendar";
import { dayFromYmd, isoDate, weekday } from "../../../src/core/cells/civil";

/**
 * The fast paths (precomputed tables, running counts, binary search) checked against a naive
 * reference that reads the package JSON by ISO key and steps one day at a time.
 */
const raw = packageData as unknown as Record<string, Record<string, string>>;
const coveredYears = new Set(Object.keys(raw.holidays).map((k) => Number(k.slice(0, 4))));

function referenceIsWorkday(day: number): boolean {
  const key = isoDate(day);
  if (coveredYears.has(Number(key.slice(0, 4)))) {
    if (key in raw.holidays) return false;
    if (key in raw.workdays) return true;
  }
  const wd = weekday(day);
  return wd >= 1 && wd <= 5;
}
function referenceAdd(day: number, n: number): number {
  let d = day;
  for (let left = Math.abs(n); left > 0;) {
    d += Math.sign(n);
    if (referenceIsWorkday(d)) left--;
  }
  return d;
}
function referenceBetween(from: number, to: number): number {
  let count = 0;
  for (let d = Math.min(from, to) + 1; d <= Math.max(from, to); d++) if (referenceIsWorkday(d)) count++;
  return to >= from ? count : -count;
}

// 2000–2030 around the data, plus the edges of the precomputed range (1900, 2199/2200).
const anyDay = fc.oneof(
  fc.integer({ min: dayFromYmd(2000, 1, 1), max: dayFromYmd(2030, 12, 31) }),
  fc.integer({ min: dayFromYmd(1899, 11, 1), max: dayFromYmd(1900, 3, 1) }),
  fc.integer({ min: dayFromYmd(2199, 10, 1), max: dayFromYmd(2200, 3, 1) }),
);
const steps = fc.integer({ min: -60, max: 60 });

describe("calendar fast paths equal the naive reference", () => {
  const cal = createCalendar();
  it("isWorkday", () => {
    fc.assert(
      fc.property(anyDay, (day) => cal.isWorkday(day) === referenceIsWorkday(day)),
      { numRuns: 5000 },
    );
  });
  it("addWorkdays", () => {
    fc.assert(
      fc.property(anyDay, steps, (day, n) => cal.addWorkdays(day, n) === referenceAdd(day, n)),
      { numRuns: 3000 },
    );
  });
  it("workdaysBetween", () => {
    fc.assert(
      fc.property(
        anyDay,
        fc.integer({ min: -400, max: 400 }),
        (from, span) => cal.workdaysBetween(from, from + span) === referenceBetween(from, from + span),
      ),
      { numRuns: 2000 },
    );
  });
  it("addWorkdays and workdaysBetween agree, and a nonzero step lands on a working day", () => {
    fc.assert(
      fc.property(anyDay, steps, (day, n) => {
        const to = cal.addWorkdays(day, n);
        // Forward counts (day, to]; backward counts [to, day), which is (to − 1, day − 1].
        const counted = n >= 0 ? cal.workdaysBetween(day, to) : -cal.workdaysBetween(to - 1, day - 1);
        return counted === n && (n === 0 || cal.isWorkday(to));
      }),
      { numRuns: 3000 },
    );
  });
  it("with user entries, equal to the reference with the same overrides", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: dayFromYmd(2024, 9, 1), max: dayFromYmd(2024, 11, 30) }), { maxLength: 20 }),
        fc.integer({ min: dayFromYmd(2024, 8, 1), max: dayFromYmd(2024, 12, 31) }),
        steps,
        (marked, day, n) => {
          const holidays = marked.filter((_, i) => i % 2 === 0);
          const workdays = marked.filter((_, i) => i % 2 === 1);
          const mine = createCalendar({ extraHolidays: holidays, extraWorkdays: workdays });
          const ref = (d: number) => (workdays.includes(d) ? true : holidays.includes(d) ? false : referenceIsWorkday(d));
          let expected = day;
          for (let left = Math.abs(n); left > 0;) {
            expected += Math.sign(n);
            if (ref(expected)) left--;
          }
          return mine.addWorkdays(day, n) === expected;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("speed", () => {
  it("answers a million addWorkdays calls quickly (no per-call setup, no quadratic stepping)", () => {
    const cal = createCalendar();
    const start = dayFromYmd(2020, 1, 1);
    const began = performance.now();
    let sink = 0;
    for (let i = 0; i < 1_000_000; i++) sink += cal.addWorkdays(start + (i % 2500), (i % 31) - 15);
    const elapsed = performance.now() - began;
    expect(sink).not.toBe(0);
    // ~0.1 s bundled, under 1 s through Jest's transform; the bound is generous so that a loaded machine does not fail it.
    expect(elapsed).toBeLessThan(3000);
  });
});
