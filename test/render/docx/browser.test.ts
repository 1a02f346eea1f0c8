import path from "node:path";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";
import { CHROMIUM, describeWhen, requireTool } from "../../support/requires";
import { openDocx, paragraphs, tables } from "./ooxml";

/**
 * The renderer in a browser, as the task pane runs it: bundled for the browser platform (so any
 * Node built-in it reached for would fail the bundle) and run in headless Chromium.
 */
const BROWSER = requireTool("Chromium", CHROMIUM, "Install it: apt-get install chromium.");
const suite = describeWhen(BROWSER);

suite("renderDocx in headless Chromium", () => {
  let browser: Browser;
  afterAll(async () => {
    await browser?.close();
  });

  it("bundles without Node built-ins and renders the same document in the page", async () => {
    const bundle = await build({
      entryPoints: [path.join(__dirname, "browser-entry.ts")],
      bundle: true,
      platform: "browser",
      format: "iife",
      write: false,
      logLevel: "silent",
    });
    browser = await chromium.launch({
      executablePath: BROWSER,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.setContent("<!doctype html><meta charset=utf-8><title>docx</title>");
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    const bytes = await page.evaluate(() => window.renderFixtures());
    expect(errors).toEqual([]);

    const docx = openDocx(Uint8Array.from(bytes));
    expect(paragraphs(docx.document)[0]).toBe("整改通知书");
    expect(tables(docx.document).flat(2)).toContain('=HYPERLINK("x")');
    expect(docx.footers).toHaveLength(3);
  }, 120_000);
});
