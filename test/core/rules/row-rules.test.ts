import { purchaseOrders } from "../../../src/core/templates/purchase-orders";
import { quotes } from "../../../src/core/templates/quotes";
import { workReport } from "../../../src/core/templates/work-report";
import { actionItems } from "../../../src/core/templates/action-items";
import { incidents } from "../../../src/core/templates/incidents";
import { hasFigure } from "../../../src/core/rules/consistency-rules";
import { check, cells, withRules } from "./fixtures";

describe("unique", () => {
  const tpl = withRules(purchaseOrders, [{ kind: "unique", column: "orderNo" }]);
  const order = (orderNo: string | null) => ({
    orderNo,
    supplierName: "甲",
    items: "纸",
    quantity: 1,
    address: "总部",
    requiredDate: "2024-12-10",
  });
  it("every row after the first occurrence, naming the first row", () => {
    const f = check(tpl, [order("PO-1"), order("PO-2"), order("PO-1"), order(null), order("PO-1"), order("PO-2")]);
    expect(cells(f, "unique")).toEqual(["A4 unique", "A6 unique", "A7 unique"]);
    expect(f.find((x) => x.cell === "A4")?.message).toBe("订单号“PO-1”重复，第2行已有相同的值");
    expect(f.find((x) => x.cell === "A4")?.severity).toBe("error");
  });
  it("compares trimmed text", () => {
    expect(cells(check(tpl, [order("PO-1"), order(" PO-1 ")]), "unique")).toEqual(["A3 unique"]);
  });
});

describe("min-count", () => {
  const tpl = withRules(quotes, [{ kind: "min-count", group: "requirement", distinct: "supplierName" }]);
  const quote = (requirement: string, supplierName: string) => ({ requirement, supplierName, unitPrice: 100 });
  it("flags the first row of a group with fewer than 3 suppliers", () => {
    const f = check(tpl, [
      quote("电脑", "甲"),
      quote("打印机", "甲"),
      quote("电脑", "乙"),
      quote("打印机", "乙"),
      quote("打印机", "丙"),
      quote("电脑", "乙"),
    ]);
    expect(f.map((x) => [x.cell, x.column, x.rule, x.severity, x.message])).toEqual([
      ["A2", "采购需求", "min-count", "warning", "采购需求“电脑”只有2份报价，少于要求的3份"],
    ]);
  });
  it("follows the setting; counts rows without `distinct`", () => {
    const rows = [quote("电脑", "甲"), quote("电脑", "甲")];
    expect(cells(check(tpl, rows, { settings: { minQuotes: 2 } }), "min-count")).toEqual(["A2 min-count"]);
    expect(
      cells(check(withRules(quotes, [{ kind: "min-count", group: "requirement" }]), rows, { settings: { minQuotes: 2 } }), "min-count"),
    ).toEqual([]);
  });
});

