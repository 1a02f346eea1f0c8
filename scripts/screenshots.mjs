// `npm run screenshots`: refreshes the pictures the README and docs/tour.md show
// (docs/screenshots/). The UI tests take them: this runs those test files with their screenshots
// sent to a temp folder, and copies the chosen ones into docs/screenshots/ under the names the
// pages use. `npm test` never writes into docs/; this script is the only thing that does.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const docs = path.join(root, "docs", "screenshots");

/** Which test file takes each picture: [file under the test's screenshot folder, name in docs/screenshots]. */
const JOURNEY_STEPS = ["1-inserted", "3-typed", "4-validated", "5-finding", "8-notice"];
const PICTURES = [
  ...["zh", "en"].flatMap((lang) => JOURNEY_STEPS.map((step) => [`journey/journey-${lang}-${step}.png`, `journey-${lang}-${step}.png`])),
  ["documents-1-generated.png", "documents.png"],
  ["validate-2-selected.png", "validate.png"],
  ["live-1-marked.png", "live.png"],
  ["remind-pane.png", "remind-pane.png"],
  ["tables-1-skipped.png", "tables-skipped.png"],
  ["tables-2-corrected.png", "tables-corrected.png"],
  // The pane's own gallery (test/ui/pane-screenshots.shots.ts): first run, insert all, fix hints,
  // settings, the 看板 — across zh-CN, en-US, zh-TW and dark.
  ...[
    "first-run-zh",
    "first-run-en",
    "insert-all-en",
    "fix-hints-tw",
    "settings-dark",
    "dashboard-zh",
    "dashboard-en",
    "dashboard-tw",
    "dashboard-dark",
  ].map((name) => [`pane/pane-${name}.png`, `pane-${name}.png`]),
];
const TESTS = ["journey", "documents", "validate", "live", "remind", "layout-corrections"].map((name) => `test/ui/${name}.e2e.test.ts`);

const shots = mkdtempSync(path.join(os.tmpdir(), "liaison-screenshots-"));
try {
  // jest's package exports do not include its bin: find it next to its package.json.
  const jest = path.join(path.dirname(require.resolve("jest/package.json")), "bin", "jest.js");
  const run = spawnSync(process.execPath, [jest, "--runInBand", ...TESTS], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, LIAISON_SCREENSHOTS: shots },
  });
  // The pane's gallery: a file of its own, outside `npm test` (it does not match *.test.ts).
  const pane =
    run.status === 0
      ? spawnSync(process.execPath, [jest, "--runInBand", "--testMatch", "**/test/ui/pane-screenshots.shots.ts"], {
          cwd: root,
          stdio: "inherit",
          env: { ...process.env, LIAISON_SCREENSHOTS: path.join(shots, "pane") },
        })
      : run;
  if (run.status !== 0 || pane.status !== 0) {
    console.error("The UI tests failed: docs/screenshots/ is left as it was.");
    process.exitCode = (run.status || pane.status) ?? 1;
  } else {
    const absent = PICTURES.filter(([from]) => !existsSync(path.join(shots, from))).map(([from]) => from);
    if (absent.length > 0) {
      console.error(`The tests passed but did not save ${absent.join(", ")}: docs/screenshots/ is left as it was.`);
      process.exitCode = 1;
    } else {
      mkdirSync(docs, { recursive: true });
      for (const [from, to] of PICTURES) copyFileSync(path.join(shots, from), path.join(docs, to));
      console.log(`Updated ${PICTURES.length} pictures in docs/screenshots/.`);
    }
  }
} finally {
  rmSync(shots, { recursive: true, force: true });
}
