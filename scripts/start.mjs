// `npm start`.
//  - Windows / macOS with Excel installed: like the official Office add-in template, sideload the
//    add-in into desktop Excel with `office-addin-debugging start manifest.xml` (which runs
//    `npm run dev-server` and opens Excel).
//  - Anywhere else (Linux, CI, no Excel), or with `--preview`: start the webpack dev server in
//    the background and print the preview page's URL, where the same task pane runs against an
//    in-memory .xlsx. `npm stop` stops it (its pid is kept in node_modules/.cache/liaison/).
//    `--foreground` keeps the server attached to this terminal instead (Ctrl+C stops it).
// stop.mjs imports the helpers below; the command runs only when this file is executed.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { createRequire } from "node:module";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath, pathToFileURL } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
// The server's pid and log. webpack.config.js keeps node_modules out of what the server watches:
// the log it writes here must not start a rebuild (which would log, and rebuild again).
const stateDir = path.join(root, "node_modules", ".cache", "liaison");
export const pidFile = path.join(stateDir, "dev-server.pid");
export const logFile = path.join(stateDir, "dev-server.log");
const port = Number(process.env.npm_package_config_dev_server_port || 3000);

/** Same rule as webpack.config.js (useHttps): https where Office sideloads, http elsewhere. */
export function devServerProtocol() {
  if (process.env.LIAISON_HTTPS === "1") return "https";
  if (process.env.LIAISON_HTTPS === "0") return "http";
  return process.platform === "win32" || process.platform === "darwin" ? "https" : "http";
}

export const previewUrl = () => `${devServerProtocol()}://localhost:${port}/preview.html`;

/** Whether desktop Excel can be sideloaded here (it cannot on Linux, in CI, or without Excel). */
export function canSideloadExcel() {
  if (process.env.CI) return false;
  if (process.platform === "darwin") return existsSync("/Applications/Microsoft Excel.app");
  if (process.platform === "win32") {
    const key = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe";
    return spawnSync("reg", ["query", key], { stdio: "ignore" }).status === 0;
  }
  return false;
}

export function officeDebugging(command) {
  const cli = require.resolve("office-addin-debugging/cli.js");
  const r = spawnSync(process.execPath, [cli, command, "manifest.xml"], { cwd: root, stdio: "inherit" });
  return r.status ?? 1;
}

/** The pid of a dev server started by `npm start` that is still running, if any. */
export function runningDevServer() {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    // No such process: the file is stale (the server was stopped some other way).
    rmSync(pidFile, { force: true });
    return undefined;
  }
}

function probe(url) {
  return new Promise((resolve) => {
    const get = url.startsWith("https:") ? https.get : http.get;
    // The dev certificate may not be trusted by Node; readiness is all that is asked here.
    const req = get(url, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => {
      req.destroy();
      resolve(false);
    });
  });
}

function tail(file, lines = 30) {
  if (!existsSync(file)) return "";
  return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
}

function webpackServeArgs() {
  return [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"];
}

async function startPreviewServer({ foreground }) {
  const url = previewUrl();
  const running = runningDevServer();
  if (running) {
    console.log(`The dev server is already running (pid ${running}).\n\n  Preview: ${url}\n\nStop it with: npm stop`);
    return 0;
  }
  if (foreground) {
    console.log(`Starting the dev server (Ctrl+C stops it). Preview: ${url}`);
    const child = spawn(process.execPath, webpackServeArgs(), { cwd: root, stdio: "inherit" });
    return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 0)));
  }

  mkdirSync(stateDir, { recursive: true });
  const out = openSync(logFile, "w");
  // Detached in its own process group, so `npm stop` can end the server and its workers by pid.
  const child = spawn(process.execPath, webpackServeArgs(), {
    cwd: root,
    detached: true,
    stdio: ["ignore", out, out],
    windowsHide: true,
  });
  writeFileSync(pidFile, String(child.pid));
  let exited = null;
  child.on("exit", (code) => {
    exited = code ?? 1;
  });
  child.unref();

  console.log(`Starting the webpack dev server (log: ${path.relative(root, logFile)}) …`);
  const deadline = Date.now() + 240_000; // the first development build takes a while
  while (Date.now() < deadline) {
    if (exited !== null) {
      rmSync(pidFile, { force: true });
      console.error(`The dev server stopped (exit ${exited}). Last lines of its log:\n${tail(logFile)}`);
      return 1;
    }
    if (await probe(url)) {
      console.log(
        [
          "",
          "  Liaison dev server is running.",
          "",
          `  Preview (task pane + in-memory workbook, no Excel needed):  ${url}`,
          `  Task pane page for Excel:                                  ${url.replace("preview.html", "taskpane.html")}`,
          "",
          "  Stop it with: npm stop",
          "",
        ].join("\n"),
      );
      return 0;
    }
    await sleep(1000);
  }
  console.error(`The dev server did not answer at ${url} within 4 minutes. Log:\n${tail(logFile)}`);
  return 1;
}

async function main() {
  const args = process.argv.slice(2);
  const preview = args.includes("--preview") || process.env.LIAISON_START === "preview";
  if (!preview && canSideloadExcel()) return officeDebugging("start");
  if (!preview) {
    console.log("Desktop Excel cannot be sideloaded here (Linux, CI or no Excel): starting the preview instead.");
  }
  return startPreviewServer({ foreground: args.includes("--foreground") });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
