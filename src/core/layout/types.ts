import type { Rect } from "../a1";
import type { RawCell } from "../cells/types";

/**
 * The tables the core finds on a sheet: the data every front end gets back from `locateTables`
 * (defined here, in the core, so that the core depends on nothing outside it).
 */

/** A column of a found table mapped to a template column. */
export interface FoundColumn {
  /** 0-based index within the table (from its first column). */
  readonly index: number;
  /** The header text as found in the sheet. */
  readonly header: string;
  /** Template column key, or undefined when the header matches no column. */
  readonly key?: string;
  /**
   * Set when the header is a compound column of the manual (`对接人(姓名/部门/联系方式)`)
   * holding several template columns; values are split on `/` in this order.
   */
  readonly compoundKeys?: readonly string[];
}

export interface FoundTable {
  readonly sheet: string;
  readonly templateId: string;
  /** `table`: an Excel table (ListObject); `range`: a plain range whose header matches. */
  readonly kind: "table" | "range";
  /** Excel table name when kind is `table`. */
  readonly tableName?: string;
  /** Excel row number (1-based) of the header row. */
  readonly headerRow: number;
  /** 0-based column index of the table's first column on the sheet. */
  readonly firstColumn: number;
  /** Number of data rows (`dataRows.length` when the locator set it). */
  readonly rows: number;
  /** A1 address of header + data rows (the same as `range`). */
  readonly address: string;
  /** Header rows: 2 for a two-row header (a group cell merged over its sub-headers); default 1. */
  readonly headerRows?: number;
  /**
   * Excel row numbers of the data rows, ascending. Blank, totals, note, signature, caption and
   * repeated header rows are not among them. Absent: the `rows` rows right below the header (see
   * `dataRowsOf`, the one place that decides).
   */
  readonly dataRows?: readonly number[];
  /** contract.md: the A1 range from the first header row to the last data row. */
  readonly range?: string;
  /** Rows inside or right below the table that are not data, and why. */
  readonly skippedRows?: readonly SkippedRow[];
  /** First of the rows typed directly under an Excel table and checked as part of it. */
  readonly typedBelow?: number;
  /** Merged areas that reach into the table's data rows (1-based rows, 0-based columns). */
  readonly merges?: readonly Rect[];
  readonly columns: readonly FoundColumn[];
  /** Template columns marked required that the sheet does not have at all. */
  readonly missingRequired: readonly string[];
}

export type SkipReason = "blank" | "total" | "note" | "signature" | "caption" | "header";

export interface SkippedRow {
  readonly row: number;
  readonly reason: SkipReason;
}

/** The Excel row numbers of a table's data rows: `dataRows`, else the `rows` rows below the header. */
export function dataRowsOf(table: Pick<FoundTable, "dataRows" | "headerRow" | "rows" | "headerRows">): readonly number[] {
  if (table.dataRows) return table.dataRows;
  const first = table.headerRow + (table.headerRows ?? 1);
  return Array.from({ length: table.rows }, (_, i) => first + i);
}

/** The table's last row: its last data row, else its last header row (rows are not contiguous, see `dataRowsOf`). */
export function lastRowOf(table: Pick<FoundTable, "dataRows" | "headerRow" | "rows" | "headerRows">): number {
  const rows = dataRowsOf(table);
  return rows.length > 0 ? rows[rows.length - 1] : table.headerRow + (table.headerRows ?? 1) - 1;
}

/** A found table with its data rows, as the core's `readTable` takes them. */
export interface TableData {
  readonly table: FoundTable;
  /** The data rows (`dataRowsOf(table)`, in that order), columns relative to `table.firstColumn`. */
  readonly body: readonly (readonly RawCell[])[];
}

/** The data rows of one known table that a selection touches. */
export interface SelectedRows {
  readonly table: FoundTable;
  /** Excel rows, ascending, each once; the header row and rows hidden by a filter are left out. */
  readonly excelRows: readonly number[];
  /** Their cells, columns relative to `table.firstColumn` (same shape as TableData.body). */
  readonly body: readonly (readonly RawCell[])[];
}
