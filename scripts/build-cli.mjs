// Bundles the command line (src/cli) into dist/cli/liaison.cjs with esbuild, so that
// `npx liaison` works right after `npm ci` (npm runs `prepare`) without a TypeScript toolchain at run time.
import { build } from "esbuild";
import { existsSync } from "node:fs";

const entry = "src/cli/main.ts";
if (!existsSync(entry)) {
  console.error(`build-cli: ${entry} not found`);
  process.exit(1);
}
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  logLevel: "warning",
  // Heavy libraries stay as runtime requires from node_modules: smaller bundle, faster build.
  packages: "external",
};
await build({ ...common, entryPoints: [entry], outfile: "dist/cli/liaison.cjs" });
// The check worker thread of `check`/`remind` over many workbooks (src/cli/workers/pool.ts starts
// it from the file next to liaison.cjs).
await build({ ...common, entryPoints: ["src/cli/workers/check-worker.ts"], outfile: "dist/cli/check-worker.cjs" });
