/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read -- the double must throw on reads of unloaded properties, so this test makes them on purpose */
import { DoubleContext, installExcelDouble, OfficeDoubleError, WorkbookModel } from "../../doubles/excel-double";

/** The double must be as strict as Office, or adapter tests would pass against a lenient fake. */

const code = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(OfficeDoubleError);
    return (e as OfficeDoubleError).code;
  }
  throw new Error("expected a rejection");
};

describe("Excel double", () => {
  it("throws PropertyNotLoaded for a scalar that was not loaded and synced", async () => {
    const model = new WorkbookModel("Data");
    model.sheet("Data").seed("A1", [["x", 1]]);
    const ctx = new DoubleContext(model);
    const range = ctx.workbook.worksheets.getItem("Data").getRange("A1:B1");
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    range.load("values");
    expect(() => range.values).toThrow(/PropertyNotLoaded/); // loaded only by the sync
    await ctx.sync();
    expect(range.values).toEqual([["x", 1]]);
    expect(() => range.numberFormat).toThrow(/PropertyNotLoaded/);
    expect(() => range.address).toThrow(/PropertyNotLoaded/);
    const sheets = ctx.workbook.worksheets;
    expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
  });

  it("applies writes only at sync, in order, and counts syncs and batch bytes", async () => {
    const model = new WorkbookModel("Data");
    const ctx = new DoubleContext(model);
    const r = ctx.workbook.worksheets.getItem("Data").getRange("A1:B1");
    r.numberFormat = [["@", "General"]];
    r.values = [["=1+1", "=1+1"]];
    expect(model.sheet("Data").values("A1:B1")).toEqual([["", ""]]);
    await ctx.sync();
    const sheet = model.sheet("Data");
    // Text format first keeps `=1+1` text; in a General cell Excel makes it a formula.
    expect(sheet.cell("A1")).toMatchObject({ value: "=1+1", format: "@" });
    expect(sheet.cell("A1").formula).toBeUndefined();
    expect(sheet.cell("B1")).toMatchObject({ value: 2, formula: "=1+1" });
    expect(model.syncs).toBe(1);
    expect(model.batches[0].ops).toBe(4);
    expect(model.batches[0].bytes).toBeGreaterThan(20);
  });

  it("types values into non-text cells like Excel (dates, numbers, +/- formulas)", async () => {
    const model = new WorkbookModel("Data");
    const ctx = new DoubleContext(model);
    ctx.workbook.worksheets.getItem("Data").getRange("A1:E1").values = [["05-20", "2024-05-10", "00123", "+86 138", "TRUE"]];
    await ctx.sync();
    const s = model.sheet("Data");
    expect(s.cell("A1")).toMatchObject({ value: 45432, format: "d-mmm" }); // 2024-05-20
    expect(s.cell("B1")).toMatchObject({ value: 45422, format: "yyyy-mm-dd" });
    expect(s.cell("C1").value).toBe(123);
    expect(s.cell("D1")).toMatchObject({ formula: "=+86 138", error: "#NAME?" });
    expect(s.cell("E1").value).toBe(true);
  });

  it("isNullObject is known only after sync; getItem of a missing item fails at sync", async () => {
    const model = new WorkbookModel("Data");
    const ctx = new DoubleContext(model);
    const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
    expect(() => missing.isNullObject).toThrow(/PropertyNotLoaded/);
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
    ctx.workbook.worksheets.getItem("Nope");
    expect(await code(ctx.sync())).toBe("ItemNotFound");
    const used = ctx.workbook.worksheets.getItem("Data").getUsedRangeOrNullObject(true);
    await ctx.sync();
    expect(used.isNullObject).toBe(true);
  });

  it("refuses invalid operations with Office error codes; a failed batch keeps what ran before", async () => {
    const model = new WorkbookModel("Data");
    model
      .sheet("Data")
      .seed("A1", [
        ["a", "b"],
        [1, 2],
      ])
      .merge("D1:E1");
    model.addTable("Data", "A1:B2", "Tbl");
    const ctx = new DoubleContext(model);
    const wb = ctx.workbook;
    wb.worksheets.add("data");
    expect(await code(ctx.sync())).toBe("ItemAlreadyExists");
    wb.worksheets.add("New");
    wb.worksheets.getItem("Data").tables.add("B1:C3", true); // overlaps T1
    expect(await code(ctx.sync())).toBe("InvalidOperation");
    expect(model.sheets.map((s) => s.name)).toEqual(["Data", "New"]); // not a transaction
    wb.worksheets.getItem("Data").tables.add("D1:E3", true);
    expect(await code(ctx.sync())).toBe("InvalidOperation"); // merged cells
    wb.worksheets.getItem("Data").getRange("A5:B5").values = [["only one"]];
    expect(await code(ctx.sync())).toBe("InvalidArgument");
    const t = wb.worksheets.getItem("New").tables.add("A1:B2", true);
    t.name = "tbl"; // names are case-insensitive
    expect(await code(ctx.sync())).toBe("InvalidArgument");
  });

  it("tables.add rewrites a header that is not distinct text, as Excel does", async () => {
    const model = new WorkbookModel("Data");
    model.sheet("Data").seed("A1", [
      ["名称", null, 2024, "名称"],
      [1, 2, 3, 4],
    ]);
    const ctx = new DoubleContext(model);
    ctx.workbook.worksheets.getItem("Data").tables.add("A1:D2", true);
    await ctx.sync();
    expect(model.sheet("Data").values("A1:D1")).toEqual([["名称", "Column2", "2024", "名称2"]]);
    expect(model.tables[0].name).toBe("Table1");
  });

  it("reports merged areas only when their top-left cell is in the range (like Office)", async () => {
    const model = new WorkbookModel("Data");
    model.sheet("Data").merge("A1:C2");
    const ctx = new DoubleContext(model);
    const sheet = ctx.workbook.worksheets.getItem("Data");
    const inner = sheet.getRange("B2:D4").getMergedAreasOrNullObject().load("address");
    const outer = sheet.getRange("A1:D4").getMergedAreasOrNullObject().load("address");
    await ctx.sync();
    expect(inner.isNullObject).toBe(true);
    expect(outer.address).toBe("Data!A1:C2");
  });

  it("requires clearing before setting a rule over cells with differing validations", async () => {
    const model = new WorkbookModel("Data");
    const ctx = new DoubleContext(model);
    const sheet = ctx.workbook.worksheets.getItem("Data");
    sheet.getRange("A2:A3").dataValidation.prompt = { showPrompt: true, title: "t", message: "m" };
    await ctx.sync();
    const dv = sheet.getRange("A1:A3").dataValidation;
    dv.rule = { list: { inCellDropDown: true, source: "a,b" } };
    expect(await code(ctx.sync())).toBe("InvalidArgument");
    dv.clear();
    dv.rule = { list: { inCellDropDown: true, source: "a,b" } };
    await ctx.sync();
    expect(model.sheet("Data").cell("A3").validation).toEqual({ rule: { list: { inCellDropDown: true, source: "a,b" } } });
  });

  it("installs as the global Excel; Excel.run flushes pending work with a final sync", async () => {
    const { model, restore } = installExcelDouble(new WorkbookModel("Data"));
    try {
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1").values = [[5]];
      });
      expect(model.sheet("Data").cell("A1").value).toBe(5);
      expect(model.syncs).toBe(1);
      // A batch that throws is not flushed.
      await expect(
        Excel.run(async (context) => {
          context.workbook.worksheets.getItem("Data").getRange("A1").values = [[6]];
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(model.sheet("Data").cell("A1").value).toBe(5);
    } finally {
      restore();
    }
    expect((globalThis as { Excel?: unknown }).Excel).toBeUndefined();
  });
});
