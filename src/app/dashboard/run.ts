import { parseIsoDate } from "../../core/cells/civil";
import { dashboardFigures, type DashboardFigures } from "../../core/dashboard/figures";
import { dashboardSheet } from "../../core/dashboard/sheet";
import type { Lang } from "../../core/i18n";
import type { Report } from "../../core/report";
import type { DashboardWritten, ValidationPort, WorkbookPort } from "../port";
import type { Checker } from "../validate/checker";
import { checkWorkbook } from "../validate/run";

/**
 * The 看板 use case, the same for every front end (task pane, preview, CLI): the workbook's
 * settings → the clock → every table → the check → the figures. It reads and never writes: the
 * check's marks stay as 校验 left them. `writeDashboardSheet` then writes the same figures as a
 * new sheet (with native charts inside Excel).
 */

export type DashboardWorkbook = Pick<WorkbookPort, "listSheets"> & Pick<ValidationPort, "readSettings" | "readTables">;

export interface DashboardOptions {
  readonly lang: Lang;
  /** The moment the figures stand for, unless `today` or the workbook's settings fix it. */
  readonly instant: Date;
  /** `YYYY-MM-DD` (CLI `--today`): wins over the settings. */
  readonly today?: string;
  /** Shown as the report's `file`. */
  readonly file?: string;
  /** Runs big checks off this thread (as 校验 does); without it the check runs in-thread. */
  readonly checkInWorker?: Checker;
}

export interface DashboardResult {
  /** The check the figures count (its findings are what a chart's mark leads to). */
  readonly report: Report;
  readonly figures: DashboardFigures;
  /** Problems in the stored settings (a bad 合格线 fell back to its default). */
  readonly settingsProblems: readonly string[];
}

export async function loadDashboard(port: DashboardWorkbook, opts: DashboardOptions): Promise<DashboardResult> {
  // The check is 校验's own (app/validate): settings with their problems, the clock, every table.
  const today = opts.today === undefined ? undefined : parseIsoDate(opts.today);
  if (opts.today !== undefined && today === undefined) throw new RangeError(`invalid today: ${opts.today}`);
  const {
    report,
    tables,
    settings,
    settingsProblems: problems,
  } = await checkWorkbook(port, {
    scope: { kind: "all" },
    lang: opts.lang,
    file: opts.file ?? "",
    instant: opts.instant,
    clock: today === undefined ? {} : { today },
    // The pane lists a mark's findings in its own language (a report that is never written out).
    keepSaid: true,
    checkInWorker: opts.checkInWorker,
  });
  const figures = dashboardFigures({ tables, findings: report.findings, settings, today: report.today });
  return { report, figures, settingsProblems: problems };
}

/** Writes the figures as a new sheet (看板, 看板 (2) …) in the reader's language. */
export function writeDashboardSheet(
  port: Pick<WorkbookPort, "writeDashboard">,
  figures: DashboardFigures,
  lang: Lang,
): Promise<DashboardWritten> {
  return port.writeDashboard(dashboardSheet(figures, lang));
}
