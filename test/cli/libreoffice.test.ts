/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- ExcelJS cells, not Office.js proxies (the rule guesses from names like getCell) */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type * as ExcelJS from "exceljs";
import { isDateFormat } from "../../src/core/cells/number-format";
import { isExcelDate } from "../../src/core/cells/types";
import { TEMPLATES } from "../../src/core/templates";
import { templateLayout } from "../../src/core/templates/layout";
import { run } from "../../src/cli/run";
import { MARK_SIGNATURE } from "../../src/core/marks/mark";
import { XlsxWorkbook } from "../../src/workbook/exceljs/adapter";
import { toRawCell } from "../../src/workbook/exceljs/cells";
import { SOFFICE, describeWhen, requireTool } from "../support/requires";

/**
 * End to end with another spreadsheet program: the workbook `liaison template all --examples`
 * writes must open in LibreOffice, and what LibreOffice saves again must still hold the tables,
 * dropdowns and date formats. CI installs LibreOffice (test/support/requires.ts).
 */
const LIBREOFFICE = requireTool("LibreOffice", SOFFICE, "Install it: apt-get install libreoffice-calc.");

describeWhen(LIBREOFFICE)("LibreOffice opens and re-saves the template workbook", () => {
  let dir: string;
  let original: XlsxWorkbook;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "liaison-lo-"));
    original = XlsxWorkbook.create();
    for (const tpl of TEMPLATES) await original.insertTemplate(tpl.id, { examples: true });
    writeFileSync(path.join(dir, "templates.xlsx"), await original.toBuffer());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const convert = (to: string, outdir: string): void => {
    const r = spawnSync(
      LIBREOFFICE!,
      [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        to,
        "--outdir",
        outdir,
        path.join(dir, "templates.xlsx"),
      ],
      {
        encoding: "utf8",
        timeout: 120_000,
      },
    );
    expect(r.status).toBe(0);
  };

  it("exports it to PDF", () => {
    convert("pdf", dir);
    const pdf = readFileSync(path.join(dir, "templates.pdf"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  it("saves it as .xlsx again with the tables, dropdowns, values and date formats intact", async () => {
    const outdir = path.join(dir, "resaved");
    convert("xlsx:Calc MS Excel 2007 XML", outdir);
    const back = await XlsxWorkbook.load(readFileSync(path.join(outdir, "templates.xlsx")));
    const found = await back.findTables();
    expect(found.map((f) => [f.templateId, f.kind, f.rows])).toEqual(TEMPLATES.map((t) => [t.id, "table", t.examples.length]));

    let dates = 0;
    let lists = 0;
    TEMPLATES.forEach((tpl, i) => {
      const ws = back.workbook.worksheets[i];
      const layout = templateLayout(tpl, { examples: true });
      const validations = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } })
        .dataValidations.model;
      layout.columns.forEach((col, c) => {
        const cell = ws.getRow(2).getCell(c + 1);
        const expected = layout.rows[0][c];
        // LibreOffice writes empty text cells as absent and may drop the text format on them.
        if (expected !== null) expect(toRawCell(cell)).toEqual(expected);
        if (isExcelDate(expected)) {
          dates++;
          expect(isDateFormat(cell.numFmt)).toBe(true);
        }
        if (col.list) {
          lists++;
          const v = validations[cell.address];
          expect(v?.type).toBe("list");
          expect(v?.formulae[0]).toBe(`"${col.list.join(",")}"`); // LibreOffice adds an unused formula2
          expect(Boolean(v?.showErrorMessage)).toBe(col.listStrict);
        }
      });
    });
    expect(dates).toBeGreaterThan(0);
    expect(lists).toBeGreaterThan(0);
  });
});

describeWhen(LIBREOFFICE)("LibreOffice opens the annotated copy of `liaison check --out`", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "liaison-lo-check-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  type Blocks = { ref: string; rules: { formulae?: string[] }[] }[];
  const marksOf = (book: XlsxWorkbook, sheet: string): [string, string][] =>
    (book.workbook.getWorksheet(sheet) as unknown as { conditionalFormattings: Blocks }).conditionalFormattings
      .filter((b) => b.rules.some((r) => (r.formulae ?? []).some((f) => f.includes(MARK_SIGNATURE))))
      .map((b) => [b.ref, b.rules[0].formulae![0]]);

  it("keeps the marks and the findings sheet when it saves the copy again; clearing then finds them", async () => {
    const book = XlsxWorkbook.create();
    for (const tpl of TEMPLATES) await book.insertTemplate(tpl.id, { examples: true });
    writeFileSync(path.join(dir, "in.xlsx"), await book.toBuffer());
    const code = await run({
      argv: ["check", path.join(dir, "in.xlsx"), "--today", "2024-10-08", "--format", "json", "--out", path.join(dir, "annotated.xlsx")],
      env: {},
      stdout: () => undefined,
      stderr: () => undefined,
      stdoutIsTTY: false,
      version: "0.0.0",
    });
    expect(code).toBe(1);
    const r = spawnSync(
      LIBREOFFICE!,
      [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        path.join(dir, "resaved"),
        path.join(dir, "annotated.xlsx"),
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(r.status).toBe(0);
    const back = await XlsxWorkbook.load(readFileSync(path.join(dir, "resaved", "annotated.xlsx")));
    expect(marksOf(back, "供应商评估表")).toEqual([
      ["H4", 'N("liaison-mark:error")=0'],
      ["H3 H5", 'N("liaison-mark:warning")=0'],
    ]);
    expect(await back.listSheets()).toContain("校验结果");
    await back.clearMarks();
    for (const ws of back.workbook.worksheets) expect(marksOf(back, ws.name)).toEqual([]);
  });
});
