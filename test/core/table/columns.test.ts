import fc from "fast-check";
import { dayFromYmd, serialFromDay, ymdFromDay } from "../../../src/core/cells/civil";
import { cellReader } from "../../../src/core/cells/read";
import { excelDate, excelError, type RawCell } from "../../../src/core/cells/types";
import { createCalendar } from "../../../src/core/calendar/calendar";
import { validateTable } from "../../../src/core/rules/engine";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/schema";
import { readColumns, valueAt } from "../../../src/core/table/columns";
import { readTable, type TableRead } from "../../../src/core/table/read-table";
import { YearCache } from "../../../src/core/table/years";
import { TEMPLATES } from "../../../src/core/templates";
import type { FoundColumn } from "../../../src/app/port";

/**
 * readTable stores its values column by column and reads the common cells inline rather than
 * through the column's reader (read-table.ts, `fastPathOf`); these tests hold both to the
 * readers' results, and the rules to the same findings whichever way a read's columns were made.
 */

const cell: fc.Arbitrary<RawCell> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 6 }),
  fc.constantFrom(" 28 ", "２８", "1,234", "无", "  ", "\u200B甲", "2024-05-10", "05-10", "2024Q2", "已完成", "處理中", "√"),
  fc.double({ noNaN: false }),
  fc.integer({ min: -10, max: 120 }),
  fc.double({ min: 0, max: 40, noNaN: true }),
  fc.boolean(),
  fc.double({ min: -5, max: 3_000_000, noNaN: true }).map(excelDate),
  fc.integer({ min: 40_000, max: 46_000 }).map(excelDate),
  fc.constantFrom("#N/A", "#VALUE!").map(excelError),
);

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("%s", (_id, tpl) => {
  const columns: FoundColumn[] = tpl.columns.map((c, index) => ({ index, header: c.name, key: c.key }));

  it("values equal each column's reader, cell by cell (no partial dates here)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: columns.length, maxLength: columns.length }), { maxLength: 15 }), (body) => {
        const read = readTable(tpl, columns, body, { today: 20000, firstExcelRow: 2 });
        const store = readColumns(read, tpl.columns);
        expect(store.n).toBe(read.excelRows.length);
        read.excelRows.forEach((excelRow, r) => {
          const raw = body[excelRow - 2];
          tpl.columns.forEach((col, j) => {
            const want = cellReader(col)(raw[j]);
            const got = read.values[r][j];
            expect(valueAt(store, r, j)).toEqual(got);
            if (want.kind === "value") expect(got).toEqual(want.value);
            else if (want.kind !== "partial-date") expect(got).toBeNull();
          });
        });
      }),
      { numRuns: 60 },
    );
  });

  it("a copy of a read (columns rebuilt from values) gives the same findings", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: columns.length, maxLength: columns.length }), { maxLength: 15 }), (body) => {
        const read = readTable(tpl, columns, body, { today: 20000, firstExcelRow: 2 });
        const copy: TableRead = { ...read };
        const check = (r: TableRead) =>
          validateTable({
            tpl,
            read: r,
            table: { sheet: "表", headerRow: 1, firstColumn: 0, columns, missingRequired: [] },
            settings: DEFAULT_SETTINGS,
            today: 20000,
            now: 20000 * 1440 + 600,
            calendar: createCalendar(),
          });
        expect(check(copy)).toEqual(check(read));
      }),
      { numRuns: 40 },
    );
  });
});

describe("YearCache", () => {
  it("gives ymdFromDay's year for any day, in any order", () => {
    const years = new YearCache();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -30_000, max: 3_000_000 }), { maxLength: 50 }), (days) => {
        for (const day of days) expect(years.of(day)).toBe(ymdFromDay(day).year);
      }),
    );
  });

  it("is exact at year boundaries", () => {
    const years = new YearCache();
    for (const y of [1900, 1999, 2000, 2023, 2024, 2100]) {
      const first = dayFromYmd(y, 1, 1);
      expect(years.of(first - 1)).toBe(y - 1);
      expect(years.of(first)).toBe(y);
      expect(years.of(dayFromYmd(y, 12, 31))).toBe(y);
    }
  });
});

describe("readTable: year of dates written without one, counted over many rows", () => {
  it("takes the column's most common year, the later one on a tie", () => {
    const tpl = TEMPLATES.find((t) => t.id === "action-items")!;
    const columns: FoundColumn[] = tpl.columns.map((c, index) => ({ index, header: c.name, key: c.key }));
    const due = tpl.columns.findIndex((c) => c.key === "dueDate");
    const row = (dueCell: RawCell): RawCell[] => tpl.columns.map((c, j) => (j === due ? dueCell : c.key === "content" ? "事项" : null));
    const date = (y: number, m: number, d: number): RawCell => excelDate(serialFromDay(dayFromYmd(y, m, d)));
    // 2023 and 2024 alternate in runs; equal counts → 2024.
    const body: RawCell[][] = [];
    for (let i = 0; i < 600; i++) body.push(row(date(i % 200 < 100 ? 2023 : 2024, 1 + (i % 12), 1 + (i % 28))));
    body.push(row("5月22日"));
    const read = readTable(tpl, columns, body, { today: dayFromYmd(2026, 1, 1), firstExcelRow: 2 });
    expect(read.values[600][due]).toBe(dayFromYmd(2024, 5, 22));
    expect(read.issues).toEqual([{ row: 600, key: "dueDate", kind: "year-inferred", text: "5月22日", year: 2024 }]);
  });
});
