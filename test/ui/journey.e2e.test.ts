/**
 * End-to-end: the journey of an office worker through the task pane, on the preview page
 * (production build, headless Chromium), once in Chinese and once in English (switched with the
 * pane's language buttons):
 *
 *   insert 供应商评估表 with the manual's examples → fix "today" in 设置 → type a bad score into
 *   a cell → 校验 → click the finding: the cell is selected (name box) → 清除标记: the workbook's
 *   values and formats are as before the check → select two suppliers under 80 → 文书: generate
 *   整改通知书 sheets → download the .docx of them and the .xlsx, and read both.
 *
 * Screenshots of each step go to test-results/ui/journey/ (or $LIAISON_SCREENSHOTS/journey); a
 * curated set of them is what `npm run screenshots` copies to docs/screenshots/ for the README.
 */
import { mkdirSync, readFileSync } from "node:fs";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
import {
  browserPath,
  closePreview,
  launchChromium,
  previewBuild,
  recordPageErrors,
  scratchDir,
  screenshotsDir,
  serve,
  settled,
  settledToBe,
  settledToContain,
} from "./server";
import { describeWhen } from "../support/requires";

const shots = screenshotsDir("journey");
const SUPPLIER_SHEET = "供应商评估表";
const REGISTER_SHEET = "文书登记";
const SETTINGS_SHEET = "Liaison设置";

/** What the journey reads on screen, per language: the pane's words (from the catalogs) and the data's. */
interface Script {
  readonly lang: "zh" | "en";
  readonly insertExamples: RegExp;
  readonly inserted: RegExp;
  readonly save: string;
  readonly saved: string;
  readonly summary: string;
  readonly cleared: string;
  readonly download: string;
  readonly generate: string;
  readonly sheetsDone: RegExp;
  readonly wordOfThese: string;
}

const ZH: Script = {
  lang: "zh",
  insertExamples: /^插入示例：供应商评估表$/,
  inserted: /已新建工作表“供应商评估表”/,
  save: "保存",
  saved: "设置已保存到工作簿。",
  summary: "错误",
  cleared: "已清除所有校验标记。",
  download: "下载 .xlsx",
  generate: "生成整改通知书工作表",
  sheetsDone: /2 份整改通知书/,
  wordOfThese: "下载这些文书的 Word",
};

const EN: Script = {
  lang: "en",
  insertExamples: /^Insert with examples: Supplier evaluation$/,
  inserted: /New sheet “供应商评估表”/,
  save: "Save",
  saved: "Settings saved in the workbook.",
  summary: "errors",
  cleared: "All check marks were removed.",
  download: "Download .xlsx",
  generate: "Create Corrective notice sheets",
  sheetsDone: /2 Corrective notice/,
  wordOfThese: "Download these as Word",
};

/** Han characters: in English, the pane's own words must have none (data, like sheet names, may). */
const HAN = /[\u3400-\u9fff]/;

interface SheetSnapshot {
  readonly state: string;
  readonly cells: Record<string, unknown>;
  readonly conditional: unknown[];
}

/** Values and formats of every cell of every sheet, plus each sheet's conditional formats (the marks). */
async function snapshot(file: string): Promise<Record<string, SheetSnapshot>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, SheetSnapshot> = {};
  wb.eachSheet((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        cells[c.address] = { value: c.value, numFmt: c.numFmt, font: c.font, fill: c.fill, alignment: c.alignment, border: c.border };
      }),
    );
    // Not in ExcelJS's typings, but read from the file (worksheet.conditionalFormattings).
    const conditional = (ws as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings ?? [];
    out[ws.name] = { state: ws.state, cells, conditional };
  });
  return out;
}

/** Every cell's shown text of a sheet, one per line. */
function textOf(ws: ExcelJS.Worksheet): string {
  const lines: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => lines.push(c.text)));
  return lines.join("\n");
}

const suite = describeWhen(browserPath());

