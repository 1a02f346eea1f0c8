/**
 * End-to-end: live validation and cell editing on the preview page (production build, headless
 * Chromium). Inserts 供应商评估表 with the manual's examples; live validation (on by default for
 * the tables Liaison makes) marks it at once; typing an invalid score into the grid marks the cell
 * and lists the finding within about two seconds; fixing it takes both away. Also: Esc cancels an
 * edit, `=1+1` stays text, Delete clears, and with 实时校验 off an edit is not re-checked.
 * Screenshots go to test-results/ui/ (or $LIAISON_SCREENSHOTS); `npm run screenshots` copies the best one to docs/screenshots/live.png.
 */
import { mkdirSync } from "node:fs";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
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
} from "./server";
import { describeWhen } from "../support/requires";

const shots = screenshotsDir();
const SHEET = "供应商评估表";
/** Live marks must follow an edit within this (debounce 500 ms + re-check + redraw). */
const LIVE_MS = 2000;

const suite = describeWhen(browserPath());

suite(`live validation and cell editing on the preview page`, () => {
  let out: string;
  let server: http.Server;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    out = scratchDir("liaison-live-");
    server = await serve(previewBuild());
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
    recordPageErrors(page, pageErrors);
    mkdirSync(shots, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await closePreview({ browser, server, out });
  });

  const cell = (row: number, col: number) => page.locator(`[data-testid="grid"] td[data-r="${row}"][data-c="${col}"]`);
  const finding = (address: string) => page.locator(`[data-testid="finding"][data-cell="${SHEET}!${address}"]`);
  const typeInto = async (row: number, col: number, keys: string) => {
    await cell(row, col).click();
    await page.keyboard.type(keys);
    await page.keyboard.press("Enter");
  };

  it("marks an invalid score as it is typed, and unmarks it when fixed", async () => {
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/preview.html`);
    await page.getByTestId("grid").waitFor();

    await page.locator('[data-template="supplier-evaluation"]').getByRole("button", { name: /示例/ }).click();
    await page.locator(`[data-testid="grid"][data-sheet="${SHEET}"]`).waitFor();

    // 校验 tab: live validation is on (the default) and follows the new table.
    await page.getByRole("tab", { name: "校验" }).click();
    await page.locator('[data-testid="live-status"][data-status="on"]').getByText("实时校验已开启").waitFor();
    await page.getByText("1 个表格").waitFor();
    expect(await cell(2, 2).getAttribute("data-mark")).toBeNull();
    expect(await finding("C2").count()).toBe(0);

    // 产品质量 of the first row: 35 (over its 30 points), typed straight onto the cell.
    const t0 = Date.now();
    await typeInto(2, 2, "35");
    await cell(2, 2).and(page.locator('[data-mark="error"]')).waitFor({ timeout: LIVE_MS });
    await finding("C2").filter({ hasText: "35" }).first().waitFor({ timeout: LIVE_MS });
    const elapsed = Date.now() - t0;
    expect(elapsed).toBeLessThan(LIVE_MS + 500);
    expect(
      await settled(
        () => cell(2, 2).textContent(),
        (v) => v === "35.0",
      ),
    ).toBe("35.0"); // the column's number format 0.0
    // The selection moved down, as Enter does in Excel.
    await settledToBe(() => page.getByTestId("name-box").inputValue(), "C3");

    // 总分 in Chinese numerals: F2 opens the editor (an input method needs it), Backspace empties it.
    await cell(2, 7).click();
    await page.keyboard.press("F2");
    await settledToBe(() => page.getByTestId("cell-editor").inputValue(), "85");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
    await page.keyboard.insertText("八十");
    await page.keyboard.press("Enter");
    // H2 was marked already (85 no longer the sum of the parts): wait for the new finding itself.
    await finding("H2").filter({ hasText: "不是数字" }).waitFor({ timeout: LIVE_MS });
    await cell(2, 7).and(page.locator('[data-mark="error"]')).waitFor({ timeout: LIVE_MS });
    await settledToBe(() => finding("H2").count(), 1);
    await page.getByTestId("findings").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, "live-1-marked.png") });

    // Fixed: the marks and the findings go.
    await typeInto(2, 2, "27");
    await cell(2, 7).dblclick();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("85");
    await page.keyboard.press("Enter");
    await cell(2, 2).and(page.locator(":not([data-mark])")).waitFor({ timeout: LIVE_MS });
    await cell(2, 7).and(page.locator(":not([data-mark])")).waitFor({ timeout: LIVE_MS });
    await finding("C2").waitFor({ state: "detached", timeout: LIVE_MS });
    await finding("H2").waitFor({ state: "detached", timeout: LIVE_MS });
    await page.screenshot({ path: path.join(shots, "live-2-fixed.png") });
  }, 60_000);

  it("edits like Excel: Esc cancels, =1+1 stays text, Delete clears", async () => {
    const before = await cell(2, 9).textContent();
    await cell(2, 9).click();
    await page.keyboard.type("xyz");
    await page.keyboard.press("Escape");
    await settledToBe(() => cell(2, 9).textContent(), before);
    await settledToBe(() => page.getByTestId("cell-editor").count(), 0);

    await typeInto(2, 9, "=1+1");
    await settledToBe(() => cell(2, 9).textContent(), "=1+1");
    await cell(2, 9).click();
    await page.keyboard.press("Delete");
    await settledToBe(() => cell(2, 9).textContent(), "");
    // Tab commits and moves right.
    await cell(2, 8).click();
    await page.keyboard.press("F2");
    await page.keyboard.press("Tab");
    await settledToBe(() => page.getByTestId("name-box").inputValue(), "J2");
  }, 30_000);

  it("with 实时校验 off, an edit is not re-checked", async () => {
    await page.getByRole("tab", { name: "设置" }).click();
    await page.getByTestId("live-setting").getByText("关闭").click();
    await page.getByRole("tab", { name: "校验" }).click();
    await page.locator('[data-testid="live-status"][data-status="off"]').waitFor();
    await typeInto(3, 2, "35");
    await page.waitForTimeout(1500);
    expect(await cell(3, 2).getAttribute("data-mark")).toBeNull();
    // Back on: the start checks the table, the edit made meanwhile included.
    await page.getByRole("tab", { name: "设置" }).click();
    await page.getByTestId("live-setting").getByText("Liaison 创建的表格").click();
    await cell(3, 2).and(page.locator('[data-mark="error"]')).waitFor({ timeout: LIVE_MS });
    // The choice is the person's preference: it survives a reload of the page.
    const stored = await settled(
      () => page.evaluate(() => localStorage.getItem("liaison.liveValidation")),
      (v) => v === "liaison",
    );
    expect(stored).toBe("liaison");
    expect(pageErrors).toEqual([]);
  }, 30_000);

  afterAll(() => {});
});
