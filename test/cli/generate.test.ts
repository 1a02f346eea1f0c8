import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { REGISTER_SHEET } from "../../src/core/documents/model";
import { XlsxWorkbook } from "../../src/workbook/exceljs/adapter";

/**
 * `liaison generate` end to end: the real bin/liaison.js on the workbook `liaison template all
 * --examples` writes (the manual's own example rows). The bundle is rebuilt first.
 */
const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "liaison.js");
let dir: string;
let book: string;
let bookBytes: Buffer;

function liaison(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, LIAISON_LANG: "", LIAISON_DEBUG: "", ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (text: string): string[] => text.split("\n").filter((l) => l !== "");
/** The register's lines this run added: `template all --examples` starts it with the template's two examples. */
const fresh = <T extends { number: string }>(entries: readonly T[]): T[] =>
  entries.filter((e) => !["ZG-2023Q3-002", "JY-2023-015"].includes(e.number));
const out = (name: string): string => path.join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "liaison-generate-"));
  book = out("book.xlsx");
  const r = liaison(["template", "all", "--examples", "--out", book]);
  if (r.code !== 0) throw new Error(r.stderr);
  bookBytes = readFileSync(book);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  // Whatever an .xlsx test ran, the input file is never modified (a .docx run records its numbers
  // in it and puts it back itself).
  expect(readFileSync(book).equals(bookBytes)).toBe(true);
});

const NOTICE = [
  "generate",
  "notice",
  "book.xlsx",
  "--sheet",
  "供应商评估表",
  "--rows",
  "2-5",
  "--today",
  "2024-10-08",
  "--now",
  "2024-10-08 10:00",
];

describe("liaison generate notice", () => {
  it("writes a copy with one notice sheet per supplier under the threshold and the register; says which rows it skipped", async () => {
    const r = liaison([...NOTICE, "--out", "notice.xlsx"]);
    expect(r.code).toBe(0);
    // Row 2 of the manual's examples scores 85: no notice.
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^liaison：已跳过：第2行 .*85.*无需整改$/)]);
    expect(lines(r.stdout)).toEqual([expect.stringContaining("已写入 notice.xlsx：3 份文书")]);

    const copy = await XlsxWorkbook.load(readFileSync(out("notice.xlsx")));
    const sheets = await copy.listSheets();
    const noticeSheets = sheets.filter((s) => s.startsWith("整改通知书"));
    expect(noticeSheets).toHaveLength(3);
    expect(sheets).toContain(REGISTER_SHEET);
    const entries = fresh(await copy.readRegister());
    expect(entries.map((e) => [e.kind, e.documentSheet, e.sourceSheet, e.createdAt])).toEqual(
      noticeSheets.map((s) => ["notice", s, "供应商评估表", "2024-10-08 10:00"]),
    );
    expect(entries.map((e) => e.sourceRows)).toEqual(["3", "4", "5"]);
    // Print-ready: A4, one page wide.
    const ws = copy.workbook.getWorksheet(noticeSheets[0])!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.getCell("A1").value).toBe("整改通知书");

    // Numbering continues from the copy's register.
    const again = liaison([
      "generate",
      "notice",
      "notice.xlsx",
      "--sheet",
      "供应商评估表",
      "--rows",
      "3",
      "--out",
      "notice2.xlsx",
      "--today",
      "2024-10-08",
    ]);
    expect(again.code).toBe(0);
    const next = fresh(await (await XlsxWorkbook.load(readFileSync(out("notice2.xlsx")))).readRegister());
    expect(next).toHaveLength(4);
    expect(new Set(next.map((e) => e.number)).size).toBe(4);
    expect(next[3].number).not.toBe(entries[0].number);
  });

  it("writes the notices as a valid .docx and records their numbers in the workbook's register (issue 13)", async () => {
    const r = liaison([...NOTICE, "--out", "notice.docx"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已写入 notice.docx：3 份文书");
    expect(r.stdout).toContain("编号已记入 book.xlsx 的“文书登记”");
    const recorded = await (await XlsxWorkbook.load(readFileSync(book))).readRegister();
    expect(recorded.filter((e) => e.kind === "notice" && e.documentSheet === "").map((e) => e.number)).toEqual([
      "ZG-2023Q4-001",
      "ZG-2024Q1-001",
      "ZG-2024Q1-002",
    ]);
    writeFileSync(book, bookBytes);
    const zip = await JSZip.loadAsync(readFileSync(out("notice.docx")));
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toContain("整改通知书");
    expect((xml.match(/<w:sectPr/g) ?? []).length).toBe(3);
  });
});

