import { type Lang, localize } from "../../core/i18n";
import type { ReportFinding } from "../../core/report";
import { SEVERITIES } from "../../core/rules/finding";
import type { ColumnDef, TemplateDef } from "../../core/templates/types";
import { type RuleId, type Severity } from "../../core/rules/spec";

/** How the pane lists a report's findings: filtered, then grouped by sheet and severity. Pure, for tests. */

/** The one severity order (core/rules/finding.ts), under the name the pane uses. */
export const SEVERITY_ORDER: readonly Severity[] = SEVERITIES;

export interface FindingFilter {
  readonly severities: ReadonlySet<Severity>;
  /** One rule, or undefined for all. */
  readonly rule?: RuleId;
  /** Matched, case-insensitively, against the cell, the column, the message and the sheet. */
  readonly text: string;
}

/** `message`: the finding's message as the reader sees it (rendered in the pane's language); default: as checked. */
export function filterFindings<F extends ReportFinding>(
  findings: readonly F[],
  filter: FindingFilter,
  message: (f: F) => string = (f) => f.message,
): F[] {
  const needle = filter.text.trim().toLowerCase();
  return findings.filter(
    (f) =>
      filter.severities.has(f.severity) &&
      (filter.rule === undefined || f.rule === filter.rule) &&
      (needle === "" || [f.cell, f.column, message(f), f.sheet].some((s) => s.toLowerCase().includes(needle))),
  );
}

export interface SeverityGroup {
  readonly severity: Severity;
  readonly findings: readonly ReportFinding[];
}

export interface SheetGroup {
  readonly sheet: string;
  readonly count: Readonly<Record<Severity, number>>;
  readonly groups: readonly SeverityGroup[];
}

/** Sheets in the report's order (the workbook's), severities error → info, findings in report order (row, column). */
export function groupFindings(findings: readonly ReportFinding[]): SheetGroup[] {
  const sheets = new Map<string, Map<Severity, ReportFinding[]>>();
  for (const f of findings) {
    let bySeverity = sheets.get(f.sheet);
    if (!bySeverity) sheets.set(f.sheet, (bySeverity = new Map()));
    const list = bySeverity.get(f.severity);
    if (list) list.push(f);
    else bySeverity.set(f.severity, [f]);
  }
  return [...sheets].map(([sheet, bySeverity]) => ({
    sheet,
    count: {
      error: bySeverity.get("error")?.length ?? 0,
      warning: bySeverity.get("warning")?.length ?? 0,
      info: bySeverity.get("info")?.length ?? 0,
    },
    groups: SEVERITY_ORDER.filter((s) => bySeverity.has(s)).map((severity) => ({ severity, findings: bySeverity.get(severity) ?? [] })),
  }));
}

/**
 * The template column a finding concerns, by its canonical name (a finding's `column`), in the
 * template of its sheet where known, else in the first template that has a column of that name
 * (the manual's shared columns — 负责人, 截止日期 — have the same type everywhere).
 */
export function columnOfFinding(column: string, templates: readonly TemplateDef[], templateId?: string): ColumnDef | undefined {
  const own = templateId === undefined ? undefined : templates.find((t) => t.id === templateId);
  const inOwn = own?.columns.find((c) => c.name === column);
  if (inOwn) return inOwn;
  for (const t of templates) {
    const c = t.columns.find((x) => x.name === column);
    if (c) return c;
  }
  return undefined;
}

/** A finding's column as the reader names it: the template's English header in English. */
export function columnLabel(column: string, def: ColumnDef | undefined, lang: Lang): string {
  return lang === "en-US" && def ? def.en : localize(column, lang);
}
