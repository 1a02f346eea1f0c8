/**
 * Shared by the UI tests: a production build of the preview page into a temp directory (webpack's
 * filesystem cache makes a rebuild take seconds), served from 127.0.0.1.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import { chromium, type Browser, type Page } from "playwright-core";
import os from "node:os";
import path from "node:path";

export const CHROMIUM = "/usr/bin/chromium";
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

/** Serves `dir` on 127.0.0.1 (a random port); nothing outside it. */
export function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.join(dir, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ""));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
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

/** Tears down what a suite's beforeAll started: the browser, the server, the build directory (any may be missing if set-up failed). */
export async function closePreview(parts: { browser?: Browser; server?: http.Server; out?: string }): Promise<void> {
  await parts.browser?.close();
  await new Promise((r) => (parts.server ? parts.server.close(r) : r(undefined)));
  if (parts.out) rmSync(parts.out, { recursive: true, force: true });
}
