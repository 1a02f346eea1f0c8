/** The pane's findings list: filters, grouping by sheet and severity, counts per rule. */
import type { ReportFinding } from "../../src/core/report";
import { ruleCounts } from "../../src/app/validate/rule-counts";
import { filterFindings, groupFindings, SEVERITY_ORDER } from "../../src/taskpane/validation/findings-view";

const f = (
  sheet: string,
  cell: string,
  rule: ReportFinding["rule"],
  severity: ReportFinding["severity"],
  message: string,
  column = "总分",
): ReportFinding => ({
  sheet,
  row: Number(/\d+/.exec(cell)?.[0]),
  column,
  cell,
  rule,
  severity,
  message,
});

const findings: ReportFinding[] = [
  f("供应商评估表", "H3", "threshold", "warning", "总分78,低于合格线80"),
  f("供应商评估表", "C4", "range", "error", "产品质量为35,超出范围0–30", "产品质量"),
  f("供应商评估表", "H4", "consecutive", "error", "连续2期低于合格线"),
  f("待办事项", "C2", "due-soon", "info", "截止日期为明天", "截止日期"),
  f("待办事项", "C3", "overdue", "warning", "已逾期1天", "截止日期"),
];
const all = new Set(SEVERITY_ORDER);

describe("findings view", () => {
  it("groups by sheet (report order), then severity error → warning → info, keeping row order", () => {
    const groups = groupFindings(findings);
    expect(groups.map((g) => [g.sheet, g.count])).toEqual([
      ["供应商评估表", { error: 2, warning: 1, info: 0 }],
      ["待办事项", { error: 0, warning: 1, info: 1 }],
    ]);
    expect(groups[0].groups.map((g) => [g.severity, g.findings.map((x) => x.cell)])).toEqual([
      ["error", ["C4", "H4"]],
      ["warning", ["H3"]],
    ]);
    expect(groups[1].groups.map((g) => g.severity)).toEqual(["warning", "info"]);
  });

  it("filters by severity, rule and text (cell, column, message or sheet, any case)", () => {
    expect(filterFindings(findings, { severities: new Set(["error"]), text: "" }).map((x) => x.cell)).toEqual(["C4", "H4"]);
    expect(filterFindings(findings, { severities: all, rule: "overdue", text: "" }).map((x) => x.cell)).toEqual(["C3"]);
    expect(filterFindings(findings, { severities: all, text: " 合格线 " }).map((x) => x.cell)).toEqual(["H3", "H4"]);
    expect(filterFindings(findings, { severities: all, text: "c4" }).map((x) => x.cell)).toEqual(["C4"]);
    expect(filterFindings(findings, { severities: all, text: "待办" }).map((x) => x.cell)).toEqual(["C2", "C3"]);
    expect(filterFindings(findings, { severities: new Set(), text: "" })).toEqual([]);
  });

  it("counts findings per rule in the contract's rule order", () => {
    expect(ruleCounts([...findings, findings[1]])).toEqual([
      { rule: "range", n: 2 },
      { rule: "consecutive", n: 1 },
      { rule: "threshold", n: 1 },
      { rule: "overdue", n: 1 },
      { rule: "due-soon", n: 1 },
    ]);
  });
});
