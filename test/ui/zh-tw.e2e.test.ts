/**
 * 繁體中文 end to end, on the preview page: chosen with 繁體 in the pane's header (and kept), or
 * from the page's language (Office's display language zh-TW / zh-HK / zh-MO inside Excel): the
 * pane's words, the templates' names, a check's findings and their fix hints are in Traditional
 * Chinese; workbook data stays as the workbook has it.
 */
import type http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import {
  browserPath,
  closePreview,
  launchChromium,
  previewBuild,
  recordPageErrors,
  scratchDir,
  serve,
  settled,
  settledToBe,
} from "./server";
import { describeWhen } from "../support/requires";

const suite = describeWhen(browserPath());
/** Characters that exist only in simplified form: none may appear in the pane's own words. */
const SIMPLIFIED_ONLY = /[设这个说让们时从为对点图单库项规则检数据号码证书录]/;

suite(`繁體中文 (zh-TW)`, () => {
  let out: string;
  let server: http.Server;
  let browser: Browser;

  beforeAll(async () => {
    out = scratchDir("liaison-zh-tw-");
    server = await serve(previewBuild());
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await closePreview({ browser, server, out });
  });

  it("switches to 繁體, inserts, checks and shows findings and hints in Traditional Chinese; remembered on reload", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    recordPageErrors(page, errors);
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/preview.html`);
    await page.getByTestId("grid").waitFor();
    await page.getByTestId("language-menu").getByRole("button", { name: "繁體" }).click();
    await page.getByRole("tab", { name: "設定" }).waitFor();
    await settledToBe(() => page.locator("html").getAttribute("lang"), "zh-TW");
    const intro = page.getByTestId("first-run");
    await settledToBe(() => intro.getByRole("heading").textContent(), "把溝通手冊變成能檢查的 Excel 表格");
    await intro.getByRole("button", { name: "跳過" }).click();
    const card = page.locator('[data-template="supplier-evaluation"]');
    await settledToBe(() => card.getByRole("heading").textContent(), "供應商評估表");
    await card.getByRole("button", { name: /插入示例/ }).click();
    // The sheet keeps the template's sheet name (workbook data, simplified as the manual's 表名).
    await page.getByTestId("grid").and(page.locator('[data-sheet="供应商评估表"]')).waitFor();
    await card.getByText("已新建工作表「供应商评估表」", { exact: false }).waitFor();

    await page.locator('td[data-r="2"][data-c="2"]').click();
    await page.keyboard.press("F2");
    await page.locator("td input").fill("二十七");
    await page.keyboard.press("Enter");
    await page.getByRole("tab", { name: "校驗" }).click();
    await page.getByTestId("validate-button").click();
    await page.getByTestId("validate-summary").waitFor();
    const typed = page.getByTestId("finding").and(page.locator('[data-cell="供应商评估表!C2"][data-rule="type"]'));
    await settledToBe(() => typed.getByTestId("fix-hint").textContent(), "怎麼改：寫成阿拉伯數字，如 27。");
    const message =
      (await settled(
        () => typed.locator("span span").nth(1).textContent(),
        (t) => t?.includes("產品質量「二十七」不是數字") ?? false,
      )) ?? "";
    expect(message).toContain("產品質量「二十七」不是數字");
    for (const text of await page.getByTestId("fix-hint").allTextContents()) expect(text).not.toMatch(SIMPLIFIED_ONLY);
    const tabs = await page.getByRole("tablist", { name: "功能" }).allTextContents();
    expect(tabs.join("")).not.toMatch(SIMPLIFIED_ONLY);

    // Kept: the next opening speaks 繁體 at once.
    await page.reload();
    await page.getByRole("tab", { name: "設定" }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("is picked from the page's language (?lang=zh-HK, as Office's display language inside Excel)", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/preview.html?lang=zh-HK`);
    await page.getByRole("tab", { name: "文書" }).waitFor();
    await settledToBe(() => page.getByRole("tab", { name: "設定" }).count(), 1);
    await settledToBe(() => page.getByTestId("language-menu").getByRole("button", { name: "繁體" }).getAttribute("aria-pressed"), "true");
    await page.close();
  }, 60_000);
});
