/**
 * End-to-end: 催办消息 on the 文书 tab of the preview page (production build, headless Chromium).
 * Inserts 待办事项 with the manual's examples, copies the reminder digest (read back from the
 * clipboard) and opens the per-owner e-mail drafts (mailto: links). The screenshot goes to
 * test-results/ui/ (or $LIAISON_SCREENSHOTS); `npm run screenshots` copies it to docs/screenshots/remind-pane.png.
 */
import { mkdirSync } from "node:fs";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describeWhen } from "../support/requires";
import {
  browserPath,
  closePreview,
  launchChromium,
  previewBuild,
  recordPageErrors,
  screenshotsDir,
  serve,
  settled,
  settledToContain,
} from "./server";

const shots = screenshotsDir();
const suite = describeWhen(browserPath());

suite("reminders on the preview page, production build, headless Chromium", () => {
  let server: http.Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await serve(previewBuild());
    browser = await launchChromium();
    const { port } = server.address() as AddressInfo;
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: `http://127.0.0.1:${port}` });
    page = await context.newPage();
    recordPageErrors(page, pageErrors);
    mkdirSync(shots, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await closePreview({ browser, server });
  });

  it("copies the digest of the open items and lists one mailto: draft per owner; says the robots are CLI-only", async () => {
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/preview.html`);
    await page.getByTestId("grid").waitFor();
    await page.locator('[data-template="action-items"]').getByRole("button", { name: /示例/ }).click();
    await page.getByTestId("grid").and(page.locator('[data-sheet="待办事项"]')).waitFor();

    await page.getByRole("tab", { name: "文书" }).click();
    const panel = page.getByTestId("remind");
    await settledToContain(() => panel.textContent(), "群机器人（企业微信、钉钉、飞书）只从命令行 liaison remind 发送");

    await panel.getByRole("button", { name: "复制催办消息" }).click();
    const status = panel.getByRole("status");
    expect(
      await settled(
        () => status.textContent(),
        (t) => /^已复制3项的催办消息/.test(t ?? ""),
      ),
    ).toMatch(/^已复制3项的催办消息/);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const lines = copied.split("\n");
    expect(lines[0]).toMatch(/^催办提醒（\d{4}年\d{1,2}月\d{1,2}日）$/);
    expect(copied).toContain("【问责】评估开发周期并提交排期表｜截止2024年9月30日");
    expect(copied).toContain("待办事项 › 第3行");

    await panel.getByRole("button", { name: "发邮件" }).click();
    const links = panel.getByRole("link");
    await links.first().waitFor();
    const hrefs = await settled(
      () => links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? "")),
      (all) => all.length === 3,
    );
    expect(hrefs).toHaveLength(3);
    expect(hrefs.every((h) => h.startsWith("mailto:?subject="))).toBe(true);
    expect(decodeURIComponent(hrefs[0].split("subject=")[1].split("&")[0])).toMatch(/^【催办】.+：1项待办/);
    await settledToContain(() => panel.textContent(), "本工作簿没有“通讯录”表");

    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: path.join(shots, "remind-pane.png") });
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
