import type { RangeRef } from "../../../src/app/port";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";

async function book(): Promise<XlsxWorkbook> {
  const b = XlsxWorkbook.create();
  await b.insertTemplate("action-items", { examples: true });
  await b.insertTemplate("quotes", { examples: true });
  return b;
}

describe("XlsxWorkbook selection", () => {
  it("selectCell sets the selection (the sheet's own spelling, a clean address) and notifies listeners", async () => {
    const b = await book();
    const seen: (RangeRef | undefined)[] = [];
    const off = b.onSelectionChange((s) => seen.push(s));
    await b.selectCell("询价比价表", "$h$4");
    expect(b.selection).toEqual({ sheet: "询价比价表", address: "H4" });
    await b.selectCell("询价比价表", "H4"); // the same cell again: no change, no call
    b.selection = { sheet: "待办事项", address: "A2:C3" }; // as the preview grid sets it
    off();
    await b.selectCell("待办事项", "C3");
    expect(seen).toEqual([
      { sheet: "询价比价表", address: "H4" },
      { sheet: "待办事项", address: "A2:C3" },
    ]);
    expect(b.selection).toEqual({ sheet: "待办事项", address: "C3" });
  });

  it("makes readTables({ kind: 'current' }) check the selected table", async () => {
    const b = await book();
    await b.selectCell("询价比价表", "B3");
    expect((await b.readTables({ kind: "current" })).map((d) => d.table.templateId)).toEqual(["quotes"]);
  });

  it("refuses an unknown sheet or a bad address, keeping the selection", async () => {
    const b = await book();
    await b.selectCell("待办事项", "A2");
    await expect(b.selectCell("缺", "A1")).rejects.toMatchObject({ key: "sheetNotFound", params: { sheet: "缺" } });
    await expect(b.selectCell("待办事项", "1A")).rejects.toMatchObject({ key: "invalidAddress" });
    await expect(b.selectCell("待办事项", "其他!A1")).rejects.toMatchObject({ key: "invalidAddress" });
    expect(b.selection).toEqual({ sheet: "待办事项", address: "A2" });
  });

  it("lets a listener unsubscribe itself while being called", async () => {
    const b = await book();
    const calls: string[] = [];
    const off = b.onSelectionChange(() => {
      calls.push("first");
      off();
    });
    b.onSelectionChange(() => calls.push("second"));
    await b.selectCell("待办事项", "A2");
    await b.selectCell("待办事项", "A3");
    expect(calls).toEqual(["first", "second", "second"]);
  });
});
