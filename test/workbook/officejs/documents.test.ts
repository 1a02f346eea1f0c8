import { calendarOf, DEFAULT_SETTINGS } from "../../../src/core/settings";
import { parseIsoDate } from "../../../src/core/cells/civil";
import { buildDocuments, documentSheetLayout, readSelectedRows as readRows } from "../../../src/core/documents";
import { REGISTER_SHEET } from "../../../src/core/documents/model";
import { getTemplate } from "../../../src/core/templates";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";
import type { DocumentToWrite } from "../../../src/app/port";
import { OfficeWorkbook } from "../../../src/workbook/officejs/adapter";
import { PAYLOAD_LIMIT_BYTES, type WorkbookModel } from "../../doubles/excel-double";
import { ACTION_HEADER, noticeEntry, noticeLayout, notices, SUPPLIER_HEADER } from "./documents-fixtures";
import { expectLiaison, useExcelDouble } from "./setup";

const double = useExcelDouble("Notes");
const port = new OfficeWorkbook();

/** Sheet 评估: table Scores (A1:H6, 5 rows) and, beside it lower down, table Actions (K8:N10). */
function seed(model: WorkbookModel): void {
  const ws = model.addSheet("评估");
  ws.seed("A1", [SUPPLIER_HEADER, ...["甲", "乙", "丙", "丁", "戊"].map((s, i) => [s, "2024Q2", 20, 20, 15, 10, 10 + i, 75 + i])]);
  model.addTable("评估", "A1:H6", "Scores");
  ws.seed("K8", [ACTION_HEADER, ["排期", "张伟", "2024-06-01", "进行中"], ["原型", "刘强", "2024-06-03", "未开始"]]);
  model.addTable("评估", "K8:N10", "Actions");
  model.sheet("Notes").seed("A1", [["随手记"]]);
}

