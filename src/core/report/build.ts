import { columnIndex, rangeAddress } from "../a1";
import { isoDate } from "../cells/civil";
import type { DayNumber } from "../cells/types";
import type { WorkCalendar } from "../calendar/calendar";
import type { Finding } from "../rules/finding";
import type { ShownFinding } from "./shown";
import type { FoundTable } from "../layout/types";
import type { Report, ReportFinding } from "./schema";

export interface ReportTableInput {
  readonly found: Pick<FoundTable, "sheet" | "templateId" | "headerRow" | "rows"> &
    Partial<Pick<FoundTable, "range" | "address" | "skippedRows" | "firstColumn" | "columns">>;
  /** validateTable's result for this table. */
  readonly findings: readonly Finding[];
}

export interface BuildReportInput {
  /** The file name as the user gave it (no directory needed). */
  readonly file: string;
  readonly today: DayNumber;
  /** In sheet order; tables of one sheet may come in any order. */
  readonly tables: readonly ReportTableInput[];
  /** The calendar the check counted with, asked after the check. */
  readonly calendar: Pick<WorkCalendar, "provisionalYears" | "yearsUsed">;
  /** Workbook sheet order; defaults to the order in which `tables` first name each sheet. */
  readonly sheets?: readonly string[];
  /**
   * Keep each finding's message key and params beside contract.md's fields, for a front end that
   * renders findings again in its reader's language (the pane); off for the JSON report, whose
   * findings are exactly the contract's.
   */
  readonly keepSaid?: boolean;
}

const columnOf = (cell: string): number => columnIndex(/^[A-Z]+/.exec(cell)?.[0] ?? "A");

/**
 * The report of contract.md, keys in the contract's order. Findings: by sheet order, row, column
 * order; one `calendar` finding at most (the first). `calendar.years` are the years whose
 * working days the check relied on; `provisional` when any lacked holiday data.
 */
export function buildReport(input: BuildReportInput): Report {
  const order = new Map<string, number>();
  for (const s of input.sheets ?? []) if (!order.has(s)) order.set(s, order.size);
  for (const t of input.tables) if (!order.has(t.found.sheet)) order.set(t.found.sheet, order.size);
  const sheetRank = (s: string): number => order.get(s) ?? order.size;

  const tables = [...input.tables].sort(
    (a, b) => sheetRank(a.found.sheet) - sheetRank(b.found.sheet) || a.found.headerRow - b.found.headerRow,
  );

  let findings: Finding[] = [];
  for (const t of tables) for (const f of t.findings) findings.push(f);
  // Each table's findings are sorted already; a stable sort merges tables that share a sheet.
  const sheetsWithTables = new Set<string>();
  let shared = false;
  for (const t of tables) {
    if (sheetsWithTables.has(t.found.sheet)) shared = true;
    sheetsWithTables.add(t.found.sheet);
  }
  if (shared) findings.sort((a, b) => sheetRank(a.sheet) - sheetRank(b.sheet) || a.row - b.row || columnOf(a.cell) - columnOf(b.cell));

  const firstCalendar = findings.findIndex((f) => f.rule === "calendar");
  if (firstCalendar >= 0) findings = findings.filter((f, i) => f.rule !== "calendar" || i === firstCalendar);

  const summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;

  return {
    file: input.file,
    today: isoDate(input.today),
    calendar: { provisional: input.calendar.provisionalYears().length > 0, years: [...input.calendar.yearsUsed()] },
    tables: tables.map((t) => ({
      sheet: t.found.sheet,
      template: t.found.templateId,
      headerRow: t.found.headerRow,
      rows: t.found.rows,
      range: tableRange(t.found),
      skippedRows: (t.found.skippedRows ?? []).map((s) => ({ row: s.row, reason: s.reason })),
    })),
    findings: input.keepSaid ? findings.map(shownFinding) : findings.map(reportFinding),
    summary,
  };
}

/** A finding as contract.md's report holds it: its fields in the contract's order, nothing else. */
export function reportFinding(f: Finding): ReportFinding {
  return { sheet: f.sheet, row: f.row, column: f.column, cell: f.cell, rule: f.rule, severity: f.severity, message: f.message };
}

/** The contract's fields, then the finding's key and params (a `ShownFinding`). */
function shownFinding(f: Finding): ReportFinding {
  const shown: ShownFinding = { ...reportFinding(f), key: f.key, params: f.params };
  return shown;
}

/** contract.md: the A1 range from the first header row to the last data row. */
function tableRange(found: ReportTableInput["found"]): string {
  if (found.range !== undefined) return found.range;
  if (found.address !== undefined) return found.address;
  const left = found.firstColumn ?? 0;
  const width = Math.max(1, found.columns?.length ?? 1);
  return rangeAddress({ top: found.headerRow, left, bottom: found.headerRow + found.rows, right: left + width - 1 });
}

/** Exit code of `liaison check`: 1 when any finding is an error, else 0 (2 is the CLI's, for files it cannot check). */
export function exitCode(report: Pick<Report, "summary">): 0 | 1 {
  return report.summary.error > 0 ? 1 : 0;
}
