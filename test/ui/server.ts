/**
 * Shared by the UI tests: the production build of the preview page (made once per Jest run by
 * test/support/global-setup.ts), served from 127.0.0.1; a scratch folder per suite for downloads;
 * Chromium; and where screenshots go.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM, requireTool } from "../support/requires";
import os from "node:os";
import path from "node:path";

export const root = path.resolve(__dirname, "../..");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** Builds the preview page alone (production mode) into a new temp directory and returns it. */
export function buildPreview(prefix = "liaison-preview-"): string {
  const out = mkdtempSync(path.join(os.tmpdir(), prefix));
  const cli = require.resolve("webpack-cli/bin/cli.js");
  const build = spawnSync(process.execPath, [cli, "--mode", "production", "--env", "pages=preview", "--output-path", out], {
    cwd: root,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`webpack failed:\n${build.stdout}\n${build.stderr}`);
  return out;
}

/**
 * The preview build of this Jest run (global-setup.ts builds it when the run includes a UI test and
 * passes its folder in LIAISON_PREVIEW_BUILD). Read-only for the suites: they all serve it.
 */
export function previewBuild(): string {
  const dir = process.env.LIAISON_PREVIEW_BUILD;
  if (!dir || !existsSync(path.join(dir, "preview.html"))) {
    throw new Error(
      "No preview build: test/support/global-setup.ts builds it when Jest (with jest.config.js) runs a test/ui/*.e2e.test.ts file.",
    );
  }
  return dir;
}

/** A new temp folder for what one suite downloads and uploads (removed by closePreview). */
export function scratchDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Where a suite saves its screenshots: test-results/ui/ (git-ignored) or $LIAISON_SCREENSHOTS.
 * Tests never write into docs/; `npm run screenshots` copies the README's pictures there.
 */
export const screenshotsDir = (sub = ""): string =>
  path.join(process.env.LIAISON_SCREENSHOTS ?? path.join(root, "test-results", "ui"), sub);

/**
 * Chromium for the UI tests: its path, or undefined (and a note) on a machine without it; under
 * CI a missing browser fails the file instead (test/support/requires.ts).
 */
export const browserPath = (): string | undefined =>
  requireTool("Chromium", CHROMIUM, "Install it: apt-get install chromium (the UI tests drive it through playwright-core).");

/** Serves `dir` on 127.0.0.1 (a random port); nothing outside it. */
export function serve(dir: string, hooks: ServeHooks = {}): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.join(dir, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ""));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    const answer = () => {
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      res.end(readFileSync(file));
    };
    const held = hooks.beforeAnswer?.(url.pathname);
    if (held) void held.then(answer, () => res.writeHead(500).end("held request failed"));
    else answer();
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export interface ServeHooks {
  /**
   * Called for every request; a promise returned holds the answer until it resolves. For holding a
   * script that page.route cannot see: Chromium does not report a nested worker's requests to
   * Playwright (microsoft/playwright#27376), e.g. the validation worker the preview's workbook
   * worker starts.
   */
  readonly beforeAnswer?: (pathname: string) => Promise<void> | undefined;
}

/** Debian's Chromium, headless, with the flags this closed network needs (no background connections). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

/** Collects the page's uncaught errors and console errors into `into` (tests assert it stays empty). */
export function recordPageErrors(page: Page, into: string[]): void {
  page.on("pageerror", (e) => into.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") into.push(m.text());
  });
}

/** Tears down what a suite's beforeAll started: the browser, the server, its scratch folder (any may be missing if set-up failed). */
export async function closePreview(parts: { browser?: Browser; server?: http.Server; out?: string }): Promise<void> {
  await parts.browser?.close();
  await new Promise((r) => (parts.server ? parts.server.close(r) : r(undefined)));
  if (parts.out) rmSync(parts.out, { recursive: true, force: true });
}

/**
 * What `read()` gives once `ok` holds, or its last value after `timeoutMs`. The preview's workbook
 * lives in a Web Worker, so what the page shows after a click arrives a moment later: a test reads
 * a count or a status line through this instead of once (Playwright's own auto-waiting covers
 * single locators, not counts or text that changes from one value to another).
 */
export async function settled<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/** `settled` until `read()` gives `expected` (===), then expects exactly that. */
export async function settledToBe<T>(read: () => Promise<T>, expected: T): Promise<void> {
  expect(await settled(read, (v) => v === expected)).toBe(expected);
}

/** `settled` until the text `read()` gives contains `part`, then expects it to. */
export async function settledToContain(read: () => Promise<string | null>, part: string): Promise<void> {
  expect(await settled(read, (v) => v?.includes(part) ?? false)).toContain(part);
}
