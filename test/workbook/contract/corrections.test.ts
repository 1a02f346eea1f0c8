import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { checkTables } from "../../../src/core/check";
import { parseIsoDate } from "../../../src/core/cells/civil";
import { CORRECTIONS_HEADER, CORRECTIONS_SHEET } from "../../../src/core/layout/corrections-sheet";
import type { Report } from "../../../src/core/report";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/schema";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";
import { OfficeWorkbook } from "../../../src/workbook/officejs/adapter";
import { OoxmlWorkbook } from "../../../src/workbook/ooxml/workbook";
import type { WorkbookPort } from "../../../src/app/port";
import { expectLiaison, useExcelDouble } from "../officejs/setup";
import { SCENARIOS, seedDouble, toExcelJs, type Scenario } from "./layout-scenarios";

/**
 * Layout corrections (issue 10) stored in the workbook and honoured by every front end: added
 * through the ExcelJS adapter and through the Office adapter on the strict double, kept when the
 * file is saved and read again, applied by the CLI's reader and by `liaison check`.
 */

const double = useExcelDouble("Blank");
const CLI = join(__dirname, "../../../dist/cli/liaison.cjs");
/** The weekly report: header row 2, data rows 3–4, a blank row 5, a 注： note on row 6, a signature on row 7. */
const WEEKLY = SCENARIOS.find((s) => s.name.startsWith("weekly report")) as Scenario;
const NOTE_AS_DATA = { kind: "row-is-data", sheet: "周报", headerRow: 2, row: 6 } as const;

async function check(port: Pick<WorkbookPort, "readTables">, s: Scenario): Promise<Report> {
  const today = parseIsoDate(s.today) as number;
  return checkTables({
    file: "x.xlsx",
    sheets: s.sheets.map((x) => x.name),
    tables: await port.readTables({ kind: "all" }),
    settings: DEFAULT_SETTINGS,
    today,
    now: today * 1440 + 600,
  });
}

