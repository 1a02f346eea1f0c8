/**
 * The preview's pure parts: how cells are shown, the selection model, the sheet view built from
 * an ExcelJS worksheet, and the UI catalogs (both languages, same keys).
 */
import ExcelJS from "exceljs";
import { serialFromDay, dayFromYmd, serialFromMinute } from "../../src/core/cells/civil";
import { excelDate, excelError } from "../../src/core/cells/types";
import { commandsMessages } from "../../src/core/i18n/messages/commands";
import { previewMessages } from "../../src/core/i18n/messages/preview";
import { taskpaneMessages } from "../../src/core/i18n/messages/taskpane";
import { cellText } from "../../src/preview/cell-text";
import { SAMPLE_RANGE, SAMPLE_SHEET, addSampleSheet } from "../../src/preview/sample";
import { cellSelection, columnSelection, moveSelection, rowSelection, selectionRect } from "../../src/preview/selection";
import { buildSheetView } from "../../src/preview/sheet-view";
import { lazyPort } from "../../src/taskpane/lazy-port";
import { columnLetter } from "../../src/core/a1";
import { marksOf } from "../../src/preview/marks-view";
import { XlsxWorkbook } from "../../src/workbook/exceljs/adapter";
import type { RangeRef, WorkbookPort } from "../../src/app/port";

describe("cellText", () => {
  const day = serialFromDay(dayFromYmd(2024, 5, 10));
  const minute = serialFromMinute(dayFromYmd(2024, 5, 10) * 1440 + 14 * 60 + 30);

  it("shows dates as yyyy-mm-dd and date-times as yyyy-mm-dd hh:mm, whatever the format's style", () => {
    expect(cellText(excelDate(day), "yyyy-mm-dd").text).toBe("2024-05-10");
    expect(cellText(excelDate(day), 'yyyy"年"m"月"d"日"').text).toBe("2024-05-10");
    expect(cellText(excelDate(minute), "yyyy-mm-dd hh:mm").text).toBe("2024-05-10 14:30");
    expect(cellText(excelDate(minute), "m/d/yy h:mm").text).toBe("2024-05-10 14:30");
    expect(cellText(excelDate(minute), "hh:mm").text).toBe("14:30");
    expect(cellText(excelDate(day), "[$-F800]").text).toBe("2024-05-10");
    expect(cellText(excelDate(day), "yyyy-mm-dd").align).toBe("right");
  });

  it("shows numbers like Excel's General, or with the format's decimals, grouping and percent", () => {
    expect(cellText(28, "General")).toEqual({ text: "28", align: "right" });
    expect(cellText(0.1 + 0.2, "General").text).toBe("0.3");
    expect(cellText(1234.5, "#,##0.00").text).toBe("1,234.50");
    expect(cellText(0.875, "0.0%").text).toBe("87.5%");
    expect(cellText(3, "0").text).toBe("3");
    expect(cellText(-1234, "#,##0").text).toBe("-1,234");
  });

  it("shows text as typed, booleans and errors as Excel does, empty as nothing", () => {
    expect(cellText("=SUM(A1)", "General")).toEqual({ text: "=SUM(A1)", align: "left" });
    expect(cellText(true, undefined).text).toBe("TRUE");
    expect(cellText(excelError("#N/A"), undefined).text).toBe("#N/A");
    expect(cellText(null, "yyyy-mm-dd").text).toBe("");
  });
});

describe("selection", () => {
  it("normalises anchor and focus into a rectangle", () => {
    expect(selectionRect({ anchor: { row: 5, col: 8 }, focus: { row: 1, col: 0 } })).toEqual({ top: 1, bottom: 5, left: 0, right: 8 });
  });

  it("moves the active cell, or extends from the anchor with shift, never past A1", () => {
    const s = cellSelection({ row: 2, col: 1 });
    expect(moveSelection(s, 1, 0, false)).toEqual(cellSelection({ row: 3, col: 1 }));
    const grown = moveSelection(moveSelection(s, 1, 0, true), 0, 2, true);
    expect(selectionRect(grown)).toEqual({ top: 2, bottom: 3, left: 1, right: 3 });
    expect(grown.anchor).toEqual({ row: 2, col: 1 });
    expect(moveSelection(cellSelection({ row: 1, col: 0 }), -1, -1, false)).toEqual(cellSelection({ row: 1, col: 0 }));
  });

  it("selects whole rows and columns within the used area", () => {
    expect(selectionRect(rowSelection(2, 4, 8))).toEqual({ top: 2, bottom: 4, left: 0, right: 8 });
    expect(selectionRect(columnSelection(1, 1, 5))).toEqual({ top: 1, bottom: 5, left: 1, right: 1 });
  });
});

describe("buildSheetView", () => {
  it("renders the sample sheet: title, header, formatted date, widths, spill of long text", () => {
    const wb = new ExcelJS.Workbook();
    const ws = addSampleSheet(wb);
    expect(ws.name).toBe(SAMPLE_SHEET);
    expect(SAMPLE_RANGE).toBe("A2:I5");
    const view = buildSheetView(ws);
    expect(view.lastRow).toBe(5);
    expect(view.lastCol).toBe(8);
    expect(view.row(2)[0].text).toBe("项目名称");
    expect(view.row(3)[5]).toMatchObject({ text: "2024-04-30", align: "right" });
    expect(view.row(4)[5]).toMatchObject({ text: "05-20", align: "left" });
    expect(view.row(1)[0]).toMatchObject({ spill: true, style: { bold: true, fontSize: 14 } });
    expect(view.row(3)[0].spill).toBeUndefined(); // B3 is not empty
    expect(view.columnWidths[2]).toBe(34 * 7 + 5);
    expect(view.tables).toEqual([]);
  });

  it("marks table header and banded rows, and reaches every row", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("T");
    ws.addTable({
      name: "People",
      ref: "B2",
      headerRow: true,
      columns: [{ name: "姓名" }, { name: "部门" }],
      rows: [
        ["张三", "市场部"],
        ["李四", "技术部"],
      ],
    });
    ws.getCell("A900").value = "far";
    const view = buildSheetView(ws);
    expect(view.row(2)[1]).toMatchObject({ text: "姓名", tablePart: "header" });
    expect(view.row(3)[1].tablePart).toBe("band");
    expect(view.row(4)[2].tablePart).toBe("body");
    expect(view.row(2)[0].tablePart).toBeUndefined();
    // Every row is reachable (the grid draws the ones in view): no cap at 500.
    expect(view.rowCount).toBe(920);
    expect(view.totalRows).toBe(900);
    expect(view.row(900)[0].text).toBe("far");
  });
});

