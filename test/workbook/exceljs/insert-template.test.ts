/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- ExcelJS cells, not Office.js proxies (the rule guesses from names like getCell) */
import type * as ExcelJS from "exceljs";
import { parseRange } from "../../../src/core/a1";
import { isDateFormat } from "../../../src/core/cells/number-format";
import { isExcelDate, type RawCell } from "../../../src/core/cells/types";
import { LiaisonError } from "../../../src/core/errors";
import { TEMPLATES, getTemplate } from "../../../src/core/templates";
import { templateLayout } from "../../../src/core/templates/layout";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";
import { toRawCell } from "../../../src/workbook/exceljs/cells";

const reload = async (book: XlsxWorkbook): Promise<XlsxWorkbook> => XlsxWorkbook.load(await book.toBuffer());

/** The validation covering a cell, whether stored per cell (loaded files) or per range (in memory). */
function validationAt(ws: ExcelJS.Worksheet, address: string): ExcelJS.DataValidation | undefined {
  const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations.model;
  const target = parseRange(address)!;
  for (const [key, v] of Object.entries(model)) {
    const r = parseRange(key);
    if (v && r && r.top <= target.top && target.top <= r.bottom && r.left <= target.left && target.left <= r.right) return v;
  }
  return undefined;
}

describe("XlsxWorkbook.insertTemplate", () => {
  let book: XlsxWorkbook;
  beforeAll(async () => {
    const fresh = XlsxWorkbook.create();
    for (const tpl of TEMPLATES) await fresh.insertTemplate(tpl.id, { examples: true });
    book = await reload(fresh);
  });

  it("writes every template as an Excel table that findTables finds again after a round trip", async () => {
    const found = await book.findTables();
    expect(found.map((f) => f.templateId)).toEqual(TEMPLATES.map((t) => t.id));
    for (const f of found) {
      const tpl = getTemplate(f.templateId);
      expect(f).toMatchObject({
        kind: "table",
        tableName: tpl.tableName,
        headerRow: 1,
        firstColumn: 0,
        rows: tpl.examples.length,
        missingRequired: [],
      });
      expect(f.columns.map((c) => c.key)).toEqual(tpl.columns.map((c) => c.key));
    }
    expect(await book.listSheets()).toHaveLength(TEMPLATES.length);
  });

  it("writes the layout's cells back exactly: dates as dates under date formats, text as text, numbers as numbers", () => {
    for (const tpl of TEMPLATES) {
      const layout = templateLayout(tpl, { examples: true });
      const ws = book.workbook.worksheets.find(
        (w) => w.getTables().length && (w.getTables()[0] as unknown as { model: { name: string } }).model.name === tpl.tableName,
      )!;
      layout.columns.forEach((col, c) => {
        expect(ws.getRow(1).getCell(c + 1).value).toBe(col.header);
        expect(ws.getColumn(c + 1).width).toBe(col.width);
        layout.rows.forEach((row, r) => {
          const cell = ws.getRow(r + 2).getCell(c + 1);
          const expected: RawCell = row[c];
          expect(toRawCell(cell)).toEqual(expected);
          expect(cell.numFmt ?? "General").toBe(col.numberFormat); // General reads back as no format
          if (isExcelDate(expected)) expect(isDateFormat(cell.numFmt)).toBe(true);
          // No cell of a template is ever a formula, whatever its text looks like.
          expect(cell.formula).toBeUndefined();
        });
      });
    }
  });

  it("adds dropdowns for list columns (strict only for enums) and the hints as input messages", () => {
    let lists = 0;
    for (const tpl of TEMPLATES) {
      const layout = templateLayout(tpl, { examples: true });
      const ws = book.workbook.getWorksheet(TEMPLATES.indexOf(tpl) + 1)!;
      const lastRow = Math.max(layout.rows.length, 1) + 1;
      layout.columns.forEach((col, c) => {
        for (const row of [2, lastRow]) {
          const v = validationAt(ws, `${String.fromCharCode(65 + c)}${row}`);
          if (col.list) {
            lists++;
            expect(v).toMatchObject({ type: "list", formulae: [`"${col.list.join(",")}"`] });
            expect(Boolean(v!.showErrorMessage)).toBe(col.listStrict);
          }
          if (col.hint) expect(v).toMatchObject({ showInputMessage: true, prompt: col.hint });
          if (!col.list && !col.hint) expect(v).toBeUndefined();
        }
        expect(validationAt(ws, `${String.fromCharCode(65 + c)}${lastRow + 1}`)).toBeUndefined();
      });
    }
    expect(lists).toBeGreaterThan(0);
  });

  it("freezes the header row", () => {
    for (const ws of book.workbook.worksheets) expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  it("writes an empty template as a header and one blank row", async () => {
    const b = XlsxWorkbook.create();
    const r = await b.insertTemplate("collab-request", { examples: false });
    const cols = getTemplate("collab-request").columns.length;
    expect(r).toEqual({ sheet: "跨部门协作需求表", table: "CollabRequest", address: `A1:${String.fromCharCode(64 + cols)}2`, rows: 0 });
    const [found] = await (await reload(b)).findTables();
    expect(found).toMatchObject({ templateId: "collab-request", kind: "table", rows: 0, address: `A1:${String.fromCharCode(64 + cols)}1` });
  });

  it("makes default names unique and turns characters Excel forbids in sheet names into -", async () => {
    const b = XlsxWorkbook.create();
    const first = await b.insertTemplate("work-report", { examples: false });
    const second = await b.insertTemplate("work-report", { examples: false });
    expect(first).toMatchObject({ sheet: "周-月度工作汇报表", table: "WorkReport" });
    expect(second).toMatchObject({ sheet: "周-月度工作汇报表 (2)", table: "WorkReport2" });
    expect((await (await reload(b)).findTables()).map((f) => f.tableName)).toEqual(["WorkReport", "WorkReport2"]);
  });

  it.each([
    [{ sheetName: "Existing" }, "sheetExists"],
    [{ sheetName: "EXISTING" }, "sheetExists"],
    [{ sheetName: "a/b" }, "invalidSheetName"],
    [{ tableName: "Taken" }, "tableNameInUse"],
    [{ tableName: "taken" }, "tableNameInUse"],
    [{ tableName: "A1" }, "invalidTableName"],
    [{ tableName: "has space" }, "invalidTableName"],
  ])("refuses %j with %s and adds nothing", async (names, key) => {
    const b = XlsxWorkbook.create();
    await b.insertTemplate("quotes", { examples: false, sheetName: "Existing", tableName: "Taken" });
    const err = await b.insertTemplate("meetings", { examples: true, ...names }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LiaisonError);
    expect((err as LiaisonError).key).toBe(key);
    expect(await b.listSheets()).toEqual(["Existing"]);
    expect(await b.findTables()).toHaveLength(1);
  });

  it("refuses an unknown template with a LiaisonError", async () => {
    const b = XlsxWorkbook.create();
    await expect(b.insertTemplate("nope", { examples: false })).rejects.toMatchObject({ key: "unknownTemplate" });
    expect(await b.listSheets()).toEqual([]);
  });
});
