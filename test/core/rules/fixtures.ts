import { parseIsoDate, parseIsoDateTime } from "../../../src/core/cells/civil";
import type { DayNumber, MinuteNumber, RawCell } from "../../../src/core/cells/types";
import { createCalendar, type WorkCalendar } from "../../../src/core/calendar/calendar";
import type { Lang } from "../../../src/core/i18n";
import { validateTable } from "../../../src/core/rules/engine";
import type { Finding } from "../../../src/core/rules/finding";
import type { RuleSpec } from "../../../src/core/rules/spec";
import { DEFAULT_SETTINGS, type Settings } from "../../../src/core/settings/schema";
import { readTable } from "../../../src/core/table/read-table";
import { column } from "../../../src/core/templates";
import type { TemplateDef } from "../../../src/core/templates/types";
import type { FoundColumn } from "../../../src/app/port";

/** Helpers shared by the rule tests: a table typed as a person would, read and checked. */

export const day = (iso: string): DayNumber => {
  const d = parseIsoDate(iso);
  if (d === undefined) throw new Error(`bad test date ${iso}`);
  return d;
};
export const minute = (iso: string): MinuteNumber => {
  const m = parseIsoDateTime(iso);
  if (m === undefined) throw new Error(`bad test date-time ${iso}`);
  return m;
};

/** The template's columns with exactly these rules (independent of the rules in the template file). */
export function withRules(tpl: TemplateDef, rules: readonly RuleSpec[]): TemplateDef {
  return { ...tpl, rules };
}

export type Row = Readonly<Record<string, RawCell>>;

export interface TableOptions {
  /** Sheet columns, in order (template keys); default: every template column. */
  readonly keys?: readonly string[];
  readonly headerRow?: number;
  readonly firstColumn?: number;
  readonly sheet?: string;
}

export function tableOf(tpl: TemplateDef, rows: readonly Row[], today: DayNumber, opts: TableOptions = {}) {
  const keys = opts.keys ?? tpl.columns.map((c) => c.key);
  const columns: FoundColumn[] = keys.map((key, index) => ({ index, header: column(tpl, key).name, key }));
  const body = rows.map((r) => keys.map((k) => r[k] ?? null));
  const headerRow = opts.headerRow ?? 1;
  const read = readTable(tpl, columns, body, { today, firstExcelRow: headerRow + 1 });
  const missingRequired = tpl.columns.filter((c) => c.required && !keys.includes(c.key)).map((c) => c.name);
  const table = { sheet: opts.sheet ?? tpl.name, headerRow, firstColumn: opts.firstColumn ?? 0, columns, missingRequired };
  return { read, table };
}

export interface CheckOptions extends TableOptions {
  readonly today?: string;
  /** `YYYY-MM-DD HH:mm`; default: today 12:00. */
  readonly now?: string;
  readonly settings?: Partial<Settings>;
  readonly calendar?: WorkCalendar;
  readonly lang?: Lang;
}

export function check(tpl: TemplateDef, rows: readonly Row[], opts: CheckOptions = {}): Finding[] {
  const todayIso = opts.today ?? "2024-10-08";
  const today = day(todayIso);
  const { read, table } = tableOf(tpl, rows, today, opts);
  return validateTable({
    tpl,
    read,
    table,
    settings: { ...DEFAULT_SETTINGS, ...opts.settings },
    today,
    now: minute(opts.now ?? `${todayIso} 12:00`),
    calendar: opts.calendar ?? createCalendar(),
    lang: opts.lang,
  });
}

/** Findings of one rule, as `cell rule` strings, for compact expectations. */
export const cells = (findings: readonly Finding[], rule?: string): string[] =>
  findings.filter((f) => rule === undefined || f.rule === rule).map((f) => `${f.cell} ${f.rule}`);
