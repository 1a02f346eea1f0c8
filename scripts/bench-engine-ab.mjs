// In-process A/B of the rules engine: the engine of another commit (default 0c5a6b7, main before the
// rule-descriptor refactor) against this tree's, on the bench's sheets (bench/data.ts, generated once
// by this tree's generator and given to both). Each side is bundled with esbuild from its own src and
// bench/engine.ts; rounds interleave (rotated order, a full collection before each run) and the
// figure is median CPU time (process.cpuUsage), because on a loaded machine wall clock lies.
//
//   node scripts/bench-engine-ab.mjs [--ref 0c5a6b7] [--rows 50000] [--rounds 17]
//
// The old tree is extracted with `git archive <ref> src bench` into a temporary folder.
import { build } from "esbuild";
import { execSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const ref = arg("ref", "0c5a6b7");
const rows = Number(arg("rows", "50000"));
const rounds = Number(arg("rounds", "17"));
const warmups = 3;

if (typeof globalThis.gc !== "function") {
  // Re-run with --expose-gc: each timed run starts after a full collection.
  const { spawnSync } = await import("node:child_process");
  const r = spawnSync(process.execPath, ["--expose-gc", ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}

const here = process.cwd();
const work = mkdtempSync(join(tmpdir(), "liaison-ab-"));
const oldDir = join(work, "old");
execSync(`mkdir -p ${oldDir} && git archive ${ref} src bench | tar -x -C ${oldDir}`, { cwd: here });
if (existsSync(join(here, "node_modules"))) symlinkSync(join(here, "node_modules"), join(oldDir, "node_modules"));

const entry = `
export { benchSheet } from "./bench/data";
export { prepare, engineHalves, checkRun, TODAY_ISO } from "./bench/engine";
export { parseIsoDate } from "./src/core/cells/civil";
export { checkTables } from "./src/core/check";
export { DEFAULT_SETTINGS } from "./src/core/settings";
`;
async function bundle(dir, name) {
  // Inside this tree (dist/), so that external packages (zod …) resolve from its node_modules.
  const outfile = join(here, "dist", "bench-ab", `${name}.cjs`);
  await build({
    stdin: { contents: entry, resolveDir: dir, loader: "ts" },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outfile,
    logLevel: "warning",
    packages: "external",
  });
  return outfile;
}
const require = createRequire(import.meta.url);
const sides = { old: require(await bundle(oldDir, "old")), new: require(await bundle(resolve(here), "new")) };

function cpuMs(fn) {
  globalThis.gc();
  const t = process.cpuUsage();
  const out = fn();
  const d = process.cpuUsage(t);
  return { ms: (d.user + d.system) / 1000, out };
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

console.log(`A/B ${ref} (old) vs working tree (new): ${rows} rows, ${rounds} rounds after ${warmups} warm-ups, median CPU ms`);
let worst = 0;
for (const tpl of ["supplier-evaluation", "action-items"]) {
  const sheet = sides.new.benchSheet(tpl, rows);
  // Before timing: both engines must write the same report (JSON, byte for byte).
  const reports = ["old", "new"].map((side) => {
    const m = sides[side];
    const p = m.prepare(sheet);
    const today = m.parseIsoDate(m.TODAY_ISO);
    const input = {
      file: "bench.xlsx",
      sheets: [p.table.sheet],
      tables: [{ table: p.table, body: p.body }],
      settings: m.DEFAULT_SETTINGS,
      today,
      now: today * 1440 + 1439,
    };
    return JSON.stringify(m.checkTables(input));
  });
  if (reports[0] !== reports[1]) throw new Error(`${tpl}: the two engines' reports differ`);
  console.log(`${tpl}: reports identical (${reports[0].length} characters of JSON)`);
  const contenders = [];
  for (const side of ["old", "new"]) {
    const m = sides[side];
    const today = m.parseIsoDate(m.TODAY_ISO);
    if (today === undefined) throw new Error(`${side}: no parseIsoDate`);
    const p = m.prepare(sheet);
    const halves = m.engineHalves(p, today);
    contenders.push({ side, what: "validateTable", fn: halves.validate });
    contenders.push({ side, what: "checkTables", fn: m.checkRun(p, today) });
  }
  const times = new Map(contenders.map((c) => [`${c.side} ${c.what}`, []]));
  const results = new Map();
  for (let r = 0; r < warmups + rounds; r++) {
    for (let i = 0; i < contenders.length; i++) {
      const c = contenders[(i + r) % contenders.length];
      const { ms, out } = cpuMs(c.fn);
      const key = `${c.side} ${c.what}`;
      if (results.has(key) && results.get(key) !== out) throw new Error(`${key}: result changed`);
      results.set(key, out);
      if (r >= warmups) times.get(key).push(ms);
    }
  }
  for (const what of ["validateTable", "checkTables"]) {
    const o = median(times.get(`old ${what}`));
    const n = median(times.get(`new ${what}`));
    const ob = Math.min(...times.get(`old ${what}`));
    const nb = Math.min(...times.get(`new ${what}`));
    const same = results.get(`old ${what}`) === results.get(`new ${what}`);
    worst = Math.max(worst, n / o);
    console.log(
      `${tpl.padEnd(20)} ${what.padEnd(14)} old ${o.toFixed(1).padStart(7)} ms  new ${n.toFixed(1).padStart(7)} ms  ratio ${(n / o).toFixed(2)}×  best ${ob.toFixed(1)} / ${nb.toFixed(1)} ms ${(nb / ob).toFixed(2)}×  (findings ${results.get(`old ${what}`)} / ${results.get(`new ${what}`)}${same ? "" : " DIFFER"})`,
    );
  }
}
console.log(`worst ratio new/old: ${worst.toFixed(2)}×`);
rmSync(work, { recursive: true, force: true });
