import { severityRank } from "../core/marks/plan";
import type { ReportFinding } from "../core/report";
import type { ValidationPort } from "./port";
import type { Mark } from "../core/marks/mark";

/**
 * Findings → marks, the one decision for every front end (the pane's 校验, the ribbon, live
 * validation, the CLI's marked copy `check --out`): one mark per cell, with the highest severity
 * among the cell's findings (core's severity order); its message lists the findings of that
 * severity (a cell can break two rules).
 *
 * The `calendar` finding is not marked anywhere: it is about the whole run (the holiday data does
 * not cover a year), not about the cell it is filed under — the pane shows it as a notice and the
 * marked copy lists it on its findings sheet. (Until issue 9 the CLI's copy coloured that cell
 * and the pane did not; the pane's reading is the right one.)
 */
export function marksFromFindings(findings: readonly ReportFinding[]): Mark[] {
  const byCell = new Map<string, { sheet: string; cell: string; severity: Mark["severity"]; messages: string[] }>();
  for (const f of findings) {
    if (!marksCell(f)) continue;
    const key = `${f.sheet}\u0000${f.cell}`;
    const prev = byCell.get(key);
    if (!prev || severityRank(f.severity) < severityRank(prev.severity)) {
      byCell.set(key, { sheet: f.sheet, cell: f.cell, severity: f.severity, messages: [f.message] });
    } else if (prev.severity === f.severity) {
      prev.messages.push(f.message);
    }
  }
  return [...byCell.values()].map(({ sheet, cell, severity, messages }) => ({ sheet, cell, severity, message: messages.join("\n") }));
}

/** Whether a finding colours its cell: every rule but `calendar` (see above). */
export const marksCell = (f: Pick<ReportFinding, "rule">): boolean => f.rule !== "calendar";

/**
 * Replaces the workbook's marks with the findings' (every old mark goes; one port command). The
 * number of cells marked is returned.
 */
export async function markFindings(port: Pick<ValidationPort, "applyMarks">, findings: readonly ReportFinding[]): Promise<number> {
  const marks = marksFromFindings(findings);
  await port.applyMarks(marks);
  return marks.length;
}
