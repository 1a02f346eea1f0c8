import type * as ExcelJS from "exceljs";
import { parseRange, type Rect } from "../../core/a1";

/**
 * Read-only views of the tables, merges and names of an ExcelJS workbook. ExcelJS keeps them in
 * loosely typed models (its typings even declare `getTables()` wrongly), so the shapes used here
 * are spelled out once and everything else works with these views.
 */

/** The part of ExcelJS's table model we read; the same for tables added in memory and loaded ones. */
interface TableModel {
  name: string;
  tableRef: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: readonly { name: string }[];
}

export interface TableInfo {
  readonly name: string;
  /** The whole table: header row (always present, see `assumeHeaderRows`), data rows, totals row (if any). */
  readonly rect: Rect;
  readonly hasTotalsRow: boolean;
  readonly columnNames: readonly string[];
}

export function tablesOf(ws: ExcelJS.Worksheet): TableInfo[] {
  const tables = ws.getTables() as unknown as readonly { model: TableModel }[];
  return tables.map(({ model }) => {
    const rect = parseRange(model.tableRef);
    if (!rect) throw new Error(`Table "${model.name}" has an unreadable ref "${model.tableRef}"`);
    return {
      name: model.name,
      rect,
      hasTotalsRow: model.totalsRow === true,
      columnNames: model.columns.map((c) => c.name),
    };
  });
}

/**
 * ExcelJS reads a table's `headerRowCount` attribute as "header row" only when it is literally
 * `1`, but Excel omits the attribute for the usual table with a header row (1 is the OOXML
 * default). Left alone, every table Excel made would load as headerless and be written back with
 * `headerRowCount="0"`, which breaks it in Excel. ExcelJS keeps no trace of the raw attribute, so
 * loaded tables are taken to have a header row — true of practically every table people make, and
 * the only kind Liaison reads or writes. Called once after loading.
 */
export function assumeHeaderRows(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    const tables = ws.getTables() as unknown as readonly { model: TableModel }[];
    for (const { model } of tables) model.headerRow = true;
  }
}

export function allTableNames(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets.flatMap((ws) => tablesOf(ws).map((t) => t.name));
}

/** Workbook-level defined names: a table name must not clash with them either. */
export function definedNames(wb: ExcelJS.Workbook): string[] {
  const model = wb.definedNames.model as unknown as readonly { name: string }[];
  return model.map((d) => d.name);
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** Merged areas of a sheet. ExcelJS keeps them in a private map of Range objects (1-based columns). */
export function mergesOf(ws: ExcelJS.Worksheet): Rect[] {
  type MergeRange = { top: number; left: number; bottom: number; right: number };
  const merges = (ws as unknown as { _merges?: Record<string, MergeRange> })._merges ?? {};
  return Object.values(merges).map((m) => ({ top: m.top, bottom: m.bottom, left: m.left - 1, right: m.right - 1 }));
}
