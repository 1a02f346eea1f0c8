/**
 * What a test file needs from the machine (a browser, LibreOffice, xmllint, fonts, a folder beside
 * the clone), found in one place with one policy:
 *
 *  - found: the tests run;
 *  - missing on a developer's machine: the suite is skipped with a visible note saying what to
 *    install, so `npx jest` stays usable without every tool;
 *  - missing under CI (`CI=true`): the file fails to load with that same message. CI installs
 *    everything (.ci/run), so a missing tool there is lost coverage, never a silent skip.
 *
 * Usage in a test file:
 *
 *   const soffice = requireTool("LibreOffice", SOFFICE, "apt-get install libreoffice-writer");
 *   describeWhen(soffice)("LibreOffice opens the file", () => { ... spawnSync(soffice!, ...) });
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import path from "node:path";

/** Debian's Chromium, driven by playwright-core (no browser is downloaded). */
export const CHROMIUM = "/usr/bin/chromium";
/** Where LibreOffice's command is on Debian, other Linux installs and macOS. */
export const SOFFICE = [
  "/usr/bin/soffice",
  "/usr/bin/libreoffice",
  "/usr/local/bin/soffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
];

/** True when running under CI (`CI` set to anything but "", "0" or "false"), as Jest and npm read it. */
export function underCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env.CI?.trim().toLowerCase();
  return v !== undefined && v !== "" && v !== "0" && v !== "false";
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A command name searched on PATH, or an absolute path checked as it is. */
function locate(candidate: string): string | undefined {
  if (candidate.includes("/") || candidate.includes("\\")) return isExecutable(candidate) ? candidate : undefined;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, candidate))) return path.join(dir, candidate);
  }
  return undefined;
}

/**
 * Missing `what`: under CI a thrown error (the test file fails to run, with this message); elsewhere
 * a warning, and the caller skips.
 */
function missing(what: string, lookedFor: string, install: string): undefined {
  const message = `${what} not found (looked for ${lookedFor}). ${install}`;
  if (underCi()) {
    throw new Error(`CI=true: ${message} CI must run every test; a missing tool is a failure here, not a skip.`);
  }
  console.warn(`Skipping tests that need ${what}: ${message}`);
  return undefined;
}

/**
 * The first of `candidates` (command names on PATH or absolute paths) that is an executable file,
 * or undefined (and a note) when there is none. Throws under CI when there is none.
 */
export function requireTool(name: string, candidates: string | readonly string[], install: string): string | undefined {
  const list = typeof candidates === "string" ? [candidates] : candidates;
  for (const c of list) {
    const found = locate(c);
    if (found) return found;
  }
  return missing(name, list.join(", "), install);
}

/** `file` when it exists; otherwise undefined and a note, or a failure under CI. */
export function requireFile(what: string, file: string, hint: string): string | undefined {
  return existsSync(file) ? file : missing(what, file, hint);
}

/**
 * The font families fontconfig knows by these exact names (`fc-list`), e.g. the fonts a layout
 * test measures with; undefined and a note when any is missing, a failure under CI.
 */
export function requireFonts(families: readonly string[], install: string): readonly string[] | undefined {
  const fcList = requireTool("fc-list (fontconfig)", "fc-list", "Install fontconfig.");
  if (!fcList) return undefined;
  const listed = spawnSync(fcList, [":", "family"], { encoding: "utf8" });
  if (listed.status !== 0) throw new Error(`fc-list failed: ${listed.stderr}`);
  const known = new Set(listed.stdout.split(/[\n,]/).map((f) => f.trim()));
  const absent = families.filter((f) => !known.has(f));
  return absent.length === 0 ? families : missing(`the fonts ${absent.join(", ")}`, "fc-list", install);
}

/** `describe` when everything needed was found, else `describe.skip` (only reachable outside CI). */
export function describeWhen(...needs: readonly unknown[]): jest.Describe {
  return needs.every((n) => n !== undefined) ? describe : describe.skip;
}

/** `test` when everything needed was found, else `test.skip` (only reachable outside CI). */
export function testWhen(...needs: readonly unknown[]): jest.It {
  return needs.every((n) => n !== undefined) ? test : test.skip;
}
