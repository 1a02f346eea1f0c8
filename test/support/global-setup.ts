/**
 * Jest's globalSetup: builds, once per run and before any worker starts, what several test files
 * run against, so that parallel workers never rebuild a file another one is executing.
 *
 *  - the command-line bundle `dist/cli/liaison.cjs` (git-ignored), which the CLI tests run through
 *    `bin/liaison.js` exactly as `npx liaison` does;
 *  - the preview page (production webpack build) into a new temp directory, only when the run
 *    includes a UI test (`test/ui/*.e2e.test.ts`): its path reaches the workers through
 *    `LIAISON_PREVIEW_BUILD` (workers are started after this and inherit the environment), and
 *    global-teardown.ts removes it.
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { buildPreview } from "../ui/server";

const ROOT = path.resolve(__dirname, "../..");
const UI_DIR = path.join(ROOT, "test", "ui");

interface GlobalConfigPart {
  rootDir?: string;
  testPathPatterns?: { toExecutor(options: { rootDir: string }): { isSet(): boolean; isMatch(absPath: string): boolean } };
}

/** Whether the files Jest was asked to run include a UI test (no pattern: all of them do). */
function runsUiTests(config: GlobalConfigPart): boolean {
  const e2e = readdirSync(UI_DIR)
    .filter((f) => f.endsWith(".e2e.test.ts"))
    .map((f) => path.join(UI_DIR, f));
  const patterns = config.testPathPatterns?.toExecutor({ rootDir: config.rootDir ?? ROOT });
  if (!patterns || !patterns.isSet()) return true;
  return e2e.some((f) => patterns.isMatch(f));
}

export default function globalSetup(config: GlobalConfigPart): void {
  execFileSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: ROOT, stdio: "inherit" });
  if (runsUiTests(config) && !process.env.LIAISON_PREVIEW_BUILD) {
    process.env.LIAISON_PREVIEW_BUILD = buildPreview();
    process.env.LIAISON_PREVIEW_BUILD_OWNED = "1";
  }
}
