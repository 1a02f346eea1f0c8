import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkTables } from "../../../src/core/check";
import { parseIsoDate } from "../../../src/core/cells/civil";
import type { Report } from "../../../src/core/report";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/schema";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";
import { OfficeWorkbook } from "../../../src/workbook/officejs/adapter";
import type { WorkbookPort } from "../../../src/app/port";
import { useExcelDouble } from "../officejs/setup";
import { SCENARIOS, seedDouble, toExcelJs, type Scenario } from "./layout-scenarios";

/**
 * contract.md "Table layout" through every front end: each scenario of issue 10 checked by the
 * ExcelJS adapter, by the Office adapter on the strict double, and by the CLI, with identical
 * findings — and the findings each scenario must (and must not) give.
 */

const double = useExcelDouble("Blank");
const CLI = join(__dirname, "../../../dist/cli/liaison.cjs");

async function check(port: WorkbookPort, s: Scenario): Promise<Report> {
  const today = parseIsoDate(s.today) as number;
  const tables = await port.readTables({ kind: "all" });
  return checkTables({
    file: "x.xlsx",
    sheets: s.sheets.map((x) => x.name),
    tables,
    settings: DEFAULT_SETTINGS,
    today,
    now: today * 1440 + 600,
  });
}

async function viaExcelJs(s: Scenario): Promise<{ report: Report; buffer: Uint8Array }> {
  const buffer = (await toExcelJs(s).xlsx.writeBuffer()) as unknown as Uint8Array;
  return { report: await check(await XlsxWorkbook.load(buffer), s), buffer };
}

async function viaOffice(s: Scenario): Promise<Report> {
  seedDouble(double.model, s);
  double.model.deleteSheet(double.model.sheet("Blank"));
  return check(new OfficeWorkbook(), s);
}

function viaCli(buffer: Uint8Array, s: Scenario): Report {
  const dir = mkdtempSync(join(tmpdir(), "liaison-layout-"));
  const file = join(dir, "x.xlsx");
  writeFileSync(file, buffer);
  let out: string;
  try {
    out = execFileSync(process.execPath, [CLI, "check", file, "--today", s.today, "--now", `${s.today} 10:00`, "--format", "json"], {
      encoding: "utf8",
    });
  } catch (e) {
    out = (e as { stdout: string }).stdout;
  }
  return JSON.parse(out) as Report;
}

const brief = (r: Report): string[] => r.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule} ${f.column}: ${f.message}`);

describe.each(SCENARIOS.map((s) => [s.name, s] as const))("%s", (_name, s) => {
  it("gives identical findings through the ExcelJS adapter, the Office adapter and the CLI", async () => {
    const { report, buffer } = await viaExcelJs(s);
    const office = await viaOffice(s);
    expect(brief(office)).toEqual(brief(report));
    expect(office.tables).toEqual(report.tables);
    const cli = viaCli(buffer, s);
    expect(brief(cli)).toEqual(brief(report));
    expect(cli.tables).toEqual(report.tables);
    expect({ tables: report.tables, findings: brief(report) }).toMatchSnapshot();
  });
});

describe("what each scenario reads", () => {
  const run = async (i: number): Promise<Report> => (await viaExcelJs(SCENARIOS[i])).report;

  it("two-row header: the sub-header row is not data; the group columns are read", async () => {
    const r = await run(0);
    expect(r.tables).toEqual([{ sheet: "协作需求", template: "collab-request", headerRow: 2, rows: 3, range: "A2:H6", skippedRows: [] }]);
    // Only the real gaps of row 6: 协作部门 and 期望成果.
    expect(r.findings.map((f) => [f.cell, f.rule])).toEqual([
      ["B6", "required"],
      ["D6", "required"],
    ]);
  });

  it("purchase orders: 合计 skipped, 制表/审核 ends the table, money with ¥ ￥ 元 read as numbers", async () => {
    const r = await run(1);
    expect(r.tables[0]).toMatchObject({
      headerRow: 2,
      rows: 3,
      range: "A2:I5",
      skippedRows: [
        { row: 6, reason: "total" },
        { row: 7, reason: "blank" },
        { row: 8, reason: "signature" },
      ],
    });
    expect(r.findings.map((f) => [f.cell, f.rule])).toEqual([["H5", "required"]]);
  });

  it("weekly report: padded and broken headers match, the note and signature end it, 存在问题 is 遇到的问题", async () => {
    const r = await run(2);
    expect(r.tables[0]).toMatchObject({
      rows: 2,
      range: "A2:G4",
      skippedRows: [
        { row: 5, reason: "blank" },
        { row: 6, reason: "note" },
        { row: 7, reason: "signature" },
      ],
    });
    expect(r.findings.map((f) => [f.cell, f.rule, f.column])).toEqual([["F4", "consistency", "遇到的问题及需支持事项"]]);
  });

  it("rows typed under an Excel table are checked with it, with one layout finding", async () => {
    const r = await run(3);
    expect(r.tables[0]).toMatchObject({ rows: 4, range: "A1:D5" });
    expect(r.findings.map((f) => [f.cell, f.rule])).toEqual([
      ["A4", "layout"],
      ["B4", "required"],
      ["D5", "enum"],
    ]);
  });

  it("two tables on one sheet: the caption is not data, 截至时间 is the due date, a done date after today is flagged", async () => {
    const r = await run(4);
    expect(r.tables.map((t) => [t.template, t.headerRow, t.rows, t.range, t.skippedRows])).toEqual([
      ["meetings", 2, 3, "A2:E5", [{ row: 10, reason: "caption" }]],
      ["action-items", 11, 3, "A11:E14", []],
    ]);
    const rules = r.findings.map((f) => [f.cell, f.rule]);
    expect(rules).toContainEqual(["C5", "required"]);
    expect(rules).toContainEqual(["C13", "escalation"]);
    expect(rules).toContainEqual(["A2", "required"]); // the meetings lack 主持人: once, at the header row
    expect(rules).toContainEqual(["E14", "consistency"]);
    expect(r.findings.find((f) => f.cell === "E14" && f.rule === "consistency")?.message).toContain("完成日期晚于今天");
    expect(rules.filter(([c]) => Number(String(c).slice(1)) >= 10 && Number(String(c).slice(1)) <= 11)).toEqual([]);
  });

  it("a supplier merged down counts for each period: no required on the continuation cells, consecutive found", async () => {
    const r = await run(5);
    expect(r.tables[0]).toMatchObject({
      rows: 4,
      skippedRows: [
        { row: 5, reason: "header" },
        { row: 7, reason: "total" },
      ],
    });
    const rules = r.findings.map((f) => [f.cell, f.rule]);
    expect(rules.filter(([, rule]) => rule === "required")).toEqual([]);
    expect(rules).toContainEqual(["H3", "consecutive"]);
  });

  it("the manual's own tables typed by hand give only the real finding", async () => {
    const r = await run(7);
    expect(r.tables.map((t) => [t.sheet, t.template, t.rows, t.skippedRows.map((x) => x.reason)])).toEqual([
      ["周报", "work-report", 2, ["blank", "signature"]],
      ["合作进度", "partner-progress", 3, ["note"]],
    ]);
    expect(r.findings.map((f) => [f.cell, f.rule])).toEqual([["F5", "escalation"]]);
  });

  it("the add-in's findings sheet, a title-only sheet and an unknown header are no tables", async () => {
    const r = await run(6);
    expect(r.tables.map((t) => t.sheet)).toEqual(["供应商"]);
    expect(r.findings).toEqual([]);
  });
});
