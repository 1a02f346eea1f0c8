import { OfficeWorkbook } from "../../../src/workbook/officejs/adapter";
import { expectLiaison, useExcelDouble } from "./setup";

const double = useExcelDouble("Notes", "Tasks", "My, sheet");
const port = new OfficeWorkbook();

describe("OfficeWorkbook.selectCell", () => {
  it("activates the sheet and selects the cell, in two syncs", async () => {
    const model = double.model;
    await port.selectCell("Tasks", "C7");
    expect(model.activeSheet.name).toBe("Tasks");
    expect(model.selection).toEqual({ sheet: model.sheet("Tasks"), rect: { top: 7, left: 2, bottom: 7, right: 2 } });
    expect(model.syncs).toBe(2);

    // Case-insensitive sheet names, sheet-qualified and absolute addresses, odd sheet names.
    await port.selectCell("my, sheet", "'My, sheet'!$B$2");
    expect(model.activeSheet.name).toBe("My, sheet");
    expect(model.selection.rect).toEqual({ top: 2, left: 1, bottom: 2, right: 1 });
  });

  it("refuses an unknown sheet, a bad address and a hidden sheet without moving the selection", async () => {
    const model = double.model;
    model.select("Notes", "A1");
    const before = model.snapshot();
    await expectLiaison(port.selectCell("Nope", "A1"), "sheetNotFound");
    await expectLiaison(port.selectCell("Tasks", "A0"), "invalidAddress");
    await expectLiaison(port.selectCell("Tasks", "Notes!A1"), "invalidAddress");
    model.sheet("Tasks").visibility = "Hidden";
    const hidden = model.snapshot();
    await expectLiaison(port.selectCell("Tasks", "A1"), "sheetHidden");
    expect(model.snapshot()).toEqual(hidden);
    model.sheet("Tasks").visibility = "Visible";
    expect(model.snapshot()).toEqual(before);
  });
});
