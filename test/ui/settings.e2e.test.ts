/**
 * End-to-end, on the preview page: settings cannot be lost. A valid value is saved without 保存
 * (opening 校验 at once checks with it), 撤销 takes a save back, and an invalid value is kept,
 * marked, when the person opens another tab and comes back.
 */
import type http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { browserPath, closePreview, launchChromium, previewBuild, recordPageErrors, scratchDir, serve, settledToBe } from "./server";
import { describeWhen } from "../support/requires";

const suite = describeWhen(browserPath());

suite(`settings that cannot be lost`, () => {
  let out: string;
  let server: http.Server;
  let browser: Browser;

  beforeAll(async () => {
    out = scratchDir("liaison-settings-");
    server = await serve(previewBuild());
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await closePreview({ browser, server, out });
  });

  async function open(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    recordPageErrors(page, errors);
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/preview.html`);
    await page.getByTestId("grid").waitFor();
    await page
      .locator('[data-template="supplier-evaluation"]')
      .getByRole("button", { name: /插入示例/ })
      .click();
    await page.getByTestId("grid").and(page.locator('[data-sheet="供应商评估表"]')).waitFor();
    return { page, errors };
  }

  const tab = (page: Page, name: string) => page.getByRole("tablist", { name: "功能" }).getByRole("tab", { name });

  it("合格线 changed to 90 and 校验 opened at once: the check uses 90, and the field keeps it", async () => {
    const { page, errors } = await open();
    await tab(page, "设置").click();
    const form = page.getByTestId("settings-form");
    await form.locator('[data-key="threshold"]').fill("90");
    // No 保存: straight to 校验.
    await tab(page, "校验").click();
    await page.getByTestId("validate-button").click();
    await page.getByTestId("validate-summary").waitFor();
    await page
      .getByText(/低于合格线90/)
      .first()
      .waitFor();
    await settledToBe(() => page.getByText(/低于合格线80/).count(), 0);
    // Back in 设置: still 90.
    await tab(page, "设置").click();
    await settledToBe(() => form.locator('[data-key="threshold"]').inputValue(), "90");
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it("says what was saved, and 撤销 takes it back", async () => {
    const { page, errors } = await open();
    await tab(page, "设置").click();
    const form = page.getByTestId("settings-form");
    await form.locator('[data-key="minQuotes"]').fill("5");
    const status = page.getByTestId("settings-status");
    await page.getByText(/设置已保存到工作簿。.*3 → 5/).waitFor();
    await settledToBe(() => status.isVisible(), true);
    await page.getByRole("button", { name: "撤销" }).click();
    await page.getByText("已撤销，设置恢复为修改前的值。").waitFor();
    await settledToBe(() => form.locator('[data-key="minQuotes"]').inputValue(), "3");
    // The undo is in the workbook: the tab reads it back after leaving and returning.
    await tab(page, "模板").click();
    await tab(page, "设置").click();
    await settledToBe(() => page.getByTestId("settings-form").locator('[data-key="minQuotes"]').inputValue(), "3");
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it("an invalid value is not saved, and is still there (marked) after visiting another tab", async () => {
    const { page, errors } = await open();
    await tab(page, "设置").click();
    const form = page.getByTestId("settings-form");
    await form.locator('[data-key="threshold"]').fill("八十");
    await page.getByText("0–100 之间的数").waitFor();
    await page.getByText(/有 1 项设置无效，尚未保存/).waitFor();
    await tab(page, "校验").click();
    await page.getByTestId("validate-button").click();
    await page.getByTestId("validate-summary").waitFor();
    // The check used the saved value (the default 80), not the invalid text.
    await page
      .getByText(/低于合格线80/)
      .first()
      .waitFor();
    await tab(page, "设置").click();
    await settledToBe(() => page.getByTestId("settings-form").locator('[data-key="threshold"]').inputValue(), "八十");
    await page.getByText(/上次离开此页时有 1 项无效的修改/).waitFor();
    await page.getByText("0–100 之间的数").waitFor();
    // Corrected: saved without 保存.
    await page.getByTestId("settings-form").locator('[data-key="threshold"]').fill("85");
    await page.getByText(/合格线（分）：80 → 85/).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
