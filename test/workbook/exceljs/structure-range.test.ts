import * as ExcelJS from "exceljs";
import { parseRange } from "../../../src/core/a1";
import { LiaisonError } from "../../../src/core/errors";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";
import { sheetGrid } from "../../../src/workbook/exceljs/cells";

const HEADER = [
  "项目名称",
  "协作部门",
  "需求描述",
  "期望成果",
  "对接人(姓名/部门/联系方式)",
  "时间节点",
  "资源需求",
  "沟通机制(例会/群聊/邮件)",
  "备注",
];

/** A sheet typed from the manual: a merged title above the header, messy values below it. */
async function manualBook(): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("协作");
  ws.getCell("A1").value = "跨部门协作需求表";
  ws.mergeCells("A1:I1");
  ws.getRow(2).values = HEADER;
  ws.getRow(3).values = [
    "年度新品发布会",
    "市场部",
    "发布会策划",
    "执行方案",
    "张三/市场部/138",
    new Date(Date.UTC(2024, 3, 30)),
    50000,
    "周例会+钉钉群",
    "=1+1",
  ];
  ws.getCell("F3").numFmt = "yyyy/m/d";
  ws.getCell("G3").numFmt = "#,##0";
  ws.getRow(4).values = [
    "年度新品发布会",
    { richText: [{ text: "技术" }, { text: "部", font: { bold: true } }] },
    "演示",
    '=HYPERLINK("x")',
    "李四",
    "05-20",
    "无",
    "周例会+邮件",
    true,
  ];
  ws.getRow(5).values = [
    "年度新品发布会",
    "销售部",
    "邀约",
    "300人",
    "",
    45432,
    { formula: "G3*2", result: 100000 },
    "",
    { error: "#N/A" },
  ];
  ws.getCell("F5").numFmt = "General"; // a date typed as a bare serial: stays a number
  ws.getCell("C8").value = "表格下方的说明"; // below a blank row: not part of the table
  const other = wb.addWorksheet("其他");
  other.getRow(1).values = ["姓名", "年龄"];
  other.getRow(2).values = ["王五", 30];
  return XlsxWorkbook.load((await wb.xlsx.writeBuffer()) as unknown as Uint8Array);
}

/** Everything structureRange must not change: values and their kinds, cell by cell. */
function valuesOf(book: XlsxWorkbook, sheet: string): unknown[] {
  const ws = book.workbook.getWorksheet(sheet)!;
  const out: unknown[] = [];
  for (let r = 1; r <= 10; r++) {
    for (let c = 1; c <= 12; c++) {
      const cell = ws.findCell(r, c); // findCell: reading must not create cells
      if (cell) out.push([cell.address, cell.type, cell.value instanceof Date ? cell.value.getTime() : cell.value]);
    }
  }
  return out;
}

function state(book: XlsxWorkbook): unknown {
  return book.workbook.worksheets.map((ws) => ({
    grid: sheetGrid(ws),
    values: valuesOf(book, ws.name),
    tables: ws.getTables().length,
    formats: [...Array(10).keys()].map((r) => [...Array(12).keys()].map((c) => ws.findCell(r + 1, c + 1)?.numFmt)),
    validations: Object.keys((ws as unknown as { dataValidations: { model: object } }).dataValidations.model).length,
    widths: [...Array(12).keys()].map((c) => ws.getColumn(c + 1).width),
  }));
}

