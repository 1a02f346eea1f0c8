import * as ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";

async function load(build: (wb: ExcelJS.Workbook) => void): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return XlsxWorkbook.load((await wb.xlsx.writeBuffer()) as unknown as Uint8Array);
}

describe("XlsxWorkbook.findTables", () => {
  it("finds a plain range under a title, whatever the sheet is called, with its data rows up to the last non-empty one", async () => {
    const book = await load((wb) => {
      const ws = wb.addWorksheet("Sheet1");
      ws.getCell("B2").value = "供应商评估表(2024Q2)";
      ws.mergeCells("B2:I2");
      ws.getRow(4).values = [
        "",
        "供应商名称",
        "评估周期",
        "产品质量(30分)",
        "交付及时性(25分)",
        "服务态度(20分)",
        "价格合理性(15分)",
        "问题解决能力(10分)",
        "总分",
      ];
      ws.getRow(5).values = ["", "A公司", "2024Q2", 28, 22, 18, 12, 9, 89];
      ws.getRow(6).values = ["", "B公司", "2024Q2", 20, 15, 15, 10, 5, 65];
      ws.getRow(8).values = ["", "C公司", "2024Q2"]; // after a blank row: still data
      ws.getRow(12).values = []; // formatted, empty
      ws.getCell("C12").numFmt = "@";
    });
    const found = await book.findTables();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      sheet: "Sheet1",
      templateId: "supplier-evaluation",
      kind: "range",
      headerRow: 4,
      firstColumn: 1,
      // contract.md "Table layout": the blank row 7 is skipped, not a data row.
      rows: 3,
      dataRows: [5, 6, 8],
      skippedRows: [{ row: 7, reason: "blank" }],
      address: "B4:I8",
      range: "B4:I8",
    });
    expect(found[0].tableName).toBeUndefined();
    expect(found[0].columns[0]).toMatchObject({ index: 0, header: "供应商名称" });
  });

  it("reads traditional Chinese and English headers", async () => {
    const book = await load((wb) => {
      wb.addWorksheet("繁體").getRow(1).values = ["項目名稱", "協作部門", "需求描述", "期望成果", "時間節點"];
      wb.addWorksheet("English").getRow(1).values = ["Project", "Department", "Requirement", "Expected outcome", "Milestone date"];
    });
    expect((await book.findTables()).map((f) => [f.sheet, f.templateId, f.kind, f.rows])).toEqual([
      ["繁體", "collab-request", "range", 0],
      ["English", "collab-request", "range", 0],
    ]);
  });

  it("lists Excel tables of known templates (with trailing blank rows not counted), skips other tables, and finds a range beside them", async () => {
    const source = XlsxWorkbook.create();
    await source.insertTemplate("action-items", { examples: true });
    const wb = source.workbook;
    const ws = wb.worksheets[0];
    // A foreign table, and a plain range of another template, on the same sheet.
    ws.addTable({ name: "Budget", ref: "K1", columns: [{ name: "科目" }, { name: "金额" }], rows: [["差旅", 100]] });
    ws.getRow(1).getCell(14).value = "会议主题";
    ws.getRow(1).getCell(15).value = "会议时间";
    ws.getRow(1).getCell(16).value = "参会人员";
    ws.getRow(1).getCell(17).value = "会议结论";
    ws.getRow(2).getCell(14).value = "周例会";
    // An Excel table whose last rows are blank.
    const other = wb.addWorksheet("空行");
    other.addTable({
      name: "Items",
      ref: "C3",
      columns: ["事项", "负责人", "截止日期", "状态"].map((name) => ({ name })),
      rows: [
        ["写方案", "张三", null, "进行中"],
        [null, null, null, null],
        [null, null, null, null],
      ],
    });
    const book = await XlsxWorkbook.load(await source.toBuffer());
    const found = await book.findTables();
    expect(found.map((f) => [f.sheet, f.kind, f.tableName, f.templateId, f.address, f.rows])).toEqual([
      ["待办事项", "table", "ActionItems", "action-items", expect.stringMatching(/^A1:[A-Z]+5$/), 4],
      ["待办事项", "range", undefined, "meetings", "N1:Q2", 1],
      ["空行", "table", "Items", "action-items", "C3:F4", 1],
    ]);
  });

  it("finds nothing in a workbook of other data", async () => {
    const book = await load((wb) => {
      wb.addWorksheet("S").getRow(1).values = ["姓名", "年龄"];
    });
    expect(await book.findTables()).toEqual([]);
  });
});
