/**
 * Responsiveness at 50,000 rows, on the preview page (production build, headless Chromium): the
 * browser's Long Tasks API (PerformanceObserver "longtask") records every task over 50 ms while a
 * person opens a 50,000-row .xlsx, checks it (校验), clears the marks (清除标记) and edits one
 * cell, with live validation on for that range (it checks the 50,000 rows when it starts and
 * re-checks the edit). The figures (longest task and total long-task time per action, every
 * attempt) are written to test-results/ui/long-tasks.json for docs/performance.md.
 *
 * The preview's workbook lives in a Web Worker (src/preview/worker/), and 校验, the 看板 and live
 * validation run there too: what is left on the page is drawing, the pane's own work and the
 * messages to and from it.
 *
 * The budget is 200 ms for the longest task of each action, held by this test. The Long Tasks API
 * measures wall time, so a task of the page can be stretched by anything else the machine runs: an
 * action over the budget is done again, up to ATTEMPTS times, and passes when one attempt stays
 * within it. A long task the code causes comes back every time; one the machine causes does not.
 * (On an idle 2-core machine the longest tasks measure 0–160 ms, with both cores busy up to
 * 144 ms; docs/performance.md.)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { benchSheet } from "../../bench/data";
import { writeBenchXlsx } from "../../bench/xlsx";
import { browserPath, closePreview, launchChromium, previewBuild, recordPageErrors, root, scratchDir, serve } from "./server";
import { describeWhen } from "../support/requires";

const ROWS = 50_000;
const BUDGET_MS = 200;
const SHEET = "供应商评估表";
type Action = "open" | "validate" | "clear" | "edit";
/** Tries per action before it counts as over the budget (see above). */
const ATTEMPTS = 3;

const suite = describeWhen(browserPath());

declare global {
  interface Window {
    __longTasks: { start: number; duration: number }[];
    /** Each text the opening progress line showed, in order. */
    __progress: string[];
  }
}

interface Figures {
  readonly longest: number;
  readonly total: number;
  readonly count: number;
  readonly wall: number;
}

