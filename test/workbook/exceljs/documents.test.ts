/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- ExcelJS cells, not Office.js proxies (the rule guesses from names like getCell) */
import * as ExcelJS from "exceljs";
import { REGISTER_SHEET } from "../../../src/core/documents/model";
import { LiaisonError } from "../../../src/core/errors";
import type { ErrorKey } from "../../../src/core/i18n/messages/errors";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";
import { ACTION_HEADER, noticeEntry, noticeLayout, notices, SUPPLIER_HEADER } from "../officejs/documents-fixtures";

/** Sheet 评估: an Excel table of supplier scores (A1:H6, 5 rows) and, beside it lower down, one of action items (K8:N10). */
async function book(): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("评估");
  ws.addTable({
    name: "Scores",
    ref: "A1",
    headerRow: true,
    columns: SUPPLIER_HEADER.map((name) => ({ name })),
    rows: ["甲", "乙", "丙", "丁", "戊"].map((s, i) => [s, "2024Q2", 20, 20, 15, 10, 10 + i, 75 + i]),
  });
  ws.addTable({
    name: "Actions",
    ref: "K8",
    headerRow: true,
    columns: ACTION_HEADER.map((name) => ({ name })),
    rows: [
      ["排期", "张伟", "2024-06-01", "进行中"],
      ["原型", "刘强", "2024-06-03", "未开始"],
    ],
  });
  wb.addWorksheet("Notes").getCell("A1").value = "随手记";
  return XlsxWorkbook.load((await wb.xlsx.writeBuffer()) as unknown as Uint8Array);
}

async function expectLiaison(p: Promise<unknown>, key: ErrorKey): Promise<void> {
  await expect(p).rejects.toBeInstanceOf(LiaisonError);
  await expect(p).rejects.toMatchObject({ key });
}

describe("XlsxWorkbook.readSelectedRows", () => {
  it.each([
    ["one cell per row, several areas", "A2,C4,B5"],
    ["one block", "B2:D2,A4:A5"],
    ["whole rows", "2:2,4:5"],
    ["a block including the header row", "A1:C2,H4:H5"],
  ])("%s", async (_label, address) => {
    const port = await book();
    port.selection = { sheet: "评估", address };
    const sel = await port.readSelectedRows();
    expect(sel.table.tableName).toBe("Scores");
    expect(sel.excelRows).toEqual([2, 4, 5]);
    expect(sel.body.map((r) => r[0])).toEqual(["甲", "丙", "丁"]);
    expect(sel.body[0]).toHaveLength(8);
  });

  it("leaves out rows hidden by a filter, but not rows named explicitly", async () => {
    const port = await book();
    port.workbook.getWorksheet("评估")!.getRow(3).hidden = true;
    port.selection = { sheet: "评估", address: "A2:A4" };
    expect((await port.readSelectedRows()).excelRows).toEqual([2, 4]);
    expect((await port.readSelectedRows({ sheet: "评估", rows: [3] })).excelRows).toEqual([3]);
    port.selection = { sheet: "评估", address: "B3" };
    await expectLiaison(port.readSelectedRows(), "noDataRowsSelected");
  });

  it("takes explicit rows (the CLI's --rows), ignoring rows below the data", async () => {
    const port = await book();
    const sel = await port.readSelectedRows({ sheet: "评估", rows: [5, 6, 7, 40] });
    expect(sel.excelRows).toEqual([5, 6]);
    expect(sel.body.map((r) => r[0])).toEqual(["丁", "戊"]);
  });

  it("refuses a selection over two tables, on no table, or on the header only", async () => {
    const port = await book();
    port.selection = { sheet: "评估", address: "A2,L9" };
    await expectLiaison(port.readSelectedRows(), "selectionSpansTables");
    port.selection = { sheet: "评估", address: "5:9" };
    await expectLiaison(port.readSelectedRows(), "selectionSpansTables");
    await expectLiaison(port.readSelectedRows({ sheet: "评估", rows: [2, 9] }), "selectionSpansTables");
    port.selection = { sheet: "Notes", address: "A1" };
    await expectLiaison(port.readSelectedRows(), "noTableAtSelection");
    port.selection = { sheet: "评估", address: "A1:H1" };
    await expectLiaison(port.readSelectedRows(), "noDataRowsSelected");
    await expectLiaison(port.readSelectedRows({ sheet: "Notes", rows: [1] }), "noTableAtRows");
    await expectLiaison(port.readSelectedRows({ sheet: "缺", rows: [1] }), "sheetNotFound");
    port.selection = undefined;
    await expectLiaison(port.readSelectedRows(), "noTableAtSelection");
  });
});

