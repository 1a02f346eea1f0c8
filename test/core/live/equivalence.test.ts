import fc from "fast-check";
import { createCalendar } from "../../../src/core/calendar/calendar";
import { excelDate, type RawCell } from "../../../src/core/cells/types";
import { groupColumns, recheckTable, rowsToRecheck, mergeFindings, recheck } from "../../../src/core/live";
import { validateTable } from "../../../src/core/rules";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/schema";
import { readTable } from "../../../src/core/table/read-table";
import { TEMPLATES } from "../../../src/core/templates";
import type { ColumnDef, TemplateDef } from "../../../src/core/templates/types";
import type { FoundColumn, FoundTable } from "../../../src/app/port";

/**
 * The key property of live validation: after any edits, re-checking only the rows `recheckTable`
 * picks and merging their findings into the old ones gives exactly the findings of a full check
 * of the edited table — for every template, including the cross-row groups (unique 订单号,
 * min-count 报价 per 采购需求, consecutive 供应商).
 */

const calendar = createCalendar({});
const settings = { ...DEFAULT_SETTINGS, minQuotes: 2 };
const TODAY = 45_420 - 25_569; // 2024-05-07 as a day number (Excel serial 45420)

/** Few distinct values per column, so that keys collide and groups form and break up. */
function cellArb(col: ColumnDef): fc.Arbitrary<RawCell> {
  const common: fc.Arbitrary<RawCell>[] = [fc.constant(null), fc.constantFrom("无", "x", " ")];
  switch (col.type) {
    case "number":
    case "integer":
      return fc.oneof(fc.integer({ min: 60, max: 100 }), fc.constantFrom(10, 20, 15, 79.5, "八十"), ...common);
    case "date":
      // Dates without a year take the column's most common year: edits elsewhere change them.
      return fc.oneof(
        fc.integer({ min: 45_380, max: 45_460 }).map(excelDate),
        fc.constantFrom("2024-05-10", "2023-05-10", "05-20", "5月22日", "2024-05-06"),
        ...common,
      );
    case "datetime":
      return fc.oneof(
        fc.double({ min: 45_400, max: 45_430, noNaN: true }).map(excelDate),
        fc.constantFrom("2024-05-10 14:30", "2024-05-06 09:00", "05-07 18:30"),
        ...common,
      );
    case "quarter":
      return fc.oneof(fc.constantFrom("2023Q3", "2023Q4", "2024Q1", "2024Q2", "2024Q3", "2024年第2季度"), ...common);
    case "enum":
    case "multi-enum":
      return fc.oneof(fc.constantFrom(...(col.options ?? ["?"])), ...common);
    default:
      return fc.oneof(fc.constantFrom("甲", "乙", "丙", "A-001", "A-002", "采购需求1", "采购需求2", "138 0000 0000"), ...common);
  }
}

const rowArb = (tpl: TemplateDef): fc.Arbitrary<RawCell[]> => fc.tuple(...tpl.columns.map(cellArb));

