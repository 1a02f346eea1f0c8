import * as ExcelJS from "exceljs";
import { excelDate, excelError } from "../../../src/core/cells/types";
import { dateToSerial, serialToDate, sheetGrid, toRawCell } from "../../../src/workbook/exceljs/cells";

/** Writes a workbook and reads it back, as a file from disk would arrive. */
async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as never);
  return back;
}

describe("toRawCell", () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  const cell = (address: string, value: ExcelJS.CellValue, numFmt?: string): ExcelJS.Cell => {
    const c = ws.getCell(address);
    c.value = value;
    if (numFmt) c.numFmt = numFmt;
    return c;
  };

  it("reads empty, numbers, strings and booleans as they are", () => {
    expect(toRawCell(ws.getCell("Z99"))).toBeNull();
    expect(toRawCell(cell("A1", 42.5))).toBe(42.5);
    expect(toRawCell(cell("A2", "05-20"))).toBe("05-20");
    expect(toRawCell(cell("A3", "=1+1"))).toBe("=1+1");
    expect(toRawCell(cell("A4", true))).toBe(true);
    expect(toRawCell(cell("A5", "  padded "))).toBe("  padded ");
  });

  it("reads a number under a date format as an Excel date, under another format as a number", () => {
    expect(toRawCell(cell("B1", 45432, "yyyy-mm-dd"))).toEqual(excelDate(45432));
    expect(toRawCell(cell("B2", 45432.5, "yyyy/m/d h:mm"))).toEqual(excelDate(45432.5));
    expect(toRawCell(cell("B3", 45432, "#,##0"))).toBe(45432);
  });

  it("reads a JS Date as its Excel serial, from UTC, whatever the TZ", () => {
    expect(toRawCell(cell("C1", new Date(Date.UTC(2024, 4, 20))))).toEqual(excelDate(45432));
    expect(toRawCell(cell("C2", new Date(Date.UTC(2024, 4, 20, 12))))).toEqual(excelDate(45432.5));
    expect(dateToSerial(serialToDate(45432.75))).toBe(45432.75);
    expect(serialToDate(25569).getTime()).toBe(0);
  });

  it("flattens rich text and hyperlinks to their text", () => {
    expect(toRawCell(cell("D1", { richText: [{ text: "供应" }, { text: "商A", font: { bold: true } }] }))).toBe("供应商A");
    expect(toRawCell(cell("D2", { text: "官网", hyperlink: "https://example.com" }))).toBe("官网");
  });

  it("reads errors and the cached results of formulas", () => {
    expect(toRawCell(cell("E1", { error: "#N/A" } as ExcelJS.CellErrorValue))).toEqual(excelError("#N/A"));
    expect(toRawCell(cell("E2", { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue))).toBe(2);
    expect(toRawCell(cell("E3", { formula: 'A2&""', result: "05-20" } as ExcelJS.CellFormulaValue))).toBe("05-20");
    expect(toRawCell(cell("E4", { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue))).toEqual(
      excelError("#DIV/0!"),
    );
    expect(toRawCell(cell("E5", { formula: "TODAY()", result: 45432 } as ExcelJS.CellFormulaValue, "yyyy-mm-dd"))).toEqual(
      excelDate(45432),
    );
    expect(toRawCell(cell("E6", { formula: "TODAY()", result: new Date(Date.UTC(2024, 4, 20)) } as ExcelJS.CellFormulaValue))).toEqual(
      excelDate(45432),
    );
    expect(toRawCell(cell("E7", { formula: "NOW()" } as ExcelJS.CellFormulaValue))).toBeNull();
    expect(toRawCell(cell("E8", { formula: "TRUE()", result: true } as ExcelJS.CellFormulaValue))).toBe(true);
  });

  it("reads shared formulas, booleans, errors, dates and hyperlinks the same after a round trip through a file", async () => {
    const book = new ExcelJS.Workbook();
    const s = book.addWorksheet("S");
    s.getCell("A1").value = 1;
    s.getCell("A2").value = 2;
    s.getCell("B1").value = { formula: "A1*10", result: 10, shareType: "shared", ref: "B1:B2" } as ExcelJS.CellFormulaValue;
    s.getCell("B2").value = { sharedFormula: "B1", result: 20 } as ExcelJS.CellSharedFormulaValue;
    s.getCell("C1").value = false;
    s.getCell("C2").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
    s.getCell("D1").value = new Date(Date.UTC(2024, 3, 30));
    s.getCell("D1").numFmt = "yyyy-mm-dd";
    s.getCell("D2").value = { text: "链接", hyperlink: "https://example.com" };
    s.getCell("E1").value = '=HYPERLINK("x")';
    const back = (await roundTrip(book)).getWorksheet("S")!;
    expect(back.getCell("B2").value).toMatchObject({ sharedFormula: "B1" }); // really shared after loading
    expect(sheetGrid(back)).toEqual([
      [1, 10, false, excelDate(45412), '=HYPERLINK("x")'],
      [2, 20, excelError("#REF!"), "链接", null],
    ]);
  });

  it("reads the hidden cells of a merged area as empty and its top-left cell as the value", async () => {
    const book = new ExcelJS.Workbook();
    const s = book.addWorksheet("S");
    s.getCell("A1").value = "标题";
    s.mergeCells("A1:C1");
    s.getCell("A2").value = "x";
    const back = (await roundTrip(book)).getWorksheet("S")!;
    expect(sheetGrid(back)).toEqual([
      ["标题", null, null],
      ["x", null, null],
    ]);
  });
});

describe("sheetGrid", () => {
  it("starts at A1, pads rows to the sheet width, stops at maxRows and drops trailing blank rows", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("B2").value = "b2";
    ws.getCell("D3").value = 3;
    ws.getCell("A6").numFmt = "@"; // formatted but empty
    expect(sheetGrid(ws)).toEqual([
      [null, null, null, null],
      [null, "b2", null, null],
      [null, null, null, 3],
    ]);
    expect(sheetGrid(ws, 2)).toEqual([
      [null, null, null, null],
      [null, "b2", null, null],
    ]);
    expect(sheetGrid(wb.addWorksheet("Empty"))).toEqual([]);
  });
});
