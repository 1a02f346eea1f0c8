import type { Rect } from "../../../src/core/a1";
import { parseIsoDate } from "../../../src/core/cells/civil";
import type { RawCell } from "../../../src/core/cells/types";
import { checkTables } from "../../../src/core/check";
import { tableData } from "../../../src/core/layout/body";
import { locateTables } from "../../../src/core/layout/locate";
import { documentRegister } from "../../../src/core/templates/document-register";

const REGISTER_HEADER = documentRegister.columns.map((c) => c.name);
import { gridFromDense, type ExcelTableInfo, type SheetSnapshot } from "../../../src/core/layout/snapshot";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/schema";

/** contract.md "Table layout" on snapshots: the cases the adapters' shared scenarios do not cover. */

const sheet = (name: string, rows: (readonly RawCell[])[], merges: Rect[] = [], tables: ExcelTableInfo[] = []): SheetSnapshot => ({
  name,
  grid: gridFromDense(rows),
  tables,
  merges,
});

const TODO = ["事项内容", "负责人", "截止日期", "状态"];
const today = parseIsoDate("2024-07-10") as number;

function findings(sheets: SheetSnapshot[]): string[] {
  const tables = locateTables(sheets).map((t) => tableData(sheets.find((s) => s.name === t.sheet) as SheetSnapshot, t));
  const report = checkTables({
    file: "x",
    sheets: sheets.map((s) => s.name),
    tables,
    settings: DEFAULT_SETTINGS,
    today,
    now: today * 1440,
  });
  return report.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`);
}

describe("the add-in's own sheets are never data", () => {
  it("skips the documents the register lists, a document sheet by its title and 编号, the settings sheet; the register is a table of its own", () => {
    const row = {
      编号: "HY-2024-001",
      类型: "会议纪要",
      文书工作表: "纪要 周例会",
      来源工作表: "会议",
      来源行: "3",
      生成时间: "2024-07-01 10:00",
    } as Record<string, string>;
    const register = sheet("文书登记", [[...REGISTER_HEADER], REGISTER_HEADER.map((h) => row[h] ?? "")]);
    // A minutes sheet renamed by the user: still listed in the register.
    const listed = sheet("纪要 周例会", [["会议纪要"], ["事项内容", "负责人", "截止日期", "状态"], ["x", "", "明天", "?"]]);
    // A notice not (yet) in the register: recognised by its merged title and 编号 subtitle.
    const doc = sheet(
      "整改通知",
      [["整改通知书"], ["编号:ZG-2024-003"], [], TODO, ["x", "", "明天", "?"]],
      [
        { top: 1, bottom: 1, left: 0, right: 5 },
        { top: 2, bottom: 2, left: 0, right: 5 },
      ],
    );
    const settings = sheet("设置副本", [
      ["键", "值"],
      ["事项内容", "负责人"],
    ]);
    const user = sheet("待办", [TODO, ["发报价", "王五", "2024-07-12", "进行中"]]);
    expect(locateTables([register, listed, doc, settings, user]).map((t) => [t.sheet, t.templateId])).toEqual([
      ["文书登记", "document-register"],
      ["待办", "action-items"],
    ]);
  });

  it("reads a user's sheet whose title is merged A:F but has no 编号 line", () => {
    const s = sheet("待办", [["2024年待办"], TODO, ["发报价", "王五", "2024-07-12", "进行中"]], [{ top: 1, bottom: 1, left: 0, right: 5 }]);
    expect(locateTables([s]).map((t) => [t.headerRow, t.rows])).toEqual([[2, 1]]);
  });
});

describe("Excel tables", () => {
  const table = (rect: Rect, extra: Partial<ExcelTableInfo> = {}): ExcelTableInfo => ({
    name: "T",
    rect,
    hasHeaderRow: true,
    hasTotalsRow: false,
    columnNames: TODO,
    ...extra,
  });

  it("skips a totals row and takes no row typed under it", () => {
    const s = sheet(
      "待办",
      [TODO, ["a", "王五", "2024-07-12", "进行中"], ["b", "赵六", "2024-07-13", "未开始"], ["汇总", null, null, null], ["c", "", "", ""]],
      [],
      [table({ top: 1, bottom: 4, left: 0, right: 3 }, { hasTotalsRow: true })],
    );
    const [t] = locateTables([s]);
    expect([t.dataRows, t.skippedRows, t.typedBelow]).toEqual([[2, 3], [{ row: 4, reason: "total" }], undefined]);
  });

  it("takes the header typed right above a table saved without its header row", () => {
    const s = sheet(
      "待办",
      [TODO, ["a", "王五", "2024-07-12", "进行中"], ["b", "", "2024-07-13", "未开始"]],
      [],
      [table({ top: 2, bottom: 3, left: 0, right: 3 }, { hasHeaderRow: false, columnNames: ["Column1", "Column2", "Column3", "Column4"] })],
    );
    const [t] = locateTables([s]);
    expect([t.kind, t.headerRow, t.dataRows]).toEqual(["table", 1, [2, 3]]);
    expect(findings([s])).toEqual(["待办!B3 required"]);
  });
});

describe("bad input: silence or one table-level message, never a finding per row", () => {
  it("a whole-sheet merge, a title-only sheet, an unknown header", () => {
    const whole = sheet("合并", [["全表合并"]], [{ top: 1, bottom: 1_048_576, left: 0, right: 16_383 }]);
    const title = sheet("封面", [["2024年度供应商评估"]], [{ top: 1, bottom: 1, left: 0, right: 7 }]);
    const unknown = sheet("其他", [
      ["甲", "乙", "丙"],
      [1, 2, 3],
      ["x", "y", "z"],
    ]);
    expect(locateTables([whole, title, unknown])).toEqual([]);
  });

  it("a header repeated on every printed page is skipped, with its sub-header row", () => {
    const header = ["项目名称", "协作部门", "需求描述", "期望成果", "对接人", null, null, "时间节点"];
    const sub = [null, null, null, null, "姓名", "部门", "联系方式", null];
    const row = (p: string): RawCell[] => [p, "市场部", "物料", "清单", "王五", "市场部", "13800138000", "2024-07-20"];
    const merges = (top: number): Rect[] => [
      { top, bottom: top, left: 4, right: 6 },
      { top, bottom: top + 1, left: 0, right: 0 },
    ];
    const s = sheet("协作", [header, sub, row("甲"), row("乙"), header, sub, row("丙")], [...merges(1), ...merges(5)]);
    const [t] = locateTables([s]);
    expect([t.headerRows, t.dataRows, t.skippedRows]).toEqual([
      2,
      [3, 4, 7],
      [
        { row: 5, reason: "header" },
        { row: 6, reason: "header" },
      ],
    ]);
    expect(findings([s])).toEqual([]);
  });

  it("too few known columns: no table, silence; required columns missing: one finding at the header", () => {
    const few = sheet("周报", [
      ["汇报人", "部门", "备注"],
      ["张三", "市场部", ""],
      ["李四", "销售部", ""],
    ]);
    expect(findings([few])).toEqual([]);
    const some = sheet("周报", [
      ["汇报人", "部门", "汇报周期", "核心工作内容", "附件"],
      ["张三", "市场部", "2024-W27", "发布会", ""],
      ["李四", "销售部", "2024-W27", "拜访", ""],
    ]);
    expect(findings([some])).toEqual(["周报!A1 required"]);
  });
});

describe("merged cells in data", () => {
  it("a finding about a merged area is reported once, at its top-left cell", () => {
    const header = ["供应商名称", "评估周期", "产品质量", "交付及时性", "服务态度", "价格合理性", "问题解决能力", "总分"];
    const s = sheet(
      "评估",
      [header, ["鑫达", "2024Q9", 28, 22, 18, 12, 9, 89], [null, null, 28, 22, 18, 12, 9, 89]],
      [{ top: 2, bottom: 3, left: 0, right: 1 }],
    );
    expect(findings([s])).toEqual(["评估!A2 type"]);
  });
});
