/**
 * End-to-end, on the preview page: every finding says how to fix it (怎么改), in the reader's
 * language, with the column named as the reader names it; the summary stays true after 清除标记.
 */
import type http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
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
const SHEET = "供应商评估表";

suite(`findings say how to fix them`, () => {
  let out: string;
  let server: http.Server;
  let browser: Browser;

  beforeAll(async () => {
    out = scratchDir("liaison-findings-");
    server = await serve(previewBuild());
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await closePreview({ browser, server, out });
  });

  /** 供应商评估表 with the manual's examples, 产品质量 of the first supplier typed in words, then 校验. */
  async function checked(query: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    recordPageErrors(page, errors);
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/preview.html${query}`);
    await page.getByTestId("grid").waitFor();
    await page.locator('[data-template="supplier-evaluation"] button').first().click();
    await page
      .getByTestId("grid")
      .and(page.locator(`[data-sheet="${SHEET}"]`))
      .waitFor();
    await page.locator('td[data-r="2"][data-c="2"]').click();
    await page.keyboard.press("F2");
    await page.locator("td input").fill("二十七");
    await page.keyboard.press("Enter");
    await page.locator("#liaison-tab-validate").click();
    await page.getByTestId("validate-button").click();
    await page.getByTestId("validate-summary").waitFor();
    return { page, errors };
  }

  it("in Chinese: 产品质量“二十七” → 写成阿拉伯数字，如 27; every finding has a hint; the count goes after 清除标记", async () => {
    const { page, errors } = await checked("");
    const typed = page.getByTestId("finding").and(page.locator(`[data-cell="${SHEET}!C2"][data-rule="type"]`));
    await settledToBe(() => typed.getByTestId("fix-hint").textContent(), "怎么改：写成阿拉伯数字，如 27。");
    const findings = await settled(
      () => page.getByTestId("finding").count(),
      (n) => n > 1,
    );
    expect(findings).toBeGreaterThan(1);
    await settledToBe(() => page.getByTestId("fix-hint").count(), findings);
    expect(
      await settled(
        () => page.getByTestId("validate-summary").textContent(),
        (v) => /标记了 \d+ 个单元格/.test(v ?? ""),
      ),
    ).toMatch(/标记了 \d+ 个单元格/);
    await page.getByTestId("clear-marks-button").click();
    await page.getByText("已清除所有校验标记。").waitFor();
    const summary =
      (await settled(
        () => page.getByTestId("validate-summary").textContent(),
        (t) => !/标记了/.test(t ?? "") && (t?.includes("标记已清除") ?? false),
      )) ?? "";
    expect(summary).not.toMatch(/标记了/);
    expect(summary).toContain("标记已清除");
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it("in English: the column is the template's English header and the hint is English", async () => {
    const { page, errors } = await checked("?lang=en-US");
    const typed = page.getByTestId("finding").and(page.locator(`[data-cell="${SHEET}!C2"][data-rule="type"]`));
    await settledToBe(() => typed.getByTestId("fix-hint").textContent(), "How to fix: Write it in digits, e.g. 27.");
    const where =
      (await settled(
        () => typed.locator("span span").first().textContent(),
        (t) => t === "C2 · Quality · Format",
      )) ?? "";
    expect(where).toBe("C2 · Quality · Format");
    expect(where).not.toMatch(HAN);
    for (const hint of await page.getByTestId("fix-hint").allTextContents()) expect(hint).not.toMatch(HAN);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
