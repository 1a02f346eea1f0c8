/**
 * Shared by the UI tests: a production build of the preview page into a temp directory (webpack's
 * filesystem cache makes a rebuild take seconds), served from 127.0.0.1.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
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