describe("liaison generate reminder and minutes", () => {
  it("makes a reminder for the overdue item only (--today 2024-10-08) and lists the others on stderr", async () => {
    const r = liaison([
      "generate",
      "reminder",
      "book.xlsx",
      "--sheet",
      "待办事项",
      "--rows",
      "2-5",
      "--out",
      "r.xlsx",
      "--today",
      "2024-10-08",
    ]);
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toHaveLength(3);
    expect(lines(r.stderr).every((l) => l.startsWith("liaison：已跳过："))).toBe(true);
    const reg = fresh(await (await XlsxWorkbook.load(readFileSync(out("r.xlsx")))).readRegister());
    expect(reg.map((e) => [e.kind, e.sourceRows])).toEqual([["reminder", "3"]]);
  });

  it("makes minutes of a meeting with its action items from the other table", async () => {
    const r = liaison([
      "generate",
      "minutes",
      "book.xlsx",
      "--sheet",
      "沟通会议记录",
      "--rows",
      "2",
      "--out",
      "m.xlsx",
      "--today",
      "2024-10-08",
      "--lang",
      "en-US",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote m\.xlsx: 1 document\(s\)/);
    const copy = await XlsxWorkbook.load(readFileSync(out("m.xlsx")));
    const [entry] = fresh(await copy.readRegister());
    expect(entry.kind).toBe("minutes");
    const ws = copy.workbook.getWorksheet(entry.documentSheet)!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.some((t) => t.includes("张伟"))).toBe(true);
  });
});

describe("liaison generate: nothing written → exit 2, one line", () => {
  it.each([
    [["generate", "notice", "book.xlsx", "--sheet", "供应商评估表", "--rows", "2", "--out", "none.xlsx"], /没有可生成整改通知书的行/],
    [["generate", "notice", "book.xlsx", "--sheet", "待办事项", "--rows", "2", "--out", "none.xlsx"], /整改通知书只能由.*供应商评估表/],
    [["generate", "notice", "book.xlsx", "--sheet", "缺", "--rows", "2", "--out", "none.xlsx"], /找不到工作表“缺”/],
    [
      ["generate", "notice", "book.xlsx", "--sheet", "供应商评估表", "--rows", "40", "--out", "none.docx"],
      /第 40 行不在任何可识别的表格中/,
    ],
    [["generate", "notice", "missing.xlsx", "--sheet", "供应商评估表", "--rows", "2", "--out", "none.xlsx"], /missing\.xlsx/],
  ])("%j", (args, message) => {
    const r = liaison(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^liaison：/);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out("none.xlsx")) || existsSync(out("none.docx"))).toBe(false);
  });
});

