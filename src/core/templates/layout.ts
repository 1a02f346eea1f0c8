import { dayFromYmd, serialFromDay, serialFromMinute } from "../cells/civil";
import { parseDateText } from "../cells/read";
import { excelDate, type RawCell } from "../cells/types";
import type { ColumnDef, ColumnType, ExampleRow, TemplateDef } from "./types";

/**
 * What both workbook adapters write when they insert a template: headers, widths, number formats,
 * dropdown lists, input hints and (optionally) the example rows as raw cells. Derived from the
 * template data so the Office.js and ExcelJS adapters cannot drift apart.
 */
export interface ColumnLayout {
  readonly key: string;
  readonly header: string;
  readonly type: ColumnType;
  readonly width: number;
  readonly numberFormat: string;
  /** Dropdown values (canonical options) for enum and multi-enum columns. */
  readonly list?: readonly string[];
  /** True: only list values allowed (enum). False: the list is a suggestion (multi-enum combinations such as 例会+群聊). */
  readonly listStrict: boolean;
  readonly hint?: string;
  readonly required: boolean;
}

export interface TemplateLayout {
  readonly templateId: string;
  /** Default sheet name (valid for Excel; the caller still makes it unique). */
  readonly sheetName: string;
  /** Default Excel table name (the caller still makes it unique). */
  readonly tableName: string;
  readonly columns: readonly ColumnLayout[];
  /** Example rows in column order; empty when examples are not asked for. */
  readonly rows: readonly (readonly RawCell[])[];
}

/** Text-like columns are formatted as text (`@`) so that typed values such as 00123 or =x stay as typed. */
export function defaultFormat(type: ColumnType): string {
  switch (type) {
    case "date":
      return "yyyy-mm-dd";
    case "datetime":
      return "yyyy-mm-dd hh:mm";
    case "integer":
      return "0";
    case "number":
      return "General";
    case "text":
    case "phone":
    case "enum":
    case "multi-enum":
    case "quarter":
      return "@";
  }
}

/** Width when a column does not set one (Excel character units; a Chinese character is about 2). */
function defaultWidth(type: ColumnType): number {
  switch (type) {
    case "date":
      return 12;
    case "datetime":
      return 17;
    case "number":
    case "integer":
      return 10;
    case "phone":
      return 15;
    case "quarter":
      return 10;
    default:
      return 16;
  }
}

export function columnLayout(col: ColumnDef): ColumnLayout {
  const isList = col.type === "enum" || col.type === "multi-enum";
  return {
    key: col.key,
    header: col.name,
    type: col.type,
    width: col.width ?? defaultWidth(col.type),
    numberFormat: col.format ?? defaultFormat(col.type),
    ...(isList && col.options ? { list: col.options } : {}),
    listStrict: col.type === "enum",
    ...(col.hint !== undefined ? { hint: col.hint } : {}),
    required: col.required === true,
  };
}

export function templateLayout(tpl: TemplateDef, opts: { examples: boolean }): TemplateLayout {
  return {
    templateId: tpl.id,
    sheetName: tpl.sheetName ?? tpl.name,
    tableName: tpl.tableName,
    columns: tpl.columns.map(columnLayout),
    rows: opts.examples ? tpl.examples.map((ex) => exampleRow(tpl, ex)) : [],
  };
}

function exampleRow(tpl: TemplateDef, ex: ExampleRow): RawCell[] {
  return tpl.columns.map((col) => exampleCell(col, ex[col.key]));
}

/**
 * An example value as a workbook would hold it after a person typed it into a formatted column:
 * clean numbers and full dates become numbers and dates; everything else (05-20, 无, -, 5月22日前)
 * stays the text the manual wrote, for the validator to report.
 */
export function exampleCell(col: ColumnDef, value: string | number | undefined): RawCell {
  if (value === undefined) return null;
  if (typeof value === "number") return value;
  switch (col.type) {
    case "number":
    case "integer": {
      const t = value.trim();
      return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : value;
    }
    case "date":
    case "datetime": {
      const full = parseFullDate(value.trim());
      if (!full) return value;
      const day = dayFromYmd(full.year, full.month, full.day);
      return col.type === "date" ? excelDate(serialFromDay(day)) : excelDate(serialFromMinute(day * 1440 + (full.minute ?? 0)));
    }
    default:
      return value;
  }
}

/**
 * A clean full date as the reader parses it (`parseDateText`), or undefined: dates without a year
 * and `…前` deadlines stay the text the manual wrote.
 */
function parseFullDate(text: string): { year: number; month: number; day: number; minute?: number } | undefined {
  const p = parseDateText(text);
  if (!p || p.year === undefined || /前$/.test(text)) return undefined;
  return { year: p.year, month: p.month, day: p.day, minute: p.minute };
}
