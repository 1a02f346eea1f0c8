// `npm run bench`: builds the CLI (the bench times the shipped dist/cli/liaison.cjs) and the bench
// itself (bench/*.ts → dist/bench/*.cjs, node cannot run TypeScript), then runs it. Arguments after
// `--` go to the bench: `npm run bench -- --rows 20000 --no-doc`.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";

const cli = spawnSync(process.execPath, ["scripts/build-cli.mjs"], { stdio: "inherit" });
if (cli.status !== 0) {
  console.error("bench: building the CLI failed");
  process.exit(cli.status ?? 1);
}

await build({
  entryPoints: ["bench/main.ts", "bench/engine-mem.ts", "bench/read-xlsx.ts", "bench/peak-rss.ts"],
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  outdir: "dist/bench",
  outExtension: { ".js": ".cjs" },
  sourcemap: true,
  logLevel: "warning",
  // ExcelJS, zod … load from node_modules at run time, as in the CLI bundle.
  packages: "external",
});

// --expose-gc: the bench collects garbage before each timed run (bench/measure.ts).
const run = spawnSync(process.execPath, ["--expose-gc", "dist/bench/main.cjs", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(run.status ?? 1);
