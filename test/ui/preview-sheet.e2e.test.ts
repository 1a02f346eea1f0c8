/**
 * End-to-end: the preview draws a file as Excel (and LibreOffice's print) would, with its workbook
 * in the page's Web Worker. A workbook from `liaison generate notice … --lang en-US` (a document
 * sheet: a large centred title in merged cells, the row height set) shows its title whole; the
 * download gives back a workbook with the same cells; a LibreOffice workbook
 * (`date1904="true"`, written part by part) shows its dates as `liaison check` reads them.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { XlsxWorkbook } from "../../src/workbook/exceljs/adapter";
import { OoxmlWorkbook } from "../../src/workbook/ooxml/workbook";
import { ACTION_HEADER, book, textRow, worksheet } from "../workbook/ooxml/package-builder";
import {
  browserPath,
  closePreview,
  launchChromium,
  previewBuild,
  recordPageErrors,
  root,
  scratchDir,
  screenshotsDir,
  serve,
  settled,
  settledToBe,
} from "./server";
import { describeWhen } from "../support/requires";

const suite = describeWhen(browserPath());
const cli = (args: string[]) => execFileSync(process.execPath, [path.join(root, "bin", "liaison.js"), ...args], { encoding: "utf8" });

suite("the preview draws files as Excel would (workbook in a worker)", () => {
  let out: string;
  let server: http.Server;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    out = scratchDir("liaison-preview-sheet-");
    server = await serve(previewBuild());
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    recordPageErrors(page, errors);
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/preview.html?lang=en-US`);
    await page.getByTestId("grid").waitFor();
    await page.getByTestId("first-run").getByRole("button", { name: "Skip" }).click();
  }, 240_000);

  afterAll(async () => {
    await closePreview({ browser, server, out });
  });

  const open = async (file: string, sheet: string) => {
    await page.getByTestId("open-input").setInputFiles(file);
    await page.getByTestId("open-progress").waitFor({ state: "detached", timeout: 60_000 });
    await page.getByTestId("sheet-tabs").getByRole("tab", { name: sheet }).click();
    await page.locator(`[data-testid="grid"][data-sheet="${sheet}"]`).waitFor();
  };

  it("shows a document sheet's large title whole, and downloads the same cells", async () => {
    const source = path.join(out, "suppliers.xlsx");
    const withDoc = path.join(out, "notice.xlsx");
    cli(["template", "supplier-evaluation", "--examples", "--out", source]);
    // Row 3 of the examples scores 78, under the pass mark: a corrective notice.
    cli([
      "generate",
      "notice",
      source,
      "--sheet",
      "供应商评估表",
      "--rows",
      "3",
      "--out",
      withDoc,
      "--lang",
      "en-US",
      "--today",
      "2024-10-08",
    ]);
    const expected = await XlsxWorkbook.load(new Uint8Array(readFileSync(withDoc)));
    const sheet = (await expected.listSheets()).find((s) => s.startsWith("Corrective notice"));
    if (!sheet) throw new Error("no notice sheet");
    await open(withDoc, sheet);

    const title = page.locator('[data-testid="grid"] td[data-r="1"][data-c="0"]');
    await settledToBe(() => title.textContent(), "Corrective notice");
    // Drawn whole: the cell is as tall as its text needs (nothing cut at the bottom), centred as set.
    const box = await settled(
      () =>
        title.evaluate((td) => ({
          scroll: td.scrollHeight,
          client: td.clientHeight,
          fontPx: parseFloat(getComputedStyle(td).fontSize),
          linePx: parseFloat(getComputedStyle(td).lineHeight),
          align: getComputedStyle(td).textAlign,
        })),
      (b) => b.fontPx > 20 && b.linePx >= b.fontPx && b.scroll <= b.client && b.client >= b.fontPx * 1.2 && b.align === "center",
    );
    expect(box.fontPx).toBeGreaterThan(20);
    // Its lines are as tall as its glyphs (the grid's 18 px lines cut a 32 px title at the bottom).
    expect(box.linePx).toBeGreaterThanOrEqual(box.fontPx);
    expect(box.scroll).toBeLessThanOrEqual(box.client);
    expect(box.client).toBeGreaterThanOrEqual(box.fontPx * 1.2);
    expect(box.align).toBe("center");
    const shots = screenshotsDir();
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, "preview-document-sheet.png") });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download .xlsx" }).click()]);
    const saved = path.join(out, "downloaded.xlsx");
    await download.saveAs(saved);
    const back = await XlsxWorkbook.load(new Uint8Array(readFileSync(saved)));
    const cells = (wb: XlsxWorkbook) => {
      const ws = wb.workbook.getWorksheet(sheet);
      const values: string[] = [];
      ws?.eachRow((row, r) => row.eachCell((c, col) => values.push(`${r}:${col}=${String(c.text)}`)));
      return values;
    };
    expect(cells(back)).toEqual(cells(expected));
    expect(await back.readRegister()).toEqual(await expected.readRegister());
  }, 120_000);

  it('shows a LibreOffice workbook\'s dates (date1904="true") as liaison check reads them', async () => {
    // 截止日期 43830 in the 1904 system: 2024-01-01.
    const rows =
      textRow(1, [...ACTION_HEADER]) +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>整理会议纪要</t></is></c><c r="B2" t="inlineStr"><is><t>王伟</t></is></c><c r="C2" s="1"><v>43830</v></c><c r="D2" t="inlineStr"><is><t>进行中</t></is></c></row>`;
    const bytes = book({ sheets: [{ name: "待办事项", xml: worksheet(rows) }], date1904: "true" });
    const file = path.join(out, "libreoffice.xlsx");
    writeFileSync(file, bytes);
    const read = await OoxmlWorkbook.load(bytes).readTables({ kind: "all" });
    expect(read[0].body[0][2]).toEqual({ kind: "date", serial: 45292 });
    await open(file, "待办事项");
    await settledToBe(() => page.locator('[data-testid="grid"] td[data-r="2"][data-c="2"]').textContent(), "2024-01-01");
  }, 120_000);

  it("had no page errors", () => {
    expect(errors).toEqual([]);
  });
});
