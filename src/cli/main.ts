// Entry of the `liaison` command line, bundled by scripts/build-cli.mjs into dist/cli/liaison.cjs
// (bin/liaison.js loads it). Everything else lives in run.ts, independent of `process`.
import { version } from "../../package.json";
import { run } from "./run";

run({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTTY: process.stdout.isTTY === true,
  version,
}).then(
  (code) => {
    // exitCode rather than exit(): lets pending stdout writes to a pipe finish.
    process.exitCode = code;
  },
  (e: unknown) => {
    // run() reports every error itself; reaching this is a bug in the reporting.
    process.stderr.write(`liaison: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
