import { columnIndex } from "../a1";
import { parseIsoDate, ymdFromDay } from "../cells/civil";
import type { TableData } from "../layout/types";
import type { RuleId } from "../rules/spec";
import { scoreColumn } from "../rules/score-rules";
import type { Settings } from "../settings";
import { readColumns, valueAt, type ReadColumns } from "../table/columns";
import { readTableData, type TableRead } from "../table/read-table";
import { findTemplate } from "../templates";
import type { TemplateDef } from "../templates/types";
import { ROLES, SCORES } from "./roles";

/**
 * The 看板's figures, computed from what a check already has: the located tables' data, the
 * check's findings, the settings (合格线) and today. Every figure that counts findings counts
 * them — the 看板 never decides anew what is overdue or below the pass mark; the rules did — and
 * every group keeps the indexes of its findings, so a mark on a chart leads to them.
 */

/** Where a finding sits and what it says: the part of a report finding the 看板 reads. */
export interface DashboardFinding {
  readonly sheet: string;
  readonly row: number;
  readonly cell: string;
  readonly rule: RuleId;
}

export interface DashboardInput {
  readonly tables: readonly TableData[];
  readonly findings: readonly DashboardFinding[];
  readonly settings: Pick<Settings, "threshold">;
  /** `YYYY-MM-DD`, the check's today. */
  readonly today: string;
}

/** How a finding is counted on a person's or a department's bar. */
export type Bucket = "dueSoon" | "overdue" | "escalation" | "other";
export const BUCKETS: readonly Bucket[] = ["dueSoon", "overdue", "escalation", "other"];

export function bucketOf(rule: RuleId): Bucket {
  return rule === "due-soon" ? "dueSoon" : rule === "overdue" ? "overdue" : rule === "escalation" ? "escalation" : "other";
}

/** The findings on the rows of one 负责人 (or one department). `label` "" : not filled in. */
export interface CountGroup {
  readonly label: string;
  readonly counts: Readonly<Record<Bucket, number>>;
  readonly total: number;
  /** Indexes into the input's findings. */
  readonly findings: readonly number[];
}

/** Overdue and escalated items by the month of their due date (`YYYY-MM`; "" when it cannot be told). */
export interface MonthGroup {
  readonly month: string;
  readonly overdue: number;
  readonly escalation: number;
  readonly findings: readonly number[];
}

/** The suppliers' scores of one 评估周期 against the pass mark. */
export interface PeriodScores {
  readonly period: string;
  /** Rows of that period that have a score. */
  readonly scored: number;
  /** Rounded to one decimal. */
  readonly average: number;
  readonly lowest: number;
  readonly highest: number;
  /** `threshold` findings on that period's rows. */
  readonly below: number;
  /** Every finding on that period's rows. */
  readonly findings: readonly number[];
}

export interface DashboardFigures {
  readonly today: string;
  readonly passMark: number;
  readonly owners: readonly CountGroup[];
  readonly departments: readonly CountGroup[];
  readonly months: readonly MonthGroup[];
  readonly periods: readonly PeriodScores[];
  readonly totals: {
    /** Findings on rows that have a 负责人 column (what the owner and department charts count). */
    readonly assigned: number;
    /** Every `overdue` / `escalation` / `threshold` finding of the check. */
    readonly overdue: number;
    readonly escalation: number;
    readonly below: number;
  };
}

interface RowPlace {
  readonly table: number;
  /** Index into the table's read rows. */
  readonly r: number;
}

interface ReadTable {
  readonly tpl: TemplateDef;
  readonly data: TableData;
  readonly read: TableRead;
  /** The read's values column by column (a 50,000-row table is not copied into row arrays). */
  readonly cols: ReadColumns;
}

