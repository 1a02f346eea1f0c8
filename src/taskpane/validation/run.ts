import { checkTables, resolveClock, CheckCancelled } from "../../core/check";
import type { Lang } from "../../core/i18n";
import type { Report } from "../../core/report";
import { settingsFromRows, type Settings } from "../../core/settings";
import type { TableData, TableScope, ValidationPort, WorkbookPort } from "../../workbook/port";
import { ValidationCancelled, throwIfAborted } from "./cancel";
import type { Checker } from "./checker";
import { marksFromFindings } from "./marks";
import type { CheckJob, CheckProgress } from "./protocol";

/** Above this many data rows in total the check runs in a Web Worker; below, a worker's start-up costs more than it saves. */
export const WORKER_THRESHOLD_ROWS = 2000;

export type ValidationPhase = "settings" | "reading" | "checking" | "marking";

export interface ValidationProgress {
  readonly phase: ValidationPhase;
  /** While checking: tables and rows done so far. */
  readonly check?: CheckProgress;
}

export interface ValidationOptions {
  readonly scope: TableScope;
  readonly lang: Lang;
  /** Shown as the report's `file`. */
  readonly file?: string;
  /** The moment the run stands for, unless the workbook's settings fix today/now. Defaults to now. */
  readonly instant?: Date;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ValidationProgress) => void;
  /** Problems in the workbook's stored settings, reported as soon as they are read (a bad value fell back to its default). */
  readonly onSettingsProblems?: (problems: readonly string[]) => void;
  /** Runs big checks off the main thread; without it every check runs in-thread. */
  readonly checkInWorker?: Checker;
  readonly workerThreshold?: number;
}

export interface ValidationResult {
  readonly report: Report;
  readonly settings: Settings;
  readonly settingsProblems: readonly string[];
  /** Cells marked in the workbook (one per cell). */
  readonly marked: number;
  /** Where the check ran. */
  readonly ranIn: "thread" | "worker";
}

export type ValidationWorkbook = Pick<WorkbookPort, "listSheets"> & ValidationPort;

/**
 * The validation flow shared by the task pane and the ribbon command: the workbook's settings →
 * the clock → the tables in scope → the check (in a worker for big inputs) → the marks, which
 * replace the previous ones. Cancelling (`signal`) at any point before the marks are written
 * rejects with ValidationCancelled and leaves the workbook untouched.
 */
export async function runValidation(port: ValidationWorkbook, opts: ValidationOptions): Promise<ValidationResult> {
  const { signal, onProgress } = opts;
  throwIfAborted(signal);
  onProgress?.({ phase: "settings" });
  const rows = await port.readSettings();
  const { settings, problems } = rows === undefined ? settingsFromRows([], opts.lang) : settingsFromRows(rows, opts.lang);
  if (problems.length > 0) opts.onSettingsProblems?.(problems);
  const clock = resolveClock({ settings, instant: opts.instant ?? new Date() });
  throwIfAborted(signal);

  onProgress?.({ phase: "reading" });
  const [tables, sheets] = await Promise.all([port.readTables(opts.scope), port.listSheets()]);
  throwIfAborted(signal);

  const job: CheckJob = { file: opts.file ?? "", sheets, tables, settings, today: clock.today, now: clock.now, lang: opts.lang };
  const total = totalRows(tables);
  const useWorker = opts.checkInWorker !== undefined && total > (opts.workerThreshold ?? WORKER_THRESHOLD_ROWS);
  onProgress?.({ phase: "checking", check: { tablesDone: 0, tables: tables.length, rowsDone: 0, rows: total } });
  const report =
    useWorker && opts.checkInWorker
      ? await opts.checkInWorker(job, { signal, onProgress: (check) => onProgress?.({ phase: "checking", check }) })
      : checkInThread(job, signal, (check) => onProgress?.({ phase: "checking", check }));
  throwIfAborted(signal);

  onProgress?.({ phase: "marking" });
  const marks = marksFromFindings(report.findings);
  await port.applyMarks(marks);
  return { report, settings, settingsProblems: problems, marked: marks.length, ranIn: useWorker ? "worker" : "thread" };
}

const totalRows = (tables: readonly TableData[]): number => tables.reduce((n, t) => n + t.body.length, 0);

function checkInThread(job: CheckJob, signal: AbortSignal | undefined, onProgress: (p: CheckProgress) => void): Report {
  let rowsDone = 0;
  const rows = totalRows(job.tables);
  try {
    return checkTables({
      ...job,
      onTable: (done, tables) => {
        rowsDone += job.tables[done - 1]?.body.length ?? 0;
        onProgress({ tablesDone: done, tables, rowsDone, rows });
        return !signal?.aborted;
      },
    });
  } catch (e) {
    if (e instanceof CheckCancelled) throw new ValidationCancelled();
    throw e;
  }
}
