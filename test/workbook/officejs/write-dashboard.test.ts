/**
 * 写入看板工作表 inside Excel, on the strict Office double: a new sheet (never an existing one),
 * the figures as numbers and labels as text, one native chart per block with data
 * (`worksheet.charts.add(type, sourceData, "Columns")`, ExcelApi 1.1), in two syncs whatever the
 * number of rows.
 */
import type { CountGroup, DashboardFigures } from "../../../src/core/dashboard/figures";
import { dashboardSheet } from "../../../src/core/dashboard/sheet";
import { OfficeWorkbook } from "../../../src/workbook/officejs/adapter";
import { useExcelDouble } from "./setup";

const double = useExcelDouble("Tasks", "看板");
const port = new OfficeWorkbook();

const group = (label: string, n: number): CountGroup => ({
  label,
  counts: { dueSoon: 1, overdue: n, escalation: 2, other: 0 },
  total: n + 3,
  findings: [],
});

function figures(people: number): DashboardFigures {
  return {
    today: "2024-10-08",
    passMark: 80,
    owners: Array.from({ length: people }, (_, i) => group(`负责人${i + 1}`, i)),
    departments: [group("市场部", 3), group("", 1)],
    months: [
      { month: "2024-09", overdue: 2, escalation: 1, findings: [] },
      { month: "2024-10", overdue: 1, escalation: 0, findings: [] },
    ],
    periods: [
      { period: "2023Q4", scored: 1, average: 78, lowest: 78, highest: 78, below: 1, findings: [] },
      { period: "2024Q1", scored: 3, average: 80.5, lowest: 77, highest: 85, below: 2, findings: [] },
    ],
    totals: { assigned: 10, overdue: 3, escalation: 1, below: 3 },
  };
}

describe("OfficeWorkbook.writeDashboard", () => {
  it("adds 看板 (2) beside an existing 看板, with a native chart per block over its figures", async () => {
    const model = double.model;
    const layout = dashboardSheet(figures(3), "zh-CN");
    const written = await port.writeDashboard(layout);
    expect(written).toEqual({ sheet: "看板 (2)", charts: 4 });
    const sheet = model.sheet("看板 (2)");
    expect(model.sheet("看板").charts).toEqual([]); // the existing sheet is untouched
    expect(model.activeSheet.name).toBe("看板 (2)");

    const owners = layout.blocks[0];
    expect(sheet.values(`A${owners.titleRow}:F${owners.titleRow + 2}`)).toEqual([
      ["按负责人", "", "", "", "", ""],
      ["负责人", "临期", "逾期", "升级", "其他", "合计"],
      ["负责人1", 1, 0, 2, 0, 3],
    ]);
    // A month label is text, not a date Excel made of "2024-09".
    const months = layout.blocks[2];
    expect(sheet.values(`A${months.titleRow + 2}:C${months.titleRow + 2}`)).toEqual([["2024-09", 2, 1]]);

    expect(sheet.charts.map((c) => [c.type, c.source, c.seriesBy, c.title])).toEqual([
      ["ColumnStacked", `'看板 (2)'!A${owners.titleRow + 1}:E${owners.titleRow + 4}`, "Columns", "按负责人"],
      ["ColumnStacked", `'看板 (2)'!A${layout.blocks[1].titleRow + 1}:E${layout.blocks[1].titleRow + 3}`, "Columns", "按部门"],
      ["ColumnStacked", `'看板 (2)'!A${months.titleRow + 1}:C${months.titleRow + 3}`, "Columns", "逾期和升级（按截止月份）"],
      [
        "Line",
        `'看板 (2)'!A${layout.blocks[3].titleRow + 1}:D${layout.blocks[3].titleRow + 3}`,
        "Columns",
        "供应商得分与合格线（按评估周期）",
      ],
    ]);
    // Beside the tables, one under the other, never over each other.
    const tops = sheet.charts.map((c) => Number(/\d+/.exec(c.topLeft ?? "")?.[0]));
    const bottoms = sheet.charts.map((c) => Number(/\d+/.exec(c.bottomRight ?? "")?.[0]));
    for (let i = 1; i < tops.length; i++) expect(tops[i]).toBeGreaterThan(bottoms[i - 1]);
    expect(sheet.charts.every((c) => c.topLeft?.startsWith("H"))).toBe(true);
  });

  it("takes the same number of syncs for 3 people as for 3,000", async () => {
    const model = double.model;
    await port.writeDashboard(dashboardSheet(figures(3), "zh-CN"));
    const small = model.syncs;
    await port.writeDashboard(dashboardSheet(figures(3000), "zh-CN"));
    expect(model.syncs - small).toBe(small);
    expect(small).toBe(2);
    expect(model.sheet("看板 (3)").values("A3003:A3003")).toEqual([["负责人2997"]]); // data from row 7: title 5, header 6
  });

  it("draws no chart for a block without data, and says there is none yet", async () => {
    const model = double.model;
    const empty: DashboardFigures = { ...figures(0), departments: [], months: [], periods: [] };
    const layout = dashboardSheet(empty, "en-US");
    expect(await port.writeDashboard(layout)).toEqual({ sheet: "Dashboard", charts: 0 });
    const sheet = model.sheet("Dashboard");
    expect(sheet.charts).toEqual([]);
    expect(sheet.values(`A${layout.blocks[0].titleRow + 2}:A${layout.blocks[0].titleRow + 2}`)).toEqual([["No data yet"]]);
  });
});
