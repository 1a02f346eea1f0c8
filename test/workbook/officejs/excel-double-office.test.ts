import { DoubleContext, OfficeDoubleError, PAYLOAD_LIMIT_BYTES, WorkbookModel } from "../../doubles/excel-double";

/**
 * The double behaves as Office's reference and issue tracker say Excel does (each behaviour cites
 * its source in excel-double.ts), so adapters written against it survive real Excel.
 */

const code = async (p: Promise<unknown>): Promise<string | undefined> => {
  try {
    await p;
    return undefined;
  } catch (e) {
    if (!(e instanceof OfficeDoubleError)) throw e;
    return e.code;
  }
};

describe("the strict double, as Office documents Excel", () => {
  it("addresses loaded conditional formats by priority: deleting top-down reaches the wrong format (office-js #5222)", async () => {
    const model = new WorkbookModel("S");
    const s = model.sheet("S");
    s.seedConditionalFormat("Custom", "A1", { formula: "=3" });
    s.seedConditionalFormat("Custom", "A1", { formula: "=2" });
    s.seedConditionalFormat("Custom", "A1", { formula: "=1" }); // priorities: =1, =2, =3
    const context = new DoubleContext(model);
    const formats = context.workbook.worksheets.getItem("S").getRange().conditionalFormats.load("items/id");
    await context.sync();
    expect(formats.items.map((f) => f.id)).toEqual(["0", "1", "2"]);
    // Meant: delete =1 and =2. Priority 1 now holds =3, which goes instead.
    formats.items[0].delete();
    formats.items[1].delete();
    await context.sync();
    expect(s.conditionalFormats.map((f) => f.formula)).toEqual(["=2"]);
  });

  it("fails to read stacked or duplicated rules (office-js #6827, #6835), though their type loads", async () => {
    const model = new WorkbookModel("S");
    model.sheet("S").seedConditionalFormat("Custom", "A1", { formula: "=1", unreadable: true });
    const context = new DoubleContext(model);
    const range = context.workbook.worksheets.getItem("S").getRange();
    range.conditionalFormats.load("items/type");
    await context.sync();
    range.conditionalFormats.load("items/customOrNullObject/rule/formula");
    expect(await code(context.sync())).toBe("GeneralException");
  });

  it("fails getMergedAreasOrNullObject above 512 merged areas", async () => {
    const model = new WorkbookModel("S");
    for (let r = 1; r <= 513; r++) model.sheet("S").merge(`A${r}:B${r}`);
    const context = new DoubleContext(model);
    context.workbook.worksheets.getItem("S").getRange("A1:B513").getMergedAreasOrNullObject().load("address");
    expect(await code(context.sync())).toBe("GeneralException");
    const ok = context.workbook.worksheets.getItem("S").getRange("A1:B512").getMergedAreasOrNullObject().load("areaCount");
    await context.sync();
    expect(ok.areaCount).toBe(512);
  });

  it("refuses requests and responses over 5 MB, counting Office's JSON per operation", async () => {
    const model = new WorkbookModel("S");
    const context = new DoubleContext(model);
    const ws = context.workbook.worksheets.getItem("S");
    const text = "长".repeat(1000);
    ws.getRange("A1:A2000").values = Array.from({ length: 2000 }, () => [text]); // 6 MB of UTF-8
    expect(await code(context.sync())).toBe("RequestPayloadSizeLimitExceeded");
    expect(model.sheet("S").cell("A1").value).toBe(""); // nothing of it ran
    model.sheet("S").seed(
      "A1",
      Array.from({ length: 2000 }, () => [text]),
    );
    ws.getRange("A1:A2000").load("values");
    expect(await code(context.sync())).toBe("ResponsePayloadSizeLimitExceeded");
    expect(PAYLOAD_LIMIT_BYTES).toBe(5_000_000);
  });

  it("leaves hidden columns out of a visible view: a hidden column alone has no visible row", async () => {
    const model = new WorkbookModel("S");
    model.sheet("S").hiddenColumns.add(0);
    model.sheet("S").hiddenRows.add(3);
    const context = new DoubleContext(model);
    const one = context.workbook.worksheets.getItem("S").getRange("A2:A4").getVisibleView().load("cellAddresses");
    const two = context.workbook.worksheets.getItem("S").getRange("A2:B4").getVisibleView().load("cellAddresses");
    await context.sync();
    expect(one.cellAddresses).toEqual([]);
    expect(two.cellAddresses).toEqual([["S!B2"], ["S!B4"]]);
  });

  it("reports no triggerSource below ExcelApi 1.14, and no use1904DateSystem below 1.16", async () => {
    const model = new WorkbookModel("S");
    model.excelApiMinor = 13;
    model.userEdit("S", "A1", [["x"]]);
    expect(model.firedEvents[0]).not.toHaveProperty("triggerSource");
    const context = new DoubleContext(model);
    context.workbook.load("use1904DateSystem");
    expect(await code(context.sync())).toBe("ApiNotFound");
    model.excelApiMinor = 16;
    model.use1904DateSystem = true;
    const wb = context.workbook.load("use1904DateSystem");
    await context.sync();
    expect(wb.use1904DateSystem).toBe(true);
  });
});
