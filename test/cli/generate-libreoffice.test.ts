import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { XlsxWorkbook } from "../../src/workbook/exceljs/adapter";
import { SOFFICE, describeWhen, requireTool } from "../support/requires";

/**
 * The generated notices as another program prints them: LibreOffice turns the notice sheets of a
 * `liaison generate notice` copy into a PDF, where each must be exactly one A4 page (fitted to
 * the width, nothing pushed onto a second page) carrying its text down to the receipt's last line
 * and the footer. CI installs LibreOffice and poppler-utils (test/support/requires.ts).
 */
const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "liaison.js");
const LIBREOFFICE = requireTool("LibreOffice", SOFFICE, "Install it: apt-get install libreoffice-calc.");
const PDFINFO = requireTool("pdfinfo", "pdfinfo", "Install poppler-utils.");
const PDFTOTEXT = requireTool("pdftotext", "pdftotext", "Install poppler-utils.");

describeWhen(
  LIBREOFFICE,
  PDFINFO,
  PDFTOTEXT,
)("generated notices print as one A4 page each (LibreOffice)", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "liaison-print-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("each 整改通知书 sheet is one A4 page, nothing cut off", async () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, LIAISON_LANG: "" } });
    expect(run(["template", "supplier-evaluation", "--examples", "--out", "book.xlsx"]).status).toBe(0);
    const r = run([
      "generate",
      "notice",
      "book.xlsx",
      "--sheet",
      "供应商评估表",
      "--rows",
      "2-5",
      "--out",
      "notices.xlsx",
      "--today",
      "2024-10-08",
    ]);
    expect(r.status).toBe(0);

    // Only the notice sheets, so that the PDF's pages are theirs: LibreOffice starts each sheet on a new page.
    const copy = await XlsxWorkbook.load(readFileSync(path.join(dir, "notices.xlsx")));
    const wb = copy.workbook;
    const notices = wb.worksheets.filter((ws) => ws.name.startsWith("整改通知书")).map((ws) => ws.name);
    expect(notices).toHaveLength(3);
    for (const ws of [...wb.worksheets]) if (!notices.includes(ws.name)) wb.removeWorksheet(ws.id);
    writeFileSync(path.join(dir, "only-notices.xlsx"), await copy.toBuffer());

    const convert = spawnSync(
      LIBREOFFICE!,
      [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        path.join(dir, "only-notices.xlsx"),
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(convert.status).toBe(0);
    const pdf = path.join(dir, "only-notices.pdf");
    const info = execFileSync(PDFINFO!, [pdf], { encoding: "utf8" });
    expect(info).toMatch(/Pages:\s+3\n/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);

    for (let page = 1; page <= 3; page++) {
      const text = execFileSync(PDFTOTEXT!, ["-f", String(page), "-l", String(page), "-layout", pdf, "-"], { encoding: "utf8" });
      const number = /ZG-\d{4}Q\d-\d{3}/.exec(text)?.[0];
      expect(number).toBeDefined();
      // Title at the top, the receipt's last line and the footer (number and page count) at the bottom.
      expect(text).toContain("整改通知书");
      expect(text).toContain("回执");
      expect(text).toContain("日期");
      // LibreOffice restarts &P with each sheet (its &N counts the whole job): every sheet's only page is its page 1.
      expect(text).toMatch(new RegExp(`${number} · 第 1 页 / 共 \\d+ 页`));
    }
  }, 180_000);
});
