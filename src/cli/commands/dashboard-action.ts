import { loadDashboard, writeDashboardSheet } from "../../app/dashboard/run";
import { isLiaisonError } from "../../core/errors";
import { XlsxWorkbook } from "../../workbook/exceljs/adapter";
import { OoxmlWorkbook } from "../../workbook/ooxml/workbook";
import type { CliContext } from "../context";
import { CliError } from "../errors";
import { readInputFile, writeOutputFile } from "../io";
import type { DashboardArgs } from "./dashboard";

/**
 * `liaison dashboard`: the 看板 use case (src/app/dashboard, the pane's own) over the input read
 * with the streaming reader, written as a NEW workbook holding the figures (ExcelJS; the input is
 * only read). ExcelJS cannot draw charts: stderr says that charts are drawn in Excel only.
 */
export async function runDashboardAction(a: DashboardArgs, ctx: CliContext): Promise<number> {
  const bytes = await readInputFile(a.file);
  let input: OoxmlWorkbook;
  try {
    input = OoxmlWorkbook.load(bytes);
  } catch (e) {
    if (isLiaisonError(e)) throw new CliError("fileError", { file: a.file, message: e.describe(ctx.lang) });
    throw e;
  }
  const { report, figures, settingsProblems } = await loadDashboard(input, {
    lang: ctx.lang,
    instant: new Date(),
    file: a.file,
    ...(a.today !== undefined ? { today: a.today } : {}),
  });
  for (const message of settingsProblems) ctx.err(ctx.t("settingsWarning", { message }));
  if (report.tables.length === 0) throw new CliError("noKnownTable", { file: a.file });

  const out = XlsxWorkbook.create();
  const written = await writeDashboardSheet(out, figures, ctx.lang);
  await writeOutputFile(a.out, await out.toBuffer());
  ctx.out(ctx.t("dashboardWritten", { file: a.out, sheet: written.sheet, owners: figures.owners.length, periods: figures.periods.length }));
  if (written.charts === 0) ctx.err(ctx.t("dashboardNoCharts"));
  return 0;
}
