import { MARK_SIGNATURE, type Mark } from "../../../src/core/marks/mark";
import { OfficeWorkbook } from "../../../src/workbook/officejs/adapter";
import type { ConditionalFormatModel, SheetModel } from "../../doubles/excel-double";
import { expectLiaison, useExcelDouble } from "./setup";

/**
 * Real-Excel behaviours of conditional formats the marks must survive (modelled in the double):
 * formats addressed by priority, shifting on delete (office-js #5222), and rules Excel cannot
 * read back (office-js #6827, #6835).
 */

const double = useExcelDouble("Tasks", "Other");
const port = new OfficeWorkbook();

const isOurs = (cf: ConditionalFormatModel): boolean => cf.formula?.includes(MARK_SIGNATURE) === true;
const userRules = (s: SheetModel): string[] => s.conditionalFormats.filter((cf) => !isOurs(cf)).map((cf) => cf.formula ?? cf.type);

const marks: Mark[] = [
  { sheet: "Tasks", cell: "B2", severity: "error", message: "" },
  { sheet: "Tasks", cell: "C3", severity: "warning", message: "" },
  { sheet: "Tasks", cell: "D4", severity: "info", message: "" },
  { sheet: "Other", cell: "A2", severity: "error", message: "" },
];

describe("marks and the user's conditional formats, as Excel addresses them", () => {
  it("clearing several marks deletes only ours, even with the user's rules between and on top of them", async () => {
    const tasks = double.model.sheet("Tasks");
    tasks.seedConditionalFormat("Custom", "A2:D9", { formula: "=$A2=1", fill: "#00FF00" });
    tasks.seedConditionalFormat("CellValue", "B2:B9", { rule: { operator: "GreaterThan", formula1: "=3" } });
    await port.applyMarks(marks);
    // A person adds two rules after the marks: theirs sit on top, ours in between.
    tasks.seedConditionalFormat("Custom", "B2", { formula: "=$B2>9", fill: "#0000FF" });
    tasks.seedConditionalFormat("Custom", "C3", { formula: "=$C3<0", fill: "#FF00FF" });
    const before = userRules(tasks);
    expect(before).toHaveLength(4);

    await port.clearMarks();
    expect(userRules(tasks)).toEqual(before);
    expect(tasks.conditionalFormats.filter(isOurs)).toEqual([]);
    expect(double.model.sheet("Other").conditionalFormats).toEqual([]);
  });

  it("re-applying marks replaces ours and keeps every rule of the user's", async () => {
    const tasks = double.model.sheet("Tasks");
    tasks.seedConditionalFormat("Custom", "A2:D9", { formula: "=$A2=1", fill: "#00FF00" });
    await port.applyMarks(marks);
    tasks.seedConditionalFormat("Custom", "B2", { formula: "=$B2>9", fill: "#0000FF" });
    await port.applyMarks(marks.slice(0, 2));
    expect(userRules(tasks)).toEqual(["=$B2>9", "=$A2=1"]);
    // Ours are on top of every rule of the user's.
    expect(tasks.conditionalFormats.slice(0, 2).every(isOurs)).toBe(true);
    expect(tasks.conditionalFormats.filter(isOurs)).toHaveLength(2);
  });

  it("live updates delete only the changed severity's format, wherever the user's rules sit", async () => {
    const tasks = double.model.sheet("Tasks");
    await port.applyMarks(marks);
    tasks.seedConditionalFormat("Custom", "A1", { formula: "=$A1=0", fill: "#00FF00" });
    await port.updateMarks("Tasks", [3], []);
    expect(userRules(tasks)).toEqual(["=$A1=0"]);
    expect(tasks.conditionalFormats.filter(isOurs).map((cf) => cf.formula)).toEqual([
      '=N("liaison-mark:error")=0',
      '=N("liaison-mark:info")=0',
    ]);
  });

  it("a sheet whose rules Excel cannot read back does not stop the others, and is named in the error", async () => {
    await port.applyMarks(marks);
    const tasks = double.model.sheet("Tasks");
    tasks.seedConditionalFormat("CellValue", "E2:E9", { rule: { operator: "Between" }, unreadable: true });

    const error = await expectLiaison(port.clearMarks(), "marksUnreadable");
    expect(error.params.sheets).toBe("Tasks");
    expect(String(error.params.detail)).toContain("GeneralException");
    // The readable sheet's marks are gone; the unreadable sheet is untouched (the user's rule too).
    expect(double.model.sheet("Other").conditionalFormats).toEqual([]);
    expect(tasks.conditionalFormats.filter(isOurs)).toHaveLength(3);
    expect(tasks.conditionalFormats.filter((cf) => cf.unreadable)).toHaveLength(1);

    // Validation still marks the other sheets, and says which sheet it could not update.
    await expectLiaison(port.applyMarks(marks), "marksUnreadable");
    expect(double.model.sheet("Other").conditionalFormats.filter(isOurs)).toHaveLength(1);
    expect(tasks.conditionalFormats.filter(isOurs)).toHaveLength(3);
  });
});
