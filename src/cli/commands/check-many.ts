import { promises as fs } from "node:fs";
import path from "node:path";
import type { DayNumber, MinuteNumber } from "../../core/cells/types";
import { translator } from "../../core/i18n";
import { remindMessages, type RemindKey } from "../../core/i18n/messages/remind";
import { exitCode, formatTextReport, type Report } from "../../core/report";
import type { CliContext } from "../context";
import { checkMany, type PoolJob } from "../workers/pool";
import type { CheckJobResult } from "../workers/protocol";
import type { CheckArgs } from "./check";

/**
 * `liaison check` (and `remind`) over a folder or several files. Every .xlsx in a folder is taken,
 * recursively, in path order; Excel/WPS owner files (`~$book.xlsx`, written while a book is open)
 * and LibreOffice lock files are not workbooks and are left out. The files are read in parallel
 * (workers/pool.ts); one that cannot be read is reported and the others are still checked.
 *
 * JSON: `{ "today", "files": [ report | { "file", "error" } … ], "summary" }`, one entry per file in
 * path order, each report exactly as `check` of that file gives it (its `file` is the path inside the
 * folder). Text: one section per file, then the totals. Exit: 2 when no file could be checked; 1 when
 * any report has an error finding or any file could not be checked; else 0.
 */

export type T = (key: RemindKey, params?: Record<string, string | number>) => string;

export const remindT = (ctx: CliContext): T => translator(remindMessages, ctx.lang) as T;

/** The workbooks named by the arguments, plus lines about files that are open elsewhere. */
export async function collectWorkbooks(args: readonly string[], t: T): Promise<{ jobs: PoolJob[]; notes: string[]; empty: string[] }> {
  const jobs: PoolJob[] = [];
  const notes: string[] = [];
  const empty: string[] = [];
  for (const arg of args) {
    const stat = await fs.stat(arg).catch((e: unknown) => {
      // A missing path is reported by the job itself (check-action's own words), like any unreadable file.
      if ((e as { code?: unknown }).code === "ENOENT") return undefined;
      throw e;
    });
    if (!stat?.isDirectory()) {
      jobs.push({ path: arg, name: path.basename(arg) });
      continue;
    }
    const found = await walk(arg);
    if (found.length === 0) empty.push(arg);
    for (const file of found) {
      jobs.push({ path: file, name: path.relative(arg, file).split(path.sep).join("/") });
      const lock = await lockFileOf(file);
      if (lock !== undefined) notes.push(t("fileOpenElsewhere", { file, lock: path.basename(lock) }));
    }
  }
  return { jobs, notes, empty };
}

const isLockName = (name: string): boolean => name.startsWith("~$") || name.startsWith(".~lock.");

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile() && e.name.toLowerCase().endsWith(".xlsx") && !isLockName(e.name)) out.push(p);
  }
  return out;
}

/**
 * The owner file Excel and WPS keep beside an open workbook: `~$` + the name, or `~$` replacing
 * the first two characters of a longer name; LibreOffice's `.~lock.<name>#`.
 */
async function lockFileOf(file: string): Promise<string | undefined> {
  const dir = path.dirname(file);
  const base = path.basename(file);
  for (const name of [`~$${base}`, `~$${base.slice(2)}`, `.~lock.${base}#`]) {
    const p = path.join(dir, name);
    if (
      await fs.stat(p).then(
        () => true,
        () => false,
      )
    )
      return p;
  }
  return undefined;
}

/** Whether `check` must take the many-file path: several arguments, or a folder. */
export async function isMany(files: readonly string[]): Promise<boolean> {
  if (files.length !== 1) return true;
  const stat = await fs.stat(files[0]).catch(() => undefined);
  return stat?.isDirectory() === true;
}

export interface CheckedMany {
  readonly results: readonly CheckJobResult[];
  readonly names: readonly string[];
  readonly workers: number;
}

/** Reads and checks every workbook of `args`; prints the notes and the worker line on stderr. */
export async function checkInputs(
  args: readonly string[],
  clock: { readonly today?: DayNumber; readonly now?: MinuteNumber },
  remind: boolean,
  ctx: CliContext,
  env: Readonly<Record<string, string | undefined>>,
): Promise<CheckedMany | { readonly error: string }> {
  const t = remindT(ctx);
  const { jobs, notes, empty } = await collectWorkbooks(args, t);
  if (jobs.length === 0) return { error: t("noWorkbooks", { folder: args.join(", ") }) };
  for (const folder of empty) ctx.err(ctx.t("errorLine", { message: t("noWorkbooks", { folder }) }));
  for (const note of notes) ctx.err(ctx.t("errorLine", { message: note }));
  const { results, workers } = await checkMany(jobs, {
    job: {
      lang: ctx.lang,
      remind,
      ...(clock.today !== undefined ? { today: clock.today } : {}),
      ...(clock.now !== undefined ? { now: clock.now } : {}),
    },
    env,
    beingWritten: t("beingWritten"),
  });
  if (jobs.length > 1) ctx.err(ctx.t("errorLine", { message: t("workers", { workers: Math.max(workers, 1), files: jobs.length }) }));
  results.forEach((r, i) => {
    for (const w of r.warnings) ctx.err(`${w} (${jobs[i].name})`);
    if (!r.ok) ctx.err(ctx.t("errorLine", { message: t("fileSkipped", { file: jobs[i].path, message: r.message }) }));
  });
  return { results, names: jobs.map((j) => j.name), workers };
}

export async function runCheckMany(a: CheckArgs, ctx: CliContext, env: Readonly<Record<string, string | undefined>>): Promise<number> {
  const t = remindT(ctx);
  if (a.out !== undefined) {
    ctx.err(ctx.t("errorLine", { message: t("many.outOneFile") }));
    return 2;
  }
  const checked = await checkInputs(a.files, a, false, ctx, env);
  if ("error" in checked) {
    ctx.err(ctx.t("errorLine", { message: checked.error }));
    return 2;
  }
  const reports = checked.results.filter((r): r is Extract<CheckJobResult, { ok: true }> => r.ok).map((r) => r.report);
  if (reports.length === 0) {
    ctx.err(ctx.t("errorLine", { message: t("noneReadable", { n: checked.results.length }) }));
    return 2;
  }
  const summary = { error: 0, warning: 0, info: 0 };
  for (const r of reports) for (const k of ["error", "warning", "info"] as const) summary[k] += r.summary[k];
  const failed = checked.results.length - reports.length;

  if (a.format === "json") {
    const files: (Report | { file: string; error: string })[] = checked.results.map((r, i) =>
      r.ok ? r.report : { file: checked.names[i], error: r.message },
    );
    ctx.out(JSON.stringify({ today: reports[0].today, files, summary }, null, 2));
  } else {
    const sections = checked.results.map((r, i) =>
      r.ok
        ? formatTextReport(r.report, ctx.lang).replace(/\n$/, "")
        : `${t("many.header", { file: checked.names[i] })}\n${t("many.failed", { message: r.message })}`,
    );
    ctx.out(sections.join(`\n\n${"─".repeat(40)}\n\n`));
    ctx.out("");
    ctx.out(t("many.totals", { files: checked.results.length, checked: reports.length, failed, ...summary }));
  }
  if (failed > 0) return 1;
  return reports.some((r) => exitCode(r) === 1) ? 1 : 0;
}
