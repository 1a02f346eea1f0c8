import fc from "fast-check";
import type { Rect } from "../../../src/core/a1";
import { parseIsoDate } from "../../../src/core/cells/civil";
import type { RawCell } from "../../../src/core/cells/types";
import { checkTables } from "../../../src/core/check";
import { tableData } from "../../../src/core/layout/body";
import { locateTables } from "../../../src/core/layout/locate";
import { gridFromRows, type SheetSnapshot } from "../../../src/core/layout/snapshot";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/schema";

/**
 * contract.md "Table layout", as a property: titles above a table, blank rows between its rows,
 * a totals row, a note and a signature line under it change no finding of its data rows (each
 * finding moves with its row, nothing else is found).
 */

const HEADER = ["序号", "事项内容", "负责人", "截止日期", "状态", "完成日期"];
const today = parseIsoDate("2024-07-10") as number;

const dataRow = fc.tuple(
  fc.constantFrom("发报价", "订会议室", "写纪要", "回访客户", ""),
  fc.constantFrom("王五", "赵六", "", "钱七"),
  fc.constantFrom("2024-07-05", "2024-07-11", "2024-07-09", "5月3日", "明天", ""),
  fc.constantFrom("未开始", "进行中", "已完成", "搁置", ""),
  fc.constantFrom("2024-07-01", "", "2024-07-20", "2024-07-08"),
);

interface Decoration {
  readonly titles: number;
  readonly mergeTitle: boolean;
  /** Blank rows inserted before each data row. */
  readonly blanks: readonly number[];
  readonly total: boolean;
  readonly note: boolean;
  readonly signature: "one-cell" | "label-and-name" | "none";
}

function sheetOf(rows: ReadonlyMap<number, RawCell[]>, merges: Rect[] = []): SheetSnapshot {
  return { name: "待办", grid: gridFromRows(rows), tables: [], merges };
}

function check(sheet: SheetSnapshot): string[] {
  const tables = locateTables([sheet]).map((t) => tableData(sheet, t));
  const report = checkTables({ file: "x.xlsx", sheets: [sheet.name], tables, settings: DEFAULT_SETTINGS, today, now: today * 1440 + 600 });
  return report.findings.map((f) => `${f.cell}|${f.rule}|${f.column}|${f.message}`);
}

/** The plain table (header on row 1, data from row 2) and, for each of its rows, its row in the decorated sheet. */
function build(
  data: readonly (readonly string[])[],
  d: Decoration,
): { plain: SheetSnapshot; decorated: SheetSnapshot; rowOf: Map<number, number> } {
  const plainRows = new Map<number, RawCell[]>();
  plainRows.set(1, HEADER);
  data.forEach((row, i) => plainRows.set(2 + i, [i + 1, ...row]));

  const rows = new Map<number, RawCell[]>();
  const merges: Rect[] = [];
  const rowOf = new Map<number, number>();
  let r = 1;
  for (let t = 0; t < d.titles; t++) {
    rows.set(r, [t === 0 ? "2024年7月待办事项跟踪表" : `单位:项目部 第${t}页`]);
    if (d.mergeTitle) merges.push({ top: r, bottom: r, left: 0, right: HEADER.length - 1 });
    r++;
  }
  rows.set(r, HEADER);
  rowOf.set(1, r);
  r++;
  data.forEach((row, i) => {
    r += d.blanks[i] ?? 0;
    rows.set(r, [i + 1, ...row]);
    rowOf.set(2 + i, r);
    r++;
  });
  if (d.total) rows.set(r++, ["合计", `${data.length}项`]);
  if (d.note) rows.set(r++, ["注：状态请填写 未开始、进行中 或 已完成"]);
  if (d.signature === "one-cell") rows.set(r++, ["制表人: 王五  审核: 李经理"]);
  if (d.signature === "label-and-name") rows.set(r++, ["制表:", "王五", null, "审核:", "李经理"]);
  return { plain: sheetOf(plainRows), decorated: sheetOf(rows, merges), rowOf };
}

/** A finding's cell moved from its row in the plain sheet to its row in the decorated one. */
function moved(finding: string, rowOf: ReadonlyMap<number, number>): string {
  const [cell, ...rest] = finding.split("|");
  const m = /^([A-Z]+)(\d+)$/.exec(cell) as RegExpExecArray;
  const row = rowOf.get(Number(m[2])) as number;
  // Messages that name a row ("第4行起…") would move too; the rules of this table name none.
  return [`${m[1]}${row}`, ...rest].join("|");
}

describe("table layout property", () => {
  it("titles, blank rows, a totals row, a note and a signature line change no finding of the data rows", () => {
    fc.assert(
      fc.property(
        fc.array(dataRow, { minLength: 1, maxLength: 8 }),
        fc.record({
          titles: fc.integer({ min: 0, max: 3 }),
          mergeTitle: fc.boolean(),
          blanks: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 8 }),
          total: fc.boolean(),
          note: fc.boolean(),
          signature: fc.constantFrom("one-cell" as const, "label-and-name" as const, "none" as const),
        }),
        (data, decoration) => {
          const { plain, decorated, rowOf } = build(data, decoration);
          const expected = check(plain).map((f) => moved(f, rowOf));
          expect(check(decorated)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
