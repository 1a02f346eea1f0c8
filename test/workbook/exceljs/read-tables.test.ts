import * as ExcelJS from "exceljs";
import { excelDate, excelError } from "../../../src/core/cells/types";
import { getTemplate } from "../../../src/core/templates";
import { templateLayout } from "../../../src/core/templates/layout";
import { LiaisonError } from "../../../src/core/errors";
import { SETTINGS_SHEET } from "../../../src/core/settings/sheet";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";

async function load(build: (wb: ExcelJS.Workbook) => void): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return XlsxWorkbook.load((await wb.xlsx.writeBuffer()) as unknown as Uint8Array);
}

const EVAL_HEADER = ["供应商名称", "评估周期", "产品质量", "交付及时性", "服务态度", "价格合理性", "问题解决能力", "总分"];

/** Two sheets: an Excel table (from the template) and a plain range under a title, plus an unrelated sheet. */
async function twoSheets(): Promise<XlsxWorkbook> {
  const source = XlsxWorkbook.create();
  await source.insertTemplate("action-items", { examples: true });
  const ws = source.workbook.addWorksheet("评估");
  ws.getCell("B1").value = "2024Q1 供应商评估";
  ws.getRow(3).values = ["", ...EVAL_HEADER];
  ws.getRow(4).values = [
    "",
    { richText: [{ text: "鑫达" }, { text: "物流" }] },
    "2024Q1",
    23,
    20,
    16,
    11,
    7,
    { formula: "SUM(D4:H4)", result: 77 },
  ];
  ws.getRow(5).values = ["", "恒通", "2024Q1", { error: "#N/A" }, null, 16, 12, 7.5, 79.5];
  ws.getRow(7).values = ["", "华东", "2024Q2", "２８", 22, 18, 12, 9, new Date(Date.UTC(2024, 4, 10))];
  ws.getCell("I7").numFmt = "yyyy-mm-dd";
  source.workbook.addWorksheet("Notes").getCell("A1").value = "not a table";
  return XlsxWorkbook.load(await source.toBuffer());
}

describe("XlsxWorkbook.readTables", () => {
  it("reads every table's data rows as RawCell, relative to the table's first column", async () => {
    const book = await twoSheets();
    const data = await book.readTables({ kind: "all" });
    expect(data.map((d) => [d.table.sheet, d.table.templateId, d.table.kind, d.body.length])).toEqual([
      ["待办事项", "action-items", "table", 4],
      ["评估", "supplier-evaluation", "range", 3],
    ]);
    const range = data[1];
    expect(range.table.firstColumn).toBe(1);
    expect(range.body).toEqual([
      ["鑫达物流", "2024Q1", 23, 20, 16, 11, 7, 77],
      ["恒通", "2024Q1", excelError("#N/A"), null, 16, 12, 7.5, 79.5],
      // the blank row 6 inside the range is skipped (contract.md "Table layout")
      ["华东", "2024Q2", "２８", 22, 18, 12, 9, excelDate(45422)],
    ]);
    for (const d of data) for (const row of d.body) expect(row).toHaveLength(d.table.columns.length);
  });

  it("gives the template table's example values as the template wrote them", async () => {
    const book = await twoSheets();
    const [items] = await book.readTables({ kind: "sheet", sheet: "待办事项" });
    const found = (await book.findTables())[0];
    expect(items.table).toEqual(found);
    // Every cell the template wrote comes back as written (dates as ExcelDate, text as text).
    expect(items.body).toEqual(templateLayout(getTemplate("action-items"), { examples: true }).rows);
  });

  it("scope sheet: the sheet's tables only, matched case-insensitively; an unknown sheet is an error", async () => {
    const book = await twoSheets();
    expect((await book.readTables({ kind: "sheet", sheet: "评估" })).map((d) => d.table.templateId)).toEqual(["supplier-evaluation"]);
    expect(await book.readTables({ kind: "sheet", sheet: "notes" })).toEqual([]);
    await expect(book.readTables({ kind: "sheet", sheet: "缺" })).rejects.toMatchObject({ key: "sheetNotFound", params: { sheet: "缺" } });
  });

  it("scope current: the table under the selection's top-left cell, header row included", async () => {
    const book = await twoSheets();
    book.selection = { sheet: "评估", address: "C3:F9" };
    expect((await book.readTables({ kind: "current" })).map((d) => d.table.templateId)).toEqual(["supplier-evaluation"]);
    book.selection = { sheet: "待办事项", address: "B5" };
    expect((await book.readTables({ kind: "current" })).map((d) => d.table.templateId)).toEqual(["action-items"]);
  });

  it("scope current without a table there (or without a selection) is noTableAtSelection", async () => {
    const book = await twoSheets();
    const noTable = { key: "noTableAtSelection" };
    await expect(book.readTables({ kind: "current" })).rejects.toMatchObject(noTable);
    for (const address of ["A3", "J4", "B8", "B2"]) {
      book.selection = { sheet: "评估", address };
      await expect(book.readTables({ kind: "current" })).rejects.toMatchObject(noTable);
    }
    book.selection = { sheet: "Notes", address: "A1" };
    await expect(book.readTables({ kind: "current" })).rejects.toBeInstanceOf(LiaisonError);
  });

  it("counts the blank rows at the end of an Excel table as part of it for scope current", async () => {
    const source = XlsxWorkbook.create();
    await source.insertTemplate("quotes", { examples: false }); // header + one blank row
    const book = await XlsxWorkbook.load(await source.toBuffer());
    book.selection = { sheet: "询价比价表", address: "C2" };
    const [data] = await book.readTables({ kind: "current" });
    expect(data.table.rows).toBe(0);
    expect(data.body).toEqual([]);
  });

  it("reads every cell of a merged area as its top-left value (contract.md) and never adds cells", async () => {
    const book = await load((wb) => {
      const ws = wb.addWorksheet("S");
      ws.getRow(1).values = EVAL_HEADER;
      ws.getRow(2).values = ["鑫达", "2023Q4", 24, 19, 16, 12, 7, 78];
      ws.getRow(3).values = ["鑫达", "2024Q1", 23, 20, 16, 11, 7, 77];
      ws.mergeCells("A2:A3");
      ws.getRow(5).values = ["恒通"];
    });
    const ws = book.workbook.getWorksheet("S")!;
    const before = { rows: ws.rowCount, cells: countCells(ws) };
    const [data] = await book.readTables({ kind: "all" });
    // Row 4 is blank and skipped; A3 lies in the merged A2:A3 and reads 鑫达.
    expect(data.body.map((r) => r[0])).toEqual(["鑫达", "鑫达", "恒通"]);
    expect(data.table.dataRows).toEqual([2, 3, 5]);
    expect({ rows: ws.rowCount, cells: countCells(ws) }).toEqual(before);
  });

  it("ignores the settings sheet even when it looks like a table", async () => {
    const book = await load((wb) => {
      wb.addWorksheet("S").getRow(1).values = EVAL_HEADER;
      const hidden = wb.addWorksheet(SETTINGS_SHEET, { state: "hidden" });
      hidden.getRow(1).values = EVAL_HEADER;
      hidden.getRow(2).values = ["x", "2024Q1", 1, 1, 1, 1, 1, 5];
    });
    expect((await book.readTables({ kind: "all" })).map((d) => d.table.sheet)).toEqual(["S"]);
    expect((await book.findTables()).map((d) => d.sheet)).toEqual(["S"]);
  });
});

function countCells(ws: ExcelJS.Worksheet): number {
  let n = 0;
  ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, () => n++));
  return n;
}