const brief = (r: Report): string[] => r.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule} ${f.column}`);

async function excelJsBook(): Promise<XlsxWorkbook> {
  return XlsxWorkbook.load((await toExcelJs(WEEKLY).xlsx.writeBuffer()) as unknown as Uint8Array);
}

describe("layout corrections through the adapters", () => {
  it("ExcelJS: the note marked as data is read as data, stored hidden as text, kept after saving and reading again, undone", async () => {
    const book = await excelJsBook();
    const before = await book.readLayout();
    expect(before.tables[0].skippedRows).toContainEqual({ row: 6, reason: "note" });
    expect(before.corrections).toEqual([]);

    await book.addLayoutCorrection(NOTE_AS_DATA);
    const after = await book.readLayout();
    expect(after.tables[0].dataRows).toEqual([3, 4, 6]);
    expect(after.corrections.map((c) => [c.correction.kind, c.correction.row, c.status])).toEqual([["row-is-data", 6, "applied"]]);
    // The note row now gives findings (its cells are checked as data).
    expect(brief(await check(book, WEEKLY)).some((f) => /!\w+6 /.test(f))).toBe(true);

    const saved = await book.toBuffer();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(saved as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
    const ws = wb.getWorksheet(CORRECTIONS_SHEET) as ExcelJS.Worksheet;
    expect(ws.state).toBe("hidden");
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...CORRECTIONS_HEADER]);
    expect(ws.getCell("F2").value).toBe("注：完成情况请填写 √、× 或 部分完成");
    expect(ws.getCell("F2").numFmt).toBe("@");

    const reloaded = await XlsxWorkbook.load(saved);
    expect((await reloaded.readLayout()).tables[0].dataRows).toEqual([3, 4, 6]);
    // The CLI's streaming reader applies it too.
    expect((await OoxmlWorkbook.load(saved).readLayout()).tables[0].dataRows).toEqual([3, 4, 6]);

    await reloaded.removeLayoutCorrection(after.corrections[0].correction);
    expect((await reloaded.readLayout()).tables[0].dataRows).toEqual([3, 4]);
    expect(reloaded.workbook.getWorksheet(CORRECTIONS_SHEET)).toBeUndefined();
  });

  it("ExcelJS: a request that does not fit changes nothing", async () => {
    const book = await excelJsBook();
    await expectLiaison(book.addLayoutCorrection({ kind: "row-is-data", sheet: "周报", headerRow: 2, row: 3 }), "layoutNotSkipped");
    await expectLiaison(book.addLayoutCorrection({ kind: "not-a-table", sheet: "周报", headerRow: 5 }), "layoutNoTable");
    expect(book.workbook.getWorksheet(CORRECTIONS_SHEET)).toBeUndefined();
  });

  it("Office (strict double): same corrections, same findings as ExcelJS; hidden sheet, text cells as text; one command with a fixed number of syncs", async () => {
    seedDouble(double.model, WEEKLY);
    double.model.deleteSheet(double.model.sheet("Blank"));
    const office = new OfficeWorkbook();
    const book = await excelJsBook();
    for (const port of [office, book] as WorkbookPort[]) {
      await port.addLayoutCorrection(NOTE_AS_DATA);
      await port.addLayoutCorrection({ kind: "table-ends", sheet: "周报", headerRow: 2, row: 4 });
    }
    const layout = await office.readLayout();
    expect(layout.tables[0].dataRows).toEqual([3, 4]);
    expect(layout.corrections.map((c) => [c.correction.kind, c.status])).toEqual([
      ["row-is-data", "stale"],
      ["table-ends", "applied"],
    ]);
    expect(layout.corrections.map((c) => c.correction)).toEqual((await book.readLayout()).corrections.map((c) => c.correction));
    expect(brief(await check(office, WEEKLY))).toEqual(brief(await check(book, WEEKLY)));

    const sheet = double.model.sheet(CORRECTIONS_SHEET);
    expect(sheet.visibility).toBe("Hidden");
    expect(sheet.values("A1:F1")).toEqual([[...CORRECTIONS_HEADER]]);
    expect(sheet.formats("A2:F2")).toEqual([["@", "General", "@", "@", "General", "@"]]);

    // Undo the end: the note is data again; a bigger sheet costs no more syncs.
    double.model.resetStats();
    await office.removeLayoutCorrection(layout.corrections[1].correction);
    const syncs = double.model.syncs;
    expect((await office.readLayout()).tables[0].dataRows).toEqual([3, 4, 6]);
    const long = double.model.sheet("周报");
    long.seed(
      "A20",
      Array.from({ length: 300 }, (_, i) => [`行${i}`]),
    );
    const current = (await office.readLayout()).corrections[0].correction;
    double.model.resetStats();
    await office.removeLayoutCorrection(current);
    expect(double.model.syncs).toBe(syncs);
    expect(double.model.findSheet(CORRECTIONS_SHEET)).toBeUndefined();
  });
});

describe("liaison check honours a correction stored in the workbook", () => {
  it("reads the note row as data once the workbook says so", async () => {
    const book = await excelJsBook();
    const run = (bytes: Uint8Array): Report => {
      const dir = mkdtempSync(join(tmpdir(), "liaison-corrections-"));
      const file = join(dir, "x.xlsx");
      writeFileSync(file, bytes);
      let out: string;
      try {
        out = execFileSync(process.execPath, [CLI, "check", file, "--today", WEEKLY.today, "--format", "json"], { encoding: "utf8" });
      } catch (e) {
        out = (e as { stdout: string }).stdout;
      }
      return JSON.parse(out) as Report;
    };
    const plain = run(await book.toBuffer());
    expect(plain.tables[0]).toMatchObject({ rows: 2, range: "A2:G4" });
    await book.addLayoutCorrection(NOTE_AS_DATA);
    const corrected = run(await book.toBuffer());
    expect(corrected.tables).toEqual([
      {
        ...plain.tables[0],
        rows: 3,
        range: "A2:G6",
        skippedRows: [
          { row: 5, reason: "blank" },
          { row: 7, reason: "signature" },
        ],
      },
    ]);
    expect(corrected.findings.some((f) => f.row === 6)).toBe(true);
  });

  it("warns on stderr about a correction whose table changed, and does not apply it", async () => {
    const book = await excelJsBook();
    await book.addLayoutCorrection(NOTE_AS_DATA);
    // Someone renames the sheet in Excel: the correction's anchor no longer matches.
    (book.workbook.getWorksheet("周报") as ExcelJS.Worksheet).name = "周报（七月）";
    const dir = mkdtempSync(join(tmpdir(), "liaison-corrections-"));
    const file = join(dir, "x.xlsx");
    writeFileSync(file, await book.toBuffer());
    const r = spawnSync(process.execPath, [CLI, "check", file, "--today", WEEKLY.today, "--format", "json"], { encoding: "utf8" });
    expect(r.stderr).toContain("表格更正“这一行是数据”（工作表“周报”第 2 行起的表格，第 6 行）未生效");
    expect((JSON.parse(r.stdout) as Report).tables[0]).toMatchObject({ sheet: "周报（七月）", rows: 2 });
  });
});