export function dashboardFigures(input: DashboardInput): DashboardFigures {
  const todayDay = parseIsoDate(input.today);
  if (todayDay === undefined) throw new Error(`dashboardFigures: today "${input.today}" is not YYYY-MM-DD`);
  // Only the tables the 看板 draws from are read (a 50,000-row 采购订单表 is not read again).
  const tables: ReadTable[] = [];
  for (const data of input.tables) {
    const tpl = findTemplate(data.table.templateId);
    if (!tpl || !(tpl.id in ROLES || tpl.id === SCORES.templateId || hasDueRule(tpl))) continue;
    const read = readTableData(tpl, data, todayDay);
    tables.push({ tpl, data, read, cols: readColumns(read, tpl.columns) });
  }
  // Sheet (as Excel compares names, case-insensitively) → Excel row → the table row there.
  const places = new Map<string, Map<number, RowPlace>>();
  tables.forEach((t, table) => {
    const key = t.data.table.sheet.toLowerCase();
    let rows = places.get(key);
    if (!rows) places.set(key, (rows = new Map()));
    const target = rows;
    t.read.excelRows.forEach((row, r) => target.set(row, { table, r }));
  });
  let lastSheet = "";
  let lastRows: Map<number, RowPlace> | undefined;
  const placeOf = (f: DashboardFinding): RowPlace | undefined => {
    // Findings come sheet by sheet: the sheet's rows are looked up once per run of them.
    if (f.sheet !== lastSheet) {
      lastSheet = f.sheet;
      lastRows = places.get(f.sheet.toLowerCase());
    }
    return lastRows?.get(f.row);
  };

  const departmentOf = peopleDepartments(tables);
  const owners = new Groups();
  const departments = new Groups();
  let assigned = 0;
  input.findings.forEach((f, i) => {
    const place = placeOf(f);
    if (!place) return;
    const t = tables[place.table];
    const roles = ROLES[t.tpl.id];
    if (!roles) return;
    const owner = textAt(t, place.r, roles.owner);
    const department = (roles.department !== undefined ? textAt(t, place.r, roles.department) : "") || (departmentOf.get(owner) ?? "");
    const bucket = bucketOf(f.rule);
    owners.add(owner, bucket, i);
    departments.add(department, bucket, i);
    assigned++;
  });

  return {
    today: input.today,
    passMark: input.settings.threshold,
    owners: owners.list(),
    departments: departments.list(),
    months: monthGroups(input.findings, tables, placeOf),
    periods: periodScores(input.findings, tables, placeOf),
    totals: {
      assigned,
      overdue: input.findings.filter((f) => f.rule === "overdue").length,
      escalation: input.findings.filter((f) => f.rule === "escalation").length,
      below: input.findings.filter((f) => f.rule === "threshold").length,
    },
  };
}

const hasDueRule = (tpl: TemplateDef): boolean => (tpl.rules ?? []).some((r) => r.kind === "due");

/** The row's text in a template column ("" when empty, the column missing, or not text). */
function textAt(t: ReadTable, r: number, key: string): string {
  const j = columnOf(t, key);
  if (j < 0 || !t.read.present[j]) return "";
  const v = valueAt(t.cols, r, j);
  return typeof v === "string" ? v.trim() : Array.isArray(v) ? v.join("、") : typeof v === "number" ? String(v) : "";
}

/** A template column's index by key, found once per table. */
const columnIndexes = new WeakMap<ReadTable, Map<string, number>>();
function columnOf(t: ReadTable, key: string): number {
  let byKey = columnIndexes.get(t);
  if (!byKey) columnIndexes.set(t, (byKey = new Map(t.tpl.columns.map((c, j) => [c.key, j]))));
  return byKey.get(key) ?? -1;
}

/** Person → department, from the tables that name both; the first one written wins. */
function peopleDepartments(tables: readonly ReadTable[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of tables) {
    const knows = ROLES[t.tpl.id]?.knows;
    if (!knows) continue;
    for (let r = 0; r < t.read.excelRows.length; r++) {
      const person = textAt(t, r, knows[0]);
      const department = textAt(t, r, knows[1]);
      if (person && department && !out.has(person)) out.set(person, department);
    }
  }
  return out;
}

class Groups {
  private readonly byLabel = new Map<string, { counts: Record<Bucket, number>; findings: number[] }>();

  add(label: string, bucket: Bucket, finding: number): void {
    let g = this.byLabel.get(label);
    if (!g) this.byLabel.set(label, (g = { counts: { dueSoon: 0, overdue: 0, escalation: 0, other: 0 }, findings: [] }));
    g.counts[bucket]++;
    g.findings.push(finding);
  }

