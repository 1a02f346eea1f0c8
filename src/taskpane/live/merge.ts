import { columnIndex, parseRange } from "../../core/a1";
import { lastRowOf } from "../../core/layout/types";
import type { Report, ReportFinding } from "../../core/report";
import type { Severity } from "../../core/rules/spec";
import type { LiveSnapshot } from "../../app/live/pane-session";

/**
 * The findings list of the 校验 tab while live validation runs: the last check's findings, with
 * those of the live tables it checked replaced by the live session's (which are newer: they
 * follow every edit). Without a check yet, the live session's findings alone.
 *
 * A live table is the report's when the report has a table on the same sheet with the same
 * template and header row; only those are merged, so a scoped check (当前工作表) keeps listing
 * its scope. A report finding is replaced when it lies on such a table's rows — from its header
 * row to its last data row, as the table was at the check or is now.
 * Order: sheets as the report had them (then new ones), rows, columns — the order of a check.
 * The run-wide `calendar` notice stays the report's (the live one would repeat it).
 */
export function mergeLiveFindings(
  report: Pick<Report, "findings" | "tables"> | undefined,
  snapshot: LiveSnapshot | undefined,
): ReportFinding[] {
  const base = report?.findings ?? [];
  if (!snapshot) return [...base];

  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const extents = new Map<string, [number, number][]>();
  const add = (sheet: string, top: number, bottom: number) => {
    const key = sheet.toLowerCase();
    extents.set(key, [...(extents.get(key) ?? []), [top, bottom]]);
  };
  const taken: LiveSnapshot["tables"][number][] = [];
  for (const t of snapshot.tables) {
    const checked = report?.tables.filter((r) => same(r.sheet, t.sheet) && r.headerRow === t.headerRow && r.template === t.templateId);
    if (report && (!checked || checked.length === 0)) continue;
    taken.push(t);
    add(t.sheet, t.headerRow, lastRowOf(t));
    for (const r of checked ?? []) add(t.sheet, r.headerRow, parseRange(r.range)?.bottom ?? r.headerRow + r.rows);
  }
  const within = (sheet: string, row: number): boolean =>
    (extents.get(sheet.toLowerCase()) ?? []).some(([top, bottom]) => row >= top && row <= bottom);

  const kept = base.filter((f) => f.rule === "calendar" || !within(f.sheet, f.row));
  const fresh = [...snapshot.findings.values()]
    .flat()
    .filter((f) => f.rule !== "calendar" && within(f.sheet, f.row) && taken.some((t) => same(t.sheet, f.sheet)));

  const order = new Map<string, number>();
  for (const f of [...base, ...fresh]) if (!order.has(f.sheet)) order.set(f.sheet, order.size);
  const col = (cell: string): number => columnIndex(/^[A-Z]+/.exec(cell)?.[0] ?? "A");
  // Each finding's sort key made once (not per comparison: thousands of findings, a regex each).
  // Stable: findings of one cell keep the engine's order.
  const keyed = [...kept, ...fresh].map((f) => ({ f, sheet: order.get(f.sheet) ?? 0, col: col(f.cell) }));
  keyed.sort((a, b) => a.sheet - b.sheet || a.f.row - b.f.row || a.col - b.col);
  return keyed.map((k) => k.f);
}

export function countBySeverity(findings: readonly ReportFinding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
