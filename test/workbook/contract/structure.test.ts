import { ACTION_HEADER } from "../officejs/documents-fixtures";
import type { WorkbookSetup } from "./adapters";
import { bothAdapters, outcome } from "./run-both";

/**
 * contract: inserting a template and structuring a typed range through both adapters — the same
 * sheet, table and address; a header Excel would rewrite (blank, repeated, a number) refused
 * identically with nothing changed (until issue 9 the ExcelJS adapter wrote `列N` there).
 */
const run = bothAdapters();

const typed = (header: readonly (string | number | null)[]): WorkbookSetup => ({
  sheets: [{ name: "待办", rows: [header, ["发报价", "王五", "2024-07-05", "进行中"], ["订会议室", "赵六", "2024-07-06", "未开始"]] }],
});

describe("insert and structure: both adapters agree", () => {
  it("inserts a template on a new sheet with a unique name, refuses a name in use, finds what it made", async () => {
    const r = await run(typed(ACTION_HEADER), async (s) => {
      const first = await s.port.insertTemplate("action-items", { examples: true });
      const second = await s.port.insertTemplate("action-items", { examples: false });
      const taken = await outcome(s.port.insertTemplate("action-items", { examples: false, sheetName: "待办" }));
      const found = (await s.port.findTables()).map((t) => [t.sheet, t.address, t.templateId, t.tableName ?? ""]);
      return { first, second, taken, found, sheets: await s.port.listSheets() };
    });
    expect(r.officejs).toEqual(r.exceljs);
    expect(r.exceljs.second.sheet).toBe(`${r.exceljs.first.sheet} (2)`);
    expect(r.exceljs.second.table).toBe(`${r.exceljs.first.table}2`);
    expect(r.exceljs.taken).toEqual({ refused: "sheetExists", params: { sheet: "待办" } });
    expect(r.exceljs.sheets).toEqual(["待办", r.exceljs.first.sheet, r.exceljs.second.sheet]);
    expect(r.exceljs.found).toHaveLength(3);
  });

  it("structures a typed range into an Excel table without changing a value", async () => {
    const r = await run(typed(ACTION_HEADER), async (s) => {
      const result = await s.port.structureRange({ sheet: "待办", address: "A1:D3" });
      return { result, a1: s.value("待办", "A1"), c2: s.value("待办", "C2"), tables: (await s.port.findTables()).map((t) => t.tableName) };
    });
    expect(r.officejs).toEqual(r.exceljs);
    expect(r.exceljs.result).toEqual({ sheet: "待办", table: "ActionItems", templateId: "action-items", address: "A1:D3", rows: 2 });
    expect([r.exceljs.a1, r.exceljs.c2]).toEqual(["事项内容", "2024-07-05"]);
  });

  it.each([
    ["a blank header cell", ["事项内容", "负责人", "截止日期", "状态", null, "备注"], "A1:F3"],
    ["a repeated header cell", ["事项内容", "负责人", "截止日期", "状态", "负责人"], "A1:E3"],
    ["a number as a header", ["事项内容", "负责人", "截止日期", "状态", 2024], "A1:E3"],
  ])("refuses %s identically, changing nothing", async (_what, header, address) => {
    const r = await run(typed(header), async (s) => ({
      refused: await outcome(s.port.structureRange({ sheet: "待办", address })),
      tables: (await s.port.findTables()).map((t) => t.tableName ?? null),
      e1: s.value("待办", "E1"),
    }));
    expect(r.officejs).toEqual(r.exceljs);
    expect(r.exceljs.refused).toMatchObject({ refused: "tableHeaderNotText" });
    expect(r.exceljs.tables).toEqual([null]);
  });
});
