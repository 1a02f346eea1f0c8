// `npm stop`: the counterpart of scripts/start.mjs.
//  - Windows / macOS with Excel: `office-addin-debugging stop manifest.xml` (as the official
//    template does), which also stops the dev server it started.
//  - Otherwise, and in any case when `npm start` left a background dev server: stop that process
//    (by the pid start.mjs recorded; nothing else is touched).
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { canSideloadExcel, officeDebugging, pidFile, runningDevServer } from "./start.mjs";

let status = 0;
if (canSideloadExcel() && process.env.LIAISON_START !== "preview") status = officeDebugging("stop");

const pid = runningDevServer();
if (pid === undefined) {
  if (status === 0) console.log("No dev server started by `npm start` is running.");
} else {
  try {
    if (process.platform === "win32") {
      // taskkill /t ends the server and its child processes.
      spawnSync("taskkill", ["/pid", String(pid), "/t", "/f"], { stdio: "ignore" });
    } else {
      // start.mjs made the server a process-group leader: signal the group (server and workers),
      // and wait until it is gone, so that the port is free when `npm stop` returns.
      process.kill(-pid, "SIGTERM");
      if (!(await groupGone(pid, 10_000))) {
        process.kill(-pid, "SIGKILL");
        if (!(await groupGone(pid, 5_000))) throw new Error("it did not exit after SIGTERM and SIGKILL");
      }
    }
    console.log(`Stopped the dev server (pid ${pid}).`);
  } catch (e) {
    console.error(`Could not stop the dev server (pid ${pid}): ${e instanceof Error ? e.message : String(e)}`);
    status = 1;
  }
  rmSync(pidFile, { force: true });
}
process.exitCode = status;

/** Whether the process group `pgid` has no process left, polled until `ms` have passed. */
async function groupGone(pgid, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return true; // ESRCH: no process in the group
    }
    if (Date.now() >= deadline) return false;
    await sleep(100);
  }
}