describe("OfficeWorkbook.readSelectedRows", () => {
  it.each([
    ["one cell per row, several areas", ["A2", "C4", "B5"]],
    ["blocks", ["B2:D2", "A4:A5"]],
    ["whole rows", ["2:2", "4:5"]],
    ["a block including the header row", ["A1:C2", "H4:H5"]],
  ])("%s", async (_label, areas) => {
    const model = double.model;
    seed(model);
    model.selectAreas("评估", ...areas);
    const before = model.snapshot();
    model.resetStats();
    await port.findTables();
    const find = model.syncs;
    model.resetStats();
    const sel = await port.readSelectedRows();
    expect(model.snapshot()).toEqual(before);
    expect(sel.table.tableName).toBe("Scores");
    expect(sel.excelRows).toEqual([2, 4, 5]);
    expect(sel.body.map((r) => r[0])).toEqual(["甲", "丙", "丁"]);
    expect(sel.body[0]).toHaveLength(8);
    // findTables' syncs, the selection riding the first, then one read.
    expect(model.syncs).toBe(find + 1);
  });

  it("leaves out rows hidden by a filter (from the visible view, not per row), but not rows named explicitly", async () => {
    const model = double.model;
    seed(model);
    model.sheet("评估").hiddenRows.add(3);
    model.selectAreas("评估", "A2:A6");
    model.resetStats();
    expect((await port.readSelectedRows()).excelRows).toEqual([2, 4, 5, 6]);
    const oneRow = model.syncs;
    expect((await port.readSelectedRows({ sheet: "评估", rows: [3] })).excelRows).toEqual([3]);
    model.selectAreas("评估", "B3");
    await expectLiaison(port.readSelectedRows(), "noDataRowsSelected");

    // Syncs do not grow with the rows chosen.
    for (let i = 0; i < 300; i++) model.sheet("评估").seed(`A${7 + i}`, [[`供应商${i}`, "2024Q2", 20, 20, 15, 10, 10, 75]]);
    model.tables[0].rect = { top: 1, left: 0, bottom: 306, right: 7 };
    model.selectAreas("评估", "A2:A306", "C10", "H9");
    model.resetStats();
    expect((await port.readSelectedRows()).excelRows).toHaveLength(304);
    expect(model.syncs).toBe(oneRow);
  });

  it("keeps selected rows when the table's first column is hidden (a row is hidden only when the row is)", async () => {
    const model = double.model;
    seed(model);
    const sheet = model.sheet("评估");
    sheet.hiddenColumns.add(0); // a hidden 序号 column
    sheet.hiddenRows.add(4);
    model.selectAreas("评估", "B2:B6");
    expect((await port.readSelectedRows()).excelRows).toEqual([2, 3, 5, 6]);
  });

  it("reads dates of a 1904-date workbook in the 1900 system the core uses (ExcelApi 1.16)", async () => {
    const model = double.model;
    seed(model);
    model.use1904DateSystem = true;
    // 2024-06-01 is serial 45444 (1900 system), 43982 in a 1904 workbook.
    model.sheet("评估").seed("M9", [[43982]], [["yyyy-mm-dd"]]);
    const office = globalThis as { Office?: unknown };
    office.Office = {
      context: { requirements: { isSetSupported: (n: string, v: string) => n === "ExcelApi" && Number(v.split(".")[1]) <= 16 } },
    };
    try {
      const sel = await port.readSelectedRows({ sheet: "评估", rows: [9] });
      expect(sel.body[0][2]).toEqual({ kind: "date", serial: 45444 });
    } finally {
      delete office.Office;
    }
  });

  it("takes explicit rows (the CLI's --rows), ignoring rows below the data", async () => {
    seed(double.model);
    const sel = await port.readSelectedRows({ sheet: "评估", rows: [5, 6, 7, 40] });
    expect(sel.excelRows).toEqual([5, 6]);
    expect(sel.body.map((r) => r[0])).toEqual(["丁", "戊"]);
  });

  it("refuses a selection over two tables, on no table, or on the header only", async () => {
    const model = double.model;
    seed(model);
    model.selectAreas("评估", "A2", "L9");
    await expectLiaison(port.readSelectedRows(), "selectionSpansTables");
    model.selectAreas("评估", "5:9");
    await expectLiaison(port.readSelectedRows(), "selectionSpansTables");
    await expectLiaison(port.readSelectedRows({ sheet: "评估", rows: [2, 9] }), "selectionSpansTables");
    model.select("Notes", "A1");
    await expectLiaison(port.readSelectedRows(), "noTableAtSelection");
    model.select("评估", "A1:H1");
    await expectLiaison(port.readSelectedRows(), "noDataRowsSelected");
    await expectLiaison(port.readSelectedRows({ sheet: "Notes", rows: [1] }), "noTableAtRows");
    await expectLiaison(port.readSelectedRows({ sheet: "缺", rows: [1] }), "sheetNotFound");
  });
});

