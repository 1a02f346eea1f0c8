/**
 * Documents from selected rows, as the 文书 tab and the ribbon buttons make them: the shared
 * generation flow on the ExcelJS adapter (the same port operations as inside Excel).
 */
import { LiaisonError } from "../../src/core/errors";
import { REGISTER_SHEET } from "../../src/core/documents";
import { generateSheets, generateWordFile } from "../../src/taskpane/documents/run";
import { recentEntries } from "../../src/taskpane/documents/register-view";
import { wordFileName } from "../../src/taskpane/documents/word";
import { XlsxWorkbook } from "../../src/workbook/exceljs/adapter";
import { generateDocuments } from "../../src/app/generate";

const SHEET = "供应商评估表";
const INSTANT = new Date("2024-10-08T02:00:00Z"); // 10:00 in Shanghai

/** The manual's example evaluations: row 2 scores 85 (passes), rows 3–5 are under 80. */
async function book(): Promise<XlsxWorkbook> {
  const b = XlsxWorkbook.create();
  await b.insertTemplate("supplier-evaluation", { examples: true });
  return b;
}

const select = (b: XlsxWorkbook, address: string, sheet = SHEET): void => {
  b.selection = { sheet, address };
};

describe("generateSheets (the pane's 生成工作表 and the ribbon's flow)", () => {
  it("two selected rows under the pass mark → two notice sheets, two register lines, the first shown", async () => {
    const b = await book();
    select(b, "B3:C4");
    const r = await generateSheets(b, { kind: "notice", lang: "zh-CN", instant: INSTANT });
    expect(r.generated.documents).toHaveLength(2);
    expect(r.generated.skipped).toEqual([]);
    expect(r.sheets).toEqual(r.generated.documents.map((d) => `整改通知书 ${d.number}`));
    expect(r.showError).toBeUndefined();
    const sheets = await b.listSheets();
    for (const s of r.sheets) expect(sheets).toContain(s);
    expect(sheets).toContain(REGISTER_SHEET);
    const register = await b.readRegister();
    expect(register.map((e) => [e.number, e.kind, e.documentSheet, e.sourceSheet, e.sourceRows, e.createdAt])).toEqual(
      r.generated.documents.map((d, i) => [d.number, "notice", r.sheets[i], SHEET, String(i + 3), "2024-10-08 10:00"]),
    );
    // The first document is shown (Excel activates it; the preview's grid follows the selection).
    expect(b.selection).toEqual({ sheet: r.sheets[0], address: "A1" });
    // Print-ready sheet with the supplier's name in it, as text.
    const ws = b.workbook.getWorksheet(r.sheets[0])!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1 });
  });

  it("generating twice continues the numbering: four distinct numbers, four register lines", async () => {
    const b = await book();
    select(b, "B3:B4");
    const first = await generateSheets(b, { kind: "notice", lang: "zh-CN", instant: INSTANT });
    select(b, "B3:B4");
    const second = await generateSheets(b, { kind: "notice", lang: "zh-CN", instant: INSTANT });
    const numbers = [...first.generated.documents, ...second.generated.documents].map((d) => d.number);
    expect(new Set(numbers).size).toBe(4);
    // Numbered by the evaluation period (e.g. ZG-2024Q1-…), continuing in that period the second time.
    expect(numbers.every((n) => /^ZG-\d{4}Q[1-4]-\d{3}$/.test(n))).toBe(true);
    expect((await b.readRegister()).map((e) => e.number)).toEqual(numbers);
    expect(new Set([...first.sheets, ...second.sheets]).size).toBe(4);
  });

  it("a row at or above the pass mark is skipped with its reason; the others still make notices", async () => {
    const b = await book();
    select(b, "A2:A3");
    const r = await generateSheets(b, { kind: "notice", lang: "zh-CN", instant: INSTANT });
    expect(r.generated.documents).toHaveLength(1);
    expect(r.generated.skipped).toEqual([{ row: 2, reason: expect.stringMatching(/^第2行 .*85.*无需整改$/) }]);
    expect(await b.readRegister()).toHaveLength(1);
  });

  it("nothing eligible → the builder's error, nothing written", async () => {
    const b = await book();
    const before = await b.listSheets();
    select(b, "C2");
    await expect(generateSheets(b, { kind: "notice", lang: "zh-CN", instant: INSTANT })).rejects.toThrow(LiaisonError);
    await expect(generateSheets(b, { kind: "notice", lang: "zh-CN", instant: INSTANT })).rejects.toMatchObject({ key: "noEligibleRows" });
    expect(await b.listSheets()).toEqual(before);
    expect(await b.readRegister()).toEqual([]);
  });

  it("the wrong table, a selection on no table, a header-only selection: explained errors, nothing written", async () => {
    const b = await book();
    const before = await b.listSheets();
    select(b, "B3");
    await expect(generateSheets(b, { kind: "reminder", lang: "en-US", instant: INSTANT })).rejects.toMatchObject({
      key: "wrongTemplateForDocument",
    });
    select(b, "Z40");
    await expect(generateSheets(b, { kind: "notice", lang: "zh-CN", instant: INSTANT })).rejects.toMatchObject({
      key: "noTableAtSelection",
    });
    select(b, "A1:C1");
    await expect(generateSheets(b, { kind: "notice", lang: "zh-CN", instant: INSTANT })).rejects.toMatchObject({
      key: "noDataRowsSelected",
    });
    expect(await b.listSheets()).toEqual(before);
  });

  it("several areas, one cell per row, are one selection", async () => {
    const b = await book();
    select(b, "B3,D5");
    const r = await generateSheets(b, { kind: "notice", lang: "zh-CN", instant: INSTANT });
    expect(r.generated.documents.map((d) => d.source.rows)).toEqual([[3], [5]]);
  });

  it("the workbook's fixed date in settings wins over the instant", async () => {
    const b = await book();
    await b.writeSettings([["today", "2024-05-06"]]);
    select(b, "B3");
    const r = await generateSheets(b, { kind: "notice", lang: "zh-CN", instant: INSTANT });
    expect(r.generated.today).toBe("2024-05-06");
    expect(r.generated.entries[0].createdAt).toBe("2024-05-06 23:59");
  });
});