describe("consistency", () => {
  it("状态 已完成 without 完成日期 → on the empty 完成日期", () => {
    const tpl = withRules(actionItems, [{ kind: "done-needs-date", status: "status", doneValues: ["已完成"], date: "doneDate" }]);
    const row = (status: string, doneDate: string | null) => ({ content: "a", owner: "b", dueDate: "2024-12-01", status, doneDate });
    const f = check(tpl, [
      row("已完成", null),
      row("已完成", "2024-11-01"),
      row("进行中", null),
      row("完成", "无"),
      row("已完成", "不知道"),
    ]);
    expect(f.map((x) => `${x.cell} ${x.column} ${x.rule}`)).toEqual([
      "E2 完成日期 consistency",
      "E5 完成日期 consistency",
      "E6 完成日期 type",
    ]);
    expect(f[0].message).toBe("状态为“已完成”，但完成日期为空");
  });
  it("where the sheet lacks 完成日期, on the row's first cell", () => {
    const tpl = withRules(actionItems, [{ kind: "done-needs-date", status: "status", doneValues: ["已完成"], date: "doneDate" }]);
    const f = check(tpl, [{ content: "a", owner: "b", dueDate: "2024-12-01", status: "已完成" }], {
      keys: ["content", "owner", "dueDate", "status"],
    });
    expect(f.map((x) => `${x.cell} ${x.column} ${x.rule}`)).toEqual(["A2 完成日期 consistency"]);
  });
  it("one finding per (cell, rule) even when two rules land on the row's first cell", () => {
    const tpl = withRules(actionItems, [
      { kind: "done-needs-date", status: "status", doneValues: ["已完成"], date: "doneDate" },
      { kind: "problem-needs-text", status: "status", values: ["已完成"], text: "sourceMeeting" },
    ]);
    const f = check(tpl, [{ content: "a", owner: "b", dueDate: "2024-12-01", status: "已完成" }], {
      keys: ["content", "owner", "dueDate", "status"],
    });
    expect(f.map((x) => `${x.cell} ${x.column} ${x.rule}`)).toEqual(["A2 完成日期 consistency"]);
  });
  it("完成情况 × / 部分完成 without 问题 → on the empty 问题 cell", () => {
    const tpl = withRules(workReport, [{ kind: "problem-needs-text", status: "completion", values: ["×", "部分完成"], text: "issues" }]);
    const row = (completion: string, issues: string | null) => ({
      reporter: "赵六",
      department: "市场部",
      period: "2024年5月第2周",
      coreWork: "方案",
      completion,
      issues,
      nextPlan: "执行",
    });
    const f = check(tpl, [row("×", null), row("部分完成", "预算不足"), row("√", null), row("部分", "  ")]);
    expect(f.map((x) => `${x.cell} ${x.rule}`)).toEqual(["G2 consistency", "G5 consistency"]);
    expect(f[0].message).toBe("完成情况为“×”，但未填写遇到的问题及需支持事项");
  });
  it("not-before: 解决时间 before 发现时间, on 解决时间; by minute for date-times", () => {
    const tpl = withRules(incidents, [{ kind: "not-before", later: "resolvedAt", earlier: "discoveredAt" }]);
    const row = (resolvedAt: string) => ({
      name: "宕机",
      discoveredAt: "2024-10-08 10:00",
      discoverer: "运维",
      impact: "全公司",
      resolvedAt,
    });
    const f = check(tpl, [row("2024-10-08 09:59"), row("2024-10-08 10:00")]);
    expect(f.map((x) => [x.cell, x.message])).toEqual([["H2", "解决时间2024-10-08 09:59早于发现时间2024-10-08 10:00"]]);
  });
  it("date-contradicts-status: a completion date but 未开始, on the status", () => {
    const tpl = withRules(actionItems, [{ kind: "date-contradicts-status", date: "doneDate", status: "status", values: ["未开始"] }]);
    const f = check(tpl, [{ content: "a", owner: "b", dueDate: "2024-12-01", status: "未开始", doneDate: "2024-10-01" }]);
    expect(f.map((x) => [x.cell, x.message])).toEqual([["D2", "完成日期已填写2024-10-01，但状态为“未开始”"]]);
  });
});

describe("quantified", () => {
  const tpl = withRules(workReport, [{ kind: "quantified", column: "quantifiedResult", status: "completion", doneValues: ["√"] }]);
  const row = (completion: string, quantifiedResult: string | number | null) => ({
    reporter: "赵六",
    department: "市场部",
    period: "2024年4月",
    coreWork: "方案",
    completion,
    quantifiedResult,
    nextPlan: "执行",
  });
  it("a done row whose 量化成果 has no figure (or is empty)", () => {
    const f = check(tpl, [
      row("√", "完成3场活动"),
      row("√", "效果显著,客户满意"),
      row("已完成", null),
      row("×", "一般"),
      row("√", "签约两家客户"),
      row("√", 12),
    ]);
    expect(cells(f)).toEqual(["F3 quantified", "F4 quantified"]);
    expect(f[0].message).toBe("完成情况为“√”，但量化成果没有具体数字，请用数据代替模糊描述");
    expect(f[0].severity).toBe("warning");
  });
  it.each([
    ["提升20%", true],
    ["新增客户１２家", true],
    ["完成三个项目", true],
    ["一些进展", false],
    ["一定程度提高了效率", false],
    ["", false],
  ])("hasFigure(%s) = %s", (text, expected) => expect(hasFigure(text)).toBe(expected));
});