describe("copies written by patching the package", () => {
  /** Every entry's bytes, by name. */
  const entries = async (bytes: Buffer): Promise<Map<string, Buffer>> => {
    const zip = await JSZip.loadAsync(bytes);
    const out = new Map<string, Buffer>();
    for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async("nodebuffer"));
    return out;
  };
  /** The parts a generate run may change: the workbook's lists, styles, and the register's sheet, table and rels. */
  const MAY_CHANGE = /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml)$/;

  it("keeps the chart byte for byte in an .xlsx copy and in the input a .docx run logs its numbers in; nothing said of losses", async () => {
    const zip = await JSZip.loadAsync(bookBytes);
    const chart = `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:date1904 val="0"/></c:chartSpace>`;
    zip.file("xl/charts/chart1.xml", chart);
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file(
      "[Content_Types].xml",
      types.replace(
        "</Types>",
        `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
      ),
    );
    const withChart = out("chart.xlsx");
    writeFileSync(withChart, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const original = await entries(readFileSync(withChart));
    const before = await XlsxWorkbook.load(readFileSync(withChart));
    const registerPart = (await before.listSheets()).indexOf(REGISTER_SHEET);
    expect(registerPart).toBeGreaterThanOrEqual(0);

    const r = liaison([
      "generate",
      "reminder",
      "chart.xlsx",
      "--sheet",
      "待办事项",
      "--rows",
      "3",
      "--out",
      "rc.xlsx",
      "--today",
      "2024-10-08",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const copy = await entries(readFileSync(out("rc.xlsx")));
    expect(copy.get("xl/charts/chart1.xml")?.toString()).toBe(chart);
    // Every part of the original is there; those a run does not change are byte-identical.
    const changed = [...original].filter(([name, bytes]) => !copy.get(name)?.equals(bytes)).map(([name]) => name);
    expect(changed.filter((n) => !MAY_CHANGE.test(n) && !/^xl\/(worksheets|tables)\//.test(n))).toEqual([]);
    const copyBook = await XlsxWorkbook.load(readFileSync(out("rc.xlsx")));
    expect(fresh(await copyBook.readRegister())).toHaveLength(1);

    // Word records its numbers in the input workbook itself, patched the same way: the chart stays.
    const word = liaison([
      "generate",
      "reminder",
      "chart.xlsx",
      "--sheet",
      "待办事项",
      "--rows",
      "3",
      "--out",
      "rc.docx",
      "--today",
      "2024-10-08",
    ]);
    expect(word.code).toBe(0);
    expect(word.stderr).toBe("");
    expect(existsSync(out("rc.docx"))).toBe(true);
    const input = await entries(readFileSync(withChart));
    expect(input.get("xl/charts/chart1.xml")?.toString()).toBe(chart);
    const inputChanged = [...original].filter(([name, bytes]) => !input.get(name)?.equals(bytes)).map(([name]) => name);
    expect(inputChanged.filter((n) => !MAY_CHANGE.test(n) && !/^xl\/(worksheets|tables)\//.test(n))).toEqual([]);
    // No document sheet went into the input: only register lines.
    const after = await XlsxWorkbook.load(readFileSync(withChart));
    expect(await after.listSheets()).toEqual(await before.listSheets());
    const logged = fresh(await after.readRegister());
    expect(logged).toHaveLength(1);
    expect(logged[0].documentSheet).toBe("");
  });
});

describe("a macro-enabled workbook", () => {
  it("is copied under its own extension: .xlsm kept with its type, an .xlsx name refused with nothing written", async () => {
    const zip = await JSZip.loadAsync(bookBytes);
    const types = await zip.file("[Content_Types].xml")!.async("string");
    const xlsmType = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
    zip.file("[Content_Types].xml", types.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", xlsmType));
    writeFileSync(out("macro.xlsm"), await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const args = ["generate", "reminder", "macro.xlsm", "--sheet", "待办事项", "--rows", "3", "--today", "2024-10-08", "--out"];
    const refused = liaison([...args, "macro-copy.xlsx"]);
    expect(refused.code).toBe(2);
    expect(lines(refused.stderr)).toEqual([expect.stringContaining(".xlsm")]);
    expect(existsSync(out("macro-copy.xlsx"))).toBe(false);
    const kept = liaison([...args, "macro-copy.xlsm"]);
    expect(kept.code).toBe(0);
    const copy = await JSZip.loadAsync(readFileSync(out("macro-copy.xlsm")));
    expect(await copy.file("[Content_Types].xml")!.async("string")).toContain(xlsmType);
  });
});
