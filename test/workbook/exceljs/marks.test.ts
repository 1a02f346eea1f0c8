import * as ExcelJS from "exceljs";
import { LiaisonError } from "../../../src/core/errors";
import { MARK_SIGNATURE, type Mark } from "../../../src/core/marks/mark";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";
import { sqref } from "../../../src/workbook/exceljs/marks";

interface Block {
  ref: string;
  rules: { type?: string; formulae?: string[]; priority?: number; style?: unknown }[];
}
const blocks = (book: XlsxWorkbook, sheet: string): Block[] =>
  (book.workbook.getWorksheet(sheet) as unknown as { conditionalFormattings: Block[] }).conditionalFormattings;
const isMark = (b: Block): boolean => b.rules.some((r) => (r.formulae ?? []).some((f) => f.includes(MARK_SIGNATURE)));

/** Every cell's value and style, every sheet's conditional formats, validations and tables: what marks must leave alone. */
function snapshot(book: XlsxWorkbook): unknown {
  return book.workbook.worksheets.map((ws) => {
    const cells: unknown[] = [];
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => cells.push([cell.address, cell.value, cell.style, cell.numFmt])),
    );
    return JSON.parse(
      JSON.stringify({
        name: ws.name,
        cells,
        cf: (ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings,
        dv: (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
        tables: ws.getTables().map((t) => (t as unknown as { model: unknown }).model),
      }),
    );
  });
}

/** A workbook with a template table, hand-made styles and the user's own conditional formats. */
async function userBook(): Promise<Uint8Array> {
  const book = XlsxWorkbook.create();
  await book.insertTemplate("supplier-evaluation", { examples: true });
  const ws = book.workbook.getWorksheet("供应商评估表")!;
  ws.getCell("J2").font = { italic: true, color: { argb: "FF00B050" } };
  ws.getCell("A3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  ws.addConditionalFormatting({
    ref: "H2:H5",
    rules: [{ type: "cellIs", operator: "lessThan", formulae: ["80"], style: { font: { bold: true } }, priority: 1 }],
  } as ExcelJS.ConditionalFormattingOptions);
  ws.addConditionalFormatting({
    ref: "A2:A5 C2:C5",
    rules: [{ type: "expression", formulae: ['ISNUMBER(SEARCH("物流",A2))'], style: { font: { underline: true } }, priority: 2 }],
  } as ExcelJS.ConditionalFormattingOptions);
  const other = book.workbook.addWorksheet("其他");
  other.getCell("B2").value = "=1+1 as text";
  other.getCell("B3").value = { formula: "1+1", result: 2 };
  return book.toBuffer();
}

const MARKS: Mark[] = [
  { sheet: "供应商评估表", cell: "H3", severity: "warning", message: "总分78,低于合格线80" },
  { sheet: "供应商评估表", cell: "H4", severity: "warning", message: "总分77,低于合格线80" },
  { sheet: "供应商评估表", cell: "H4", severity: "error", message: "连续2期" },
  { sheet: "供应商评估表", cell: "H5", severity: "warning", message: "总分79.5" },
  { sheet: "供应商评估表", cell: "B2", severity: "info", message: "提示" },
  { sheet: "供应商评估表", cell: "B2", severity: "info", message: "另一条提示" },
  { sheet: "其他", cell: "B2", severity: "error", message: "x" },
];

