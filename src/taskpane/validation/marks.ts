import type { ReportFinding } from "../../core/report";
import type { Mark } from "../../workbook/port";

const RANK: Readonly<Record<Mark["severity"], number>> = { error: 3, warning: 2, info: 1 };

/**
 * One mark per cell, with the highest severity among the cell's findings; its message lists the
 * findings of that severity (a cell can break two rules). The `calendar` finding is about the
 * whole run (missing holiday data), not about the cell it is filed under: the pane shows it as a
 * notice instead of colouring a cell for it.
 */
export function marksFromFindings(findings: readonly ReportFinding[]): Mark[] {
  const byCell = new Map<string, { sheet: string; cell: string; severity: Mark["severity"]; messages: string[] }>();
  for (const f of findings) {
    if (f.rule === "calendar") continue;
    const key = `${f.sheet}\u0000${f.cell}`;
    const prev = byCell.get(key);
    if (!prev || RANK[f.severity] > RANK[prev.severity]) {
      byCell.set(key, { sheet: f.sheet, cell: f.cell, severity: f.severity, messages: [f.message] });
    } else if (prev.severity === f.severity) {
      prev.messages.push(f.message);
    }
  }
  return [...byCell.values()].map(({ sheet, cell, severity, messages }) => ({ sheet, cell, severity, message: messages.join("\n") }));
}
