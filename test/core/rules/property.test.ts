import fc from "fast-check";
import { TEMPLATES } from "../../../src/core/templates";
import type { TemplateDef } from "../../../src/core/templates/types";
import { excelDate, excelError, type RawCell } from "../../../src/core/cells/types";
import { readTable } from "../../../src/core/table/read-table";
import { validateTable } from "../../../src/core/rules/engine";
import { RULE_IDS } from "../../../src/core/rules/spec";
import { findingSchema } from "../../../src/core/report/schema";
import { reportFinding } from "../../../src/core/report/build";
import { renderFinding } from "../../../src/core/rules/render";
import { RULE_SET } from "../../../src/core/rules/registry";
import { createCalendar } from "../../../src/core/calendar/calendar";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/schema";
import { parseRange } from "../../../src/core/a1";
import type { FoundColumn } from "../../../src/app/port";

/** Whatever people type, the engine never throws and every finding is well formed (contract.md). */

const text = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "无",
    "-",
    "—",
    "/",
    "待定",
    "N/A",
    "八十",
    "约30",
    "２８",
    "2024-05-10",
    "05-10",
    "5月22日前",
    "2024年5月10日 14:30",
    "2024Q2",
    "2023年第四季度",
    "√",
    "×",
    "部分完成",
    "已完成",
    "不合格",
    "面談",
    "  ",
    '=HYPERLINK("x")',
    "/市场部/138",
  ),
  fc.constant("长".repeat(10_000)),
  fc
    .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 16).replace("T", " ")),
);
const cell: fc.Arbitrary<RawCell> = fc.oneof(
  fc.constant(null),
  text,
  fc.double({ noNaN: false }),
  fc.integer({ min: -10, max: 120 }),
  fc.boolean(),
  fc.double({ min: 1, max: 80_000, noNaN: true }).map(excelDate),
  fc.constantFrom("#N/A", "#VALUE!", "#REF!", "#DIV/0!").map(excelError),
);

function tableArb(tpl: TemplateDef) {
  const keys = tpl.columns.map((c) => c.key);
  return fc.record({
    keys: fc.shuffledSubarray(keys, { minLength: 1 }),
    extraColumn: fc.boolean(),
    headerRow: fc.integer({ min: 1, max: 10 }),
    firstColumn: fc.integer({ min: 0, max: 30 }),
    rows: fc.array(fc.array(cell, { minLength: keys.length + 1, maxLength: keys.length + 1 }), { maxLength: 12 }),
    today: fc.integer({ min: 7000, max: 24000 }),
    minuteOfDay: fc.integer({ min: 0, max: 1439 }),
    lang: fc.constantFrom("zh-CN" as const, "en-US" as const),
  });
}

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("%s", (_id, tpl) => {
  const names = new Set(tpl.columns.map((c) => c.name));
  it("random rows: no throw, every finding well formed", () => {
    fc.assert(
      fc.property(tableArb(tpl), (t) => {
        const columns: FoundColumn[] = t.keys.map((key, index) => ({ index, header: key, key }));
        if (t.extraColumn) columns.push({ index: t.keys.length, header: "备注2" });
        const body = t.rows.map((r) => r.slice(0, columns.length));
        const read = readTable(tpl, columns, body, { today: t.today, firstExcelRow: t.headerRow + 1 });
        const missingRequired = tpl.columns.filter((c) => c.required && !t.keys.includes(c.key)).map((c) => c.name);
        const findings = validateTable({
          tpl,
          read,
          table: { sheet: "表", headerRow: t.headerRow, firstColumn: t.firstColumn, columns, missingRequired },
          settings: DEFAULT_SETTINGS,
          today: t.today,
          now: t.today * 1440 + t.minuteOfDay,
          calendar: createCalendar(),
          lang: t.lang,
        });
        const lastRow = t.headerRow + body.length;
        const seen = new Set<string>();
        let previous = -1;
        for (const f of findings) {
          expect(findingSchema.safeParse(reportFinding(f)).error).toBeUndefined();
          // The message is what the one renderer makes of the finding's key and params.
          expect(renderFinding(f, t.lang)).toBe(f.message);
          expect(RULE_IDS).toContain(f.rule);
          expect(names.has(f.column)).toBe(true);
          const where = parseRange(f.cell);
          expect(where?.top).toBe(f.row);
          if (f.row === t.headerRow) {
            // Only missing required columns are reported on the header row: once, at the table's first cell.
            expect(f.rule).toBe("required");
            expect(missingRequired).toContain(f.column);
            expect(where!.left).toBe(t.firstColumn);
          } else {
            expect(f.row).toBeGreaterThan(t.headerRow);
            expect(f.row).toBeLessThanOrEqual(lastRow);
            expect(where!.left).toBeGreaterThanOrEqual(t.firstColumn);
            expect(where!.left).toBeLessThan(t.firstColumn + columns.length);
          }
          expect(f.row).toBeGreaterThanOrEqual(previous);
          previous = f.row;
          const key = `${f.cell} ${f.rule}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
          expect(f.message.length).toBeLessThan(400);
        }
        expect(findings.filter((f) => f.rule === "calendar").length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 80 },
    );
  });
});

describe("message dates", () => {
  it("the engine's remembered date-time text equals isoDateTime", async () => {
    const { TableContext } = await import("../../../src/core/rules/context");
    const { isoDateTime, isoDate } = await import("../../../src/core/cells/civil");
    const tpl = TEMPLATES[0];
    const read = readTable(tpl, [], [], { today: 19000, firstExcelRow: 2 });
    const ctx = new TableContext(
      tpl,
      read,
      { sheet: "s", headerRow: 1, firstColumn: 0, columns: [], missingRequired: [] },
      DEFAULT_SETTINGS,
      19000,
      0,
      createCalendar(),
      { start: 540, end: 1080 },
      "zh-CN",
      RULE_SET,
    );
    fc.assert(
      fc.property(fc.integer({ min: -40_000_000, max: 60_000_000 }), (m) => {
        expect(ctx.isoMinute(m)).toBe(isoDateTime(m));
        expect(ctx.isoDay(Math.floor(m / 1440))).toBe(isoDate(Math.floor(m / 1440)));
      }),
    );
  });
});
