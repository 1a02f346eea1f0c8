import { checkTables, CheckCancelled } from "../../core/check";
import { lastRowOf } from "../../core/layout/types";
import type { Lang } from "../../core/i18n";
import type { Report } from "../../core/report";
import type { Settings } from "../../core/settings";
import type { LivePort, TableData, TableScope, ValidationPort, WorkbookPort } from "../port";
import type { Mark } from "../../core/marks/mark";
import { clockOf, type ClockOverride } from "../clock";
import { marksFromFindings } from "../marks";
import { loadSettings } from "../settings";
import { ValidationCancelled, throwIfAborted } from "./cancel";
import type { Checker } from "./checker";
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
  /** Today/now a person fixed for this run (CLI `--today`/`--now`): wins over the settings and `instant`. */
  readonly clock?: ClockOverride;
  /**
   * Resolves when settings the front end is still writing have landed (the pane's 设置 tab saves
   * as you type), so the run reads them; awaited before the settings are read.
   */
  readonly settingsReady?: () => Promise<void>;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ValidationProgress) => void;
  /** Problems in the workbook's stored settings, reported as soon as they are read (a bad value fell back to its default). */
  readonly onSettingsProblems?: (problems: readonly string[]) => void;
  /** Runs big checks off the main thread; without it every check runs in-thread. */
  readonly checkInWorker?: Checker;
  readonly workerThreshold?: number;
  /**
   * Keep each finding's message key and params in the report, so a pane can render it again in
   * another language without checking again. Off by default: the contract's JSON report (the CLI)
   * has exactly its own fields.
   */
  readonly keepSaid?: boolean;
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

/** What a check needs of a workbook: the read side (the CLI's streaming reader implements it too). */
export type ValidationReader = Pick<WorkbookPort, "listSheets"> & Pick<ValidationPort, "readTables" | "readSettings">;

/** What a validation run needs: the read side, and the two ways of writing marks. */
export type ValidationWorkbook = ValidationReader & Pick<ValidationPort, "applyMarks"> & Pick<LivePort, "updateMarks">;

/** A workbook checked, nothing written. */
export interface CheckedWorkbook {
  readonly report: Report;
  readonly settings: Settings;
  readonly settingsProblems: readonly string[];
  /** The tables in scope, as read (reminders reuse them). */
  readonly tables: readonly TableData[];
  readonly ranIn: "thread" | "worker";
}

/**
 * The check, the same for every front end (task pane, ribbon, CLI, preview): the workbook's
 * settings → the clock → the tables in scope → the check (in a worker for big inputs). Reads
 * only. Cancelling (`signal`) rejects with ValidationCancelled.
 */
export async function checkWorkbook(port: ValidationReader, opts: ValidationOptions): Promise<CheckedWorkbook> {
  const { signal, onProgress } = opts;
  throwIfAborted(signal);
  onProgress?.({ phase: "settings" });
  await opts.settingsReady?.();
  const { settings, problems } = await loadSettings(port, opts.lang);
  if (problems.length > 0) opts.onSettingsProblems?.(problems);
  const clock = clockOf(settings, opts.instant ?? new Date(), opts.clock);
  throwIfAborted(signal);

  onProgress?.({ phase: "reading" });
  const [tables, sheets] = await Promise.all([port.readTables(opts.scope), port.listSheets()]);
  throwIfAborted(signal);

  const job: CheckJob = {
    file: opts.file ?? "",
    sheets,
    tables,
    settings,
    today: clock.today,
    now: clock.now,
    lang: opts.lang,
    keepSaid: opts.keepSaid ?? false,
  };
  const total = totalRows(tables);
  const useWorker = opts.checkInWorker !== undefined && total > (opts.workerThreshold ?? WORKER_THRESHOLD_ROWS);
  onProgress?.({ phase: "checking", check: { tablesDone: 0, tables: tables.length, rowsDone: 0, rows: total } });
  const report =
    useWorker && opts.checkInWorker
      ? await opts.checkInWorker(job, { signal, onProgress: (check) => onProgress?.({ phase: "checking", check }) })
      : checkInThread(job, signal, (check) => onProgress?.({ phase: "checking", check }));
  throwIfAborted(signal);
  return { report, settings, settingsProblems: problems, tables, ranIn: useWorker ? "worker" : "thread" };
}

/**
 * The validation flow of the task pane and the ribbon command: `checkWorkbook`, then the marks
 * (findings → marks, `app/marks.ts`), which replace the previous ones within the run's scope
 * (see `writeMarks`). Cancelling (`signal`) at any point before the marks are written rejects
 * with ValidationCancelled and leaves the workbook untouched: the marks are written by one port
 * command, after the last cancellation point.
 *
 * The run checks the data it read: an edit made while it checks is not in its report (live
 * validation, when on, re-checks that row once the edit is heard).
 */
export async function runValidation(port: ValidationWorkbook, opts: ValidationOptions): Promise<ValidationResult> {
  const checked = await checkWorkbook(port, opts);
  opts.onProgress?.({ phase: "marking" });
  const marks = marksFromFindings(checked.report.findings);
  await writeMarks(port, opts.scope, checked.tables, marks);
  const { report, settings, settingsProblems, ranIn } = checked;
  return { report, settings, settingsProblems, marked: marks.length, ranIn };
}

/**
 * A run answers for its scope only. `all`: every mark of the workbook is replaced (applyMarks).
 * A scoped run covers one sheet — 当前工作表 that sheet, 当前表格 the table's — and replaces the
 * marks of the rows it checked, in one `updateMarks` command; marks on other sheets, and for
 * 当前表格 on the rows of other tables, stay as they are.
 *  - 当前工作表: rows 1 to the last row of the sheet's lowest table (a table removed since the last
 *    run above that row loses its stale marks too);
 *  - 当前表格: the table's header row to its last data row.
 * A scoped run that finds no table changes no mark. Marks on rows below every table (a table
 * that shrank or was deleted) stay until a full run or 清除标记.
 */
async function writeMarks(
  port: ValidationWorkbook,
  scope: TableScope,
  tables: readonly TableData[],
  marks: readonly Mark[],
): Promise<void> {
  if (scope.kind === "all") return port.applyMarks(marks);
  const sheets = new Map<string, { sheet: string; rows: Set<number> }>();
  const entry = (sheet: string) => {
    const key = sheet.toLowerCase();
    let e = sheets.get(key);
    if (!e) sheets.set(key, (e = { sheet, rows: new Set() }));
    return e;
  };
  for (const { table, body } of tables) {
    const bottom = Math.max(lastRowOf(table), table.headerRow + body.length);
    const rows = entry(table.sheet).rows;
    for (let row = scope.kind === "sheet" ? 1 : table.headerRow; row <= bottom; row++) rows.add(row);
  }
  // Every mark's row is in the set already (findings sit on a table's rows); made sure of anyway,
  // since updateMarks refuses a mark outside the rows it is given.
  const bySheet = new Map<string, Mark[]>();
  for (const m of marks) {
    const e = entry(m.sheet);
    e.rows.add(Number(/\d+$/.exec(m.cell)?.[0]));
    const list = bySheet.get(m.sheet.toLowerCase());
    if (list) list.push(m);
    else bySheet.set(m.sheet.toLowerCase(), [m]);
  }
  for (const [key, { sheet, rows }] of sheets) {
    await port.updateMarks(
      sheet,
      [...rows].sort((a, b) => a - b),
      bySheet.get(key) ?? [],
    );
  }
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
