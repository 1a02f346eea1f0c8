import { DEFAULT_SETTINGS, settingsFromRows, settingsToRows } from "../../../src/core/settings";
import { SETTINGS_SHEET } from "../../../src/core/settings/sheet";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";

async function roundTrip(book: XlsxWorkbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.load(await book.toBuffer());
}

describe("XlsxWorkbook settings", () => {
  it("has none until written", async () => {
    const book = XlsxWorkbook.create();
    await book.insertTemplate("quotes", { examples: false });
    expect(await book.readSettings()).toBeUndefined();
  });

  it("writes key/value rows under 键/值 on a hidden sheet and reads them back (also after a save)", async () => {
    const book = XlsxWorkbook.create();
    await book.insertTemplate("supplier-evaluation", { examples: true });
    const settings = { ...DEFAULT_SETTINGS, threshold: 75, holidays: ["2024-12-31"], reviewer: "=王磊", today: "2024-10-08" };
    await book.writeSettings(settingsToRows(settings));
    const loaded = await roundTrip(book);
    const ws = loaded.workbook.getWorksheet(SETTINGS_SHEET)!;
    expect(ws.state).toBe("hidden");
    expect(ws.getRow(1).values).toEqual([undefined, "键", "值"]);
    expect([ws.getCell("A2").value, ws.getCell("B2").value]).toEqual(["threshold", 75]);
    // Text stays text: never a formula.
    const reviewerRow = settingsToRows(settings).findIndex(([k]) => k === "reviewer") + 2;
    expect(ws.getCell(`B${reviewerRow}`).value).toBe("=王磊");
    expect(ws.getCell(`B${reviewerRow}`).formula).toBeUndefined();

    const rows = await loaded.readSettings();
    // An unset value is an empty cell, read as null (as Office reads it: test/workbook/contract/settings.test.ts).
    expect(rows).toEqual(settingsToRows(settings).map(([k, v]) => [k, v === "" ? null : v]));
    expect(settingsFromRows(rows as unknown[][])).toEqual({ settings, problems: [] });
    // The settings sheet is no table to check, and the visible sheets are unchanged.
    expect((await loaded.findTables()).map((f) => f.sheet)).toEqual(["供应商评估表"]);
  });

  it("replaces the whole list on a second write", async () => {
    const book = XlsxWorkbook.create();
    await book.insertTemplate("quotes", { examples: false });
    await book.writeSettings([
      ["threshold", 70],
      ["minQuotes", 2],
      ["holidays", "2024-12-31"],
    ]);
    await book.writeSettings([["threshold", 90]]);
    expect(await (await roundTrip(book)).readSettings()).toEqual([["threshold", 90]]);
    expect(book.workbook.worksheets.filter((ws) => ws.name === SETTINGS_SHEET)).toHaveLength(1);
  });

  it("reads a sheet typed by hand: no header, date cells, labels as keys", async () => {
    const book = XlsxWorkbook.create();
    await book.insertTemplate("quotes", { examples: false });
    const ws = book.workbook.addWorksheet(SETTINGS_SHEET.toUpperCase());
    ws.getCell("A1").value = "合格线（分）";
    ws.getCell("B1").value = 85;
    ws.getCell("A3").value = "holidays";
    ws.getCell("B3").value = new Date(Date.UTC(2024, 11, 31));
    ws.getCell("B3").numFmt = "yyyy-mm-dd";
    const rows = await (await roundTrip(book)).readSettings();
    const { settings, problems } = settingsFromRows(rows as unknown[][]);
    expect(problems).toEqual([]);
    expect(settings.threshold).toBe(85);
    expect(settings.holidays).toEqual(["2024-12-31"]);
  });

  it("refuses an empty key before changing anything", async () => {
    const book = XlsxWorkbook.create();
    await book.writeSettings([["threshold", 70]]);
    await expect(
      book.writeSettings([
        ["threshold", 80],
        [" ", 1],
      ]),
    ).rejects.toThrow(/empty key/);
    expect(await book.readSettings()).toEqual([["threshold", 70]]);
  });
});
