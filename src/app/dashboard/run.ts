import { checkTables, resolveClock } from "../../core/check";
import { dashboardFigures, type DashboardFigures } from "../../core/dashboard/figures";
import { dashboardSheet } from "../../core/dashboard/sheet";
import type { Lang } from "../../core/i18n";
import type { Report } from "../../core/report";
import { settingsFromRows } from "../../core/settings";
import type { DashboardWritten, ValidationPort, WorkbookPort } from "../port";

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
}

export interface DashboardResult {
  /** The check the figures count (its findings are what a chart's mark leads to). */
  readonly report: Report;
  readonly figures: DashboardFigures;
  /** Problems in the stored settings (a bad 合格线 fell back to its default). */
  readonly settingsProblems: readonly string[];
}

export async function loadDashboard(port: DashboardWorkbook, opts: DashboardOptions): Promise<DashboardResult> {
  const rows = await port.readSettings();
  const { settings, problems } = settingsFromRows(rows ?? [], opts.lang);
  const clock = resolveClock({ settings, instant: opts.instant, today: opts.today });
  const [tables, sheets] = await Promise.all([port.readTables({ kind: "all" }), port.listSheets()]);
  const report = checkTables({ file: opts.file ?? "", sheets, tables, settings, today: clock.today, now: clock.now, lang: opts.lang });
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