function scenario(tpl: TemplateDef) {
  const n = tpl.columns.length;
  return fc.record({
    rows: fc.array(rowArb(tpl), { minLength: 0, maxLength: 14 }),
    edits: fc.array(
      fc.record({
        row: fc.nat({ max: 16 }),
        col: fc.nat({ max: n - 1 }),
        // Either a value drawn like the others, or a whole row blanked / rewritten.
        kind: fc.constantFrom("cell", "cell", "cell", "blank", "row"),
        seed: fc.nat({ max: 1_000_000 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    values: fc.array(fc.tuple(...tpl.columns.map(cellArb)), { minLength: 4, maxLength: 4 }),
    minuteOfDay: fc.integer({ min: 0, max: 1439 }),
  });
}

function found(tpl: TemplateDef, rows: number): FoundTable {
  const columns: FoundColumn[] = tpl.columns.map((c, index) => ({ index, header: c.name, key: c.key }));
  return {
    sheet: tpl.name,
    templateId: tpl.id,
    kind: "table",
    tableName: tpl.tableName,
    headerRow: 3,
    firstColumn: 1,
    rows,
    address: "B3",
    columns,
    missingRequired: [],
  };
}

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("%s", (_id, tpl) => {
  it("random edits: incremental re-check = full re-check", () => {
    fc.assert(
      fc.property(scenario(tpl), ({ rows, edits, values, minuteOfDay }) => {
        const now = TODAY * 1440 + minuteOfDay;
        const base = { tpl, settings, today: TODAY, now, calendar, lang: "zh-CN" as const };
        const tableBefore = found(tpl, rows.length);
        const before = readTable(tpl, tableBefore.columns, rows, { today: TODAY, firstExcelRow: 4 });
        const previous = validateTable({ ...base, read: before, table: tableBefore });

        const body = rows.map((r) => [...r]);
        const changed = new Set<number>();
        edits.forEach((e, k) => {
          while (body.length <= e.row) body.push(tpl.columns.map(() => null));
          const source = values[k % values.length];
          if (e.kind === "blank") body[e.row] = tpl.columns.map(() => null);
          else if (e.kind === "row") body[e.row] = [...source];
          else body[e.row][e.col] = source[(e.col + e.seed) % source.length];
          changed.add(4 + e.row);
        });
        const table = found(tpl, body.length);
        const after = readTable(tpl, table.columns, body, { today: TODAY, firstExcelRow: 4 });
        const full = validateTable({ ...base, read: after, table });

        const result = recheckTable({ ...base, table, tableBefore, before, after, previous, changedRows: changed });
        expect(result.findings).toEqual(full);
        // Every row whose findings differ from before was re-checked (so its marks get updated).
        const rechecked = new Set(result.rows);
        const key = (f: (typeof full)[number]) => JSON.stringify(f);
        const old = new Set(previous.map(key));
        const fresh = new Set(full.map(key));
        for (const f of full) if (!old.has(key(f))) expect(rechecked.has(f.row)).toBe(true);
        for (const f of previous) if (!fresh.has(key(f))) expect(rechecked.has(f.row)).toBe(true);
      }),
      // More runs where groups form (unique / min-count / consecutive): their failures need collisions.
      { numRuns: groupColumns(tpl).length > 0 ? 600 : 100 },
    );
  });
});

describe("rowsToRecheck", () => {
  const tpl = TEMPLATES.find((t) => t.id === "purchase-orders") as TemplateDef;
  const j = tpl.columns.findIndex((c) => c.key === "orderNo");
  const row = (orderNo: string): RawCell[] => tpl.columns.map((_, i) => (i === j ? orderNo : "x"));
  const columns: FoundColumn[] = tpl.columns.map((c, index) => ({ index, header: c.name, key: c.key }));
  const read = (rows: RawCell[][]) => readTable(tpl, columns, rows, { today: TODAY, firstExcelRow: 2 });

  it("a key changed from A to B re-checks both groups, before and after", () => {
    const before = read([row("A"), row("B"), row("A"), row("C"), row("B")]);
    const after = read([row("A"), row("B"), row("B"), row("C"), row("B")]); // row 4: A → B
    expect(rowsToRecheck(tpl, before, after, [4])).toEqual([2, 3, 4, 6]);
  });

  it("finds rows the host did not report when their read changed", () => {
    const before = read([row("A"), row("B")]);
    const after = read([row("A"), row("C")]);
    expect(rowsToRecheck(tpl, before, after, [])).toEqual([3]);
  });

  it("never checked: every row", () => {
    expect(rowsToRecheck(tpl, undefined, read([row("A"), row("B")]), [])).toEqual([2, 3]);
  });

  it("recheck + mergeFindings replace exactly the rows' findings", () => {
    const table = { ...found(tpl, 3), headerRow: 1 };
    const base = { tpl, settings, today: TODAY, now: TODAY * 1440, calendar, table };
    const all = validateTable({ ...base, read: read([row("A"), row("A"), row("A")]) });
    expect(all.filter((f) => f.rule === "unique").map((f) => f.row)).toEqual([3, 4]);
    const after = read([row("A"), row("Z"), row("A")]);
    const part = recheck({ ...base, read: after }, rowsToRecheck(tpl, read([row("A"), row("A"), row("A")]), after, [3]));
    expect(part.rows).toEqual([2, 3, 4]);
    const merged = mergeFindings(all, part.findings, new Set(part.rows), table.sheet);
    expect(merged).toEqual(validateTable({ ...base, read: after }));
    expect(merged.filter((f) => f.rule === "unique").map((f) => f.row)).toEqual([4]);
  });
});

describe("consecutive: a supplier's other periods", () => {
  it("a new below-threshold period of 乙 re-checks 乙's earlier rows too", () => {
    const tpl = TEMPLATES.find((t) => t.id === "supplier-evaluation") as TemplateDef;
    const row = (name: string, period: string, score: number): RawCell[] =>
      tpl.columns.map((c) => (c.key === "supplierName" ? name : c.key === "period" ? period : c.key === "total" ? score : null));
    const tableBefore = found(tpl, 2);
    const base = { tpl, settings, today: TODAY, now: TODAY * 1440, calendar, lang: "zh-CN" as const };
    const before = readTable(tpl, tableBefore.columns, [row("乙", "2024Q1", 60), row("甲", "2024Q1", 90)], {
      today: TODAY,
      firstExcelRow: 4,
    });
    const previous = validateTable({ ...base, read: before, table: tableBefore });
    const body = [row("乙", "2024Q1", 60), row("乙", "2024Q2", 60)];
    const table = found(tpl, 2);
    const after = readTable(tpl, table.columns, body, { today: TODAY, firstExcelRow: 4 });
    const result = recheckTable({ ...base, table, tableBefore, before, after, previous, changedRows: [5] });
    expect(result.full).toBe(false);
    expect(result.rows).toEqual([4, 5]);
    expect(result.findings).toEqual(validateTable({ ...base, read: after, table }));
    expect(result.findings.filter((f) => f.rule === "consecutive").map((f) => f.row)).toEqual([5]);
  });
});
