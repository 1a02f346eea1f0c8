import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { renderDocx } from "../../../src/render/docx";
import { MARGIN, PAGE, SIZE } from "../../../src/render/docx/theme";
import { SOFFICE, describeWhen, requireFonts, requireTool } from "../../support/requires";
import { MINUTES, NOTICE, REMINDER } from "./fixtures";

/**
 * The Word files as another program lays them out: LibreOffice turns them into PDF and poppler
 * reads the pages back. A 整改通知书 with its receipt must fill exactly one A4 page with every
 * line on it and nothing past the margins.
 *
 * The documents name the fonts Word has on a Chinese Windows machine (宋体 SimSun, 黑体 SimHei,
 * Times New Roman, Arial; src/render/docx/theme.ts). Elsewhere LibreOffice substitutes: Chinese
 * from Noto CJK (fonts-noto-cjk; every CJK face sets a character one em wide, so line breaks
 * match), Latin from Liberation (fonts-liberation2, metric-compatible with Times New Roman and
 * Arial, so Latin words are as wide as in Word). Without those fonts the layout measured here
 * would be some other font's, so they are required like the programs.
 */
const LIBREOFFICE = requireTool("LibreOffice", SOFFICE, "Install it: apt-get install libreoffice-writer.");
const PDFINFO = requireTool("pdfinfo", "pdfinfo", "Install poppler-utils.");
const PDFTOTEXT = requireTool("pdftotext", "pdftotext", "Install poppler-utils.");
const FONTS = requireFonts(
  ["Noto Serif CJK SC", "Noto Sans CJK SC", "Liberation Serif", "Liberation Sans"],
  "Install fonts-noto-cjk and fonts-liberation2.",
);

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 120_000 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Words of one PDF page with their boxes (points), from `pdftotext -bbox`. */
function words(pdf: string, page: number): Word[] {
  const html = run(PDFTOTEXT!, ["-bbox", "-f", String(page), "-l", String(page), pdf, "-"]);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5],
  }));
}

const pageText = (pdf: string, page: number) => run(PDFTOTEXT!, ["-f", String(page), "-l", String(page), pdf, "-"]).replace(/\s+/g, "");
const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(run(PDFINFO!, [pdf]))?.[1]);

describeWhen(
  LIBREOFFICE,
  PDFINFO,
  PDFTOTEXT,
  FONTS,
)("LibreOffice lays out the .docx", () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "liaison-docx-"));
    writeFileSync(path.join(dir, "notice.docx"), await renderDocx([NOTICE]));
    writeFileSync(path.join(dir, "all.docx"), await renderDocx([NOTICE, MINUTES, REMINDER]));
    // A profile of its own, so parallel runs (and a running LibreOffice) do not clash.
    run(LIBREOFFICE!, [
      `-env:UserInstallation=file://${path.join(dir, "profile")}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      path.join(dir, "notice.docx"),
      path.join(dir, "all.docx"),
    ]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("fits a 整改通知书 and its receipt on exactly one A4 page", () => {
    const pdf = path.join(dir, "notice.pdf");
    expect(pages(pdf)).toBe(1);
    expect(run(PDFINFO!, [pdf])).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = pageText(pdf, 1);
    // Everything from the title to the last receipt line and the footer is on the page.
    for (const s of [
      "整改通知书",
      "编号：ZG-2024Q2-001",
      "华东精密零部件有限公司",
      "+8613800138000",
      "问题解决能力",
      "（盖章）",
      "沿此线剪开",
      "整改通知书回执",
      "签收日期",
      "ZG-2024Q2-001·第1页/共1页",
    ]) {
      expect([s, text.includes(s)]).toEqual([s, true]);
    }
  });

  it("keeps every word inside the page margins, but for one hanging full-width punctuation mark", () => {
    const pdf = path.join(dir, "notice.pdf");
    const ws = words(pdf, 1);
    expect(ws.length).toBeGreaterThan(50);
    // Margins in points (twips / 20) with 2 pt of slack for glyph side bearings.
    const left = MARGIN.left / 20 - 2;
    const right = (PAGE.width - MARGIN.right) / 20 + 2;
    const bottom = PAGE.height / 20;
    // Chinese typesetting lets a line-end 。，、：；！？ hang into the right margin rather than start
    // the next line with it (GB/T 15834; Word's "allow punctuation to extend past the margin" and
    // LibreOffice's hanging punctuation both do it). So a line may pass the right margin by that
    // one mark, one em of the largest text size in the body, and by nothing else: a word cut at
    // the edge, a table or tab stop wider than the text, or two marks hanging still fail.
    const em = Math.max(SIZE.body, SIZE.table) / 2;
    const hangs = (w: Word) => /[。，、：；！？]$/.test(w.text) && !/[。，、：；！？]{2}$/.test(w.text) && w.xMax - em <= right;
    const outside = ws.filter((w) => w.xMin < left || w.yMax > bottom || (w.xMax > right && !hangs(w)));
    expect(outside).toEqual([]);
  });

  it("starts every document on a new page, one page each", () => {
    const pdf = path.join(dir, "all.pdf");
    expect(pages(pdf)).toBe(3);
    expect(pageText(pdf, 1)).toMatch(/^整改通知书/);
    expect(pageText(pdf, 2)).toMatch(/^会议纪要/);
    expect(pageText(pdf, 3)).toMatch(/^催办通知/);
    expect(pageText(pdf, 2)).toContain('=HYPERLINK("x")');
    // Page numbers restart with each document.
    expect(pageText(pdf, 3)).toContain("CB-2024-001·第1页");
  });
});