describe("XlsxWorkbook marks", () => {
  it("adds one conditional format per sheet and severity; each cell once, with its highest severity", async () => {
    const book = await XlsxWorkbook.load(await userBook());
    await book.applyMarks(MARKS);
    const marks = blocks(book, "供应商评估表").filter(isMark);
    expect(marks.map((b) => [b.ref, b.rules[0].formulae])).toEqual([
      ["H4", ['N("liaison-mark:error")=0']],
      ["H3 H5", ['N("liaison-mark:warning")=0']],
      ["B2", ['N("liaison-mark:info")=0']],
    ]);
    expect(marks[0].rules[0]).toMatchObject({
      type: "expression",
      style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } }, font: { color: { argb: "FF9C0006" } } },
    });
    // After the user's own rules (priorities 1 and 2), which keep theirs.
    expect(marks.map((b) => b.rules[0].priority)).toEqual([3, 4, 5]);
    expect(
      blocks(book, "其他")
        .filter(isMark)
        .map((b) => b.ref),
    ).toEqual(["B2"]);
  });

  it("replaces earlier marks rather than adding to them", async () => {
    const book = await XlsxWorkbook.load(await userBook());
    await book.applyMarks(MARKS);
    await book.applyMarks([{ sheet: "供应商评估表", cell: "$c$3", severity: "error", message: "x" }]);
    expect(
      blocks(book, "供应商评估表")
        .filter(isMark)
        .map((b) => b.ref),
    ).toEqual(["C3"]);
    expect(blocks(book, "其他").filter(isMark)).toEqual([]);
  });

  it("apply + clear leaves every value, style and user format exactly as it was, in memory", async () => {
    const book = await XlsxWorkbook.load(await userBook());
    const before = snapshot(book);
    const userBlocks = [...blocks(book, "供应商评估表")];
    await book.applyMarks(MARKS);
    expect(snapshot(book)).not.toEqual(before);
    await book.clearMarks();
    expect(snapshot(book)).toEqual(before);
    // The user's rule objects themselves are kept, not copies.
    expect(blocks(book, "供应商评估表")).toEqual(userBlocks);
    blocks(book, "供应商评估表").forEach((b, i) => expect(b).toBe(userBlocks[i]));
  });

  it("marks survive a save, are found again after loading, and clearing them then restores the file", async () => {
    const bytes = await userBook();
    const plain = await XlsxWorkbook.load(await (await XlsxWorkbook.load(bytes)).toBuffer());

    const marked = await XlsxWorkbook.load(bytes);
    await marked.applyMarks(MARKS);
    const reloaded = await XlsxWorkbook.load(await marked.toBuffer());
    expect(
      blocks(reloaded, "供应商评估表")
        .filter(isMark)
        .map((b) => b.ref),
    ).toEqual(["H4", "H3 H5", "B2"]);
    expect(snapshot(reloaded)).not.toEqual(snapshot(plain));

    await reloaded.clearMarks();
    const cleared = await XlsxWorkbook.load(await reloaded.toBuffer());
    expect(snapshot(cleared)).toEqual(snapshot(plain));
    expect(blocks(cleared, "供应商评估表").map((b) => b.ref)).toEqual(["H2:H5", "A2:A5 C2:C5"]);

    // Apply and clear in one session, then save: the same file as never marked.
    const session = await XlsxWorkbook.load(bytes);
    await session.applyMarks(MARKS);
    await session.clearMarks();
    expect(snapshot(await XlsxWorkbook.load(await session.toBuffer()))).toEqual(snapshot(plain));
  });

  it("keeps the user's rules of a block that also holds a mark", async () => {
    const book = await XlsxWorkbook.load(await userBook());
    const ws = book.workbook.getWorksheet("其他")!;
    ws.addConditionalFormatting({
      ref: "A1",
      rules: [
        { type: "expression", formulae: ["TRUE"], style: { font: { bold: true } }, priority: 1 },
        { type: "expression", formulae: ['N("liaison-mark:info")=0'], style: {}, priority: 2 },
      ],
    } as ExcelJS.ConditionalFormattingOptions);
    await book.clearMarks();
    expect(blocks(book, "其他").map((b) => [b.ref, b.rules.map((r) => r.formulae)])).toEqual([["A1", [["TRUE"]]]]);
  });

  it("refuses an unknown sheet or a bad address before changing anything", async () => {
    const book = await XlsxWorkbook.load(await userBook());
    await book.applyMarks(MARKS);
    const before = snapshot(book);
    await expect(book.applyMarks([...MARKS, { sheet: "缺", cell: "A1", severity: "error", message: "" }])).rejects.toMatchObject({
      key: "sheetNotFound",
    });
    await expect(book.applyMarks([{ sheet: "其他", cell: "A1:B2", severity: "error", message: "" }])).rejects.toBeInstanceOf(LiaisonError);
    await expect(book.applyMarks([{ sheet: "其他", cell: "ZZ", severity: "error", message: "" }])).rejects.toMatchObject({
      key: "invalidAddress",
    });
    expect(snapshot(book)).toEqual(before);
  });

  it("validates marks exactly as the Office.js adapter does (one planner in core)", async () => {
    const book = await XlsxWorkbook.load(await userBook());
    // A cell naming its own sheet is accepted (it used to be refused here and accepted in Excel).
    await book.applyMarks([{ sheet: "其他", cell: "其他!B2", severity: "error", message: "" }]);
    expect(
      blocks(book, "其他")
        .filter(isMark)
        .map((b) => b.ref),
    ).toEqual(["B2"]);
    // An unknown severity is refused with a clear error (it used to be dropped silently here).
    const before = snapshot(book);
    await expect(book.applyMarks([{ sheet: "其他", cell: "A1", severity: "fatal" as "error", message: "" }])).rejects.toMatchObject({
      key: "invalidSeverity",
    });
    expect(snapshot(book)).toEqual(before);
  });

  it("applyMarks([]) clears", async () => {
    const book = await XlsxWorkbook.load(await userBook());
    await book.applyMarks(MARKS);
    await book.applyMarks([]);
    expect(book.workbook.worksheets.flatMap((ws) => blocks(book, ws.name).filter(isMark))).toEqual([]);
  });
});

describe("sqref", () => {
  it("joins each column's consecutive rows and lists the areas top to bottom", () => {
    const cells = [2, 3, 4, 7, 9, 10]
      .map((row) => ({ col: 7, row }))
      .concat([
        { col: 0, row: 5 },
        { col: 27, row: 1 },
      ]);
    expect(sqref(cells)).toBe("AB1 H2:H4 A5 H7 H9:H10");
    expect(sqref([])).toBe("");
  });
});
