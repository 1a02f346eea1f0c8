import { isoDate } from "../cells/civil";
import type { DayNumber } from "../cells/types";
import type { TableData } from "../layout/types";
import type { Report } from "../report";
import { readTable, type TypedValue } from "../table/read-table";
import { findTemplate } from "../templates";
import { remindFields } from "./fields";
import { levelRank, type RemindItem, type RemindLevel } from "./types";

/** Longest 事项 text put in a message: a cell may hold a paragraph; a reminder names the item. */
export const ITEM_TEXT_MAX = 120;

const LEVELS: ReadonlySet<string> = new Set<RemindLevel>(["due-soon", "overdue", "escalation"]);

export interface CollectInput {
  /** The check's report of this workbook: it decides which items are open and how late (one decision, in the rules). */
  readonly report: Report;
  /** The tables the report was made from: they give each item's 负责人 and 事项. */
  readonly tables: readonly TableData[];
  readonly today: DayNumber;
}

/**
 * The items a reminder is about: every `due-soon`, `overdue` and `escalation` finding of the
 * report, with its row's owner, item text and due date. Sorted escalations first, then by days
 * late (most first), file, sheet, row.
 */
export function collectRemindItems(input: CollectInput): RemindItem[] {
  const findings = input.report.findings.filter((f) => LEVELS.has(f.rule));
  if (findings.length === 0) return [];
  const items: RemindItem[] = [];
  for (const data of input.tables) {
    const tpl = findTemplate(data.table.templateId);
    const fields = tpl ? remindFields(tpl) : undefined;
    if (!tpl || !fields) continue;
    const first = data.table.headerRow + 1;
    const last = data.table.headerRow + data.table.rows;
    const mine = findings.filter((f) => f.sheet === data.table.sheet && f.row >= first && f.row <= last);
    if (mine.length === 0) continue;
    const read = readTable(tpl, data.table.columns, data.body, { today: input.today, firstExcelRow: first });
    const index = new Map<string, number>(tpl.columns.map((c, i) => [c.key, i]));
    const rowOf = new Map<number, number>(read.excelRows.map((r, i) => [r, i]));
    const dueCol = index.get(fields.due) ?? -1;
    const dueIsMinutes = tpl.columns[dueCol]?.type === "datetime";
    for (const f of mine) {
      const r = rowOf.get(f.row);
      if (r === undefined) continue;
      const values = read.values[r];
      const dueValue = values[dueCol];
      if (typeof dueValue !== "number") continue;
      const dueDay = dueIsMinutes ? Math.floor(dueValue / 1440) : dueValue;
      const owner = fields.owner !== undefined ? text(values[index.get(fields.owner) ?? -1]) : "";
      const item = fields.item
        .map((k) => text(values[index.get(k) ?? -1]))
        .filter((s) => s !== "")
        .join(" · ");
      items.push({
        file: input.report.file,
        sheet: f.sheet,
        row: f.row,
        cell: f.cell,
        template: tpl.id,
        owner,
        item: clip(item === "" ? f.cell : item),
        due: isoDate(dueDay),
        days: input.today - dueDay,
        level: f.rule as RemindLevel,
      });
    }
  }
  return sortItems(items);
}

export function sortItems(items: readonly RemindItem[]): RemindItem[] {
  return [...items].sort(
    (a, b) => levelRank(a.level) - levelRank(b.level) || b.days - a.days || cmp(a.file, b.file) || cmp(a.sheet, b.sheet) || a.row - b.row,
  );
}

/** Code-point order: the same on every machine (localeCompare depends on the ICU data installed). */
export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function text(v: TypedValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.join("、");
  return String(v).replace(/\s+/g, " ").trim();
}

function clip(s: string): string {
  const chars = [...s];
  return chars.length <= ITEM_TEXT_MAX ? s : `${chars.slice(0, ITEM_TEXT_MAX - 1).join("")}…`;
}
