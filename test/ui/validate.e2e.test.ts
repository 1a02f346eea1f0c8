/**
 * End-to-end: validation on the preview page (production build, headless Chromium). Inserts two
 * templates with the manual's examples, validates, checks the findings list, clicks findings (the
 * grid selects their cells, switching sheets), sees the marks, clears them — after which the
 * downloaded workbook is exactly the one from before the run — and runs a big workbook through
 * the Web Worker (progress shown while the worker works, report and marks at the end). Screenshots go to
 * test-results/ui/ (or $LIAISON_SCREENSHOTS); `npm run screenshots` copies one to docs/screenshots/validate.png.
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

const shots = screenshotsDir();
const SUPPLIER_SHEET = "供应商评估表";
const COLLAB_SHEET = "跨部门协作需求表";
/** Four sheets of this many rows: far over the worker threshold (2,000 rows), and a real volume to read, clone and mark. */
const BIG_SHEETS = 4;
const BIG_ROWS = 40_000;

const suite = describeWhen(browserPath());

/** Every part of an .xlsx except docProps/core.xml (it holds the save time): what "exactly as before" means. */
async function parts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    if (zip.files[name].dir || name === "docProps/core.xml") continue;
    out.set(name, await zip.files[name].async("string"));
  }
  return out;
}

/** Plain ranges typed like 待办事项, many rows each: some done, most open and overdue, some without an owner. */
async function bigWorkbook(file: string, sheets: number, rows: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (let s = 1; s <= sheets; s++) {
    const ws = wb.addWorksheet(`待办${s}`);
    ws.addRow(["事项内容", "负责人", "截止日期", "状态", "完成日期", "来源会议"]);
    for (let i = 0; i < rows; i++) {
      const due = `2024-${String((i % 9) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`;
      const done = i % 3 === 0;
      ws.addRow([`事项${i + 1}`, i % 50 === 0 ? "" : `负责人${i % 17}`, due, done ? "已完成" : "进行中", done ? due : "", "周例会"]);
    }
  }
  await wb.xlsx.writeFile(file);
}