suite(`the journey through the task pane, in Chinese and in English`, () => {
  let out: string;
  let server: http.Server;
  let browser: Browser;

  beforeAll(async () => {
    out = scratchDir("liaison-journey-");
    server = await serve(previewBuild());
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await closePreview({ browser, server, out });
  });

  async function journey(s: Script): Promise<void> {
    const page: Page = await browser.newPage({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
    const pageErrors: string[] = [];
    recordPageErrors(page, pageErrors);
    const shot = async (name: string) => {
      await page.screenshot({ path: path.join(shots, `journey-${s.lang}-${name}.png`) });
    };
    const grid = () => page.getByTestId("grid");
    const onSheet = (name: string) =>
      grid()
        .and(page.locator(`[data-sheet="${name}"]`))
        .waitFor();
    const cell = (row: number, col: number) => page.locator(`td[data-r="${row}"][data-c="${col}"]`);
    const pane = page.locator("aside");
    const openTab = (id: string) => page.locator(`#liaison-tab-${id}`).click();
    const download = async (trigger: () => Promise<void>, name: string): Promise<string> => {
      const [d] = await Promise.all([page.waitForEvent("download"), trigger()]);
      const file = path.join(out, `${s.lang}-${name}`);
      await d.saveAs(file);
      return file;
    };
    /**
     * In English, no label of the pane's buttons, tabs, headings or fields may be Chinese: but the
     * "中文" button, the findings (they quote the workbook's data) and labels that name a sheet.
     */
    const noChineseLabels = async () => {
      if (s.lang !== "en") return;
      const chineseLabels = async (): Promise<string[]> => {
        const labels = await pane
          .locator("button:visible, [role=tab]:visible, h1:visible, h2:visible, h3:visible, label:visible, legend:visible")
          .evaluateAll((els) =>
            els
              .filter((e) => !(e.getAttribute("lang") ?? "").startsWith("zh") && !e.closest('[data-testid="finding"]'))
              .map((e) => e.getAttribute("aria-label") ?? e.textContent ?? ""),
          );
        // A Fluent tab holds its text twice (the second copy reserves the bold width): read the first.
        const tabs = await page
          .getByTestId("sheet-tabs")
          .getByRole("tab")
          .evaluateAll((els) => els.map((e) => e.querySelector("span")?.textContent ?? ""));
        const sheets = [...tabs.filter(Boolean), SETTINGS_SHEET, REGISTER_SHEET];
        const namesSheet = (l: string) => sheets.some((name) => l.includes(name));
        return labels.filter((l) => HAN.test(l) && !namesSheet(l));
      };
      // Read until the pane and the sheet tabs agree: a label naming a new sheet may come before its tab.
      expect(await settled(chineseLabels, (bad) => bad.length === 0)).toEqual([]);
    };

    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/preview.html`);
    await grid().waitFor();

    // 0. The language: Chinese first; in English, switch with the pane's header buttons — the
    //    pane, the preview's toolbar and the page's lang attribute all follow.
    await settledToBe(() => page.locator("html").getAttribute("lang"), "zh-CN");
    await settledToBe(() => page.locator('[data-testid="language-menu"] [data-lang="zh-CN"]').getAttribute("aria-pressed"), "true");
    if (s.lang === "en") {
      await page.locator('[data-testid="language-menu"] [data-lang="en-US"]').click();
      await page.getByRole("heading", { name: "Liaison · Communication assistant" }).waitFor();
      await settledToBe(() => page.locator("html").getAttribute("lang"), "en-US");
      await settledToBe(() => page.getByRole("button", { name: "Download .xlsx" }).count(), 1);
      // (The English names do not fit a 380 px pane: the tabs show icons, named for screen readers and tooltips.)
      await settledToBe(() => page.getByRole("tab", { name: "Templates" }).count(), 1);
      // The choice is kept: a reload opens in English.
      await page.reload();
      await page.getByRole("heading", { name: "Liaison · Communication assistant" }).waitFor();
      await grid().waitFor();
    }
    await noChineseLabels();

    // 1. Insert 供应商评估表 with the manual's examples.
    await page.getByRole("button", { name: s.insertExamples }).click();
    await onSheet(SUPPLIER_SHEET);
    await page.getByText(s.inserted).waitFor();
    await settledToBe(() => cell(1, 0).getAttribute("data-part"), "header");
    await settledToBe(() => cell(3, 0).textContent(), "鑫达物流有限公司");
    await shot("1-inserted");

    // 2. 设置: fix "today", so the run (and the documents' dates) do not depend on the day.
    await openTab("settings");
    const form = page.getByTestId("settings-form");
    await form.waitFor();
    await form.locator('[data-key="today"]').fill("2024-10-08");
    await form.getByRole("button", { name: s.save }).click();
    await page.getByText(s.saved).waitFor();
    await noChineseLabels();
    await shot("2-settings");

    // 3. A person types a score in words into 产品质量 of the first supplier (C2): F2, type, Enter.
    //    Live validation (on by default for the tables Liaison made) marks it without a 校验.
    await cell(2, 2).click();
    await page.keyboard.press("F2");
    const editor = page.locator("td input");
    await editor.waitFor();
    await editor.fill("二十七");
    await page.keyboard.press("Enter");
    await settledToBe(() => cell(2, 2).textContent(), "二十七");
    await settledToBe(() => page.getByTestId("name-box").inputValue(), "C3");
    await page.locator('td[data-r="2"][data-c="2"][data-mark="error"]').waitFor();
    await shot("3-typed");
    const before = await download(() => page.getByRole("button", { name: s.download }).click(), "before.xlsx");

    // 4. 校验: the typed word is a format error at C2, among the examples' own findings.
    await openTab("validate");
    await page.getByTestId("validate-button").click();
    const summary = page.getByTestId("validate-summary");
    await summary.waitFor();
    await settledToContain(() => summary.textContent(), s.summary);
    const typed = page.getByTestId("finding").and(page.locator(`[data-cell="${SUPPLIER_SHEET}!C2"]`));
    await settledToBe(() => typed.first().getAttribute("data-rule"), "type");
    await settledToBe(() => cell(2, 2).getAttribute("data-mark"), "error");
    await noChineseLabels();
    await shot("4-validated");

    // 5. Click the finding: the cell is selected, as the name box says.
    await cell(1, 0).click();
    await settledToBe(() => page.getByTestId("name-box").inputValue(), "A1");
    await typed.first().click();
    await settledToBe(() => page.getByTestId("name-box").inputValue(), "C2");
    await settledToBe(() => cell(2, 2).getAttribute("aria-selected"), "true");
    await shot("5-finding");

    // 6. To see the sheet clean: live validation off (设置), then 清除标记 — the cells' values and
    //    formats are those from before the check, and no conditional format (mark) is left.
    await openTab("settings");
    await page.getByTestId("live-setting").getByRole("radio").first().check();
    await openTab("validate");
    await page.getByTestId("clear-marks-button").click();
    await page.getByText(s.cleared).waitFor();
    await settledToBe(() => page.locator("td[data-mark]").count(), 0);
    await shot("6-cleared");
    const after = await download(() => page.getByRole("button", { name: s.download }).click(), "after.xlsx");
    const [a, b] = await Promise.all([snapshot(before), snapshot(after)]);
    // Before the check, live validation had marked the table already (so reading marks works).
    expect(a[SUPPLIER_SHEET].conditional.length).toBeGreaterThan(0);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const sheet of Object.keys(a)) {
      expect({ sheet, ...b[sheet], conditional: undefined }).toEqual({ sheet, ...a[sheet], conditional: undefined });
      expect({ sheet, conditional: b[sheet].conditional }).toEqual({ sheet, conditional: [] });
    }

    // 7. Select the two suppliers under 80 of 2024Q1 (rows 4 and 5: 鑫达 77, 恒通 79.5) by their row headers.
    await page.locator('th[data-rowhead="4"]').click();
    await page.locator('th[data-rowhead="5"]').click({ modifiers: ["Shift"] });
    expect(
      await settled(
        () => page.getByTestId("name-box").inputValue(),
        (v) => /^A4:[A-Z]+5$/.test(v ?? ""),
      ),
    ).toMatch(/^A4:[A-Z]+5$/);
    await openTab("documents");
    await page.getByTestId("documents-selection").waitFor();
    await settledToContain(() => page.getByTestId("documents-selection").textContent(), `${SUPPLIER_SHEET}!A4:`);
    await noChineseLabels();
    await shot("7-rows");

    // 8. Generate 整改通知书: two print-ready sheets, logged in 文书登记; the grid shows the first.
    await page.getByRole("button", { name: s.generate }).click();
    const result = page.getByTestId("result-notice");
    await result.getByText(s.sheetsDone).waitFor();
    const numbers = await settled(
      async () => [...new Set((await result.getByTestId("documents-list").textContent())?.match(/ZG-2024Q1-\d{3}/g) ?? [])],
      (found) => found.join() === "ZG-2024Q1-001,ZG-2024Q1-002",
    );
    expect(numbers).toEqual(["ZG-2024Q1-001", "ZG-2024Q1-002"]);
    await page.locator(`[data-testid="grid"]:not([data-sheet="${SUPPLIER_SHEET}"])`).waitFor();
    await noChineseLabels();
    await shot("8-notice");

    // The .docx of exactly these documents: both suppliers, both numbers.
    const docx = await download(() => result.getByRole("button", { name: s.wordOfThese }).click(), "notices.docx");
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file("word/document.xml")?.async("string");
    expect(xml).toBeDefined();
    for (const text of ["鑫达物流有限公司", "恒通IT设备有限公司", ...numbers])
      expect({ text, found: xml?.includes(text) }).toEqual({ text, found: true });

    // The .xlsx: the two notice sheets and the register's two lines.
    const book = await download(() => page.getByRole("button", { name: s.download }).click(), "with-notices.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const register = wb.getWorksheet(REGISTER_SHEET);
    expect(register).toBeDefined();
    const registerText = register ? textOf(register) : "";
    for (const n of numbers) expect(registerText).toContain(n);
    // One sheet per notice, named after its number (整改通知书 ZG-… / Notice ZG-…).
    const noticeSheets = wb.worksheets.filter((ws) => numbers.some((n) => ws.name.includes(n)));
    expect(noticeSheets.map((ws) => ws.state)).toEqual(["visible", "visible"]);
    const sheetText = noticeSheets.map(textOf);
    expect(sheetText.some((t) => t.includes("鑫达物流有限公司") && t.includes(numbers[0]))).toBe(true);
    expect(sheetText.some((t) => t.includes("恒通IT设备有限公司") && t.includes(numbers[1]))).toBe(true);

    expect(pageErrors).toEqual([]);
    await page.close();
  }

  it("in Chinese", () => journey(ZH), 120_000);
  it("in English, switched in the pane", () => journey(EN), 120_000);
});
