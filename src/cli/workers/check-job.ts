import { isLiaisonError } from "../../core/errors";
import { translator } from "../../core/i18n";
import { cliMessages, type CliKey } from "../../core/i18n/messages/cli";
import { collectRemindItems } from "../../core/remind";
import { parseIsoDate } from "../../core/cells/civil";
import type { CliContext } from "../context";
import { isCliError } from "../errors";
import { checkFile } from "../commands/check-action";
import type { CheckJob, CheckJobResult } from "./protocol";

/**
 * One file of a many-file check, the same in a worker thread and in the main thread: check-action's
 * `checkFile`, its report renamed to the file's place in the folder, and (for remind) the items.
 * Errors become a line; nothing is thrown across the thread boundary.
 */
export async function runCheckJob(job: CheckJob): Promise<CheckJobResult> {
  const warnings: string[] = [];
  const t = translator(cliMessages, job.lang) as (key: CliKey, params?: Record<string, string | number>) => string;
  const ctx: CliContext = {
    lang: job.lang,
    t,
    out: () => undefined, // a job prints nothing itself; the pool prints the combined report
    err: (line) => warnings.push(line),
    stdoutIsTTY: false,
  };
  try {
    const checked = await checkFile(
      job.path,
      { ...(job.today !== undefined ? { today: job.today } : {}), ...(job.now !== undefined ? { now: job.now } : {}) },
      ctx,
    );
    const report = { ...checked.report, file: job.name };
    const today = parseIsoDate(report.today) ?? 0;
    const items = job.remind ? collectRemindItems({ report, tables: checked.tables, today }) : [];
    return { id: job.id, ok: true, report, items, warnings };
  } catch (e) {
    if (isCliError(e)) return { id: job.id, ok: false, message: t(e.key, e.params), bug: false, warnings };
    if (isLiaisonError(e))
      return { id: job.id, ok: false, message: t("fileError", { file: job.path, message: e.describe(job.lang) }), bug: false, warnings };
    const message = e instanceof Error ? e.message : String(e);
    return { id: job.id, ok: false, message: t("internalError", { message: `${job.path}: ${message}` }), bug: true, warnings };
  }
}
