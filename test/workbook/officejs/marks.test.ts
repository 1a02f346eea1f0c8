import { rangeAddress } from "../../../src/core/a1";
import { OfficeWorkbook } from "../../../src/workbook/officejs/adapter";
import { addressLists, MAX_AREAS_ADDRESS } from "../../../src/workbook/officejs/marks";
import { MARK_SIGNATURE, MARK_STYLE, markFormula, type Mark } from "../../../src/core/marks/mark";
import type { ConditionalFormatModel, SheetModel, WorkbookModel } from "../../doubles/excel-double";
import { expectLiaison, useExcelDouble } from "./setup";

const double = useExcelDouble("Tasks");
const port = new OfficeWorkbook();

/** A sheet as a person left it: values, number formats, a dropdown, their own conditional formats. */
function seed(model: WorkbookModel): void {
  const tasks = model.sheet("Tasks");
  tasks.seed(
    "A1",
    [
      ["事项内容", "负责人", "截止日期", "状态"],
      ["原型设计", "张伟", 45561, "已完成"],
      ["排期表", { error: "#N/A" }, 45565, "进行中"],
      [{ formula: "=1+1", value: 2 }, "", "05-20", "未开始"],
    ],
    [
      [null, null, null, null],
      [null, null, "yyyy-mm-dd", null],
      [null, "@", "yyyy-mm-dd", null],
      [null, null, "@", null],
    ],
  );
  tasks.ensure(2, 3).validation = { rule: { list: { inCellDropDown: true, source: "未开始,进行中,已完成" } } };
  tasks.seedConditionalFormat("Custom", "A2:D4", { formula: '=$D2="已完成"', fill: "#00FF00", font: "#006100" });
  tasks.seedConditionalFormat("CellValue", "C2:C4", { rule: { operator: "LessThan", formula1: "=TODAY()" }, fill: "#FF0000" });
  model.addTable("Tasks", "A1:D4", "Tasks");

  model.addSheet("Other").seed("A1", [["x"], [1]]);
}

const marks: Mark[] = [
  { sheet: "Tasks", cell: "B3", severity: "error", message: "负责人为错误值" },
  { sheet: "Tasks", cell: "B4", severity: "error", message: "缺少负责人" },
  { sheet: "Tasks", cell: "C4", severity: "warning", message: "日期不规范" },
  { sheet: "Tasks", cell: "C4", severity: "info", message: "日期提示" },
  { sheet: "Tasks", cell: "D3", severity: "info", message: "状态提示" },
  { sheet: "Tasks", cell: "D3", severity: "error", message: "状态错误" },
  { sheet: "other", cell: "$A$2", severity: "warning", message: "sheet names are case-insensitive" },
];

const ours = (s: SheetModel): ConditionalFormatModel[] => s.conditionalFormats.filter((cf) => cf.formula?.includes(MARK_SIGNATURE));
const theirs = (s: SheetModel): ConditionalFormatModel[] => s.conditionalFormats.filter((cf) => !cf.formula?.includes(MARK_SIGNATURE));
/** Cells covered by a format, as A1 addresses. */
const cellsOf = (cf: ConditionalFormatModel): string[] =>
  cf.ranges.flatMap((r) => {
    const out: string[] = [];
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) out.push(rangeAddress({ top: row, bottom: row, left: col, right: col }));
    return out;
  });