describe("lazyPort", () => {
  // Only the operations these tests call; the proxy forwards by name, so the rest need not exist.
  const fake = (): WorkbookPort =>
    ({
      listSheets: async () => ["A"],
      insertTemplate: async () => ({ sheet: "S", table: "T", address: "A1:B2", rows: 1 }),
      findTables: async () => [],
      structureRange: async (target?: RangeRef) => ({ sheet: target?.sheet ?? "?", table: "T", templateId: "x", address: "A1", rows: 0 }),
    }) as Partial<WorkbookPort> as WorkbookPort;

  it("loads the adapter once, on first use, and forwards every call", async () => {
    let loads = 0;
    const port = lazyPort(async () => {
      loads++;
      return fake();
    });
    expect(loads).toBe(0);
    await expect(port.listSheets()).resolves.toEqual(["A"]);
    await expect(port.structureRange({ sheet: "S1", address: "A1" })).resolves.toMatchObject({ sheet: "S1" });
    expect(loads).toBe(1);
  });

  it("names an operation the adapter lacks instead of failing obscurely", async () => {
    const port = lazyPort(async () => fake());
    await expect(port.clearMarks()).rejects.toThrow('no operation "clearMarks"');
  });

  it("reports a failed load to the caller and retries on the next call", async () => {
    let attempt = 0;
    const port = lazyPort(async () => {
      attempt++;
      if (attempt === 1) throw new Error("chunk load failed");
      return fake();
    });
    await expect(port.findTables()).rejects.toThrow("chunk load failed");
    await expect(port.findTables()).resolves.toEqual([]);
  });
});

describe("validation marks in the sheet view", () => {
  it("draws the add-in's marks (highest severity per cell) and ignores the user's own conditional formats", async () => {
    const book = XlsxWorkbook.create();
    await book.insertTemplate("supplier-evaluation", { examples: true });
    const ws = book.workbook.getWorksheet("供应商评估表")!;
    ws.addConditionalFormatting({
      ref: "A2:A5",
      rules: [{ type: "expression", formulae: ["TRUE"], style: { font: { bold: true } }, priority: 1 }],
    } as ExcelJS.ConditionalFormattingOptions);
    await book.applyMarks([
      { sheet: "供应商评估表", cell: "H3", severity: "warning", message: "w" },
      { sheet: "供应商评估表", cell: "H4", severity: "warning", message: "w" },
      { sheet: "供应商评估表", cell: "H4", severity: "error", message: "e" },
      { sheet: "供应商评估表", cell: "B2", severity: "info", message: "i" },
    ]);
    const view = buildSheetView(ws);
    const rows = Array.from({ length: view.rowCount }, (_, i) => view.row(i + 1));
    const marked = rows.flatMap((row, r) => row.flatMap((c, col) => (c.mark ? [`${columnLetter(col)}${r + 1}:${c.mark}`] : [])));
    expect(marked.sort()).toEqual(["B2:info", "H3:warning", "H4:error"]);
    expect(marksOf(ws, 3, 30)).toEqual(
      new Map([
        ["2:1", "info"],
        ["3:7", "warning"],
      ]),
    );
    await book.clearMarks();
    const cleared = buildSheetView(ws);
    expect(Array.from({ length: cleared.rowCount }, (_, i) => cleared.row(i + 1)).some((row) => row.some((c) => c.mark))).toBe(false);
  });
});

describe("merged cells", () => {
  it("lists a sheet's merged areas (1-based rows, 0-based columns) and spills no text across them", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Notice");
    ws.getCell("A1").value = "关于供应商整改的通知";
    ws.mergeCells("A1:D1");
    ws.getCell("A3").value = "A long paragraph that Excel wraps inside its merged area, word by word.";
    ws.mergeCells("A3:F6");
    const view = buildSheetView(ws);
    expect(view.merges).toEqual([
      { top: 1, left: 0, bottom: 1, right: 3 },
      { top: 3, left: 0, bottom: 6, right: 5 },
    ]);
    expect(view.row(1)[0].spill).toBeUndefined();
    expect(view.row(3)[0].text).toMatch(/^A long paragraph/);
  });
});

describe("catalogs", () => {
  it.each([
    ["taskpane", taskpaneMessages],
    ["preview", previewMessages],
    ["commands", commandsMessages],
  ])("%s has the same keys in both languages, none empty", (_, catalog) => {
    expect(Object.keys(catalog["en-US"]).sort()).toEqual(Object.keys(catalog["zh-CN"]).sort());
    for (const lang of ["zh-CN", "en-US"] as const) {
      for (const [key, text] of Object.entries(catalog[lang])) expect([key, text.trim().length > 0]).toEqual([key, true]);
    }
  });
});
