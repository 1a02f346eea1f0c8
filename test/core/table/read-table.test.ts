import { dayFromYmd, serialFromDay } from "../../../src/core/cells/civil";
import { excelDate, excelError, type RawCell } from "../../../src/core/cells/types";
import { readTable } from "../../../src/core/table/read-table";
import type { ColumnDef, TemplateDef } from "../../../src/core/templates/types";
import type { FoundColumn } from "../../../src/app/port";

const c = (key: string, type: ColumnDef["type"], extra: Partial<ColumnDef> = {}): ColumnDef => ({
  key,
  name: key,
  en: key,
  type,
  ...extra,
});
const TPL: TemplateDef = {
  id: "t",
  name: "测试",
  en: "Test",
  purpose: "",
  purposeEn: "",
  source: "",
  tableName: "T",
  columns: [
    c("name", "text", { required: true }),
    c("qty", "number"),
    c("start", "date"),
    c("due", "date", { required: true }),
    c("at", "datetime"),
    c("who", "text", { group: "对接人" }),
    c("dept", "text", { group: "对接人" }),
    c("phone", "phone", { group: "对接人" }),
    c("how", "enum", { options: ["电话", "面谈"] }),
  ],
  examples: [],
  titleColumns: ["name"],
};
const d = (y: number, m: number, dd: number): number => dayFromYmd(y, m, dd);
const TODAY = d(2026, 3, 15);
const opts = { today: TODAY, firstExcelRow: 2 };
const col = (index: number, header: string, key?: string): FoundColumn => (key ? { index, header, key } : { index, header });
const idx = (key: string): number => TPL.columns.findIndex((x) => x.key === key);

