import { ACTION_HEADER } from "../officejs/documents-fixtures";
import type { Mark } from "../../../src/core/marks/mark";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";
import { OoxmlWorkbook } from "../../../src/workbook/ooxml/workbook";
import { excelJsMarks, excelJsUserFormats, setupBytes, type WorkbookSetup } from "./adapters";
import { bothAdapters, outcome } from "./run-both";

/**
 * contract: marks and clear, the same through both adapters — each cell once with its highest
 * severity, `Sheet!B2` naming the mark's own sheet, a user's own conditional format left alone,
 * bad marks (unknown severity, another sheet's address, a missing sheet) refused identically
 * with nothing changed.
 */
const run = bothAdapters();

const SETUP: WorkbookSetup = {
  sheets: [
    {
      name: "待办",
      rows: [
        ACTION_HEADER,
        ["发报价", "王五", "2024-07-05", "进行中"],
        ["订会议室", "", "2024-07-06", "未开始"],
        ["写纪要", "", "2024-07-07", "搁置"],
      ],
      tables: [{ name: "Todo", address: "A1:D4" }],
    },
    { name: "其他", rows: [["x"], [1], [2]] },
  ],
  userFormats: [{ sheet: "待办", address: "B2:B4", formula: 'ISNUMBER(SEARCH("王",B2))' }],
};

const MARKS: Mark[] = [
  { sheet: "待办", cell: "B3", severity: "error", message: "缺少负责人" },
  { sheet: "待办", cell: "B4", severity: "error", message: "缺少负责人" },
  { sheet: "待办", cell: "B4", severity: "warning", message: "同一格的较低级别" },
  { sheet: "待办", cell: "待办!D4", severity: "warning", message: "状态不在可选值中" },
  { sheet: "待办", cell: "C4", severity: "info", message: "提示" },
  { sheet: "其他", cell: "A2", severity: "info", message: "另一张表" },
];

const USER = ['B2:B4 ISNUMBER(SEARCH("王",B2))'];

describe("marks and clear: both adapters agree", () => {
  it("applyMarks: each cell once with its highest severity, `Sheet!B2` accepted, the user's format kept", async () => {
    const r = await run(SETUP, async (s) => {
      await s.port.applyMarks(MARKS);
      return { marks: s.marks(), user: s.userFormats("待办") };
    });
    expect(r.officejs).toEqual(r.exceljs);
    expect(r.exceljs).toEqual({
      marks: { 待办: { error: ["B3", "B4"], warning: ["D4"], info: ["C4"] }, 其他: { info: ["A2"] } },
      user: USER,
    });
  });

  it("applyMarks replaces the old marks; clearMarks removes every mark and nothing else", async () => {
    const r = await run(SETUP, async (s) => {
      await s.port.applyMarks(MARKS);
      await s.port.applyMarks([{ sheet: "待办", cell: "A2", severity: "warning", message: "再查" }]);
      const replaced = s.marks();
      await s.port.clearMarks();
      return { replaced, cleared: s.marks(), user: s.userFormats("待办") };
    });
    expect(r.officejs).toEqual(r.exceljs);
    expect(r.exceljs).toEqual({ replaced: { 待办: { warning: ["A2"] } }, cleared: {}, user: USER });
  });

  it("updateMarks replaces the marks of the given rows only", async () => {
    const r = await run(SETUP, async (s) => {
      await s.port.applyMarks(MARKS);
      await s.port.updateMarks("待办", [3, 4], [{ sheet: "待办", cell: "D3", severity: "error", message: "新" }]);
      return { marks: s.marks(), user: s.userFormats("待办") };
    });
    expect(r.officejs).toEqual(r.exceljs);
    expect(r.exceljs).toEqual({ marks: { 待办: { error: ["D3"] }, 其他: { info: ["A2"] } }, user: USER });
  });

  it.each([
    ["an unknown severity", { sheet: "待办", cell: "B2", severity: "fatal", message: "?" }, "invalidSeverity"],
    ["another sheet's address", { sheet: "待办", cell: "其他!B2", severity: "error", message: "?" }, "invalidAddress"],
    ["a range instead of a cell", { sheet: "待办", cell: "B2:B3", severity: "error", message: "?" }, "invalidAddress"],
    ["a missing sheet", { sheet: "不存在", cell: "B2", severity: "error", message: "?" }, "sheetNotFound"],
  ])("refuses %s identically, changing nothing", async (_what, bad, key) => {
    const r = await run(SETUP, async (s) => {
      await s.port.applyMarks(MARKS);
      const refused = await outcome(s.port.applyMarks([MARKS[0], bad as unknown as Mark]));
      return { refused, marks: s.marks(), user: s.userFormats("待办") };
    });
    expect(r.officejs).toEqual(r.exceljs);
    expect(r.exceljs.refused).toMatchObject({ refused: key });
    expect(r.exceljs.marks).toEqual({ 待办: { error: ["B3", "B4"], warning: ["D4"], info: ["C4"] }, 其他: { info: ["A2"] } });
  });
});

/**
 * The CLI's streaming adapter writes marks into a patched copy (`check --out`): the same plan as
 * the other two (core's planner), read back from the copy.
 */
describe("marks: the CLI's streaming adapter plans them as the other two", () => {
  async function viaOoxml(marks: readonly Mark[]): Promise<{ marks: unknown; user: string[] } | { refused: string }> {
    const book = OoxmlWorkbook.load(await setupBytes(SETUP));
    const refused = await outcome(book.applyMarks(marks));
    if ("refused" in refused) return { refused: refused.refused };
    const copy = await XlsxWorkbook.load(book.toBuffer().bytes);
    return { marks: excelJsMarks(copy.workbook), user: excelJsUserFormats(copy.workbook.getWorksheet("待办")!) };
  }

  it("each cell once with its highest severity, `Sheet!B2` accepted, the user's format kept", async () => {
    expect(await viaOoxml(MARKS)).toEqual({
      marks: { 待办: { error: ["B3", "B4"], warning: ["D4"], info: ["C4"] }, 其他: { info: ["A2"] } },
      user: USER,
    });
  });

  it.each([
    ["an unknown severity", { sheet: "待办", cell: "B2", severity: "fatal", message: "?" }, "invalidSeverity"],
    ["another sheet's address", { sheet: "待办", cell: "其他!B2", severity: "error", message: "?" }, "invalidAddress"],
    ["a missing sheet", { sheet: "不存在", cell: "B2", severity: "error", message: "?" }, "sheetNotFound"],
  ])("refuses %s as the others do", async (_what, bad, key) => {
    expect(await viaOoxml([MARKS[0], bad as unknown as Mark])).toEqual({ refused: key });
  });
});
