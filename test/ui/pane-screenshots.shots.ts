/**
 * Screenshots of what issue 14 added, for the README's gallery: run explicitly with
 * `npm run screenshots:pane` (never part of `npm test`: the file does not match *.test.ts). Writes
 * docs/screenshots/pane-*.png (the task pane only, at Excel's 360 px pane width):
 *   pane-first-run-zh.png   the first-run introduction (zh-CN)
 *   pane-insert-all-en.png  insert all, its result beside the buttons, plain sources (en-US)
 *   pane-fix-hints-tw.png   findings with 怎麼改 hints (zh-TW)
 *   pane-settings-dark.png  a setting saved as typed, with 撤銷 (zh-CN, dark)
 *   pane-dashboard-zh.png   看板 on the examples: by 负责人, by department (zh-CN)
 *   pane-dashboard-en.png   Dashboard: overdue and escalations by month, a mark clicked and its findings (en-US)
 *   pane-dashboard-tw.png   看板: supplier scores against 合格線 by period (zh-TW)
 *   pane-dashboard-dark.png 看板 after 写入看板工作表: the sheet written, charts Excel-only (zh-CN, dark)
 *   pane-first-run-en.png   the first-run introduction (en-US)
 *
 * With LIAISON_SCREENSHOTS set (scripts/screenshots.mjs, or a look at them in test-results/) they
 * go there instead; with LIAISON_PREVIEW_BUILD set, that build is served instead of a new one.
 */
import { mkdirSync } from "node:fs";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { buildPreview, closePreview, launchChromium, root, serve } from "./server";
import { TEMPLATES } from "../../src/core/templates";

const dir = process.env.LIAISON_SCREENSHOTS ?? path.join(root, "docs", "screenshots");

describe("pane screenshots (docs/screenshots/pane-*.png)", () => {
  let out: string | undefined;
  let server: http.Server;
  let browser: Browser;

  beforeAll(async () => {
    // A build given (LIAISON_PREVIEW_BUILD) is served as is; otherwise this file makes (and removes) its own.
    const build = process.env.LIAISON_PREVIEW_BUILD ?? (out = buildPreview("liaison-shots-"));
    server = await serve(build);
    browser = await launchChromium();
    mkdirSync(dir, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await closePreview({ browser, server, out });
  });

  async function open(query: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/preview.html${query}`);
    await page.getByTestId("grid").waitFor();
    return page;
  }
  const shoot = (page: Page, name: string) => page.locator("aside").screenshot({ path: path.join(dir, name) });

  it("first run (zh-CN)", async () => {
    const page = await open("");
    await page.getByTestId("first-run").waitFor();
    await shoot(page, "pane-first-run-zh.png");
  }, 60_000);

  it("insert all (en-US)", async () => {
    const page = await open("?lang=en-US");
    await page.getByTestId("first-run").getByRole("button", { name: "Skip" }).click();
    await page.getByRole("button", { name: "Insert all, empty" }).click();
    await page.getByTestId("insert-all-done").waitFor({ timeout: 60_000 });
    await shoot(page, "pane-insert-all-en.png");
  }, 90_000);

  it("fix hints (zh-TW)", async () => {
    const page = await open("?lang=zh-TW");
    await page.getByTestId("first-run").getByRole("button", { name: "跳過" }).click();
    await page.locator('[data-template="supplier-evaluation"] button').first().click();
    await page.getByTestId("grid").and(page.locator('[data-sheet="供应商评估表"]')).waitFor();
    await page.locator('td[data-r="2"][data-c="2"]').click();
    await page.keyboard.press("F2");
    await page.locator("td input").fill("二十七");
    await page.keyboard.press("Enter");
    await page.locator("#liaison-tab-validate").click();
    await page.getByTestId("validate-button").click();
    await page.getByTestId("validate-summary").waitFor();
    await page.getByTestId("findings").scrollIntoViewIfNeeded();
    await shoot(page, "pane-fix-hints-tw.png");
  }, 90_000);

  it("settings saved as typed (zh-CN, dark)", async () => {
    const page = await open("?theme=dark");
    await page.getByTestId("first-run").getByRole("button", { name: "跳过" }).click();
    await page.locator("#liaison-tab-settings").click();
    await page.getByTestId("settings-form").locator('[data-key="threshold"]').fill("85");
    await page.getByTestId("settings-status").waitFor();
    await shoot(page, "pane-settings-dark.png");
  }, 60_000);

  it("first run (en-US)", async () => {
    const page = await open("?lang=en-US");
    await page.getByTestId("first-run").waitFor();
    await shoot(page, "pane-first-run-en.png");
  }, 60_000);

  /** 在示例上试试 (every template with its examples), then the 看板 tab with its figures drawn. */
  async function dashboard(query: string): Promise<Page> {
    const page = await open(query);
    await page.getByTestId("first-run").getByRole("button").first().click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="sheet-tabs"] [role="tab"]').length > n, TEMPLATES.length, {
      timeout: 60_000,
    });
    await page.locator("#liaison-tab-dashboard").click();
    await page.getByTestId("dashboard-chart-scores").waitFor({ timeout: 60_000 });
    return page;
  }

  it("dashboard by owner and department (zh-CN)", async () => {
    const page = await dashboard("");
    await page.getByTestId("dashboard-card-owners").scrollIntoViewIfNeeded();
    await shoot(page, "pane-dashboard-zh.png");
  }, 120_000);

  it("dashboard: a month's mark clicked, its findings listed (en-US)", async () => {
    const page = await dashboard("?lang=en-US");
    await page.getByTestId("dashboard-chart-months").locator('rect[role="option"]').first().click();
    await page.getByTestId("dashboard-selection").waitFor();
    // The pointer leaves the chart, so its bars are drawn as they are, not dimmed around a hover.
    await page.mouse.move(0, 0);
    await page.getByTestId("dashboard-card-months").evaluate((el) => el.scrollIntoView({ block: "start" }));
    await shoot(page, "pane-dashboard-en.png");
  }, 120_000);

  it("dashboard: supplier scores against the pass mark (zh-TW)", async () => {
    const page = await dashboard("?lang=zh-TW");
    await page.getByTestId("dashboard-card-scores").evaluate((el) => el.scrollIntoView({ block: "start" }));
    await shoot(page, "pane-dashboard-tw.png");
  }, 120_000);

  it("dashboard written as a sheet (zh-CN, dark)", async () => {
    const page = await dashboard("?theme=dark");
    await page.getByTestId("dashboard-write").click();
    await page.getByTestId("dashboard-written").waitFor();
    await page.getByTestId("grid").and(page.locator('[data-sheet="看板"]')).waitFor();
    await page.locator("body").screenshot({ path: path.join(dir, "pane-dashboard-dark.png") });
  }, 120_000);
});
