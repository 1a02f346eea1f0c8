import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Document as WordDocument, Packer, Paragraph, TextRun } from "docx";
import { XlsxWorkbook } from "../../src/workbook/exceljs/adapter";
import { paragraphs, parseXml } from "../render/docx/ooxml";
import { unzip } from "../render/docx/unzip";

/**
 * Issue 13: the company's own Word template (`--template`, docxtemplater), the PDF output, and
 * user text staying text. A template with a placeholder Liaison does not fill is named in one line
 * before anything is written; a supplier called `=HYPERLINK(…)` is printed as those characters in
 * the sheet, in Liaison's Word layout and in a filled template.
 */
const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "liaison.js");
const SHEET = "供应商评估表";
const EVIL = '=HYPERLINK("http://example.com/x","点我")';
let dir: string;

function liaison(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, LIAISON_LANG: "", LIAISON_DEBUG: "", ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const file = (name: string): string => path.join(dir, name);
const lines = (text: string): string[] => text.split("\n").filter((l) => l !== "");
/** A Word file's main part (a company template need not have footers, so not `openDocx`). */
function openWord(name: string): { documentXml: string; document: ReturnType<typeof parseXml> } {
  const documentXml = (unzip(readFileSync(file(name))).get("word/document.xml") as Buffer).toString("utf8");
  return { documentXml, document: parseXml(documentXml) };
}

/** A company template as a person writes it in Word: each placeholder typed in one go. */
async function template(paras: readonly string[]): Promise<Buffer> {
  const doc = new WordDocument({ sections: [{ children: paras.map((p) => new Paragraph({ children: [new TextRun(p)] })) }] });
  return Packer.toBuffer(doc);
}

beforeAll(async () => {
  execFileSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: ROOT, stdio: "pipe" });
  dir = mkdtempSync(path.join(tmpdir(), "liaison-template-"));
  const b = XlsxWorkbook.create();
  await b.insertTemplate("supplier-evaluation", { examples: true });
  // Row 3's supplier becomes a formula-looking name (typed as text, as a person pastes it).
  b.workbook.getWorksheet(SHEET)!.getCell("A3").value = EVIL;
  writeFileSync(file("book.xlsx"), await b.toBuffer());
  writeFileSync(
    file("company.docx"),
    await template([
      "华东智造科技有限公司 整改通知书",
      "编号：{编号}",
      "{供应商名称}：",
      "贵司{评估周期}总分{总分}分，低于合格线{合格线}分，请于{整改期限}前完成整改。",
      "{#评分项目}",
      "{项目} {得分}/{满分}",
      "{/评分项目}",
      "{签发部门} {签发日期}",
    ]),
  );
  writeFileSync(file("unknown.docx"), await template(["{供应商}：", "{#待办事项}{事项内容}{/待办事项}", "{总分}"]));
  writeFileSync(file("broken.docx"), await template(["{供应商名称"]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOTICE = ["generate", "notice", "book.xlsx", "--sheet", SHEET, "--rows", "4-5", "--today", "2024-07-05"];

describe("liaison generate --template", () => {
  it("fills the company's template, one document a page, loops included; no placeholder left", () => {
    const r = liaison([...NOTICE, "--template", "company.docx", "--out", "filled.docx"]);
    expect(r.code).toBe(0);
    const text = paragraphs(openWord("filled.docx").document);
    expect(text).toContain("编号：ZG-2024Q1-001");
    expect(text).toContain("鑫达物流有限公司：");
    expect(text).toContain("贵司2024Q1总分77分，低于合格线80分，请于2024年7月26日前完成整改。");
    expect(text).toContain("产品质量 23/30");
    expect(text).toContain("恒通IT设备有限公司：");
    expect(text.join("\n")).not.toMatch(/[{}]/);
    const xml = openWord("filled.docx").documentXml;
    expect(xml.match(/w:type="page"/g)).toHaveLength(1);
  });

  it("names the placeholders it cannot fill, in one line, and writes nothing", () => {
    const before = readFileSync(file("book.xlsx"));
    const r = liaison([...NOTICE, "--template", "unknown.docx", "--out", "never.docx"]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain("{供应商}");
    expect(r.stderr).toContain("{待办事项}");
    expect(r.stderr).not.toContain("{总分}、");
    expect(existsSync(file("never.docx"))).toBe(false);
    expect(readFileSync(file("book.xlsx")).equals(before)).toBe(true);
  });

  it("says what is malformed in a template with an unclosed tag", () => {
    const r = liaison([...NOTICE, "--template", "broken.docx", "--out", "never.docx"]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringContaining("Word 模板中的占位符写法有误")]);
    expect(existsSync(file("never.docx"))).toBe(false);
  });

  it("refuses a template with an .xlsx output", () => {
    const r = liaison([...NOTICE, "--template", "company.docx", "--out", "x.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--template 只用于 Word 或 PDF 输出");
  });
});

describe("user text stays text (=HYPERLINK(…) as a supplier name)", () => {
  const ROW3 = ["generate", "notice", "book.xlsx", "--sheet", SHEET, "--rows", "3", "--today", "2024-07-05"];

  it("in the notice sheet: a string cell, never a formula", async () => {
    expect(liaison([...ROW3, "--out", "evil.xlsx"]).code).toBe(0);
    const copy = await XlsxWorkbook.load(readFileSync(file("evil.xlsx")));
    const ws = copy.workbook.worksheets.find((w) => w.name.startsWith("整改通知书"))!;
    const cells: { value: unknown; formula?: string }[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push({ value: c.value, formula: c.formula })));
    const evil = cells.filter((c) => typeof c.value === "string" && (c.value as string).includes("HYPERLINK"));
    expect(evil.length).toBeGreaterThan(0);
    expect(evil.every((c) => c.formula === undefined)).toBe(true);
    expect(evil.map((c) => c.value)).toContain(`${EVIL}：`);
  });

  it.each([
    ["Liaison's layout", [] as string[]],
    ["the company's template", ["--template", "company.docx"]],
  ])("in Word through %s: literal text, no field", (_name, extra) => {
    const out = `evil-${extra.length}.docx`;
    expect(liaison([...ROW3, ...extra, "--out", out]).code).toBe(0);
    const word = openWord(out);
    expect(paragraphs(word.document).join("\n")).toContain(EVIL);
    expect(word.documentXml).not.toMatch(/<w:instrText[^>]*>[^<]*HYPERLINK|<w:fldSimple[^>]*HYPERLINK|<w:hyperlink/);
  });
});

const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"].find(existsSync);
const hasPoppler = spawnSync("pdfinfo", ["-v"]).error === undefined && spawnSync("pdftotext", ["-v"]).error === undefined;

describe("liaison generate --out x.pdf", () => {
  it("without LibreOffice: one clear line, exit 2, nothing written", () => {
    const before = readFileSync(file("book.xlsx"));
    const r = liaison([...NOTICE, "--out", "none.pdf"], { LIAISON_SOFFICE: path.join(dir, "no-such-soffice") });
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringContaining("生成 PDF 需要 LibreOffice")]);
    expect(existsSync(file("none.pdf"))).toBe(false);
    expect(readFileSync(file("book.xlsx")).equals(before)).toBe(true);
  });

  (SOFFICE && hasPoppler ? it : it.skip)(
    "with LibreOffice: one PDF, each notice counting its own pages",
    () => {
      const r = liaison([...NOTICE, "--out", "notices.pdf"]);
      expect(r.code).toBe(0);
      const info = execFileSync("pdfinfo", [file("notices.pdf")], { encoding: "utf8" });
      expect(info).toMatch(/Pages:\s+2\b/);
      const text = execFileSync("pdftotext", ["-layout", file("notices.pdf"), "-"], { encoding: "utf8" });
      expect(text.match(/第 1 页 \/ 共 1 页/g)).toHaveLength(2);
      expect(text).toContain("整 改 通 知 书".replace(/ /g, "")[0]);
    },
    180_000,
  );
});
