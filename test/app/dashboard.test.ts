/**
 * The 看板's figures on the example workbook (every template with its examples, as 在示例上试试
 * inserts them), derived twice: by the use case (core/dashboard) and here, straight from the
 * check's findings and the sheets' raw cells. They must agree, and follow 合格线 from the settings.
 */
import { loadDashboard, writeDashboardSheet } from "../../src/app/dashboard/run";
import { dashboardSheet } from "../../src/core/dashboard/sheet";
import { TEMPLATES } from "../../src/core/templates";
import { XlsxWorkbook } from "../../src/workbook/exceljs/adapter";
import type { TableData } from "../../src/app/port";

const TODAY = "2024-10-08";
const INSTANT = new Date("2024-10-08T04:00:00Z");

async function exampleBook(): Promise<XlsxWorkbook> {
  const book = XlsxWorkbook.create();
  for (const t of TEMPLATES) await book.insertTemplate(t.id, { examples: true });
  return book;
}

/** The raw text of a column (by its header) in each data row of a table: Excel row → text. */
function column(data: TableData, header: string): Map<number, string> {
  const j = data.table.columns.findIndex((c) => c.header === header);
  const out = new Map<number, string>();
  if (j < 0) return out;
  const first = data.table.headerRow + (data.table.headerRows ?? 1);
  const rows = data.table.dataRows ?? data.body.map((_, i) => first + i);
  data.body.forEach((line, i) => out.set(rows[i], String(line[j] ?? "").trim()));
  return out;
}

