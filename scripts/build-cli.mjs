// Bundles the command line (src/cli) into dist/cli/liaison.cjs with esbuild, so that
// `npx liaison` works right after `npm ci` (npm runs `prepare`) without a TypeScript toolchain at run time.
import { build } from "esbuild";
import { existsSync } from "node:fs";

const entry = "src/cli/main.ts";
if (!existsSync(entry)) {
  console.error(`build-cli: ${entry} not found`);
  process.exit(1);
}
await build({
  entryPoints: [entry],
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  outfile: "dist/cli/liaison.cjs",
  sourcemap: true,
  logLevel: "warning",
  // Heavy libraries stay as runtime requires from node_modules: smaller bundle, faster build.
  packages: "external",
});