describe("XlsxWorkbook.writeDocuments", () => {
  it("adds one print-ready sheet per document, all text, and logs them in a new register", async () => {
    const port = await book();
    const names = await port.writeDocuments(notices(2));
    expect(names).toEqual(["整改通知书-ZG-2024Q2-001", "整改通知书-ZG-2024Q2-002"]);
    expect(await port.listSheets()).toEqual(["评估", "Notes", ...names, REGISTER_SHEET]);

    const ws = port.workbook.getWorksheet(names[0])!;
    const b3 = ws.getCell("B3");
    expect(b3.value).toBe('=HYPERLINK("http://x","甲公司")');
    expect(b3.type).toBe(ExcelJS.ValueType.String);
    expect(b3.numFmt).toBe("@");
    expect(ws.getCell("C4").value).toBe("2024-05-10");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 18 });
    expect(ws.getCell("A1").alignment).toMatchObject({ horizontal: "center", vertical: "middle" });
    // The merged value cell is framed as a whole: every cell of B3:F3 carries the border.
    expect(ws.getCell("F3").border).toMatchObject({ top: { style: "thin" }, right: { style: "thin" } });
    expect(ws.getCell("A3").fill).toMatchObject({ fgColor: { argb: "FFF2F2F2" } });
    expect(ws.getCell("B4").font).toMatchObject({ color: { argb: "FFC00000" } });
    expect(ws.getCell("D6").border).toMatchObject({ top: { style: "dashed" } });
    expect(ws.model.merges).toEqual(expect.arrayContaining(["A1:F1", "B3:F3", "A6:F6"]));
    expect(ws.getColumn(1).width).toBe(14);
    expect(ws.getRow(1).height).toBe(36);
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: "A1:F6",
      printTitlesRow: "1:2",
    });
    expect(ws.headerFooter.oddFooter).toBe("&CZG-2024Q2-001 · 第 &P 页 / 共 &N 页");

    const reg = port.workbook.getWorksheet(REGISTER_SHEET)!;
    expect(reg.getRow(1).values).toEqual([
      undefined,
      "编号",
      "类型",
      "文书工作表",
      "来源工作表",
      "来源行",
      "生成时间",
      "收件方",
      "状态",
      "整改期限",
    ]);
    expect(reg.getRow(2).values).toEqual([
      undefined,
      "ZG-2024Q2-001",
      "整改通知书",
      names[0],
      "供应商评估表",
      "4",
      "2024-06-03 09:30",
      "",
      "已生成",
      "",
    ]);
    expect(reg.getCell("E2").numFmt).toBe("@");
  });

  it("numbering survives saving and reopening: the register reads back and refuses a number in use", async () => {
    const port = await book();
    await port.writeDocuments(notices(2));
    const reopened = await XlsxWorkbook.load(await port.toBuffer());
    const entries = await reopened.readRegister();
    expect(entries.map((e) => [e.number, e.kind, e.documentSheet, e.sourceRows])).toEqual([
      ["ZG-2024Q2-001", "notice", "整改通知书-ZG-2024Q2-001", "4"],
      ["ZG-2024Q2-002", "notice", "整改通知书-ZG-2024Q2-002", "5"],
    ]);
    // The layout survives the round trip too.
    const ws = reopened.workbook.getWorksheet("整改通知书-ZG-2024Q2-001")!;
    expect(ws.getCell("B3").value).toBe('=HYPERLINK("http://x","甲公司")');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, fitToHeight: 0, printArea: "A1:F6" });

    const before = await reopened.toBuffer();
    const sheetsBefore = await reopened.listSheets();
    await expectLiaison(reopened.writeDocuments([{ layout: noticeLayout(2), entry: noticeEntry(2) }]), "documentNumberInUse");
    await expectLiaison(
      reopened.writeDocuments([...notices(1, 3), { layout: noticeLayout(3), entry: { ...noticeEntry(3), number: " zg-2024q2-003" } }]),
      "documentNumberInUse",
    );
    expect(await reopened.listSheets()).toEqual(sheetsBefore);
    expect((await reopened.toBuffer()).length).toBe(before.length);

    // A third document: a same-named sheet is never overwritten, the register grows by one line.
    const names = await reopened.writeDocuments([{ layout: noticeLayout(1), entry: noticeEntry(3) }]);
    expect(names).toEqual(["整改通知书-ZG-2024Q2-001 (2)"]);
    expect((await reopened.readRegister()).map((e) => e.number)).toEqual(["ZG-2024Q2-001", "ZG-2024Q2-002", "ZG-2024Q2-003"]);
  });

  it("reads a register someone edited: a retyped time, blank rows; refuses an unknown type", async () => {
    const port = await book();
    await port.writeDocuments(notices(1));
    const reg = port.workbook.getWorksheet(REGISTER_SHEET)!;
    reg.getCell("F2").value = new Date(Date.UTC(2024, 5, 3, 9, 30));
    reg.getCell("F2").numFmt = "yyyy-mm-dd hh:mm";
    reg.getRow(4).values = ["JY-2024-001", "会议纪要", "", "会议记录", "7", "2024-06-04 10:00"];
    expect((await port.readRegister()).map((e) => [e.number, e.kind, e.createdAt])).toEqual([
      ["ZG-2024Q2-001", "notice", "2024-06-03 09:30"],
      ["JY-2024-001", "minutes", "2024-06-04 10:00"],
    ]);
    reg.getCell("B4").value = "通知";
    await expectLiaison(port.readRegister(), "registerBadType");
  });

  it("writes nothing for no documents and has an empty register before the first", async () => {
    const port = await book();
    expect(await port.readRegister()).toEqual([]);
    expect(await port.writeDocuments([])).toEqual([]);
    expect(await port.listSheets()).toEqual(["评估", "Notes"]);
  });
});