suite(`no long task over ${BUDGET_MS} ms at ${ROWS.toLocaleString("en-US")} rows`, () => {
  let out: string;
  let server: http.Server;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const figures: Partial<Record<Action, Figures[]>> = {};
  let url: string;

  beforeAll(async () => {
    out = scratchDir("liaison-longtasks-");
    server = await serve(previewBuild());
    browser = await launchChromium();
    await writeBenchXlsx(benchSheet("supplier-evaluation", ROWS), SHEET, path.join(out, "big.xlsx"));
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    recordPageErrors(page, errors);
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: "longtask", buffered: true });
    });
    const { port } = server.address() as AddressInfo;
    url = `http://127.0.0.1:${port}/preview.html`;
    await page.goto(url);
    await page.getByTestId("grid").waitFor();
    await page.getByTestId("first-run").getByRole("button", { name: "跳过" }).click();
    // 实时校验 for every table, so the 50,000-row range (a plain range, not a table Liaison made)
    // is re-checked as it is edited: the preference stays in the page's storage, as in Excel.
    await page.locator("#liaison-tab-settings").click();
    await page.getByTestId("live-setting").getByText("所有表格").click();
  }, 300_000);

  afterAll(async () => {
    const dir = path.join(root, "test-results", "ui");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "long-tasks.json"), `${JSON.stringify({ rows: ROWS, budgetMs: BUDGET_MS, figures }, null, 2)}\n`);
    await closePreview({ browser, server, out });
  });

  /** Runs `act` and returns the long tasks that started while it ran (and until the page settled). */
  async function measure(action: Action, act: () => Promise<void>): Promise<Figures> {
    const from = await page.evaluate(() => performance.now());
    const t0 = Date.now();
    await act();
    const wall = Date.now() - t0;
    // Let the last frame and any trailing task finish, so they are counted.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    const tasks = await page.evaluate((since) => window.__longTasks.filter((t) => t.start >= since), from);
    const result = {
      longest: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
      total: Math.round(tasks.reduce((n, t) => n + t.duration, 0)),
      count: tasks.length,
      wall,
    };
    (figures[action] ??= []).push(result);
    console.log(`${action}: ${JSON.stringify(result)}`);
    return result;
  }

  /**
   * One action, measured; done again (after `again`, which puts the page back where the action
   * starts) while it is over the budget, up to ATTEMPTS times. Every attempt must complete.
   */
  const check = (action: Action, name: string, act: () => Promise<void>, again: () => Promise<void> = async () => undefined) =>
    it(
      name,
      async () => {
        let best = Infinity;
        for (let attempt = 1; attempt <= ATTEMPTS && best > BUDGET_MS; attempt++) {
          if (attempt > 1) await again();
          const f = await measure(action, act);
          expect(f.wall).toBeGreaterThan(0);
          best = Math.min(best, f.longest);
        }
        expect(best).toBeLessThanOrEqual(BUDGET_MS);
      },
      600_000,
    );

  check(
    "open",
    "opening the file",
    async () => {
      await page.evaluate(() => {
        window.__progress = [];
        new MutationObserver(() => {
          const text = document.querySelector('[data-testid="open-progress"]')?.textContent ?? "";
          if (text && text !== window.__progress[window.__progress.length - 1]) window.__progress.push(text);
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await page.getByTestId("open-input").setInputFiles(path.join(out, "big.xlsx"));
      await page
        .getByTestId("grid")
        .and(page.locator(`[data-sheet="${SHEET}"]`))
        .waitFor({ timeout: 240_000 });
    },
    async () => {
      // A fresh page (the introduction was skipped once and stays skipped), to open the file again.
      await page.goto(url);
      await page.getByTestId("grid").waitFor();
    },
  );

  it("showed progress that moves while opening, numbers written as the pane writes them", async () => {
    const seen = await page.evaluate(() => window.__progress);
    expect(seen[0]).toMatch(/^正在打开“big\.xlsx”：解压 [\d,]+ KB/);
    // The sheet part read in steps: several lines for the one sheet, ending with all of it read.
    const reading = seen.filter((s) => s.includes("读取第 1/1 个工作表"));
    expect(reading.length).toBeGreaterThan(2);
    const last = /(\d[\d,]*) \/ (\d[\d,]*) KB/.exec(reading[reading.length - 1]);
    expect(last?.[1]).toBe(last?.[2]);
    // Thousands grouped as the summary groups them (the 50,000-row sheet part is megabytes).
    expect(last?.[2]).toMatch(/^\d{1,3}(,\d{3})+$/);
    await expect(page.getByTestId("open-progress").count()).resolves.toBe(0);
  });

  /**
   * Live validation started again and on (a check or 清除标记 changed the workbook through the pane,
   * and the session starts again from it: the 50,000 rows checked in full, in the worker).
   */
  const liveOn = () => page.locator('[data-testid="live-status"][data-status="on"]').waitFor({ timeout: 240_000 });

  /** 校验, until this run's summary shows (a summary left by an earlier run goes while it runs). */
  const validate = async () => {
    const earlier = await page.$('[data-testid="validate-summary"]');
    await page.getByTestId("validate-button").click();
    if (earlier) await earlier.waitForElementState("hidden", { timeout: 240_000 });
    await page.getByTestId("validate-summary").waitFor({ timeout: 240_000 });
    await liveOn();
  };

  check(
    "validate",
    "校验",
    async () => {
      await page.locator("#liaison-tab-validate").click();
      await validate();
    },
    // Checked again from no marks, as the first time.
    async () => {
      await page.getByTestId("clear-marks-button").click();
      await page.getByText("已清除所有校验标记。").waitFor({ timeout: 240_000 });
      await liveOn();
    },
  );

  check(
    "clear",
    "清除标记",
    async () => {
      await page.getByTestId("clear-marks-button").click();
      await page.getByText("已清除所有校验标记。").waitFor({ timeout: 240_000 });
      await liveOn();
    },
    // Marked again, to clear again.
    validate,
  );

  let edits = 0;
  const TEXTS = ["二十七", "二十八", "二十九"];
  check("edit", "one live edit", async () => {
    const text = TEXTS[edits++ % TEXTS.length];
    const status = page.locator('[data-testid="live-status"][data-status="on"]');
    const rechecks = Number(await status.getAttribute("data-rechecks"));
    await page.locator('td[data-r="2"][data-c="2"]').click();
    await page.keyboard.press("F2");
    await page.locator("td input").fill(text);
    await page.keyboard.press("Enter");
    await page.locator('td[data-r="2"][data-c="2"]', { hasText: text }).waitFor({ timeout: 240_000 });
    // Re-checked live: the 50,000-row table's findings now say C2 (产品质量) is not a number.
    await page.locator(`[data-testid="live-status"][data-rechecks="${rechecks + 1}"]`).waitFor({ timeout: 240_000 });
    await page.locator(`[data-testid="finding"][data-cell="${SHEET}!C2"]`).waitFor({ timeout: 240_000 });
  });

  it("re-checked the edit live, in the 50,000-row table", async () => {
    await expect(page.locator(`[data-testid="finding"][data-cell="${SHEET}!C2"][data-rule="type"]`).count()).resolves.toBe(1);
  });

  it("had no page errors", () => {
    expect(errors).toEqual([]);
  });
});