describe("readTable: mapping", () => {
  const columns: FoundColumn[] = [
    col(0, "到期", "due"),
    col(1, "名称", "name"),
    col(2, "别的"),
    col(3, "数量", "qty"),
    { index: 4, header: "对接人", compoundKeys: ["who", "dept", "phone"] },
  ];
  it("puts values in template column order and says which columns the sheet has", () => {
    const r = readTable(TPL, columns, [["2024-05-10", " 甲 ", "忽略", "1,234", "张三/市场部/138"]], opts);
    expect(r.templateId).toBe("t");
    expect(r.values).toEqual([["甲", 1234, null, d(2024, 5, 10), null, "张三", "市场部", "138", null]]);
    expect(r.present).toEqual([true, true, false, true, false, true, true, true, false]);
    expect(r.excelRows).toEqual([2]);
    expect(r.issues).toEqual([]);
  });

  it("splits compound cells on / and ／; missing parts are empty; extra parts stay with the last key", () => {
    const body: RawCell[][] = [
      [null, "a", null, null, "/市场部/138"],
      [null, "b", null, null, "刘总/采购经理"],
      [null, "c", null, null, "王五／技术部／010-1234"],
      [null, "d", null, null, "赵六/销售部/010/1234"],
      [null, "e", null, null, 13812345678],
    ];
    const r = readTable(TPL, columns, body, opts);
    const parts = r.values.map((row) => [row[idx("who")], row[idx("dept")], row[idx("phone")]]);
    expect(parts).toEqual([
      [null, "市场部", "138"],
      ["刘总", "采购经理", null],
      ["王五", "技术部", "010-1234"],
      ["赵六", "销售部", null],
      ["13812345678", null, null],
    ]);
    expect(r.issues).toEqual([{ row: 3, key: "phone", kind: "invalid", reason: "not-a-phone", text: "010/1234" }]);
  });

  it("a repeated column is read from its first occurrence", () => {
    const r = readTable(TPL, [col(0, "名称", "name"), col(1, "名称", "name")], [["甲", "乙"]], opts);
    expect(r.values[0][0]).toBe("甲");
  });

  it("skips fully empty rows and keeps the Excel row of each row read", () => {
    const body: RawCell[][] = [["2024-05-10", "甲"], [null, "  "], [], ["\u3000", null, null], [null, null, "只有未知列"], [null, "乙"]];
    const r = readTable(TPL, columns, body, { today: TODAY, firstExcelRow: 5 });
    expect(r.excelRows).toEqual([5, 9, 10]);
    expect(r.values.map((v) => v[0])).toEqual(["甲", null, "乙"]);
  });

  it("reports invalid cells as null plus an issue, sorted by row then template column", () => {
    const body: RawCell[][] = [
      ["下周", "甲", null, "八十"],
      [excelError("#N/A"), excelError("#REF!"), null, "约30"],
      ["无", "", null, "-"],
    ];
    const r = readTable(TPL, columns, body, opts);
    expect(r.values.map((v) => [v[0], v[1], v[3]])).toEqual([
      ["甲", null, null],
      [null, null, null],
      [null, null, null],
    ]);
    expect(r.issues).toEqual([
      { row: 0, key: "qty", kind: "invalid", reason: "not-a-number", text: "八十" },
      { row: 0, key: "due", kind: "invalid", reason: "not-a-date", text: "下周" },
      { row: 1, key: "name", kind: "invalid", reason: "error-value", text: "#REF!" },
      { row: 1, key: "qty", kind: "invalid", reason: "not-a-number", text: "约30" },
      { row: 1, key: "due", kind: "invalid", reason: "error-value", text: "#N/A" },
    ]);
  });

  it("placeholders in an optional or a required date column are just empty (the required rule comes later)", () => {
    const r = readTable(
      TPL,
      [col(0, "名称", "name"), col(1, "开始", "start"), col(2, "到期", "due")],
      [
        ["甲", "无", "待定"],
        ["乙", "—", "N/A"],
      ],
      opts,
    );
    expect(r.values.map((v) => [v[idx("start")], v[idx("due")]])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(r.issues).toEqual([]);
  });
});

describe("readTable: dates without a year", () => {
  const columns = [col(0, "名称", "name"), col(1, "开始", "start"), col(2, "到期", "due"), col(3, "时间", "at")];
  const issue = (row: number, key: string, text: string, year: number) => ({ row, key, kind: "year-inferred", text, year });

  it("1. takes the year of another full date in the same row", () => {
    const body: RawCell[][] = [
      ["a", "2023-12-20", "01-05", null],
      ["b", "2025-01-01", "2025-02-01", null],
      // The column's full dates are all 2025, yet the row's own date-time (2022) wins.
      ["c", null, "05-20", excelDate(serialFromDay(d(2022, 6, 1)) + 0.5)],
    ];
    const r = readTable(TPL, columns, body, opts);
    expect(r.values[0][idx("due")]).toBe(d(2023, 1, 5));
    expect(r.values[2][idx("due")]).toBe(d(2022, 5, 20));
    expect(r.issues).toEqual([issue(0, "due", "01-05", 2023), issue(2, "due", "05-20", 2022)]);
  });

  it("2. else the most common year among the column's full dates (a tie: the later year)", () => {
    const body: RawCell[][] = [
      ["a", null, "2024-04-30"],
      ["b", null, "05-20"],
      ["c", null, "06/10"],
      ["d", null, excelDate(serialFromDay(d(2024, 7, 1)))],
      ["e", null, "2023-01-01"],
    ];
    const r = readTable(TPL, columns, body, opts);
    expect(r.values.map((v) => v[idx("due")])).toEqual([d(2024, 4, 30), d(2024, 5, 20), d(2024, 6, 10), d(2024, 7, 1), d(2023, 1, 1)]);
    expect(r.issues).toEqual([issue(1, "due", "05-20", 2024), issue(2, "due", "06/10", 2024)]);

    const tie = readTable(
      TPL,
      columns,
      [
        ["a", null, "2023-01-01"],
        ["b", null, "2025-01-01"],
        ["c", null, "3月1日"],
      ],
      opts,
    );
    expect(tie.values[2][idx("due")]).toBe(d(2025, 3, 1));
  });

  it("3. else the year of today", () => {
    const r = readTable(TPL, columns, [["a", "05-20", "5月22日前"]], opts);
    expect(r.values[0].slice(2, 4)).toEqual([d(2026, 5, 20), d(2026, 5, 22)]);
    expect(r.issues).toEqual([issue(0, "start", "05-20", 2026), issue(0, "due", "5月22日前", 2026)]);
  });

  it("date-times keep their clock time; 2月29日 in a year without it is not a date", () => {
    const r = readTable(TPL, columns, [["a", "2023-03-01", "2/29", "05-10 14:30"]], opts);
    expect(r.values[0][idx("at")]).toBe(d(2023, 5, 10) * 1440 + 870);
    expect(r.values[0][idx("due")]).toBeNull();
    expect(r.issues).toEqual([
      { row: 0, key: "due", kind: "invalid", reason: "not-a-date", text: "2/29" },
      issue(0, "at", "05-10 14:30", 2023),
    ]);
  });
});

describe("readTable does not depend on the time zone", () => {
  it("reads civil dates identically under any TZ (this file also runs with TZ=America/Los_Angeles)", () => {
    const r = readTable(TPL, [col(0, "到期", "due"), col(1, "时间", "at")], [[excelDate(45422), excelDate(45422.75)]], {
      today: d(2024, 1, 1),
      firstExcelRow: 2,
    });
    expect(r.values[0][idx("due")]).toBe(d(2024, 5, 10));
    expect(r.values[0][idx("at")]).toBe(d(2024, 5, 10) * 1440 + 18 * 60);
  });
});
