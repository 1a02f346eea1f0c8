import { createNumberer } from "../../../src/core/documents/numbering";
import { REGISTER_SHEET } from "../../../src/core/documents/model";
import { noticeEntry, noticeLayout, notices, SUPPLIER_HEADER } from "../officejs/documents-fixtures";
import type { WorkbookSetup } from "./adapters";
import { bothAdapters, outcome } from "./run-both";

/**
 * contract: documents and the register through both adapters — document sheets written (never
 * overwriting, text as text), register rows appended and read back, numbering continued from
 * the register, a number already in use refused identically with nothing written.
 */
const run = bothAdapters();

const SETUP: WorkbookSetup = {
  sheets: [
    {
      name: "供应商评估表",
      rows: [SUPPLIER_HEADER, ["甲公司", "2024Q2", 30, 20, 10, 10, 9, 79], ["乙公司", "2024Q2", 30, 20, 10, 10, 8, 78]],
    },
    // A sheet already holding the first notice's name: the document must not overwrite it.
    { name: "整改通知书-ZG-2024Q2-001", rows: [["用户自己的表"]] },
  ],
};

describe("documents and the register: both adapters agree", () => {
  it("writes document sheets (never overwriting, all text) and register rows, read back the same", async () => {
    const r = await run(SETUP, async (s) => {
      const before = await s.port.readRegister();
      const names = await s.port.writeDocuments(notices(2));
      const sheets = await s.port.listSheets();
      const register = await s.port.readRegister();
      return {
        before,
        names,
        sheets,
        register,
        kept: s.value("整改通知书-ZG-2024Q2-001", "A1"),
        text: [names[0], names[1]].map((n) => [s.value(n, "A1"), s.value(n, "B3"), s.value(n, "B4"), s.value(n, "C4")]),
        registerA2: s.value(REGISTER_SHEET, "A2"),
      };
    });
    expect(r.officejs).toEqual(r.exceljs);
    expect(r.exceljs.before).toEqual([]);
    expect(r.exceljs.names).toEqual(["整改通知书-ZG-2024Q2-001 (2)", "整改通知书-ZG-2024Q2-002"]);
    expect(r.exceljs.sheets).toEqual(["供应商评估表", "整改通知书-ZG-2024Q2-001", ...r.exceljs.names, REGISTER_SHEET]);
    expect(r.exceljs.kept).toBe("用户自己的表");
    expect(r.exceljs.text[0]).toEqual(["整改通知书", '=HYPERLINK("http://x","甲公司")', "79", "2024-05-10"]);
    expect(r.exceljs.register.map((e) => [e.number, e.kind, e.documentSheet, e.sourceRows, e.status])).toEqual([
      ["ZG-2024Q2-001", "notice", r.exceljs.names[0], "4", "已生成"],
      ["ZG-2024Q2-002", "notice", r.exceljs.names[1], "5", "已生成"],
    ]);
  });

  it("numbering continues from the register, and a number in use is refused with nothing written", async () => {
    const r = await run(SETUP, async (s) => {
      await s.port.writeDocuments(notices(2));
      const next = createNumberer(await s.port.readRegister()).notice("ZG", "2024Q2");
      const sheets = await s.port.listSheets();
      const refused = await outcome(s.port.writeDocuments([{ layout: noticeLayout(9), entry: noticeEntry(9) }, ...notices(1, 2)]));
      return {
        next,
        refused,
        unchanged: (await s.port.listSheets()).join("|") === sheets.join("|"),
        register: await s.port.readRegister(),
      };
    });
    expect(r.officejs).toEqual(r.exceljs);
    expect(r.exceljs.next).toBe("ZG-2024Q2-003");
    expect(r.exceljs.refused).toEqual({ refused: "documentNumberInUse", params: { number: "ZG-2024Q2-002" } });
    expect(r.exceljs.unchanged).toBe(true);
    expect(r.exceljs.register).toHaveLength(2);
  });

  it("a document without a layout (a Word file) is registered only", async () => {
    const r = await run(SETUP, async (s) => {
      const names = await s.port.writeDocuments([{ entry: noticeEntry(5) }]);
      return { names, sheets: await s.port.listSheets(), register: await s.port.readRegister() };
    });
    expect(r.officejs).toEqual(r.exceljs);
    expect(r.exceljs.names).toEqual([""]);
    expect(r.exceljs.register.map((e) => [e.number, e.documentSheet])).toEqual([["ZG-2024Q2-005", ""]]);
  });
});