describe("generateWordFile (下载 Word)", () => {
  it("numbers continue the register and are recorded in it (issue 13: a number is given out once); no sheet is added", async () => {
    const b = await book();
    select(b, "B3:B4");
    await generateSheets(b, { kind: "notice", lang: "zh-CN", instant: INSTANT });
    const sheets = await b.listSheets();
    const register = await b.readRegister();
    select(b, "B5");
    const w = await generateWordFile(b, { kind: "notice", lang: "zh-CN", instant: INSTANT });
    const g = w!.generated;
    expect(g.documents).toHaveLength(1);
    expect(register.map((e) => e.number)).not.toContain(g.documents[0].number);
    expect(await b.listSheets()).toEqual(sheets);
    const after = await b.readRegister();
    expect(after.map((e) => e.number)).toEqual([...register.map((e) => e.number), g.documents[0].number]);
    expect(after[after.length - 1]).toMatchObject({ documentSheet: "", kind: "notice", status: "已生成" });
    expect(w!.bytes.length).toBeGreaterThan(1000);
  });

  it("names the file after the number, or the date for several", () => {
    expect(wordFileName([{ number: "ZG-2024Q4-001" }], "2024-10-08", "zh-CN")).toBe("ZG-2024Q4-001.docx");
    expect(wordFileName([{ number: "A" }, { number: "B" }], "2024-10-08", "zh-CN")).toBe("文书-2024-10-08.docx");
    expect(wordFileName([{ number: "A" }, { number: "B" }], "2024-10-08", "en-US")).toBe("documents-2024-10-08.docx");
  });
});

describe("the shared flow with an explicit target (the CLI's --sheet --rows)", () => {
  it("takes the named rows and reports settings problems as soon as they are read", async () => {
    const b = await book();
    await b.writeSettings([["threshold", "八十"]]);
    const problems: string[][] = [];
    const g = await generateDocuments(b, {
      kind: "notice",
      lang: "zh-CN",
      target: { sheet: SHEET, rows: [2, 3, 4, 5] },
      instant: INSTANT,
      onSettingsProblems: (p) => problems.push([...p]),
    });
    expect(g.documents).toHaveLength(3);
    expect(g.skipped.map((s) => s.row)).toEqual([2]);
    // The bad pass mark falls back to 80 (rows 3–5 still qualify) and is reported once.
    expect(g.settingsProblems).toHaveLength(1);
    expect(problems).toEqual([[...g.settingsProblems]]);
  });
});

describe("recentEntries", () => {
  it("keeps the last ten, newest first", () => {
    const entries = Array.from({ length: 13 }, (_, i) => ({
      number: `N-${i + 1}`,
      kind: "notice" as const,
      documentSheet: "",
      sourceSheet: "S",
      sourceRows: "2",
      createdAt: "2024-10-08 10:00",
      recipient: "",
      status: "已生成",
      dueDate: "",
    }));
    expect(recentEntries(entries).map((e) => e.number)).toEqual(["N-13", "N-12", "N-11", "N-10", "N-9", "N-8", "N-7", "N-6", "N-5", "N-4"]);
    expect(recentEntries(entries.slice(0, 2)).map((e) => e.number)).toEqual(["N-2", "N-1"]);
  });
});
