/**
 * A scoped validation run (当前工作表 / 当前表格) replaces only the marks in its scope: marks on
 * other sheets — and, for 当前表格, on rows outside the table — survive it. Against the ExcelJS
 * adapter, reading the marks back as the preview draws them.
 */
import { marksOf } from "../../../src/preview/marks-view";
import { runValidation } from "../../../src/app/validate/run";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";

const INSTANT = new Date("2024-10-08T04:00:00Z");
const SUPPLIER = "供应商评估表";

async function twoSheets() {
  const book = XlsxWorkbook.create();
  await book.insertTemplate("supplier-evaluation", { examples: true });
  await book.insertTemplate("collab-request", { examples: true });
  const collab = (await book.listSheets()).find((s) => s !== SUPPLIER) ?? "";
  return { book, collab };
}

const marksOn = (book: XlsxWorkbook, sheet: string) => marksOf(book.workbook.getWorksheet(sheet)!, 200, 40);

describe("scoped runs replace only the marks in their scope", () => {
  it("当前工作表: the other sheet's marks survive, this sheet's are replaced", async () => {
    const { book, collab } = await twoSheets();
    await runValidation(book, { scope: { kind: "all" }, lang: "zh-CN", instant: INSTANT });
    const before = marksOn(book, collab);
    expect(before.size).toBeGreaterThan(0);
    // A stale mark on the checked sheet (a table removed since) goes; the supplier marks come back.
    await book.updateMarks(SUPPLIER, [3], [{ sheet: SUPPLIER, cell: "Z3", severity: "info", message: "stale" }]);

    const run = await runValidation(book, { scope: { kind: "sheet", sheet: SUPPLIER }, lang: "zh-CN", instant: INSTANT });
    expect(run.report.tables.map((t) => t.sheet)).toEqual([SUPPLIER]);
    expect(marksOn(book, collab)).toEqual(before);
    const supplier = marksOn(book, SUPPLIER);
    expect(supplier.has("3:25")).toBe(false);
    expect(supplier.size).toBe(run.marked);
    expect(run.marked).toBeGreaterThan(0);
  });

  it("当前表格: rows outside the table and other sheets keep their marks", async () => {
    const { book, collab } = await twoSheets();
    await runValidation(book, { scope: { kind: "all" }, lang: "zh-CN", instant: INSTANT });
    const collabBefore = marksOn(book, collab);
    // A mark far below the table (row 60) stands for something outside the current table.
    await book.updateMarks(SUPPLIER, [60], [{ sheet: SUPPLIER, cell: "B60", severity: "warning", message: "elsewhere" }]);
    const inTable = new Map([...marksOn(book, SUPPLIER)].filter(([k]) => Number(k.split(":")[0]) < 60));

    book.selection = { sheet: SUPPLIER, address: "B2" };
    const run = await runValidation(book, { scope: { kind: "current" }, lang: "zh-CN", instant: INSTANT });
    expect(run.report.tables).toHaveLength(1);
    const after = marksOn(book, SUPPLIER);
    expect(after.get("60:1")).toBe("warning");
    expect(new Map([...after].filter(([k]) => k !== "60:1"))).toEqual(inTable);
    expect(marksOn(book, collab)).toEqual(collabBefore);
  });

  it("a full run still replaces everything", async () => {
    const { book, collab } = await twoSheets();
    await book.updateMarks(collab, [90], [{ sheet: collab, cell: "A90", severity: "error", message: "stale" }]);
    await runValidation(book, { scope: { kind: "all" }, lang: "zh-CN", instant: INSTANT });
    expect(marksOn(book, collab).has("90:0")).toBe(false);
  });
});
