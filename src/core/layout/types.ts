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
  /** Number of data rows (below the header, up to the last non-empty row). */
  readonly rows: number;
  /** A1 address of header + data rows. */
  readonly address: string;
  readonly columns: readonly FoundColumn[];
  /** Template columns marked required that the sheet does not have at all. */
  readonly missingRequired: readonly string[];
}

/** A found table with its data rows, as the core's `readTable` takes them. */
export interface TableData {
  readonly table: FoundTable;
  /** Data rows below the header (header excluded), columns relative to `table.firstColumn`. */
  readonly body: readonly (readonly RawCell[])[];
}
