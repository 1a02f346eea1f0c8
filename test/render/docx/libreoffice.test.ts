import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { renderDocx } from "../../../src/render/docx";
import { MINUTES, NOTICE, REMINDER } from "./fixtures";

/**
 * The Word files as another program lays them out: LibreOffice turns them into PDF and poppler
 * reads the pages back. A 整改通知书 with its receipt must fill exactly one A4 page with every
 * line on it and nothing past the margins. Without LibreOffice the test says so and skips.
 */
const LIBREOFFICE = ["/usr/bin/libreoffice", "/usr/bin/soffice", "/usr/local/bin/soffice"].find(existsSync);
const POPPLER = ["pdfinfo", "pdftotext"].every((tool) => spawnSync(tool, ["-v"]).error === undefined);
const describeIfTools = LIBREOFFICE && POPPLER ? describe : describe.skip;
if (!LIBREOFFICE || !POPPLER) {
  console.warn(
    "LibreOffice or poppler-utils not found: skipping the .docx page-layout test (install libreoffice and poppler-utils to run it).",
  );
}

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
  const html = run("pdftotext", ["-bbox", "-f", String(page), "-l", String(page), pdf, "-"]);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5],
  }));
}

const pageText = (pdf: string, page: number) => run("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"]).replace(/\s+/g, "");
const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdf]))?.[1]);

describeIfTools("LibreOffice lays out the .docx", () => {
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
    expect(run("pdfinfo", [pdf])).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
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

  it("keeps every word inside the page margins", () => {
    const pdf = path.join(dir, "notice.pdf");
    const ws = words(pdf, 1);
    expect(ws.length).toBeGreaterThan(50);
    // Margins in points (twips / 20) with 2 pt of slack for glyph side bearings.
    const left = 1531 / 20 - 2;
    const right = 595.3 - 1418 / 20 + 2;
    const outside = ws.filter((w) => w.xMin < left || w.xMax > right || w.yMax > 841.9);
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