  /** Most findings first; ties by name; "not filled in" last. */
  list(): CountGroup[] {
    return [...this.byLabel]
      .map(([label, g]) => ({ label, counts: g.counts, total: g.findings.length, findings: g.findings }))
      .sort((a, b) => Number(a.label === "") - Number(b.label === "") || b.total - a.total || compare(a.label, b.label));
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The due date a finding sits on (the rules put overdue and escalation on the due column), as `YYYY-MM`. */
function monthGroups(
  findings: readonly DashboardFinding[],
  tables: readonly ReadTable[],
  placeOf: (f: DashboardFinding) => RowPlace | undefined,
): MonthGroup[] {
  const byMonth = new Map<string, { overdue: number; escalation: number; findings: number[] }>();
  findings.forEach((f, i) => {
    if (f.rule !== "overdue" && f.rule !== "escalation") return;
    const place = placeOf(f);
    const month = place ? monthAt(tables[place.table], place.r, f.cell) : "";
    let g = byMonth.get(month);
    if (!g) byMonth.set(month, (g = { overdue: 0, escalation: 0, findings: [] }));
    if (f.rule === "overdue") g.overdue++;
    else g.escalation++;
    g.findings.push(i);
  });
  return [...byMonth]
    .map(([month, g]) => ({ month, ...g }))
    .sort((a, b) => Number(a.month === "") - Number(b.month === "") || compare(a.month, b.month));
}

function monthAt(t: ReadTable, r: number, cell: string): string {
  const letters = /^[A-Z]+/.exec(cell)?.[0];
  if (!letters) return "";
  const index = columnIndex(letters) - t.data.table.firstColumn;
  const key = t.data.table.columns.find((c) => c.index === index)?.key;
  const j = key === undefined ? -1 : columnOf(t, key);
  if (j < 0) return "";
  const v = valueAt(t.cols, r, j);
  if (typeof v !== "number") return "";
  // Date columns hold day numbers, date-time columns minute numbers (cells/read.ts).
  const day = t.tpl.columns[j].type === "datetime" ? Math.floor(v / 1440) : v;
  const { year, month } = ymdFromDay(day);
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** Per 评估周期: the rows' scores as the rules score them (score-rules.ts `scoreColumn`), and their findings. */
function periodScores(
  findings: readonly DashboardFinding[],
  tables: readonly ReadTable[],
  placeOf: (f: DashboardFinding) => RowPlace | undefined,
): PeriodScores[] {
  const byPeriod = new Map<string, { scores: number[]; below: number; findings: number[] }>();
  const entry = (period: string) => {
    let g = byPeriod.get(period);
    if (!g) byPeriod.set(period, (g = { scores: [], below: 0, findings: [] }));
    return g;
  };
  const periodOfRow = new Map<number, string[]>();
  tables.forEach((t, ti) => {
    if (t.tpl.id !== SCORES.templateId) return;
    const score = scoresOf(t);
    const periods: string[] = [];
    for (let r = 0; r < t.read.excelRows.length; r++) {
      const period = textAt(t, r, SCORES.period);
      periods.push(period);
      if (!period) continue;
      const g = entry(period);
      if (score[r] === score[r]) g.scores.push(score[r]);
    }
    periodOfRow.set(ti, periods);
  });
  findings.forEach((f, i) => {
    const place = placeOf(f);
    const period = place ? periodOfRow.get(place.table)?.[place.r] : undefined;
    if (!period) return;
    const g = entry(period);
    g.findings.push(i);
    if (f.rule === "threshold") g.below++;
  });
  return [...byPeriod]
    .map(([period, g]) => ({
      period,
      scored: g.scores.length,
      average: g.scores.length > 0 ? Math.round((g.scores.reduce((a, b) => a + b, 0) / g.scores.length) * 10) / 10 : NaN,
      lowest: g.scores.length > 0 ? Math.min(...g.scores) : NaN,
      highest: g.scores.length > 0 ? Math.max(...g.scores) : NaN,
      below: g.below,
      findings: g.findings,
    }))
    .sort((a, b) => compare(a.period, b.period));
}

function scoresOf(t: ReadTable): Float64Array {
  const n = t.read.excelRows.length;
  const numbersOf = (key: string): Float64Array => {
    const out = new Float64Array(n).fill(NaN);
    const j = t.tpl.columns.findIndex((c) => c.key === key);
    if (j < 0 || !t.read.present[j]) return out;
    for (let r = 0; r < n; r++) {
      const v = valueAt(t.cols, r, j);
      if (typeof v === "number") out[r] = v;
    }
    return out;
  };
  const invalid = new Uint8Array(n);
  for (const issue of t.read.issues) if (issue.key === SCORES.total && issue.kind === "invalid") invalid[issue.row] = 1;
  const partsPresent = SCORES.parts.every((k) => t.read.present[t.tpl.columns.findIndex((c) => c.key === k)]);
  return scoreColumn(numbersOf(SCORES.total), invalid, partsPresent ? SCORES.parts.map(numbersOf) : [], n);
}
