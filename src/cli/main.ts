// Entry of the `liaison` command line, bundled by scripts/build-cli.mjs into dist/cli/liaison.cjs
// (bin/liaison.js loads it). Everything else lives in run.ts, independent of `process`.
import { version } from "../../package.json";
import { run, messageLang } from "./run";
import { translator } from "../core/i18n";
import { cliMessages } from "../core/i18n/messages/cli";

/**
 * stdout closed by the reader (`liaison check … | head -1`): EPIPE, and the command ends quietly —
 * nothing more is written, no stack. Any other failure to write the output (ENOSPC on a full disk,
 * EIO) is one line on stderr and exit 2: a report that was not written is not a result.
 */
let stdoutClosed = false;
let outputFailed = false;
const errnoCode = (e: unknown): string =>
  typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string" ? (e as { code: string }).code : String(e);
const t = translator(cliMessages, messageLang(process.argv.slice(2), process.env));

process.stdout.on("error", (e: unknown) => {
  if (errnoCode(e) === "EPIPE") {
    stdoutClosed = true;
    return;
  }
  if (!outputFailed) process.stderr.write(`${t("outputFailed", { reason: errnoCode(e) })}\n`);
  outputFailed = true;
  stdoutClosed = true;
  process.exitCode = 2;
});
// A closed stderr has no one left to tell.
process.stderr.on("error", () => undefined);

run({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: (text) => {
    if (!stdoutClosed) process.stdout.write(text);
  },
  stderr: (text) => process.stderr.write(text),
  stdoutIsTTY: process.stdout.isTTY === true,
  version,
}).then(
  (code) => {
    // exitCode rather than exit(): lets pending stdout writes to a pipe finish.
    process.exitCode = outputFailed ? 2 : code;
  },
  (e: unknown) => {
    // run() reports every error itself; reaching this is a bug in the reporting.
    process.stderr.write(`liaison: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
