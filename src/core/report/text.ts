import { translator, DEFAULT_LANG, type Lang } from "../i18n";
import { reportMessages } from "../i18n/messages/findings";
import { findTemplate } from "../templates";
import type { Report } from "./schema";

/**
 * The report for people (`--format text`): one block per sheet with its tables and findings in
 * report order, then the totals per severity and per rule.
 */
export function formatTextReport(report: Report, lang: Lang = DEFAULT_LANG): string {
  const t = translator(reportMessages, lang);
  const lines: string[] = [t("title", { file: report.file, today: report.today })];
  // The years themselves are named by the `calendar` finding; the report only says "some".
  if (report.calendar.provisional) lines.push(t("provisional"));
  if (report.tables.length === 0) lines.push(t("noTables"));

  const bySheet = new Map<string, Report["findings"]>();
  for (const f of report.findings) {
    let list = bySheet.get(f.sheet);
    if (!list) bySheet.set(f.sheet, (list = []));
    list.push(f);
  }
  const sheets = [...new Set([...report.tables.map((x) => x.sheet), ...bySheet.keys()])];
  for (const sheet of sheets) {
    lines.push("");
    for (const table of report.tables.filter((x) => x.sheet === sheet)) {
      const tpl = findTemplate(table.template);
      const name = tpl ? (lang === "en-US" ? tpl.en : tpl.name) : table.template;
      lines.push(t("table", { sheet, template: name, headerRow: table.headerRow, rows: table.rows }));
    }
    const findings = bySheet.get(sheet) ?? [];
    if (findings.length === 0) lines.push(t("tableClean"));
    for (const f of findings) {
      lines.push(t("line", { cell: f.cell, column: f.column, severity: t(`severity.${f.severity}`), message: f.message, rule: f.rule }));
    }
  }

  lines.push("");
  lines.push(t("summary", report.summary));
  const perRule = new Map<string, number>();
  for (const f of report.findings) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
  if (perRule.size > 0) lines.push(t("byRule", { list: [...perRule].map(([rule, n]) => `${rule} ${n}`).join(", ") }));
  return lines.join("\n") + "\n";
}
