/**
 * End-to-end (issue 10): the 表格 tab shows what the locator understood of a hand-typed sheet and
 * takes a person's correction. A to-do list whose second item begins `注意:` is read as a note
 * that ends the table; on 表格 the row is listed as skipped with its reason, clicking it selects
 * it on the grid, "这一行是数据" stores the correction in the workbook, the tab reloads, a new
 * check finds the rows it had missed, and the downloaded workbook, opened again, keeps the
 * correction. Production build of the preview page, headless Chromium; screenshots of the tab go
 * to test-results/ui/.
 */
import { mkdirSync } from "node:fs";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { CORRECTIONS_SHEET } from "../../src/core/layout/corrections-sheet";
import { SETTINGS_SHEET } from "../../src/core/settings/sheet";
import {
  browserPath,
  closePreview,
  launchChromium,
  previewBuild,
  recordPageErrors,
  scratchDir,
  screenshotsDir,
  serve,
  settledToBe,
  settledToContain,
} from "./server";
import { describeWhen } from "../support/requires";

const shots = screenshotsDir();
const suite = describeWhen(browserPath());

/** 行动项清单 typed by hand: title, header on row 2, an item on row 4 starting 注意:, a signature line. Today is fixed in the settings. */
async function handTyped(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("待办");
  ws.addRows([
    ["行动项清单"],
    ["事项内容", "负责人", "截止日期", "状态"],
    ["发报价", "王五", "2024-07-05", "进行中"],
    ["注意:消防检查", "赵六", "2024-07-01", "未开始"],
    ["订会议室", "", "2024-07-20", "未开始"],
    ["制表:王五"],
  ]);
  ws.mergeCells("A1:D1");
  const settings = wb.addWorksheet(SETTINGS_SHEET, { state: "hidden" });
  settings.addRows([
    ["键", "值"],
    ["today", "2024-07-10"],
  ]);
  await wb.xlsx.writeFile(file);
}

suite("layout corrections on the 表格 tab, preview page, headless Chromium", () => {
  let out: string;
  let server: http.Server;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    out = scratchDir("liaison-layout-");
    server = await serve(previewBuild());
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    recordPageErrors(page, pageErrors);
    mkdirSync(shots, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await closePreview({ browser, server, out });
  });

  const grid = () => page.getByTestId("grid");
  const tablesTab = () => page.locator("#liaison-tab-tables");
  const validate = async (): Promise<string[]> => {
    await page.locator("#liaison-tab-validate").click();
    await page.getByTestId("validate-button").click();
    await page.getByTestId("validate-summary").waitFor();
    const cells = await page
      .getByTestId("finding")
      .evaluateAll((els) => els.map((e) => `${e.getAttribute("data-cell")} ${e.getAttribute("data-rule")}`));
    return cells;
  };

  /** axe-core's serious and critical violations (Fluent's focus sentinels left out, as in a11y.e2e.test.ts). */
  const seriousViolations = (): Promise<string[]> =>
    page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              c: unknown,
              o: unknown,
            ) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
      return result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });

  it("shows the skipped note row and its reason, marks it as data, re-checks, and keeps the correction in the saved file", async () => {
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/preview.html`);
    await grid().waitFor();
    const file = path.join(out, "hand-typed.xlsx");
    await handTyped(file);
    await page.getByTestId("open-input").setInputFiles(file);
    await grid().and(page.locator('[data-sheet="待办"]')).waitFor();

    // Before: only row 3 is data; the 注意: row ended the table.
    expect(await validate()).toEqual(["待办!C3 escalation"]);

    await tablesTab().click();
    const item = page.getByTestId("table-item");
    await item.waitFor();
    await settledToContain(() => item.textContent(), "表头：第 2 行 · 数据：A3:D3，1 行");
    const note = page.getByTestId("skipped-4");
    await settledToContain(() => note.textContent(), "注释行，表格到此结束");
    // Clicking the row selects it on the grid (as in Excel).
    await note.getByRole("button", { name: "第 4 行", exact: true }).click();
    await settledToBe(() => page.getByTestId("name-box").inputValue(), "A4:D4");
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, "tables-1-skipped.png") });

    await note.getByRole("button", { name: "第 4 行：这一行是数据" }).click();
    await page.getByText("已保存更正，表格已重新识别。").waitFor();
    await settledToContain(() => item.textContent(), "数据：A3:D5，3 行");
    await settledToContain(() => page.getByTestId("skipped-6").textContent(), "签字行");
    const correction = page.getByTestId("correction");
    await settledToContain(() => correction.textContent(), "这一行是数据 · 工作表“待办”第 2 行起的表格 · 第 4 行");
    await settledToContain(() => correction.textContent(), "已生效");
    await page.getByTestId("corrections").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, "tables-2-corrected.png") });
    // The tab with skipped rows, the end-row form and a correction listed: axe-core finds nothing serious.
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
    expect(await seriousViolations()).toEqual([]);

    // The next check reads the corrected table: the overdue item on row 4, the owner missing on row 5.
    expect(await validate()).toEqual(["待办!C3 escalation", "待办!C4 escalation", "待办!B5 required"]);

    // Saved and opened again: the correction is in the workbook (hidden sheet), still applied.
    const [d] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载 .xlsx" }).click()]);
    const saved = path.join(out, "saved.xlsx");
    await d.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    expect(wb.getWorksheet(CORRECTIONS_SHEET)?.state).toBe("hidden");
    await page.goto(`http://127.0.0.1:${port}/preview.html`);
    await grid().waitFor();
    await page.getByTestId("open-input").setInputFiles(saved);
    await grid().and(page.locator('[data-sheet="待办"]')).waitFor();
    await tablesTab().click();
    await settledToContain(() => page.getByTestId("table-item").textContent(), "数据：A3:D5，3 行");
    await settledToContain(() => page.getByTestId("correction").textContent(), "已生效");
    expect(await validate()).toEqual(["待办!C3 escalation", "待办!C4 escalation", "待办!B5 required"]);

    // 表格到此为止: a row that is not a data row is refused beside the field; row 4 ends the table.
    await tablesTab().click();
    const endRow = page.getByRole("textbox", { name: "最后一行数据（行号）" });
    await endRow.fill("6");
    await page.getByRole("button", { name: /表格到此为止/ }).click();
    await page.getByText("请填写该表格中一个数据行的行号。").waitFor();
    await endRow.fill("4");
    await page.getByRole("button", { name: /表格到此为止/ }).click();
    await settledToBe(() => page.getByTestId("correction").count(), 2);
    await settledToContain(() => page.getByTestId("table-item").textContent(), "数据：A3:D4，2 行");
    expect(await validate()).toEqual(["待办!C3 escalation", "待办!C4 escalation"]);
    await tablesTab().click();
    await page.getByRole("button", { name: /^撤销更正：表格到此为止/ }).click();
    await settledToBe(() => page.getByTestId("correction").count(), 1);

    // Undo: the row is a note again.
    await page.getByRole("button", { name: /^撤销更正：这一行是数据/ }).click();
    await settledToBe(() => page.getByTestId("correction").count(), 0);
    await settledToContain(() => page.getByTestId("table-item").textContent(), "数据：A3:D3，1 行");
    expect(await validate()).toEqual(["待办!C3 escalation"]);

    expect(pageErrors).toEqual([]);
  }, 120_000);
});
