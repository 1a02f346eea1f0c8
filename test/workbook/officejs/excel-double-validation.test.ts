import { DoubleContext, MAX_AREAS_ADDRESS, OfficeDoubleError, WorkbookModel } from "../../doubles/excel-double";

/** The parts of the double the validation operations use must be as strict as Office. */

const code = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(OfficeDoubleError);
    return (e as OfficeDoubleError).code;
  }
  throw new Error("expected a rejection");
};

function workbook(): WorkbookModel {
  const model = new WorkbookModel("Data", "Other");
  const data = model.sheet("Data");
  data.seed("A1", [["x", 1]]);
  data.seedConditionalFormat("CellValue", "B1:B9", { rule: { operator: "GreaterThan", formula1: "=5" }, fill: "#FF0000" });
  data.seedConditionalFormat("Custom", "A1:A9", { formula: "=A1=1", fill: "#00FF00" });
  return model;
}

describe("Excel double: conditional formats, areas, visibility, protection, selection", () => {
  it("loads conditional formats with their custom rule; custom on another type fails, customOrNullObject is null", async () => {
    const model = workbook();
    const ctx = new DoubleContext(model);
    const formats = ctx.workbook.worksheets.getItem("Data").getRange().conditionalFormats;
    expect(() => formats.items).toThrow(/PropertyNotLoaded/);
    formats.load("items/type,items/customOrNullObject/rule/formula");
    await ctx.sync();
    expect(formats.items.map((cf) => cf.type)).toEqual(["Custom", "CellValue"]);
    expect(formats.items[0].customOrNullObject.rule.formula).toBe("=A1=1");
    expect(formats.items[1].customOrNullObject.isNullObject).toBe(true);
    expect(() => formats.items[1].customOrNullObject.rule.formula).toThrow(/PropertyNotLoaded/);
    expect(() => formats.items[0].stopIfTrue).toThrow(/PropertyNotLoaded/);

    const all = ctx.workbook.worksheets.getItem("Data").getRange("B2").conditionalFormats.load("items/custom/rule/formula");
    expect(await code(ctx.sync())).toBe("InvalidOperation");
    expect(() => all.items).toThrow(/PropertyNotLoaded/);
  });

  it("adds a custom format over areas at the top priority, and deletes it", async () => {
    const model = workbook();
    const ctx = new DoubleContext(model);
    const cf = ctx.workbook.worksheets.getItem("Data").getRanges("C3, D5:D6; E1").conditionalFormats.add("Custom");
    cf.custom.rule.formula = "=TRUE";
    cf.custom.format.fill.color = "#FFC7CE";
    cf.custom.format.font.color = "red";
    await ctx.sync();
    const [top] = model.sheet("Data").conditionalFormats;
    expect(top).toMatchObject({
      type: "Custom",
      formula: "=TRUE",
      fill: "#FFC7CE",
      font: "red",
      ranges: [
        { top: 3, left: 2, bottom: 3, right: 2 },
        { top: 5, left: 3, bottom: 6, right: 3 },
        { top: 1, left: 4, bottom: 1, right: 4 },
      ],
    });
    cf.delete();
    await ctx.sync();
    expect(model.sheet("Data").conditionalFormats).toHaveLength(2);
    cf.delete();
    expect(await code(ctx.sync())).toBe("ItemNotFound");

    const bad = ctx.workbook.worksheets.getItem("Data").getRange("A1").conditionalFormats.add("Custom");
    bad.custom.format.fill.color = "not a colour";
    expect(await code(ctx.sync())).toBe("InvalidArgument");
    bad.custom.rule.formula = "TRUE";
    expect(await code(ctx.sync())).toBe("InvalidArgument");
  });

  it("refuses address lists that are too long, malformed, or on another sheet", async () => {
    const model = workbook();
    const ctx = new DoubleContext(model);
    const sheet = ctx.workbook.worksheets.getItem("Data");
    const long = Array.from({ length: 2000 }, (_, i) => `A${2 * i + 1}`).join(",");
    expect(long.length).toBeGreaterThan(MAX_AREAS_ADDRESS);
    sheet.getRanges(long).load("areaCount");
    expect(await code(ctx.sync())).toBe("InvalidArgument");
    sheet.getRanges("A1,,B2").load("areaCount");
    expect(await code(ctx.sync())).toBe("InvalidArgument");
    sheet.getRanges("Other!A1").load("areaCount");
    expect(await code(ctx.sync())).toBe("InvalidArgument");
    const ok = sheet.getRanges("Data!A1:B2,C3").load("areaCount,address");
    await ctx.sync();
    expect([ok.areaCount, ok.address]).toEqual([2, "Data!A1:B2,Data!C3"]);
  });

  it("refuses changes to a protected sheet", async () => {
    const model = workbook();
    model.sheet("Data").protected = true;
    const ctx = new DoubleContext(model);
    const sheet = ctx.workbook.worksheets.getItem("Data");
    const prot = sheet.protection.load("protected");
    await ctx.sync();
    expect(prot.protected).toBe(true);
    sheet.getRange("A1").values = [["y"]];
    expect(await code(ctx.sync())).toBe("AccessDenied");
    sheet.getRange("A1").numberFormat = [["@"]];
    expect(await code(ctx.sync())).toBe("AccessDenied");
    sheet.getRanges("A1").conditionalFormats.add("Custom");
    expect(await code(ctx.sync())).toBe("AccessDenied");
    const formats = sheet.getRange().conditionalFormats.load("items/type");
    await ctx.sync();
    formats.items[0].delete();
    expect(await code(ctx.sync())).toBe("AccessDenied");
    sheet.getRange().clear("All");
    expect(await code(ctx.sync())).toBe("AccessDenied");
    expect(model.sheet("Data").values("A1:B1")).toEqual([["x", 1]]);
    expect(model.sheet("Data").conditionalFormats).toHaveLength(2);
  });

  it("hides sheets like Excel: never the last visible one; a hidden sheet cannot be activated", async () => {
    const model = workbook();
    const ctx = new DoubleContext(model);
    const other = ctx.workbook.worksheets.getItem("Other");
    other.visibility = "Hidden";
    await ctx.sync();
    ctx.workbook.worksheets.getItem("Data").visibility = "VeryHidden";
    expect(await code(ctx.sync())).toBe("InvalidOperation");
    other.activate();
    expect(await code(ctx.sync())).toBe("InvalidOperation");
    ctx.workbook.worksheets.getItem("Data").visibility = "Shown";
    expect(await code(ctx.sync())).toBe("InvalidArgument");
    const sheets = ctx.workbook.worksheets.load("items/name,items/visibility,items/protection/protected");
    await ctx.sync();
    expect(sheets.items.map((s) => [s.name, s.visibility, s.protection.protected])).toEqual([
      ["Data", "Visible", false],
      ["Other", "Hidden", false],
    ]);
  });

  it("selects only on the active sheet; the active cell is the selection's first cell; a range knows its tables", async () => {
    const model = workbook();
    model.sheet("Other").seed("B2", [
      ["h1", "h2"],
      [1, 2],
    ]);
    model.addTable("Other", "B2:C3", "T");
    const ctx = new DoubleContext(model);
    const other = ctx.workbook.worksheets.getItem("Other");
    other.getRange("C3").select();
    expect(await code(ctx.sync())).toBe("InvalidSelection");
    other.activate();
    other.getRange("C3:D9").select();
    await ctx.sync();
    const active = ctx.workbook.getActiveCell().load("address");
    const tables = active.getTables(false).load("items/name");
    const none = other.getRange("A1:A9").getTables().load("items/name");
    await ctx.sync();
    expect(active.address).toBe("Other!C3");
    expect(tables.items.map((t) => t.name)).toEqual(["T"]);
    expect(none.items).toEqual([]);
  });
});
