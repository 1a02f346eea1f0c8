import { chromium } from "playwright-core";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const { SourceMapConsumer } = require("source-map");
const dir = process.argv[2];
const file = process.argv[3];
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
await page.addInitScript(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: "longtask", buffered: true });
});
await page.goto(`http://127.0.0.1:${server.address().port}/preview.html`);
await page.getByTestId("grid").waitFor();
await page.getByTestId("first-run").getByRole("button", { name: "跳过" }).click();
const cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
const maps = new Map();
async function consumer(url) {
  const name = url.split("/").pop();
  if (!maps.has(name)) {
    const p = path.join(dir, name + ".map");
    maps.set(name, fs.existsSync(p) ? await new SourceMapConsumer(JSON.parse(fs.readFileSync(p, "utf8"))) : null);
  }
  return maps.get(name);
}
async function profiled(label, act) {
  await cdp.send("Profiler.start");
  const from = await page.evaluate(() => performance.now());
  await act();
  await page.waitForTimeout(400);
  const { profile } = await cdp.send("Profiler.stop");
  const tasks = await page.evaluate((s) => window.__longTasks.filter((t) => t.start >= s).map((t) => Math.round(t.duration)), from);
  console.log(`== ${label}: long tasks ${JSON.stringify(tasks)}`);
  const dt = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (let i = 0; i < profile.samples.length; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const self = new Map();
  for (const [id, us] of dt) {
    const n = byId.get(id); const cf = n.callFrame;
    let key = `${cf.functionName || "(anon)"} ${cf.url.split("/").pop()}:${cf.lineNumber}:${cf.columnNumber}`;
    const c = cf.url ? await consumer(cf.url) : null;
    if (c) { const o = c.originalPositionFor({ line: cf.lineNumber + 1, column: cf.columnNumber }); if (o.source) key = `${o.name ?? cf.functionName} ${o.source.replace(/.*node_modules\//, "nm/").replace(/^webpack:\/\/[^/]*\//, "")}:${o.line}`; }
    self.set(key, (self.get(key) ?? 0) + us);
  }
  [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, us]) => console.log(`${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`));
}
await profiled("open", async () => {
  await page.getByTestId("open-input").setInputFiles(file);
  await page.getByTestId("grid").and(page.locator(`[data-sheet="供应商评估表"]`)).waitFor({ timeout: 240000 });
});
await page.screenshot({ path: "test-results/w14-50k.png" });
await profiled("validate", async () => {
  await page.locator("#liaison-tab-validate").click();
  await page.getByTestId("validate-button").click();
  await page.getByTestId("validate-summary").waitFor({ timeout: 240000 });
});
await page.screenshot({ path: "test-results/w14-50k-validated.png" });
await profiled("clear", async () => {
  await page.getByTestId("clear-marks-button").click();
  await page.getByText("已清除所有校验标记。").waitFor({ timeout: 240000 });
});
await profiled("edit", async () => {
  await page.locator('td[data-r="2"][data-c="2"]').click();
  await page.keyboard.press("F2");
  await page.locator("td input").fill("二十七");
  await page.keyboard.press("Enter");
  await page.locator('td[data-r="2"][data-c="2"]', { hasText: "二十七" }).waitFor({ timeout: 240000 });
});
await browser.close(); server.close();