suite(`validation on the preview page, production build, headless Chromium`, () => {
  let out: string;
  let server: http.Server;
  /** Holds the answers to some requests (set by a test): see ServeHooks in server.ts. */
  let hold: ((pathname: string) => Promise<void> | undefined) | undefined;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    out = scratchDir("liaison-validate-");
    server = await serve(previewBuild(), { beforeAnswer: (pathname) => hold?.(pathname) });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    recordPageErrors(page, pageErrors);
    mkdirSync(shots, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await closePreview({ browser, server, out });
  });

  const download = async (name: string): Promise<string> => {
    const [d] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载 .xlsx" }).click()]);
    const file = path.join(out, name);
    await d.saveAs(file);
    return file;
  };
  const grid = () => page.getByTestId("grid");
  const nameBox = () => page.getByTestId("name-box");
  const marked = () => page.locator("td[data-mark]");

  it("validates the examples, selects a finding's cell, marks and clears exactly", async () => {
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/preview.html`);
    await grid().waitFor();

    // Two templates with the manual's examples (they contain real mistakes).
    for (const id of ["supplier-evaluation", "collab-request"]) {
      await page.locator(`[data-template="${id}"]`).getByRole("button", { name: /示例/ }).click();
      await page
        .getByText(/已新建工作表“.*”/)
        .last()
        .waitFor();
    }
    await grid()
      .and(page.locator(`[data-sheet="${COLLAB_SHEET}"]`))
      .waitFor();

    // 设置: a bad value is refused beside its field; a fixed "today" makes the run reproducible.
    await page.getByRole("tab", { name: "设置" }).click();
    const form = page.getByTestId("settings-form");
    await form.waitFor();
    await form.locator('[data-key="threshold"]').fill("八十");
    await form.getByRole("button", { name: "保存" }).click();
    await page.getByText("0–100 之间的数").waitFor();
    await page.getByText("有 1 项设置无效").waitFor();
    await page.screenshot({ path: path.join(shots, "validate-0-settings.png") });
    await form.locator('[data-key="threshold"]').fill("80");
    await form.locator('[data-key="today"]').fill("2024-10-08");
    await form.getByRole("button", { name: "保存" }).click();
    await page.getByText("设置已保存到工作簿。").waitFor();
    // The settings sheet is hidden, as in Excel: no tab for it.
    await settledToBe(() => page.getByTestId("sheet-tabs").getByRole("tab").count(), 3);
    const before = await download("before.xlsx");

    // 校验 over all tables.
    await page.getByRole("tab", { name: "校验" }).click();
    await page.getByTestId("validate-button").click();
    const summary = page.getByTestId("validate-summary");
    await summary.waitFor();
    // The typed sample sheet is a recognised range too: three tables.
    await settledToContain(() => summary.textContent(), "7 错误 / 7 警告 / 0 提示");
    await settledToContain(() => summary.textContent(), "检查了 3 个表格（10 行数据），今天按 2024-10-08 计；标记了 13 个单元格。");
    await settledToBe(() => summary.getAttribute("data-ran-in"), "thread");
    const findings = page.getByTestId("finding");
    await settledToBe(() => findings.count(), 14);
    await settledToBe(() => page.getByTestId("rule-counts").textContent(), "按规则：必填 6格式 4连续不合格 1低于合格线 3");
    // The active sheet's marks are drawn: E2:E4 (required, error) and H3:H4 (year missing, warning).
    await settledToBe(() => marked().count(), 5);
    await settledToBe(() => page.locator('td[data-r="2"][data-c="4"]').getAttribute("data-mark"), "error");
    await settledToBe(() => page.locator('td[data-r="3"][data-c="7"]').getAttribute("data-mark"), "warning");
    await page.screenshot({ path: path.join(shots, "validate-1-results.png") });

    // Clicking a finding of the other sheet switches to it and selects the cell (name box).
    const consecutive = findings.and(page.locator('[data-rule="consecutive"]'));
    await settledToBe(() => consecutive.getAttribute("data-cell"), `${SUPPLIER_SHEET}!H4`);
    await consecutive.click();
    await grid()
      .and(page.locator(`[data-sheet="${SUPPLIER_SHEET}"]`))
      .waitFor();
    await settledToBe(() => nameBox().inputValue(), "H4");
    await settledToBe(() => page.locator('td[data-r="4"][data-c="7"]').getAttribute("aria-selected"), "true");
    await settledToBe(() => consecutive.getAttribute("aria-current"), "true");
    // H4 has a warning and an error: the mark is the error's.
    await settledToBe(() => page.locator('td[data-r="4"][data-c="7"]').getAttribute("data-mark"), "error");
    await settledToBe(() => page.locator('td[data-r="3"][data-c="7"]').getAttribute("data-mark"), "warning");
    await page.screenshot({ path: path.join(shots, "validate-2-selected.png") });

    // And back to the other sheet through a finding there.
    await findings.and(page.locator(`[data-cell="${COLLAB_SHEET}!E3"]`)).click();
    await grid()
      .and(page.locator(`[data-sheet="${COLLAB_SHEET}"]`))
      .waitFor();
    await settledToBe(() => nameBox().inputValue(), "E3");

    // Filters: errors only, then a rule, then text.
    await page.getByRole("button", { name: /^警告/ }).click();
    await settledToBe(() => findings.count(), 7);
    await page.getByTestId("rule-filter").selectOption("required");
    await settledToBe(() => findings.count(), 6);
    await page.getByTestId("rule-filter").selectOption("");
    await page.getByRole("button", { name: /^警告/ }).click();
    await page.getByTestId("finding-search").fill("鑫达");
    await settledToBe(() => findings.count(), 1);
    await page.screenshot({ path: path.join(shots, "validate-3-filtered.png") });
    await page.getByTestId("finding-search").fill("");

    // Validate the current sheet only: re-validation replaces this sheet's marks; the other sheet's stay.
    await page.getByRole("radio", { name: "当前工作表" }).check();
    await page.getByTestId("validate-button").click();
    await page.getByText("3 错误 / 2 警告 / 0 提示").waitFor();
    await settledToBe(() => marked().count(), 5);
    await page.getByRole("tab", { name: SUPPLIER_SHEET }).click();
    await grid()
      .and(page.locator(`[data-sheet="${SUPPLIER_SHEET}"]`))
      .waitFor();
    await settledToBe(() => marked().count(), 3);

    // Clear marks: the workbook is exactly what it was before the first run.
    await page.getByRole("radio", { name: "全部表格" }).check();
    await page.getByTestId("validate-button").click();
    await page.getByText("7 错误 / 7 警告 / 0 提示").waitFor();
    await settledToBe(() => marked().count(), 3);
    await page.getByTestId("clear-marks-button").click();
    await page.getByText("已清除所有校验标记。").waitFor();
    await settledToBe(() => marked().count(), 0);
    await page.screenshot({ path: path.join(shots, "validate-4-cleared.png") });
    const after = await download("after.xlsx");
    const [a, b] = await Promise.all([parts(before), parts(after)]);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, xml] of a) expect({ name, same: b.get(name) === xml }).toEqual({ name, same: true });

    expect(pageErrors).toEqual([]);
  }, 90_000);

  it("starts the tabs afresh for another file: no findings or settings of the one before", async () => {
    // Where the first test left the page: the 校验 tab with its report, today fixed in 设置.
    await expect(page.getByTestId("validate-summary").count()).resolves.toBe(1);
    const file = path.join(out, "other.xlsx");
    await bigWorkbook(file, 1, 3);
    await page.getByTestId("open-input").setInputFiles(file);
    await grid().and(page.locator('[data-sheet="待办1"]')).waitFor({ timeout: 60_000 });
    // Still on 校验, with nothing of the other workbook's check.
    await page.locator('[data-testid="live-status"]').waitFor();
    await expect(page.getByRole("tab", { name: "校验" }).getAttribute("aria-selected")).resolves.toBe("true");
    await expect(page.getByTestId("validate-summary").count()).resolves.toBe(0);
    await expect(page.getByTestId("finding").count()).resolves.toBe(0);
    // 设置 shows this workbook's settings (none stored: today is not fixed), not the other's.
    await page.getByRole("tab", { name: "设置" }).click();
    const form = page.getByTestId("settings-form");
    await form.waitFor();
    await settledToBe(() => form.locator('[data-key="today"]').inputValue(), "");

    // A value typed and not yet saved (设置 saves half a second after the last key) when yet
    // another file is opened: it was for this workbook, and does not land in the next one.
    await form.locator('[data-key="threshold"]').fill("85");
    const third = path.join(out, "third.xlsx");
    await page.getByTestId("open-input").setInputFiles(file);
    await grid().and(page.locator('[data-sheet="待办1"]')).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1000);
    await expect(page.getByTestId("settings-form").locator('[data-key="threshold"]').inputValue()).resolves.toBe("80");
    const [d] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载 .xlsx" }).click()]);
    await d.saveAs(third);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.readFile(third);
    // No settings sheet was written into it: nothing of the form before.
    expect(saved.worksheets.map((w) => w.name)).toEqual(["待办1"]);
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it("checks a big workbook in the Web Worker, with progress, cancels it, and marks it", async () => {
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/preview.html`);
    await grid().waitFor();
    const file = path.join(out, "big.xlsx");
    await bigWorkbook(file, BIG_SHEETS, BIG_ROWS);
    await page.getByTestId("open-input").setInputFiles(file);
    await grid().and(page.locator('[data-sheet="待办1"]')).waitFor({ timeout: 90_000 });
    await page.getByRole("tab", { name: "校验" }).click();

    // A run over a second shows its progress and a 取消 button. The check itself takes a fraction
    // of a second, so the test does not race it: the server holds the validation worker's script
    // (started by the preview's workbook worker, where the rows are) until the test lets it go.
    // The run is then, for as long as the test wants, where every worker run passes: checking,
    // 0 of 4 tables done. (Progress after each table is the worker's, test/app/validate/worker.test.ts.)
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const workerScript = /\/liaison-validation\.[0-9a-f]+\.chunk\.js$/;
    let requested = (): void => undefined;
    const nextRequest = () => new Promise<void>((resolve) => (requested = resolve));
    hold = (pathname) => {
      if (!workerScript.test(pathname)) return undefined;
      requested();
      return held;
    };
    const checking = `正在检查：0/${BIG_SHEETS} 个表格，0/${(BIG_SHEETS * BIG_ROWS).toLocaleString("zh-CN")} 行`;
    const progress = page.getByTestId("validate-progress");

    // 取消 while the check is held: the run stops, nothing is marked. The 取消 travels from the
    // page to the workbook's worker, which stops its validation worker.
    let request = nextRequest();
    await page.getByTestId("validate-button").click();
    await request;
    await progress.getByText(checking).waitFor({ timeout: 60_000 });
    await progress.getByTestId("cancel-button").click();
    await page.getByText("已取消校验，未做任何标记。").waitFor({ timeout: 60_000 });
    await expect(progress.count()).resolves.toBe(0);
    await expect(marked().count()).resolves.toBe(0);

    // Again, and this time the run is let go. Its worker is a new one (the cancelled one was
    // stopped), so the script is asked for again.
    request = nextRequest();
    await page.getByTestId("validate-button").click();
    await request;
    await progress.getByText(checking).waitFor({ timeout: 60_000 });
    await settledToBe(() => progress.getByTestId("cancel-button").isEnabled(), true);
    await page.screenshot({ path: path.join(shots, "validate-5-progress.png") });
    await settledToBe(() => page.getByTestId("validate-summary").count(), 0);
    release();

    // The run ends in the worker's report, marked.
    const summary = page.getByTestId("validate-summary");
    await summary.waitFor({ timeout: 180_000 });
    await settledToBe(() => summary.getAttribute("data-ran-in"), "worker");
    await settledToContain(() => summary.textContent(), `${(BIG_SHEETS * BIG_ROWS).toLocaleString("zh-CN")} 行数据`);
    expect(
      await settled(
        () => marked().count(),
        (v) => v > 0,
      ),
    ).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, "validate-6-worker.png") });
    hold = undefined;
    expect(pageErrors).toEqual([]);
  }, 300_000);

  afterAll(() => {});
});
