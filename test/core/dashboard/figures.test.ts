/**
 * The 看板's pure core: figures from tables + findings + settings + today (no workbook), and the
 * sheet laid out from them. Tables are typed as a person would; findings come from the real check.
 */
import { checkTables } from "../../../src/core/check";
import type { RawCell } from "../../../src/core/cells/types";
import { dashboardFigures } from "../../../src/core/dashboard/figures";
import { dashboardCells, dashboardSheet } from "../../../src/core/dashboard/sheet";
import type { TableData } from "../../../src/core/layout/types";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { getTemplate } from "../../../src/core/templates";
import { day } from "../rules/fixtures";

const TODAY = "2024-10-08";

/** A located table on `sheet` from row 1: the template's column names as header, then these rows. */
function located(templateId: string, sheet: string, keys: readonly string[], rows: readonly (readonly RawCell[])[]): TableData {
  const tpl = getTemplate(templateId);
  const columns = keys.map((key, index) => ({ index, header: tpl.columns.find((c) => c.key === key)?.name ?? key, key }));
  const missingRequired = tpl.columns.filter((c) => c.required && !keys.includes(c.key)).map((c) => c.name);
  return {
    table: {
      sheet,
      templateId,
      kind: "range",
      headerRow: 1,
      firstColumn: 0,
      rows: rows.length,
      address: `A1:F${rows.length + 1}`,
      columns,
      missingRequired,
    },
    body: rows,
  };
}

const actions = located(
  "action-items",
  "待办",
  ["content", "owner", "dueDate", "status"],
  [
    ["定稿", "张伟", "2024-10-07", "进行中"], // 1 day late: overdue
    ["排期", "张伟", "2024-09-20", "未开始"], // escalation
    ["物料", "李娜", "2024-09-30", "进行中"], // escalation
    ["话术", "", "2024-10-09", "进行中"], // due tomorrow: due-soon, no owner
    ["复盘", "李娜", "2024-10-20", "进行中"], // not due: no finding
  ],
);
const requests = located(
  "collab-request",
  "协作",
  ["projectName", "department", "requirement", "expectedOutcome", "contactName", "contactDept", "milestone"],
  [["发布会", "市场部", "策划", "方案", "李娜", "市场部", "2024-12-01"]],
);
const evaluations = located(
  "supplier-evaluation",
  "评估",
  ["supplierName", "period", "quality", "delivery", "service", "price", "problemSolving", "total"],
  [
    ["甲", "2024Q1", 27, 22, 17, 12, 7, 85],
    ["乙", "2024Q1", 24, 19, 16, 12, 7, 78],
    ["乙", "2023Q4", 23, 20, 16, 11, 7, null], // empty total: scored by the sum of the items, 77
  ],
);

function figuresFor(threshold = 80) {
  const tables = [actions, requests, evaluations];
  const settings = { ...DEFAULT_SETTINGS, threshold };
  const report = checkTables({
    file: "",
    sheets: ["待办", "协作", "评估"],
    tables,
    settings,
    today: day(TODAY),
    now: day(TODAY) * 1440 + 720,
  });
  return { report, figures: dashboardFigures({ tables, findings: report.findings, settings, today: report.today }) };
}

describe("dashboardFigures", () => {
  it("counts each 负责人's findings by kind, the unfilled owner last", () => {
    const { report, figures } = figuresFor();
    const byOwner = Object.fromEntries(figures.owners.map((g) => [g.label, g.counts]));
    expect(byOwner["张伟"]).toMatchObject({ overdue: 1, escalation: 1, dueSoon: 0 });
    expect(byOwner["李娜"]).toMatchObject({ escalation: 1 });
    expect(figures.owners[figures.owners.length - 1].label).toBe("");
    // Each group's findings are the report's findings on that person's rows.
    for (const g of figures.owners) for (const i of g.findings) expect(report.findings[i].sheet).toMatch(/待办|协作/);
  });

  it("takes a person's department from the tables that name both, the row's own where it has one", () => {
    const { figures } = figuresFor();
    const market = figures.departments.find((g) => g.label === "市场部");
    // 李娜's 待办 rows (no department column) count for 市场部, with the 协作 row's own findings.
    expect(market?.counts.escalation).toBe(1);
    // 张伟 is in no table that names a department.
    expect(figures.departments.find((g) => g.label === "")?.counts.overdue).toBe(1);
  });

  it("puts overdue and escalations in the month of their due date", () => {
    const { figures, report } = figuresFor();
    expect(figures.months.map((m) => [m.month, m.overdue, m.escalation])).toEqual([
      ["2024-09", 0, 2],
      ["2024-10", 1, 0],
    ]);
    expect(figures.totals.overdue).toBe(report.findings.filter((f) => f.rule === "overdue").length);
  });

  it("scores each period against 合格线 as the rules do (an empty total is the sum of the items)", () => {
    const at80 = figuresFor(80).figures;
    expect(at80.periods).toMatchObject([
      { period: "2023Q4", scored: 1, lowest: 77, below: 1 },
      { period: "2024Q1", scored: 2, average: 81.5, lowest: 78, highest: 85, below: 1 },
    ]);
    const at90 = figuresFor(90).figures;
    expect(at90.passMark).toBe(90);
    expect(at90.periods.map((p) => p.below)).toEqual([1, 2]);
    expect(at90.totals.below).toBe(3);
  });

  it("refuses a today that is not a date (a bug in the caller)", () => {
    expect(() => dashboardFigures({ tables: [], findings: [], settings: { threshold: 80 }, today: "soon" })).toThrow(/YYYY-MM-DD/);
  });
});

describe("dashboardSheet", () => {
  it("lays four blocks one under the other, each chart beside its block, labels as text", () => {
    const { figures } = figuresFor();
    const sheet = dashboardSheet(figures, "zh-CN");
    expect(sheet.name).toBe("看板");
    expect(sheet.heading).toBe("沟通协作看板（2024年10月8日）");
    expect(sheet.blocks.map((b) => b.title)).toEqual([
      "按负责人",
      "按部门",
      "逾期和升级（按截止月份）",
      "供应商得分与合格线（按评估周期）",
    ]);
    const [owners, , months, scores] = sheet.blocks;
    expect(owners.chart).toMatchObject({ type: "ColumnStacked", source: `A6:E${6 + figures.owners.length}`, topLeft: "H5" });
    expect(months.rows).toEqual([
      ["2024-09", 0, 2],
      ["2024-10", 1, 0],
    ]);
    expect(scores.chart?.type).toBe("Line");
    expect(scores.rows[0]).toEqual(["2023Q4", 77, 77, 80, 1, 1]);
    for (let i = 1; i < sheet.blocks.length; i++) expect(sheet.blocks[i].titleRow).toBeGreaterThan(sheet.blocks[i - 1].titleRow + 15);
    const cells = dashboardCells(sheet);
    expect(cells.find((c) => c.address === `A${owners.titleRow + 2}`)?.value).toBe(figures.owners[0].label);
    expect(new Set(cells.map((c) => c.address)).size).toBe(cells.length);
  });
});