describe("看板 figures on the example workbook", () => {
  let book: XlsxWorkbook;
  beforeAll(async () => {
    book = await exampleBook();
  });

  it("counts per 负责人 exactly the findings on that person's rows", async () => {
    const { report, figures } = await loadDashboard(book, { lang: "zh-CN", instant: INSTANT, today: TODAY });
    const tables = await book.readTables({ kind: "all" });
    const actions = tables.find((t) => t.table.templateId === "action-items");
    if (!actions) throw new Error("no 待办事项 table");
    const ownerOfRow = column(actions, "负责人");
    const expected = new Map<string, number>();
    for (const f of report.findings) {
      if (f.sheet !== actions.table.sheet) continue;
      const owner = ownerOfRow.get(f.row);
      if (owner === undefined) continue;
      expected.set(owner, (expected.get(owner) ?? 0) + 1);
    }
    expect(expected.size).toBeGreaterThan(0);
    // The other owner tables add their own people; 待办事项's people have at least their rows' findings.
    for (const [owner, n] of expected) {
      const g = figures.owners.find((o) => o.label === owner);
      expect(g).toBeDefined();
      const onActions = (g?.findings ?? []).filter((i) => report.findings[i].sheet === actions.table.sheet).length;
      expect(onActions).toBe(n);
    }
    // Every group's counts add up to its findings, and its findings are the ones it names.
    for (const g of [...figures.owners, ...figures.departments]) {
      expect(g.counts.dueSoon + g.counts.overdue + g.counts.escalation + g.counts.other).toBe(g.total);
      expect(g.findings.length).toBe(g.total);
    }
    const ownerSum = figures.owners.reduce((n, g) => n + g.total, 0);
    expect(ownerSum).toBe(figures.totals.assigned);
    expect(figures.departments.reduce((n, g) => n + g.total, 0)).toBe(figures.totals.assigned);
  });

  it("overdue and escalations over time add up to the check's overdue and escalation findings", async () => {
    const { report, figures } = await loadDashboard(book, { lang: "zh-CN", instant: INSTANT, today: TODAY });
    const overdue = report.findings.filter((f) => f.rule === "overdue").length;
    const escalation = report.findings.filter((f) => f.rule === "escalation").length;
    expect(overdue + escalation).toBeGreaterThan(0);
    expect(figures.totals.overdue).toBe(overdue);
    expect(figures.totals.escalation).toBe(escalation);
    expect(figures.months.reduce((n, m) => n + m.overdue, 0)).toBe(overdue);
    expect(figures.months.reduce((n, m) => n + m.escalation, 0)).toBe(escalation);
    // Each month's findings are overdue/escalation findings whose due cell lies in that month.
    const tables = await book.readTables({ kind: "all" });
    for (const m of figures.months) {
      expect(m.month).toMatch(/^\d{4}-\d{2}$/);
      for (const i of m.findings) {
        const f = report.findings[i];
        expect(["overdue", "escalation"]).toContain(f.rule);
        const data = tables.find((t) => t.table.sheet === f.sheet);
        const due = data ? column(data, f.column).get(f.row) : undefined;
        expect(due).toBeDefined();
      }
    }
  });

  it("scores each 评估周期 against 合格线, below = the threshold findings = rows under the pass mark", async () => {
    const check = async () => {
      const { report, figures } = await loadDashboard(book, { lang: "zh-CN", instant: INSTANT, today: TODAY });
      const tables = await book.readTables({ kind: "all" });
      const evaluation = tables.find((t) => t.table.templateId === "supplier-evaluation");
      if (!evaluation) throw new Error("no 供应商评估表");
      const totals = column(evaluation, "总分");
      const periods = column(evaluation, "评估周期");
      for (const p of figures.periods) {
        const rows = [...periods].filter(([, period]) => period === p.period).map(([row]) => row);
        const under = rows.filter((r) => Number(totals.get(r)) < figures.passMark).length;
        const thresholdFindings = report.findings.filter(
          (f) => f.rule === "threshold" && f.sheet === evaluation.table.sheet && rows.includes(f.row),
        );
        expect(p.below).toBe(thresholdFindings.length);
        expect(p.below).toBe(under);
        const scores = rows.map((r) => Number(totals.get(r)));
        expect(p.lowest).toBe(Math.min(...scores));
        expect(p.scored).toBe(rows.length);
      }
      expect(figures.totals.below).toBe(report.findings.filter((f) => f.rule === "threshold").length);
      return figures;
    };
    const at80 = await check();
    expect(at80.passMark).toBe(80);
    expect(at80.periods.map((p) => p.period)).toEqual(["2023Q4", "2024Q1"]);
    await book.writeSettings([["threshold", 90]]);
    const at85 = await check();
    expect(at85.passMark).toBe(90);
    expect(at85.totals.below).toBeGreaterThan(at80.totals.below);
    await book.writeSettings([["threshold", 80]]);
  });

  it("writes the same figures on a new sheet, never over an existing one", async () => {
    const { figures } = await loadDashboard(book, { lang: "zh-CN", instant: INSTANT, today: TODAY });
    const first = await writeDashboardSheet(book, figures, "zh-CN");
    const second = await writeDashboardSheet(book, figures, "zh-CN");
    expect(first).toEqual({ sheet: "看板", charts: 0 });
    expect(second).toEqual({ sheet: "看板 (2)", charts: 0 });
    const ws = book.workbook.getWorksheet("看板");
    if (!ws) throw new Error("no 看板 sheet");
    const layout = dashboardSheet(figures, "zh-CN");
    const owners = layout.blocks[0];
    expect(ws.getCell(owners.titleRow, 1).value).toBe("按负责人");
    // The first owner's row: name as text, figures as numbers.
    const g = figures.owners[0];
    expect(ws.getCell(owners.titleRow + 2, 1).value).toBe(g.label);
    expect(ws.getCell(owners.titleRow + 2, 6).value).toBe(g.total);
    const months = layout.blocks[2];
    // An ExcelJS cell (the .xlsx written), not an Office.js proxy: nothing to load or sync.
    const monthCell = ws.getCell(months.titleRow + 2, 1);
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    expect(typeof monthCell.value).toBe("string");
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    expect(monthCell.numFmt).toBe("@");
  });

  it("says there is no data yet on an empty workbook", async () => {
    const { figures } = await loadDashboard(XlsxWorkbook.create(), { lang: "en-US", instant: INSTANT, today: TODAY });
    expect(figures.owners).toEqual([]);
    expect(figures.periods).toEqual([]);
    const layout = dashboardSheet(figures, "en-US");
    expect(layout.blocks.every((b) => b.chart === undefined && b.rows[0][0] === "No data yet")).toBe(true);
  });
});