describe("OfficeWorkbook.applyMarks / clearMarks", () => {
  it("marks with tagged conditional formats and clears them back to exactly the sheet before", async () => {
    const model = double.model;
    seed(model);
    const before = model.snapshot();
    const userFormats = structuredClone(model.sheet("Tasks").conditionalFormats);

    await port.applyMarks(marks);
    const tasks = model.sheet("Tasks");
    const mine = ours(tasks);
    expect(mine.map((cf) => [cf.type, cf.formula, cf.fill, cf.font, cf.stopIfTrue])).toEqual([
      ["Custom", markFormula("error"), MARK_STYLE.error.fill, MARK_STYLE.error.font, false],
      ["Custom", markFormula("warning"), MARK_STYLE.warning.fill, MARK_STYLE.warning.font, false],
    ]);
    // Highest severity wins: D3 (error + info) is marked once, as an error; C4 as a warning; no info left.
    expect(cellsOf(mine[0]).sort()).toEqual(["B3", "B4", "D3"]);
    expect(cellsOf(mine[1])).toEqual(["C4"]);
    // Ours on top of the user's, which are unchanged and keep their order.
    expect(tasks.conditionalFormats.slice(0, 2)).toEqual(mine);
    expect(theirs(tasks)).toEqual(userFormats);
    expect(ours(model.sheet("Other")).map((cf) => [cf.formula, cellsOf(cf)])).toEqual([[markFormula("warning"), ["A2"]]]);

    // Nothing but conditional formats changed: values, number formats, dropdowns, tables as before.
    const withoutFormats = (snap: unknown) =>
      (snap as { sheets: { conditionalFormats: unknown }[] }).sheets.map(({ conditionalFormats: _cf, ...rest }) => rest);
    expect(withoutFormats(model.snapshot())).toEqual(withoutFormats(before));

    await port.clearMarks();
    expect(model.snapshot()).toEqual(before);
  });

  it("re-applying replaces the marks (no accumulation); an empty list clears them", async () => {
    const model = double.model;
    seed(model);
    const before = model.snapshot();
    await port.applyMarks(marks);
    await port.applyMarks(marks);
    await port.applyMarks([{ sheet: "Tasks", cell: "A2", severity: "info", message: "" }]);
    const tasks = model.sheet("Tasks");
    expect(ours(tasks).map((cf) => [cf.formula, cellsOf(cf)])).toEqual([[markFormula("info"), ["A2"]]]);
    expect(ours(model.sheet("Other"))).toEqual([]);
    expect(theirs(tasks)).toHaveLength(2);
    await port.applyMarks([]);
    expect(model.snapshot()).toEqual(before);
  });

  it("finds its marks in a later session by their formula alone, and leaves look-alikes of users alone", async () => {
    const model = double.model;
    seed(model);
    // Marks left by an earlier session (e.g. copied along with cells), and a user's custom rule.
    model.sheet("Other").seedConditionalFormat("Custom", "A1:A2,C5", { formula: markFormula("error"), fill: "#FFC7CE" });
    model.sheet("Other").seedConditionalFormat("Custom", "B1", { formula: '=A1="liaison"', fill: "#FFFFFF" });
    await port.clearMarks();
    expect(model.sheet("Other").conditionalFormats.map((cf) => cf.formula)).toEqual(['=A1="liaison"']);
    expect(theirs(model.sheet("Tasks"))).toHaveLength(2);
  });

  it("merges neighbouring cells into areas and uses a fixed number of syncs for 5 or 5,000 cells", async () => {
    const model = double.model;
    seed(model);
    const syncsFor = async (list: Mark[]): Promise<number> => {
      model.resetStats();
      await port.applyMarks(list);
      return model.syncs;
    };
    const few = await syncsFor(marks);
    // 5,000 scattered cells (every other row of two columns: nothing merges) and a 2,000-cell block.
    const many: Mark[] = [];
    for (let i = 0; i < 2500; i++)
      for (const col of ["B", "E"]) many.push({ sheet: "Tasks", cell: `${col}${10 + 2 * i}`, severity: "warning", message: "" });
    for (let i = 0; i < 1000; i++)
      for (const col of ["G", "H"]) many.push({ sheet: "Tasks", cell: `${col}${10 + i}`, severity: "error", message: "" });
    expect(await syncsFor(many)).toBe(few);
    expect(few).toBe(3);
    expect(model.longestAreasAddress).toBeLessThanOrEqual(MAX_AREAS_ADDRESS);
    expect(model.maxBatchBytes).toBeLessThan(4_000_000);

    const mine = ours(model.sheet("Tasks"));
    const errors = mine.filter((cf) => cf.formula === markFormula("error"));
    expect(errors.map((cf) => cf.ranges.map(rangeAddress))).toEqual([["G10:H1009"]]);
    const warned = mine.filter((cf) => cf.formula === markFormula("warning"));
    expect(warned.length).toBeGreaterThan(1); // cut into address lists
    expect(new Set(warned.flatMap(cellsOf)).size).toBe(5000);
  });

  it("refuses bad marks before changing anything", async () => {
    const model = double.model;
    seed(model);
    await port.applyMarks(marks);
    const before = model.snapshot();
    await expectLiaison(port.applyMarks([...marks, { sheet: "Nope", cell: "A1", severity: "error", message: "" }]), "sheetNotFound");
    await expectLiaison(port.applyMarks([{ sheet: "Tasks", cell: "B2:B3", severity: "error", message: "" }]), "invalidAddress");
    await expectLiaison(port.applyMarks([{ sheet: "Tasks", cell: "Other!B2", severity: "error", message: "" }]), "invalidAddress");
    await expectLiaison(port.applyMarks([{ sheet: "Tasks", cell: "甲1", severity: "error", message: "" }]), "invalidAddress");
    expect(model.snapshot()).toEqual(before);
  });

  it("refuses a protected sheet with a clear error and writes nothing", async () => {
    const model = double.model;
    seed(model);
    await port.applyMarks(marks);
    model.sheet("Other").protected = true;
    const before = model.snapshot();
    model.resetStats();
    // New marks on the protected sheet, or old marks there to remove: refused as a whole.
    const e = await expectLiaison(port.applyMarks(marks.filter((m) => m.sheet === "Tasks")), "sheetProtected");
    expect(e.params).toEqual({ sheet: "Other" });
    await expectLiaison(port.clearMarks(), "sheetProtected");
    expect(model.snapshot()).toEqual(before);
    expect(model.batches.every((b) => b.ops > 0)).toBe(true);

    // A protected sheet without marks is no obstacle.
    model.sheet("Other").protected = false;
    await port.clearMarks();
    model.sheet("Other").protected = true;
    await port.applyMarks(marks.filter((m) => m.sheet === "Tasks"));
    await port.clearMarks();
    expect(ours(model.sheet("Tasks"))).toEqual([]);
  });
});

describe("mark address lists", () => {
  it("cuts address lists at MAX_AREAS_ADDRESS characters without losing an area", () => {
    const rects = Array.from({ length: 1000 }, (_, i) => ({ top: 2 * i + 1, bottom: 2 * i + 1, left: 27, right: 27 }));
    const lists = addressLists(rects);
    expect(lists.length).toBeGreaterThan(1);
    for (const l of lists) expect(l.length).toBeLessThanOrEqual(MAX_AREAS_ADDRESS);
    expect(lists.join(",").split(",")).toEqual(rects.map(rangeAddress));
  });
});
