import { chromium } from "playwright-core";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
const [dir, file, sheet, out, query] = process.argv.slice(2);
const server = http.createServer((req, res) => {
  const f = path.join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname));
  if (!fs.existsSync(f) || !fs.statSync(f).isFile()) { res.writeHead(404).end(); return; }
  res.writeHead(200, { "content-type": f.endsWith(".js") ? "text/javascript" : f.endsWith(".html") ? "text/html; charset=utf-8" : "application/octet-stream" });
  res.end(fs.readFileSync(f));
}).listen(0, "127.0.0.1");
await new Promise((r) => server.on("listening", r));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.on("pageerror", (e) => console.log("pageerror:", e.message));
page.on("console", (m) => m.type() === "error" && console.log("console:", m.text()));
await page.goto(`http://127.0.0.1:${server.address().port}/preview.html${query ?? ""}`);
await page.getByTestId("grid").waitFor();
const skip = page.getByTestId("first-run").getByRole("button").last();
if (await skip.count()) await page.getByTestId("first-run").getByRole("button", { name: /跳过|Skip/ }).click();
const t0 = Date.now();
await page.getByTestId("open-input").setInputFiles(file);
let shotProgress = false;
while (!(await page.locator(`[data-testid="grid"]`).getAttribute("data-sheet"))?.includes("") || true) {
  if (!shotProgress && (await page.getByTestId("open-progress").count())) {
    await page.waitForTimeout(700);
    if (await page.getByTestId("open-progress").count()) { console.log("progress:", await page.getByTestId("open-progress").innerText()); await page.screenshot({ path: out.replace(".png", "-progress.png") }); shotProgress = true; }
  }
  if ((await page.getByTestId("open-progress").count()) === 0 && Date.now() - t0 > 500) break;
  await page.waitForTimeout(200);
}
if (sheet) await page.getByTestId("sheet-tabs").getByRole("tab", { name: sheet }).click();
await page.waitForTimeout(1500);
await page.screenshot({ path: out });
console.log("sheet:", await page.getByTestId("grid").getAttribute("data-sheet"), "opened in", Date.now() - t0, "ms");
await browser.close(); server.close();
