/**
 * End-to-end, on the preview page (production build, headless Chromium): the first-run
 * introduction is shown the first time only and can be skipped; "在示例上试试" inserts every
 * template; the gallery's "insert all", search and plain-language sources; an insert's result is
 * shown where the eye is (in view, naming the sheet, not the internal table name).
 */
import type http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { TEMPLATES } from "../../src/core/templates";
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
const HAN = /[\u3400-\u9fff]/;

suite(`first run and the template gallery`, () => {
  let out: string;
  let server: http.Server;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    out = scratchDir("liaison-first-run-");
    server = await serve(previewBuild());
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await closePreview({ browser, server, out });
  });

  /** A new person: a browser context of its own (empty storage), pane 360 px high to make "the fold" real. */
  async function person(query = "", height = 900): Promise<{ context: BrowserContext; page: Page; errors: string[]; url: string }> {
    const context = await browser.newContext({ viewport: { width: 1400, height } });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    recordPageErrors(page, errors);
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/preview.html${query}`;
    await page.goto(url);
    await page.getByTestId("grid").waitFor();
    return { context, page, errors, url };
  }

  it("shows the introduction once, and 跳过 hides it", async () => {
    const { page, errors, url } = await person();
    const intro = page.getByTestId("first-run");
    await intro.waitFor();
    await settledToBe(() => intro.getByRole("heading", { name: "把沟通手册变成能检查的 Excel 表格" }).count(), 1);
    await settledToBe(() => intro.locator("ol > li").count(), 3);
    await intro.getByRole("button", { name: "跳过" }).click();
    await settledToBe(() => intro.count(), 0);
    // The gallery is still there, unchanged.
    await page.locator('[data-template="supplier-evaluation"]').waitFor();
    // Opened again (same person): not shown again.
    await page.goto(url);
    await page.locator("[data-template]").first().waitFor();
    await settledToBe(() => page.getByTestId("first-run").count(), 0);
    expect(errors).toEqual([]);
  }, 60_000);

  it("is shown once even when not skipped: the next opening goes straight to the gallery", async () => {
    const { page, url } = await person("?lang=en-US");
    const intro = page.getByTestId("first-run");
    await intro.waitFor();
    await expect(intro.textContent()).resolves.not.toMatch(HAN);
    await page.goto(url);
    await page.locator("[data-template]").first().waitFor();
    await settledToBe(() => page.getByTestId("first-run").count(), 0);
  }, 60_000);

  it("stays out of the way: it belongs to the first tab and goes for good at the first switch to another tab", async () => {
    const { page, errors, url } = await person();
    const intro = page.getByTestId("first-run");
    await intro.waitFor();
    // Opening 设置 (not pressing 跳过) dismisses it: not on that tab, …
    await page.getByRole("tab", { name: "设置" }).click();
    await page.getByRole("tabpanel").getByText("合格线", { exact: false }).first().waitFor();
    await settledToBe(() => intro.count(), 0);
    // … nor back on 模板, where the gallery now starts at the top of the pane.
    await page.getByRole("tab", { name: "模板" }).click();
    await page.locator('[data-template="supplier-evaluation"]').waitFor();
    await settledToBe(() => intro.count(), 0);
    // Nor at the next opening.
    await page.goto(url);
    await page.locator("[data-template]").first().waitFor();
    await settledToBe(() => page.getByTestId("first-run").count(), 0);
    expect(errors).toEqual([]);
  }, 60_000);

  it("在示例上试试 inserts every template with its examples, then 去校验 opens 校验", async () => {
    const { page, errors } = await person();
    const intro = page.getByTestId("first-run");
    await intro.getByRole("button", { name: "在示例上试试" }).click();
    await intro.getByText(`已插入 ${TEMPLATES.length} 张示例工作表`, { exact: false }).waitFor({ timeout: 30_000 });
    // The preview redraws its sheet tabs after the change: wait for each.
    const sheets = page.getByTestId("sheet-tabs").getByRole("tab");
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="sheet-tabs"] [role="tab"]').length > n, TEMPLATES.length);
    // One new sheet per template beside the sample sheet (names may be adjusted to what a sheet name allows).
    await settledToBe(() => sheets.count(), TEMPLATES.length + 1);
    await settledToBe(() => sheets.filter({ hasText: "供应商评估表" }).count(), 1);
    await intro.getByRole("button", { name: "去校验" }).click();
    await page.getByTestId("validate-button").waitFor();
    await settledToBe(() => page.getByTestId("first-run").count(), 0);
    expect(errors).toEqual([]);
  }, 90_000);

  it("全部插入空表 makes one sheet per template and says so beside the button, naming the sheets", async () => {
    const { page, errors } = await person("", 600);
    await page.getByTestId("first-run").getByRole("button", { name: "跳过" }).click();
    await page.getByRole("button", { name: "全部插入空表" }).click();
    const done = page.getByTestId("insert-all-done");
    await done.waitFor({ timeout: 30_000 });
    const text =
      (await settled(
        () => done.textContent(),
        (t) =>
          (t?.includes(`已新建 ${TEMPLATES.length} 张工作表`) ?? false) &&
          (t?.includes("“供应商评估表”") ?? false) &&
          !(t?.includes("SupplierEvaluation") ?? false),
      )) ?? "";
    expect(text).toContain(`已新建 ${TEMPLATES.length} 张工作表`);
    expect(text).toContain("“供应商评估表”");
    expect(text).not.toContain("SupplierEvaluation");
    await settledToBe(() => done.isVisible(), true);
    // In view without scrolling: inside the pane's visible area.
    const inView = await settled(
      () =>
        done.evaluate((el) => {
          const r = el.getBoundingClientRect();
          const pane = el.closest("main")?.getBoundingClientRect();
          return pane !== undefined && r.top >= pane.top && r.bottom <= pane.bottom;
        }),
      (v) => v,
    );
    expect(inView).toBe(true);
    expect(errors).toEqual([]);
  }, 90_000);

  it("a card's insert result is in view and names the sheet, not the table", async () => {
    const { page } = await person("", 600);
    await page.getByTestId("first-run").getByRole("button", { name: "跳过" }).click();
    // The last card: its result would fall below the fold without scrolling.
    const card = page.locator('[data-template="incidents"]');
    await card.getByRole("button", { name: /插入示例/ }).click();
    const status = card.getByRole("status");
    await status.waitFor();
    expect(
      await settled(
        () => status.textContent(),
        (v) => /^已新建工作表“紧急事件记录”，含 \d+ 行示例/.test(v ?? ""),
      ),
    ).toMatch(/^已新建工作表“紧急事件记录”，含 \d+ 行示例/);
    const inView = await settled(
      () =>
        status.evaluate((el) => {
          const r = el.getBoundingClientRect();
          const pane = el.closest("main")?.getBoundingClientRect();
          return pane !== undefined && r.top >= pane.top && r.bottom <= pane.bottom;
        }),
      (v) => v,
    );
    expect(inView).toBe(true);
  }, 60_000);

  it("searches the gallery and shows plain-language sources in the pane's language", async () => {
    const { page } = await person();
    await page.getByTestId("first-run").getByRole("button", { name: "跳过" }).click();
    await settledToBe(() => page.locator('[data-template="collab-request"]').getByText("出处：指南 表1 · 跨部门项目协作").count(), 1);
    const search = page.getByRole("searchbox", { name: "搜索模板" });
    await search.fill("总分");
    expect(
      await settled(
        () => page.locator("[data-template]").evaluateAll((els) => els.map((e) => e.getAttribute("data-template"))),
        (ids) => ids.length === 1 && ids[0] === "supplier-evaluation",
      ),
    ).toEqual(["supplier-evaluation"]);
    await search.fill("供应商");
    // Until the list follows the new words it still shows the one match of 总分.
    const n = await settled(
      () => page.locator("[data-template]").count(),
      (count) => count > 1 && count < TEMPLATES.length,
    );
    expect(n).toBeGreaterThan(1);
    expect(n).toBeLessThan(TEMPLATES.length);
    await page.getByText(`显示 ${n} / ${TEMPLATES.length} 个模板`).waitFor();
    await search.fill("不存在的东西");
    await page.getByText("没有与“不存在的东西”相符的模板。").waitFor();

    const en = await person("?lang=en-US");
    await en.page.getByTestId("first-run").getByRole("button", { name: "Skip" }).click();
    const source = en.page.locator('[data-template="collab-request"]').getByText(/^Source: /);
    await settledToBe(() => source.textContent(), "Source: Guide, table 1 · Cross-department projects");
    for (const text of await en.page.getByText(/^Source: /).allTextContents()) expect(text).not.toMatch(HAN);
  }, 60_000);
});
