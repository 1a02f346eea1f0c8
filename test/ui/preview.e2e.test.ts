/**
 * End-to-end: the production build of the preview page in headless Chromium. Builds the preview
 * page alone into a temp directory (webpack's filesystem cache makes a rebuild take seconds; a
 * cold first build under a minute), serves it from 127.0.0.1, then drives the task pane against the in-memory workbook:
 * insert a template with examples, and structure the typed sample range (title row included).
 * Screenshots of each step go to test-results/ui/ (or $LIAISON_SCREENSHOTS).
 */
import { mkdirSync, readFileSync } from "node:fs";
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
  settledToContain,
} from "./server";
import { describeWhen } from "../support/requires";

const shots = screenshotsDir();

const SAMPLE_SHEET = "协作需求(手工录入)";
const INSERTED_SHEET = "跨部门协作需求表";

/** Drags from one grid cell to another, as a person selects a range. */
async function dragSelect(page: Page, from: [row: number, col: number], to: [row: number, col: number]) {
  const a = await page.locator(`td[data-r="${from[0]}"][data-c="${from[1]}"]`).boundingBox();
  const b = await page.locator(`td[data-r="${to[0]}"][data-c="${to[1]}"]`).boundingBox();
  if (!a || !b) throw new Error("grid cell not visible");
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

const cell = (page: Page, row: number, col: number) => page.locator(`td[data-r="${row}"][data-c="${col}"]`);

const suite = describeWhen(browserPath());

suite(`preview page, production build, headless Chromium`, () => {
  let out: string;
  let server: http.Server;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    out = scratchDir("liaison-preview-");
    server = await serve(previewBuild());
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    recordPageErrors(page, pageErrors);
    mkdirSync(shots, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await closePreview({ browser, server, out });
  });

  it("inserts a template with examples and structures the typed sample range", async () => {
    const { port } = server.address() as AddressInfo;
    // The page makes no request outside 127.0.0.1 (no CDN, no office.js).
    const external: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(`http://127.0.0.1:${port}/`) && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) {
        external.push(r.url());
      }
    });
    await page.goto(`http://127.0.0.1:${port}/preview.html`);

    // 1. The sample sheet: title row, header, the guide's rows; A2:I5 preselected.
    const grid = page.getByTestId("grid");
    await grid.and(page.locator(`[data-sheet="${SAMPLE_SHEET}"]`)).waitFor();
    await settledToBe(() => cell(page, 2, 0).textContent(), "项目名称");
    await settledToBe(() => cell(page, 3, 5).textContent(), "2024-04-30");
    await settledToBe(() => cell(page, 4, 5).textContent(), "05-20");
    await settledToBe(() => page.getByTestId("name-box").inputValue(), "A2:I5");
    await page.screenshot({ path: path.join(shots, "1-start.png") });

    // 2. Insert 跨部门协作需求表 with the manual's examples: the grid switches to the new sheet.
    await page.locator('[data-template="collab-request"]').getByRole("button", { name: /示例/ }).click();
    await grid.and(page.locator(`[data-sheet="${INSERTED_SHEET}"]`)).waitFor();
    await page.getByText(/已新建工作表“跨部门协作需求表”/).waitFor();
    await settledToBe(() => cell(page, 1, 0).getAttribute("data-part"), "header");
    await settledToBe(() => cell(page, 1, 0).textContent(), "项目名称");
    expect(
      await settled(
        () => page.locator("td", { hasText: "年度新品发布会" }).count(),
        (v) => v > 0,
      ),
    ).toBeGreaterThan(0);
    await settledToBe(() => page.getByRole("tab", { name: INSERTED_SHEET }).count(), 1);
    await page.screenshot({ path: path.join(shots, "2-inserted.png") });

    // 3. Back to the typed sheet; select the title row with the table (A1:I5) and structure it.
    await page.getByRole("tab", { name: SAMPLE_SHEET }).click();
    await grid.and(page.locator(`[data-sheet="${SAMPLE_SHEET}"]`)).waitFor();
    // Drag selects (within the visible columns) …
    await dragSelect(page, [2, 0], [4, 2]);
    await settledToBe(() => page.getByTestId("name-box").inputValue(), "A2:C4");
    // … and click + shift-click reaches I5, which is scrolled into view first.
    await cell(page, 1, 0).click();
    await cell(page, 5, 8).scrollIntoViewIfNeeded();
    await cell(page, 5, 8).click({ modifiers: ["Shift"] });
    await settledToBe(() => page.getByTestId("name-box").inputValue(), "A1:I5");
    await page.getByRole("tab", { name: "表格" }).click();
    await settledToContain(() => page.getByTestId("structure-selection").textContent(), `${SAMPLE_SHEET}!A1:I5`);
    await page.screenshot({ path: path.join(shots, "3-selected.png") });
    await page.getByRole("button", { name: "结构化选中区域" }).click();
    await page.getByText(/已把工作表“协作需求\(手工录入\)”的 A2:I5 结构化为表格/).waitFor();

    // The header row (not the title) is now a table header; no value changed.
    await settledToBe(() => cell(page, 2, 0).getAttribute("data-part"), "header");
    expect(
      await settled(
        () => cell(page, 1, 0).getAttribute("data-part"),
        (v) => v === null,
      ),
    ).toBeNull();
    await settledToBe(() => cell(page, 1, 0).textContent(), "跨部门协作需求表(年度新品发布会)");
    await settledToBe(() => cell(page, 3, 5).textContent(), "2024-04-30");
    await settledToBe(() => cell(page, 4, 5).textContent(), "05-20");
    await settledToBe(() => cell(page, 4, 6).textContent(), "无");
    // The tables list reloads after the change: the inserted table and the structured one.
    await settledToBe(() => page.getByTestId("tables-list").locator("li").count(), 2);
    await page.screenshot({ path: path.join(shots, "4-structured.png") });

    // 4. Structuring it again is refused with the reason, nothing changed.
    await page.getByRole("button", { name: "结构化选中区域" }).click();
    await page.getByText(/已经是表格/).waitFor();
    await page.screenshot({ path: path.join(shots, "5-already-table.png") });

    // 5. Download the workbook and open it again: both sheets and both tables come back.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载 .xlsx" }).click()]);
    const saved = path.join(out, "roundtrip.xlsx");
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 2).toString("latin1")).toBe("PK");
    await page.getByRole("button", { name: "新建空白工作簿" }).click();
    const tabs = page.getByTestId("sheet-tabs").getByRole("tab");
    await settledToBe(() => tabs.count(), 1);
    await page.getByTestId("open-input").setInputFiles(saved);
    await page.getByRole("tab", { name: INSERTED_SHEET }).waitFor();
    await settledToBe(() => page.getByTestId("sheet-tabs").getByRole("tab").count(), 2);
    await settledToBe(() => cell(page, 2, 0).getAttribute("data-part"), "header");
    await page.getByRole("button", { name: "刷新" }).click();
    await settledToBe(() => page.getByTestId("tables-list").locator("li").count(), 2);

    // 6. The name box selects what is typed into it.
    await page.getByTestId("name-box").fill("B3:C4");
    await page.getByTestId("name-box").press("Enter");
    await settledToContain(() => page.getByTestId("structure-selection").textContent(), "!B3:C4");

    expect(external).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
