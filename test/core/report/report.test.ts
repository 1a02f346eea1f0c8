import { buildReport, exitCode } from "../../../src/core/report/build";
import { reportSchema } from "../../../src/core/report/schema";
import { formatTextReport } from "../../../src/core/report/text";
import { createCalendar } from "../../../src/core/calendar/calendar";
import { getTemplate } from "../../../src/core/templates";
import type { Finding } from "../../../src/core/rules/finding";
import { check, day } from "../rules/fixtures";

const CONTRACT_EXAMPLE = {
  file: "book.xlsx",
  today: "2024-10-08",
  calendar: { provisional: false, years: [2024] },
  // contract.md "Table layout": each table also gives its range and the rows it skipped.
  tables: [{ sheet: "供应商评估表", template: "supplier-evaluation", headerRow: 2, rows: 9, range: "A2:H11", skippedRows: [] }],
  findings: [
    {
      sheet: "供应商评估表",
      row: 4,
      column: "总分",
      cell: "H4",
      rule: "threshold",
      severity: "warning",
      message: "总分79，低于合格线80，应发出整改通知书",
    },
  ],
  summary: { error: 0, warning: 1, info: 0 },
};

const f = (sheet: string, row: number, cell: string, rule: Finding["rule"], severity: Finding["severity"]): Finding => ({
  sheet,
  row,
  column: "列",
  cell,
  rule,
  severity,
  message: "m",
  key: "k",
  params: {},
});

describe("reportSchema", () => {
  it("accepts contract.md's example", () => {
    expect(reportSchema.safeParse(CONTRACT_EXAMPLE).success).toBe(true);
  });
  it.each([
    [
      "a severity that does not match the rule",
      { findings: [{ ...CONTRACT_EXAMPLE.findings[0], severity: "error" }], summary: { error: 1, warning: 0, info: 0 } },
    ],
    ["a cell on another row", { findings: [{ ...CONTRACT_EXAMPLE.findings[0], cell: "H5" }] }],
    ["an unknown rule", { findings: [{ ...CONTRACT_EXAMPLE.findings[0], rule: "style" }] }],
    ["a wrong summary", { summary: { error: 0, warning: 2, info: 0 } }],
    ["an extra key", { extra: 1 }],
    ["a bad date", { today: "2024-13-01" }],
  ])("rejects %s", (_what, patch) => {
    expect(reportSchema.safeParse({ ...CONTRACT_EXAMPLE, ...patch }).success).toBe(false);
  });
  it("accepts the year-missing type warning", () => {
    const finding = { ...CONTRACT_EXAMPLE.findings[0], rule: "type", severity: "warning" };
    expect(reportSchema.safeParse({ ...CONTRACT_EXAMPLE, findings: [finding] }).success).toBe(true);
  });
});

describe("buildReport", () => {
  it("reproduces contract.md's example, keys in the contract's order", () => {
    const tpl = getTemplate("supplier-evaluation");
    const rows = [
      { supplierName: "甲", period: "2024Q1", quality: 28, delivery: 22, service: 18, price: 13, problemSolving: 9, total: 90 },
      { supplierName: "乙", period: "2024Q1", quality: 17, delivery: 22, service: 18, price: 13, problemSolving: 9, total: 79 },
    ];
    const calendar = createCalendar();
    calendar.isWorkday(day("2024-10-08")); // the years the check relied on
    const findings = check(tpl, rows, { headerRow: 2 });
    const report = buildReport({
      file: "book.xlsx",
      today: day("2024-10-08"),
      tables: [{ found: { sheet: "供应商评估表", templateId: tpl.id, headerRow: 2, rows: 9, range: "A2:H11", skippedRows: [] }, findings }],
      calendar,
    });
    expect(JSON.stringify(report)).toBe(JSON.stringify(CONTRACT_EXAMPLE));
    expect(exitCode(report)).toBe(0);
  });

  it("orders by sheet order, merges tables of one sheet by row and column, keeps one calendar finding", () => {
    const calendar = createCalendar();
    const report = buildReport({
      file: "b.xlsx",
      today: day("2024-10-08"),
      sheets: ["A", "B"],
      tables: [
        {
          found: { sheet: "B", templateId: "meetings", headerRow: 1, rows: 3 },
          findings: [f("B", 2, "A2", "calendar", "info"), f("B", 3, "B3", "required", "error")],
        },
        {
          found: { sheet: "A", templateId: "quotes", headerRow: 1, rows: 5 },
          findings: [f("A", 2, "A2", "min-count", "warning"), f("A", 4, "C4", "calendar", "info")],
        },
        {
          found: { sheet: "A", templateId: "meetings", headerRow: 10, rows: 5 },
          findings: [f("A", 3, "B3", "deadline", "warning"), f("A", 11, "A11", "calendar", "info")],
        },
      ],
      calendar,
    });
    expect(report.tables.map((t) => `${t.sheet}:${t.headerRow}`)).toEqual(["A:1", "A:10", "B:1"]);
    expect(report.findings.map((x) => `${x.sheet}!${x.cell} ${x.rule}`)).toEqual([
      "A!A2 min-count",
      "A!B3 deadline",
      "A!C4 calendar",
      "B!B3 required",
    ]);
    expect(report.summary).toEqual({ error: 1, warning: 2, info: 1 });
    expect(exitCode(report)).toBe(1);
    expect(reportSchema.safeParse(report).success).toBe(true);
  });

  it("reports a provisional calendar", () => {
    const calendar = createCalendar();
    calendar.addWorkdays(day("2027-10-01"), 1);
    const report = buildReport({ file: "b.xlsx", today: day("2027-10-08"), tables: [], calendar });
    expect(report.calendar).toEqual({ provisional: true, years: [2027] });
  });
});

describe("formatTextReport", () => {
  const report = reportSchema.parse({
    ...CONTRACT_EXAMPLE,
    calendar: { provisional: true, years: [2024, 2027] },
    tables: [...CONTRACT_EXAMPLE.tables, { sheet: "空表", template: "quotes", headerRow: 1, rows: 0, range: "A1:H1", skippedRows: [] }],
  });
  it("groups by sheet and counts per severity and rule (Chinese)", () => {
    expect(formatTextReport(report)).toBe(
      [
        "检查 book.xlsx（今天：2024-10-08）",
        "注意：部分年份的法定节假日数据未收录，这些年份的工作日按周一至周五计算（见 calendar 提示）",
        "",
        "供应商评估表 · 供应商评估表（表头在第2行，9行数据）",
        "  H4  总分  [警告] 总分79，低于合格线80，应发出整改通知书（threshold）",
        "",
        "空表 · 询价比价表（表头在第1行，0行数据）",
        "  未发现问题",
        "",
        "合计：错误 0 条，警告 1 条，提示 0 条",
        "按规则：threshold 1",
        "",
      ].join("\n"),
    );
  });
  it("in English", () => {
    const text = formatTextReport(report, "en-US");
    expect(text).toContain("供应商评估表 · Supplier evaluation (header on row 2, 9 data rows)");
    expect(text).toContain("[warning]");
    expect(text).toContain("Total: 0 error(s), 1 warning(s), 0 info");
  });
});
