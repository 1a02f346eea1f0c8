/**
 * 看板 end to end, on the preview page (production build, headless Chromium): on the examples
 * (在示例上试试), the 看板's figures equal the findings 校验 lists; a click on a chart's mark lists
 * exactly its findings; 写入看板工作表 writes a 看板 sheet into the preview's grid and says charts
 * are drawn in Excel only; and the same in 繁體中文.
 */
import type http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { TEMPLATES } from "../../src/core/templates";
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

const suite = describeWhen(browserPath());
/** Characters that exist only in simplified form (as zh-tw.e2e.test.ts): none may appear in 繁體 text. */
const SIMPLIFIED_ONLY = /[设这个说让们时从为对点图单库项规则检数据号码证书录负责门级]/;
const shots = screenshotsDir("dashboard");

interface Seen {
  readonly cell: string;
  readonly rule: string;
}

suite(`看板 (dashboard)`, () => {
  let out: string;
  let server: http.Server;
  let browser: Browser;

  beforeAll(async () => {
    out = scratchDir("liaison-dashboard-");
    server = await serve(previewBuild());
    mkdirSync(shots, { recursive: true });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await closePreview({ browser, server, out });
  });

  /** A new person on the preview with every template's examples inserted (the first run's 在示例上试试). */
  async function withExamples(query: string): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const errors: string[] = [];
    recordPageErrors(page, errors);
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/preview.html${query}`);
    await page.getByTestId("grid").waitFor();
    const intro = page.getByTestId("first-run");
    await intro.getByRole("button").first().click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="sheet-tabs"] [role="tab"]').length > n, TEMPLATES.length, {
      timeout: 30_000,
    });
    return { page, errors };
  }

  /** Every finding 校验 lists after a run: cell and rule. */
  async function validateFindings(page: Page, tabName: string): Promise<Seen[]> {
    await page.getByRole("tab", { name: tabName }).click();
    await page.getByTestId("validate-button").click();
    await page.getByTestId("validate-summary").waitFor();
    return page
      .getByTestId("findings")
      .getByTestId("finding")
      .evaluateAll((els) => els.map((e) => ({ cell: e.getAttribute("data-cell") ?? "", rule: e.getAttribute("data-rule") ?? "" })));
  }

  async function openDashboard(page: Page): Promise<void> {
    await page.locator("#liaison-tab-dashboard").click();
    await page.getByTestId("dashboard-totals").waitFor({ timeout: 30_000 });
  }

  it("shows figures equal to the findings; a mark leads to exactly its findings; 写入看板工作表 writes the table and says charts are Excel-only", async () => {
    const { page, errors } = await withExamples("?lang=zh-CN");
    const seen = await validateFindings(page, "校验");
    const count = (rule: string) => seen.filter((f) => f.rule === rule).length;
    expect(count("overdue") + count("escalation")).toBeGreaterThan(0);

    await openDashboard(page);
    const totals = page.getByTestId("dashboard-totals");
    await settledToBe(() => totals.getAttribute("data-overdue"), String(count("overdue")));
    await settledToBe(() => totals.getAttribute("data-escalation"), String(count("escalation")));
    await settledToBe(() => totals.getAttribute("data-below"), String(count("threshold")));
    await settledToContain(() => totals.textContent(), `逾期 ${count("overdue")} 项`);
    await settledToContain(() => page.getByTestId("dashboard-note").textContent(), "合格线 80 分");
    await page.screenshot({ path: path.join(shots, "dashboard-zh.png"), fullPage: true });

    // Every chart drew its marks; each mark names its findings' count.
    for (const id of ["owners", "departments", "months", "scores"]) {
      expect(
        await settled(
          () => page.getByTestId(`dashboard-chart-${id}`).locator('[role="option"]').count(),
          (v) => v > 0,
        ),
      ).toBeGreaterThan(0);
    }
    // The months chart's marks add up to the overdue and escalation findings.
    const monthSum = (labels: string[]) => labels.reduce((n, l) => n + Number(/：(\d+) 个问题/.exec(l)?.[1] ?? NaN), 0);
    const monthLabels = await settled(
      () =>
        page
          .getByTestId("dashboard-chart-months")
          .locator('rect[role="option"]')
          .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? "")),
      (labels) => monthSum(labels) === count("overdue") + count("escalation"),
    );
    expect(monthSum(monthLabels)).toBe(count("overdue") + count("escalation"));

    // Click a person's 逾期 (or 升级) segment: its findings are listed under the chart.
    const mark = page
      .getByTestId("dashboard-chart-owners")
      .locator('rect[role="option"][aria-label*="逾期"], rect[role="option"][aria-label*="升级"]')
      .first();
    const label = (await mark.getAttribute("aria-label")) ?? "";
    const n = Number(/：(\d+) 个问题/.exec(label)?.[1]);
    expect(n).toBeGreaterThan(0);
    await mark.click();
    const selection = page.getByTestId("dashboard-selection");
    await selection.waitFor();
    await settledToBe(() => selection.getByRole("status").first().textContent(), label);
    const listed = await settled(
      () =>
        selection
          .getByTestId("finding")
          .evaluateAll((els) => els.map((e) => ({ cell: e.getAttribute("data-cell") ?? "", rule: e.getAttribute("data-rule") ?? "" }))),
      (found) => found.length === n,
    );
    expect(listed).toHaveLength(n);
    const rule = label.includes("逾期") ? "overdue" : "escalation";
    for (const f of listed) {
      expect(f.rule).toBe(rule);
      expect(seen).toContainEqual(f);
    }
    // A listed finding selects its cell in the grid, as on 校验.
    await selection.getByTestId("finding").first().click();
    const [sheet] = listed[0].cell.split("!");
    await page
      .getByTestId("grid")
      .and(page.locator(`[data-sheet="${sheet}"]`))
      .waitFor();

    // 写入看板工作表: a new sheet 看板 in the grid, and the pane says charts are drawn in Excel only.
    await page.getByTestId("dashboard-write").click();
    const written = page.getByTestId("dashboard-written");
    await written.waitFor();
    await settledToContain(() => written.textContent(), "图表只在 Excel 里绘制");
    await settledToContain(() => written.textContent(), "“看板”");
    await page.getByTestId("grid").and(page.locator('[data-sheet="看板"]')).waitFor();
    await settledToBe(() => page.locator('td[data-r="5"][data-c="0"]').textContent(), "按负责人");
    await settledToBe(() => page.locator('td[data-r="6"][data-c="5"]').textContent(), "合计");
    // Written again: 看板 (2), the first one untouched.
    await page.getByTestId("dashboard-write").click();
    await page.getByTestId("grid").and(page.locator('[data-sheet="看板 (2)"]')).waitFor();
    await page.screenshot({ path: path.join(shots, "dashboard-written-zh.png") });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it("繁體中文 end to end on the 看板 tab", async () => {
    const { page, errors } = await withExamples("?lang=zh-TW");
    const seen = await validateFindings(page, "校驗");
    await openDashboard(page);
    const tab = page.getByTestId("dashboard");
    await settledToBe(
      () => page.getByTestId("dashboard-totals").getAttribute("data-overdue"),
      String(seen.filter((f) => f.rule === "overdue").length),
    );
    await settledToBe(() => tab.getByRole("heading", { name: "按負責人" }).count(), 1);
    await settledToBe(() => tab.getByRole("heading", { name: "按部門" }).count(), 1);
    // The pane's own words on the tab (not the workbook's data: people's names, sheet names) are Traditional.
    const own = [
      await page.getByTestId("dashboard-totals").textContent(),
      await page.getByTestId("dashboard-note").textContent(),
      await page.getByTestId("dashboard-write").textContent(),
      ...(await tab.getByRole("heading").allTextContents()),
    ].join("");
    expect(own).not.toMatch(SIMPLIFIED_ONLY);
    // By keyboard: a mark focused and Enter lists its findings, as a click does.
    const mark = page.getByTestId("dashboard-chart-scores").locator('rect[role="option"]').last();
    const label =
      (await settled(
        () => mark.getAttribute("aria-label"),
        (v) => /^2024Q1 · 低於合格線 \d+：\d+ 個問題$/.test(v ?? ""),
      )) ?? "";
    expect(label).toMatch(/^2024Q1 · 低於合格線 \d+：\d+ 個問題$/);
    await mark.focus();
    await page.keyboard.press("Enter");
    await settledToBe(() => page.getByTestId("dashboard-selection").getByRole("status").first().textContent(), label);
    await page.getByTestId("dashboard-write").click();
    const written = page.getByTestId("dashboard-written");
    await written.waitFor();
    await settledToContain(() => written.textContent(), "圖表只在 Excel 裡繪製");
    await page.getByTestId("grid").and(page.locator('[data-sheet="看板"]')).waitFor();
    await settledToBe(() => page.locator('td[data-r="5"][data-c="0"]').textContent(), "按負責人");
    await page.screenshot({ path: path.join(shots, "dashboard-tw.png") });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
