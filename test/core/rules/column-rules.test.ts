import { actionItems } from "../../../src/core/templates/action-items";
import { collabRequest } from "../../../src/core/templates/collab-request";
import { purchaseOrders } from "../../../src/core/templates/purchase-orders";
import { excelDate, excelError } from "../../../src/core/cells/types";
import { readTable } from "../../../src/core/table/read-table";
import { validateTable } from "../../../src/core/rules/engine";
import { createCalendar } from "../../../src/core/calendar/calendar";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/schema";
import { check, cells, day, minute, withRules, type Row } from "./fixtures";

const noRules = withRules(actionItems, []);
const item = (extra: Row = {}): Row => ({ content: "整理纪要", owner: "李四", dueDate: "2024-10-20", status: "进行中", ...extra });

describe("required", () => {
  it("an empty or all-space required cell, and a placeholder in a required date column", () => {
    const f = check(noRules, [item({ owner: "   " }), item({ dueDate: "待定" }), item({ content: null })]);
    expect(f.map((x) => `${x.cell} ${x.column} ${x.rule} ${x.severity}`)).toEqual([
      "B2 负责人 required error",
      "C3 截止日期 required error",
      "A4 事项内容 required error",
    ]);
    expect(f[0].message).toBe("负责人为必填项，不能为空");
  });
  it("an unreadable required cell is a type error, not also required", () => {
    expect(cells(check(noRules, [item({ dueDate: "下周一" })]))).toEqual(["C2 type"]);
  });
  it("a wholly blank row is not a record", () => {
    expect(check(noRules, [item(), {}, item()])).toEqual([]);
  });
  it("a required column missing from the sheet: one finding for the table, at the header row's first cell (issue 10)", () => {
    const keys = ["content", "dueDate", "status", "doneDate"]; // no 负责人
    const f = check(noRules, [item(), item(), item()], { keys, headerRow: 3, firstColumn: 1 });
    expect(f).toEqual([
      {
        sheet: "待办事项",
        row: 3,
        column: "负责人",
        cell: "B3",
        rule: "required",
        severity: "error",
        message: "表格缺少必填列“负责人”，请在表头添加此列",
        key: "requiredColumn",
        params: { col: { column: "owner", name: "负责人", en: "Owner" } },
      },
    ]);
  });
  it("several missing columns: one finding naming them all, its column the first", () => {
    const f = check(noRules, [item()], { keys: ["content", "dueDate", "doneDate"] });
    expect(cells(f)).toEqual(["A1 required"]);
    expect(f.map((x) => [x.column, x.message])).toEqual([["负责人", "表格缺少必填列“负责人”、“状态”，请在表头添加这些列"]]);
  });
});

describe("type and enum", () => {
  it("maps reader issues to findings on their cells", () => {
    const f = check(noRules, [item({ dueDate: "下周", status: "搁置" }), item({ dueDate: excelError("#N/A") })]);
    expect(f.map((x) => [x.cell, x.rule, x.severity, x.message])).toEqual([
      ["C2", "type", "error", "截止日期“下周”不是有效日期，请写成 2024-05-10 的形式"],
      ["D2", "enum", "error", "状态“搁置”不在可选值中（未开始/进行中/已完成）"],
      ["C3", "type", "error", "截止日期是错误值 #N/A，请修正公式或数据"],
    ]);
  });
  it("a date without a year is a type warning naming the year used", () => {
    const f = check(noRules, [item({ dueDate: "10-20" })], { today: "2024-10-08" });
    expect(f.map((x) => [x.cell, x.rule, x.severity, x.message])).toEqual([
      ["C2", "type", "warning", "截止日期“10-20”未写年份，按2024年计"],
    ]);
  });
  it("accepts Excel date serials and traditional/alias options", () => {
    expect(check(noRules, [item({ dueDate: excelDate(45585), status: "處理中" })])).toEqual([]);
  });
  it("quotes long text briefly", () => {
    const f = check(noRules, [item({ status: "x".repeat(10_000) })]);
    expect(f[0].message.length).toBeLessThan(120);
  });
  it("numbers: 八十 and 约30 are not numbers, full-width ２８ is", () => {
    const po = withRules(purchaseOrders, []);
    const order = (quantity: string): Row => ({
      orderNo: "PO1",
      supplierName: "甲",
      items: "纸",
      quantity,
      address: "总部",
      requiredDate: "2024-10-10",
    });
    expect(cells(check(po, [order("八十"), order("约30"), order("２８")]))).toEqual(["D2 type", "D3 type"]);
  });
});

describe("range", () => {
  it("数量 > 0 (gt) on purchase orders", () => {
    const po = withRules(purchaseOrders, []);
    const order = (quantity: number) => ({
      orderNo: "PO1",
      supplierName: "甲",
      items: "纸",
      quantity,
      address: "总部",
      requiredDate: "2024-10-10",
    });
    const f = check(po, [order(0), order(-2), order(0.5)]);
    expect(f.map((x) => [x.cell, x.message])).toEqual([
      ["D2", "数量为0，必须大于0"],
      ["D3", "数量为-2，必须大于0"],
    ]);
  });
});

describe("compound columns and positions", () => {
  it("a finding on a part of 对接人(姓名/部门/联系方式) lands on that compound cell", () => {
    const tpl = withRules(collabRequest, []);
    const keys = ["projectName", "department", "requirement", "expectedOutcome", "milestone"];
    const columns = [
      ...keys.map((key, index) => ({ index, header: key, key })),
      { index: 5, header: "对接人(姓名/部门/联系方式)", compoundKeys: ["contactName", "contactDept", "contactPhone"] },
    ];
    const today = day("2024-10-08");
    const body = [["发布会", "市场部", "场地", "方案", "2024-05-20", "/市场部/见群公告"]];
    const read = readTable(tpl, columns, body, { today, firstExcelRow: 6 });
    const f = validateTable({
      tpl,
      read,
      table: { sheet: "表1", headerRow: 5, firstColumn: 2, columns, missingRequired: [] },
      settings: DEFAULT_SETTINGS,
      today,
      now: minute("2024-10-08 12:00"),
      calendar: createCalendar(),
    });
    expect(f.map((x) => `${x.cell} ${x.column} ${x.rule}`)).toEqual(["H6 对接人-姓名 required", "H6 对接人-联系方式 type"]);
  });

  it("findings are sorted by row, then the sheet's column order (not the template's)", () => {
    const keys = ["status", "dueDate", "owner", "content", "doneDate"];
    const f = check(noRules, [item({ content: null, owner: null }), item({ status: "?" })], { keys });
    expect(cells(f)).toEqual(["C2 required", "D2 required", "A3 enum"]);
  });

  it("refuses a read of another template", () => {
    const today = day("2024-10-08");
    const read = readTable(collabRequest, [], [], { today, firstExcelRow: 2 });
    expect(() =>
      validateTable({
        tpl: noRules,
        read,
        table: { sheet: "x", headerRow: 1, firstColumn: 0, columns: [], missingRequired: [] },
        settings: DEFAULT_SETTINGS,
        today,
        now: 0,
        calendar: createCalendar(),
      }),
    ).toThrow(/collab-request/);
  });
});