describe("XlsxWorkbook.structureRange", () => {
  it("makes the recognised range a table below its title, changing no value, also after a round trip", async () => {
    const book = await manualBook();
    const before = valuesOf(book, "协作");
    const gridBefore = sheetGrid(book.workbook.getWorksheet("协作")!);
    const result = await book.structureRange({ sheet: "协作", address: "A1:I6" });
    expect(result).toEqual({ sheet: "协作", table: "CollabRequest", templateId: "collab-request", address: "A2:I5", rows: 3 });
    expect(valuesOf(book, "协作")).toEqual(before);

    const back = await XlsxWorkbook.load(await book.toBuffer());
    const ws = back.workbook.getWorksheet("协作")!;
    expect(sheetGrid(ws)).toEqual(gridBefore);
    expect(ws.getCell("I3").value).toBe("=1+1");
    expect(ws.getCell("D4").value).toBe('=HYPERLINK("x")');
    expect(ws.getCell("F4").value).toBe("05-20");
    expect(ws.getCell("B4").value).toEqual({ richText: [{ text: "技术" }, { font: { bold: true }, text: "部" }] });
    expect(ws.getCell("G5").formula).toBe("G3*2");

    const [found] = (await back.findTables()).filter((f) => f.sheet === "协作");
    expect(found).toMatchObject({
      kind: "table",
      tableName: "CollabRequest",
      templateId: "collab-request",
      headerRow: 2,
      rows: 3,
      address: "A2:I5",
    });
  });

  it("applies the template's formats where they keep what cells show, dropdowns and widths", async () => {
    const book = await manualBook();
    await book.structureRange({ sheet: "协作", address: "A2:I5" });
    const ws = book.workbook.getWorksheet("协作")!;
    expect(ws.getCell("F3").numFmt).toBe("yyyy-mm-dd"); // a date
    expect(ws.getCell("F5").numFmt ?? "General").toBe("General"); // a bare serial in a date column stays a number
    expect(ws.findCell(6, 6)).toBeUndefined(); // below the table: untouched
    expect(ws.getCell("G3").numFmt).toBe("#,##0"); // a number in a text column keeps its own format
    expect(ws.getCell("A3").numFmt).toBe("@"); // text under text
    const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    const comm = Object.entries(model).find(([a]) => parseRange(a)!.left === 7)?.[1];
    expect(comm).toMatchObject({ type: "list", formulae: ['"例会,站会,群聊,邮件"'] });
    expect(comm?.showErrorMessage).toBeFalsy(); // multi-enum: 例会+群聊 must be allowed
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(36);
  });

  it("keeps one row under a header that has no data yet (an Excel table needs a body row)", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getRow(3).values = ["", ...HEADER];
    const book = await XlsxWorkbook.load((await wb.xlsx.writeBuffer()) as unknown as Uint8Array);
    expect(await book.structureRange({ sheet: "s", address: "B3:J3" })).toMatchObject({ address: "B3:J4", rows: 1 });
    expect(await XlsxWorkbook.load(await book.toBuffer()).then((b) => b.findTables())).toMatchObject([
      { kind: "table", address: "B3:J3", rows: 0 },
    ]);
  });

  const structureManualTable = (b: XlsxWorkbook): Promise<unknown> => b.structureRange({ sheet: "协作", address: "A2:I5" });
  const mergeInside = async (b: XlsxWorkbook): Promise<void> => b.workbook.getWorksheet("协作")!.mergeCells("C3:C4");
  const refusals: [string, ((b: XlsxWorkbook) => Promise<unknown>) | undefined, (b: XlsxWorkbook) => Promise<unknown>, string][] = [
    ["no target", undefined, (b) => b.structureRange(), "emptySelection"],
    ["whole columns", undefined, (b) => b.structureRange({ sheet: "协作", address: "A:I" }), "wholeColumnSelection"],
    ["whole rows", undefined, (b) => b.structureRange({ sheet: "协作", address: "2:5" }), "wholeColumnSelection"],
    ["an empty range", undefined, (b) => b.structureRange({ sheet: "协作", address: "K1:L9" }), "emptySelection"],
    ["a header of no template", undefined, (b) => b.structureRange({ sheet: "其他", address: "A1:B2" }), "noTemplateMatch"],
    ["an unknown sheet", undefined, (b) => b.structureRange({ sheet: "无此表", address: "A1:B2" }), "sheetNotFound"],
    ["a malformed address", undefined, (b) => b.structureRange({ sheet: "协作", address: "A1:" }), "invalidAddress"],
    ["merged cells inside the table", mergeInside, structureManualTable, "mergedCells"],
    ["a range that is already a table", structureManualTable, (b) => b.structureRange({ sheet: "协作", address: "B4:C9" }), "alreadyTable"],
  ];

  it.each(refusals)("refuses %s with a LiaisonError and changes nothing", async (_what, setUp, act, key) => {
    const book = await manualBook();
    if (setUp) await setUp(book);
    const before = state(book);
    const err = await act(book).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LiaisonError);
    expect((err as LiaisonError).key).toBe(key);
    if (key === "mergedCells") expect((err as LiaisonError).params).toEqual({ address: "C3:C4" });
    if (key === "alreadyTable") expect((err as LiaisonError).params).toEqual({ table: "CollabRequest" });
    expect(state(book)).toEqual(before);
  });
});
