import { promises as fs, statSync, realpathSync } from "node:fs";
import path from "node:path";
import { CliError } from "./errors";

/**
 * File access of the command line; the workbook adapters work on bytes only. Errors a person can
 * fix (missing file, missing folder, no permission) become CliError; nothing is swallowed.
 */

const errnoCode = (e: unknown): string | undefined =>
  typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string" ? (e as { code: string }).code : undefined;

/** Reads an input file whole. */
export async function readInputFile(file: string): Promise<Uint8Array> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    const code = errnoCode(e);
    if (code === "ENOENT") throw new CliError("inputMissing", { file });
    if (code === "EISDIR") throw new CliError("inputIsDirectory", { file });
    if (code) throw new CliError("cannotRead", { file, reason: code });
    throw e;
  }
}

/**
 * Writes `data` to `file`, replacing an existing file only once the new content is complete: the
 * bytes go to a temporary file in the same folder, which is then renamed over the target, so an
 * interrupted run never leaves a half-written workbook behind.
 */
export async function writeOutputFile(file: string, data: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const dirStat = statOrUndefined(dir);
  if (!dirStat || !dirStat.isDirectory()) throw new CliError("outDirMissing", { file, dir });
  if (statOrUndefined(file)?.isDirectory()) throw new CliError("outIsDirectory", { file });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    const code = errnoCode(e);
    if (code) throw new CliError("cannotWrite", { file, reason: code });
    throw e;
  }
}

function statOrUndefined(p: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(p);
  } catch (e) {
    if (errnoCode(e) === "ENOENT" || errnoCode(e) === "ENOTDIR") return undefined;
    throw e;
  }
}

/** Whether two paths name the same file: same resolved path, or (when both exist) the same file on disk (links). */
export function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  const sa = statOrUndefined(a);
  const sb = statOrUndefined(b);
  if (sa && sb && sa.dev === sb.dev && sa.ino === sb.ino) return true;
  // The output may not exist yet but sit in a symlinked folder pointing at the input's folder.
  try {
    const ra = realpathSync(a);
    const rb = path.join(realpathSync(path.dirname(path.resolve(b))), path.basename(b));
    return ra === rb;
  } catch (e) {
    if (errnoCode(e) === "ENOENT" || errnoCode(e) === "ENOTDIR") return false;
    throw e;
  }
}

export const hasExtension = (file: string, ext: string): boolean => file.toLowerCase().endsWith(ext);