describe("OfficeWorkbook.writeDocuments", () => {
  it("adds print-ready sheets with text cells, styles, merges, widths, page layout, and a new register", async () => {
    const model = double.model;
    seed(model);
    const names = await port.writeDocuments(notices(2));
    expect(names).toEqual(["整改通知书-ZG-2024Q2-001", "整改通知书-ZG-2024Q2-002"]);
    expect(model.sheets.map((s) => s.name)).toEqual(["Notes", "评估", ...names, REGISTER_SHEET]);

    const ws = model.sheet(names[0]);
    // Text format first: the strict double would otherwise have typed `=HYPERLINK(…)` in as a formula, `79` as a number.
    expect(ws.cell("B3")).toMatchObject({ value: '=HYPERLINK("http://x","甲公司")', format: "@" });
    expect(ws.cell("B3").formula).toBeUndefined();
    expect(ws.cell("B4").value).toBe("79");
    expect(ws.cell("C4").value).toBe("2024-05-10");
    expect(ws.cell("A1").style).toMatchObject({ bold: true, size: 18, horizontal: "Center", vertical: "Center" });
    expect(ws.cell("A3").style).toMatchObject({
      bold: true,
      fill: "#F2F2F2",
      borders: { top: "Continuous", bottom: "Continuous", left: "Continuous", right: "Continuous" },
    });
    // A merged value cell is framed as a whole (edges of B3:F3).
    expect(ws.cell("B3").style?.borders).toEqual({ top: "Continuous", bottom: "Continuous", left: "Continuous" });
    expect(ws.cell("F3").style?.borders).toEqual({ top: "Continuous", bottom: "Continuous", right: "Continuous" });
    expect(ws.cell("B4").style?.color).toBe("#C00000");
    expect(ws.cell("A6").style?.borders).toEqual({ top: "Dash" });
    expect(ws.merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 0, bottom: 1, right: 5 },
        { top: 3, left: 1, bottom: 3, right: 5 },
        { top: 6, left: 0, bottom: 6, right: 5 },
      ]),
    );
    expect(ws.columnWidth(0)).toBeCloseTo((14 * 7 + 5) * 0.75);
    expect(ws.rowHeights.get(1)).toBe(36);
    expect(ws.pageLayout).toEqual({
      paperSize: "A4",
      orientation: "Portrait",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      topMargin: 54,
      bottomMargin: 54,
      leftMargin: 50.4,
      rightMargin: 50.4,
      printArea: "A1:F6",
      printTitleRows: "$1:$2",
      centerFooter: "ZG-2024Q2-001 · 第 &P 页 / 共 &N 页",
    });

    const reg = model.sheet(REGISTER_SHEET);
    expect(reg.values("A1:F3")).toEqual([
      ["编号", "类型", "文书工作表", "来源工作表", "来源行", "生成时间"],
      ["ZG-2024Q2-001", "整改通知书", names[0], "供应商评估表", "4", "2024-06-03 09:30"],
      ["ZG-2024Q2-002", "整改通知书", names[1], "供应商评估表", "5", "2024-06-03 09:30"],
    ]);
    expect(reg.formats("A2:F2")).toEqual([["@", "@", "@", "@", "@", "@"]]);
    expect(reg.frozenRows).toBe(1);
    // Issue 13: the register is an Excel table of the document-register template, found like any other.
    expect(reg.values("G1:I1")).toEqual([["收件方", "状态", "整改期限"]]);
    expect(model.tables.filter((t) => t.sheet.name === REGISTER_SHEET).map((t) => [t.name, t.rect])).toEqual([
      ["DocumentRegister", { top: 1, left: 0, bottom: 3, right: 8 }],
    ]);

    expect((await port.readRegister()).map((e) => [e.number, e.kind, e.documentSheet, e.createdAt])).toEqual([
      ["ZG-2024Q2-001", "notice", names[0], "2024-06-03 09:30"],
      ["ZG-2024Q2-002", "notice", names[1], "2024-06-03 09:30"],
    ]);
  });

  it("refuses a number already in the register (or repeated), changing nothing", async () => {
    const model = double.model;
    seed(model);
    await port.writeDocuments(notices(2));
    const before = model.snapshot();
    await expectLiaison(port.writeDocuments([...notices(1, 3), { layout: noticeLayout(2), entry: noticeEntry(2) }]), "documentNumberInUse");
    await expectLiaison(port.writeDocuments([...notices(1, 3), { layout: noticeLayout(4), entry: noticeEntry(3) }]), "documentNumberInUse");
    expect(model.snapshot()).toEqual(before);

    // Numbering continues; a same-named sheet is never overwritten; the register grows below its last line.
    const names = await port.writeDocuments([{ layout: noticeLayout(1), entry: noticeEntry(3) }]);
    expect(names).toEqual(["整改通知书-ZG-2024Q2-001 (2)"]);
    expect((await port.readRegister()).map((e) => e.number)).toEqual(["ZG-2024Q2-001", "ZG-2024Q2-002", "ZG-2024Q2-003"]);
  });

  it("refuses a protected register before changing anything", async () => {
    const model = double.model;
    seed(model);
    await port.writeDocuments(notices(1));
    model.sheet(REGISTER_SHEET).protected = true;
    const before = model.snapshot();
    await expectLiaison(port.writeDocuments(notices(1, 2)), "sheetProtected");
    expect(model.snapshot()).toEqual(before);
  });

  it("removes the sheets it added when Office fails half-way", async () => {
    const model = double.model;
    seed(model);
    const bad = notices(3);
    // A colour Office refuses: the write sync fails after the first sheets were added.
    const base = bad[2].layout!;
    const layout = { ...base, cells: [...base.cells, { row: 7, col: 0, text: "x", style: { fill: "not-a-colour!" } }] };
    const before = model.snapshot();
    await expect(port.writeDocuments([bad[0], bad[1], { ...bad[2], layout }])).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(model.snapshot()).toEqual(before);
  });

  it("costs the same syncs for 1 or 50 documents, in batches well under 4 MB", async () => {
    const model = double.model;
    seed(model);
    model.resetStats();
    await port.writeDocuments(notices(1));
    const first = model.syncs; // no register yet: names + the write
    expect(first).toBe(2);

    model.resetStats();
    await port.writeDocuments(notices(1, 2));
    const one = model.syncs; // with a register: names, its extent, its cells, the write
    expect(one).toBe(4);

    model.resetStats();
    await port.writeDocuments(notices(50, 3));
    expect(model.syncs).toBe(one);
    expect(model.maxBatchBytes).toBeLessThan(4_000_000);
    expect(model.sheets.filter((s) => s.name.startsWith("整改通知书"))).toHaveLength(52);
  });

  it("writes real notices (built by the core from the manual's examples): 25 cost the syncs of 1", async () => {
    const source = XlsxWorkbook.create();
    await source.insertTemplate("supplier-evaluation", { examples: true });
    const selected = await source.readSelectedRows({ sheet: "供应商评估表", rows: [2, 3, 4, 5] });
    const tpl = getTemplate("supplier-evaluation");
    const today = parseIsoDate("2024-10-08") as number;
    const built = buildDocuments("notice", {
      selected: { tpl, read: readRows(tpl, selected, today), sheet: "供应商评估表" },
      settings: DEFAULT_SETTINGS,
      today,
      now: today * 1440 + 600,
      calendar: calendarOf(DEFAULT_SETTINGS),
      register: [],
    });
    const real = built.documents.map((d, i) => ({ layout: documentSheetLayout(d), entry: built.entries[i] }));
    // Distinct numbers from the same notice (the adapter neither knows nor cares what the text says).
    const many = (n: number, from: number): DocumentToWrite[] =>
      Array.from({ length: n }, (_, i) => {
        const number = `ZG-2030Q1-${String(from + i).padStart(3, "0")}`;
        return { layout: { ...real[0].layout, sheetName: `整改通知书 ${number}` }, entry: { ...real[0].entry, number } };
      });

    const model = double.model;
    seed(model);
    await port.writeDocuments(real);
    const ws = model.sheet(real[0].layout.sheetName);
    expect(ws.cell("A1").value).toBe("整改通知书");
    expect(ws.pageLayout).toMatchObject({ paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    for (const c of real[0].layout.cells) expect(ws.cellAt(c.row, c.col)).toMatchObject({ value: c.text, format: "@" });

    model.resetStats();
    await port.writeDocuments(many(1, 1));
    const one = { syncs: model.syncs, bytes: model.maxBatchBytes };
    model.resetStats();
    await port.writeDocuments(many(25, 2));
    expect(model.syncs).toBe(one.syncs);
    // Sizes count Office's JSON per operation (the double's OP_OVERHEAD_BYTES): 10% under the 5 MB limit.
    expect(model.maxBatchBytes).toBeLessThan(0.9 * PAYLOAD_LIMIT_BYTES);
    const fifty = model.maxBatchBytes;
    // Past the batch budget (about 30 letter-sized notices with their letterhead) the documents take one more batch, each still under the limit.
    model.resetStats();
    await port.writeDocuments(many(60, 27));
    expect(model.syncs).toBe(one.syncs + 1);
    expect(model.maxBatchBytes).toBeLessThan(0.9 * PAYLOAD_LIMIT_BYTES);
    model.batches.length = 0;
    model.batches.push({ ops: 0, bytes: fifty });
    // Recorded for the report: the one write batch of 25 notices.
    console.info(
      `writeDocuments: ${one.syncs} syncs for 1 and for 25 notices; largest batch ${one.bytes} B (1) / ${model.maxBatchBytes} B (25)`,
    );
  });
});
