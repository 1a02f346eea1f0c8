import { parseIsoDate, parseIsoDateTime, shanghaiDay, shanghaiMinute } from "./cells/civil";
import type { DayNumber, MinuteNumber } from "./cells/types";
import { DEFAULT_LANG, type Lang } from "./i18n";
import { buildReport, type Report } from "./report";
import { validateTable } from "./rules";
import type { Finding } from "./rules/finding";
import { calendarOf, type Settings } from "./settings";
import { readTableData } from "./table/read-table";
import { getTemplate } from "./templates";
import type { TableData } from "./layout/types";

export interface CheckInput {
  /** The file name shown in the report. */
  readonly file: string;
  /** Workbook sheet order (findings are sorted by it). */
  readonly sheets: readonly string[];
  readonly tables: readonly TableData[];
  readonly settings: Settings;
  readonly today: DayNumber;
  readonly now: MinuteNumber;
  readonly lang?: Lang;
  /** Keep each finding's message key and params in the report (see `BuildReportInput.keepSaid`). */
  readonly keepSaid?: boolean;
  /** Called after each table, for progress bars; return false to stop (the run then throws CheckCancelled). */
  readonly onTable?: (done: number, total: number) => boolean | void;
}

export class CheckCancelled extends Error {
  constructor() {
    super("check cancelled");
    this.name = "CheckCancelled";
  }
}

/**
 * The whole check, the same for every front end (CLI, task pane worker, ribbon command, preview):
 * read each table's cells, run the rules, build contract.md's report. One calendar for the run,
 * so the report's `calendar` names every year counted.
 */
export function checkTables(input: CheckInput): Report {
  const calendar = calendarOf(input.settings);
  const results: { found: TableData["table"]; findings: Finding[] }[] = [];
  input.tables.forEach((data, i) => {
    const tpl = getTemplate(data.table.templateId);
    const read = readTableData(tpl, data, input.today);
    const findings = validateTable({
      tpl,
      read,
      table: data.table,
      settings: input.settings,
      today: input.today,
      now: input.now,
      calendar,
      lang: input.lang ?? DEFAULT_LANG,
    });
    results.push({ found: data.table, findings });
    if (input.onTable?.(i + 1, input.tables.length) === false) throw new CheckCancelled();
  });
  return buildReport({ file: input.file, today: input.today, tables: results, calendar, sheets: input.sheets, keepSaid: input.keepSaid });
}

export interface Clock {
  readonly today: DayNumber;
  readonly now: MinuteNumber;
}

/**
 * "Today" and "now" of a check, never read from a global clock inside the core: explicit values
 * (CLI `--today`/`--now`) win over the workbook's settings, which win over the Shanghai clock of
 * `instant`. `--now` alone also fixes today (its date); `--today` alone means "as of the end of
 * that day" (23:59), so a run with only --today is reproducible too.
 */
export function resolveClock(opts: {
  readonly today?: string;
  readonly now?: string;
  readonly settings: Settings;
  readonly instant: Date;
}): Clock {
  const todayText = opts.today ?? (opts.now === undefined ? opts.settings.today : undefined);
  const nowText = opts.now ?? (opts.today === undefined ? opts.settings.now : undefined);
  const now = nowText !== undefined ? parseIsoDateTime(nowText) : undefined;
  const today = todayText !== undefined ? parseIsoDate(todayText) : undefined;
  if (nowText !== undefined && now === undefined) throw new RangeError(`invalid now: ${nowText}`);
  if (todayText !== undefined && today === undefined) throw new RangeError(`invalid today: ${todayText}`);
  if (today !== undefined && now !== undefined) return { today, now };
  if (now !== undefined) return { today: Math.floor(now / 1440), now };
  if (today !== undefined) return { today, now: today * 1440 + 1439 };
  return { today: shanghaiDay(opts.instant), now: shanghaiMinute(opts.instant) };
}
