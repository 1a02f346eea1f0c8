import type { RawCell } from "../core/cells/types";
import type { DocumentKind, RegisterEntry } from "../core/documents/model";
import type { StoredWordTemplate } from "../core/documents/word-template-store";
import type { SheetLayout } from "../core/documents/sheet-layout-types";
import type { Mark } from "../core/marks/mark";
import type { LayoutPort } from "./layout-port";
import type { DashboardSheet } from "../core/dashboard/sheet";

/**
 * The workbook port: what the use cases of src/app need of a workbook. It lives with them (the
 * use cases define what they need; the adapters in src/workbook implement it):
 *  - `workbook/officejs/` — inside Excel, through Office.js (`Excel.run`, one batch per command);
 *  - `workbook/exceljs/`  — an .xlsx file held in memory through ExcelJS (preview, `liaison template` and `generate`, tests);
 *  - `workbook/ooxml/`    — the streaming reader behind `liaison check` (the read side, marks, a patched copy).
 * A use case asks for the part it uses (`Pick<WorkbookPort, …>`, `ValidationReader`).
 *
 * Every operation either completes or throws a `LiaisonError` having changed nothing. Adapters
 * decide nothing (the core and the use cases do) and never swallow errors.
 */

/** A range a person points at: sheet name and A1 address (`B3:F20`, or `B3` for one cell). */
export interface RangeRef {
  readonly sheet: string;
  readonly address: string;
}

export interface InsertOptions {
  /** Add the template's example rows (the manual's own, messy as written). */
  readonly examples: boolean;
  /** Sheet name; defaults to the template's name, made unique (`供应商评估表 (2)`). */
  readonly sheetName?: string;
  /** Table name; defaults to the template's `tableName`, made unique (`SupplierEvaluation2`). */
  readonly tableName?: string;
}

export interface InsertResult {
  readonly sheet: string;
  readonly table: string;
  /** A1 address of the whole table including its header row, e.g. `A1:J4`. */
  readonly address: string;
  /** Data rows written (0 for an empty template: the table then has one blank row). */
  readonly rows: number;
}

export type { FoundColumn, FoundTable, TableData } from "../core/layout/types";
import type { FoundTable, SelectedRows, TableData } from "../core/layout/types";

export interface StructureResult {
  readonly sheet: string;
  readonly table: string;
  readonly templateId: string;
  readonly address: string;
  readonly rows: number;
}

export interface WorkbookPort extends ValidationPort, LivePort, DocumentPort, LayoutPort, DashboardPort {
  /** Sheet names in workbook order. */
  listSheets(): Promise<string[]>;
  /** Inserts a template as an Excel table on a new sheet. Never overwrites a sheet or table. */
  insertTemplate(templateId: string, options: InsertOptions): Promise<InsertResult>;
  /** Finds every table of a known template: Excel tables and plain ranges with a matching header. */
  findTables(): Promise<FoundTable[]>;
  /**
   * Turns a recognised plain range into an Excel table with the template's formats and dropdowns,
   * without changing any value. `target` defaults to the current selection where the host has
   * one (Office); the ExcelJS adapter requires it.
   */
  structureRange(target?: RangeRef): Promise<StructureResult>;
}

/* ----------------------------------------------------------------------------------------------
 * Validation (issue "Rules and validation"): reading table data, marks, selection, settings.
 * -------------------------------------------------------------------------------------------- */

/** Which tables a validation run covers. `current`: the table (or recognised range) under the active cell. */
export type TableScope = { readonly kind: "all" } | { readonly kind: "sheet"; readonly sheet: string } | { readonly kind: "current" };

export interface ValidationPort {
  /** Finds the tables in scope (as `findTables`) and reads their data rows, in a fixed number of batches. */
  readTables(scope: TableScope): Promise<TableData[]>;
  /**
   * Replaces the add-in's marks with these: old marks are cleared first, in the same command.
   * Marks are the add-in's own (conditional formats tagged with MARK_SIGNATURE): no value and
   * none of the user's own formats is ever changed, so clearing restores the sheet exactly.
   */
  applyMarks(marks: readonly Mark[]): Promise<void>;
  /** Removes every mark the add-in made, on every sheet, and nothing else. */
  clearMarks(): Promise<void>;
  /** Activates the sheet and selects the cell (clicking a finding). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * The key/value rows of the settings sheet as raw cells ([key, value]), header excluded;
   * undefined when the workbook has none (rows read by core's `settingsSheetRows`). Use cases call
   * `loadSettings` (app/settings.ts), which validates them and lists the problems to show (a bad
   * value falls back to its default).
   */
  readSettings(): Promise<RawCell[][] | undefined>;
  /** Stores settings in the workbook (hidden sheet SETTINGS_SHEET: key/value rows). */
  writeSettings(rows: readonly (readonly [string, string | number | boolean])[]): Promise<void>;
}

/* ----------------------------------------------------------------------------------------------
 * Documents (issue "Documents from selected rows"): selected rows in, document sheets out.
 * -------------------------------------------------------------------------------------------- */

/** Rows chosen by a person: explicit (CLI `--sheet S --rows 5,7-9`) or the host's selection. */
export interface RowsTarget {
  readonly sheet: string;
  /** Excel row numbers. */
  readonly rows: readonly number[];
}

export type { SelectedRows } from "../core/layout/types";

/**
 * A document ready to be written: its sheet layout and its register line. Without a layout it was
 * written elsewhere (a Word file, a PDF): only its register line is added, so its number is
 * recorded as every other and never given out again.
 */
export interface DocumentToWrite {
  readonly layout?: SheetLayout;
  readonly entry: RegisterEntry;
}

export interface DocumentPort {
  /**
   * The rows of the known table under the selection (any shape: one cell per row is enough,
   * several areas, whole rows), or of `target`. Throws LiaisonError when the selection is on no
   * known table, spans two tables, or holds no data row.
   */
  readSelectedRows(target?: RowsTarget): Promise<SelectedRows>;
  /** The register sheet's entries (empty when the workbook has none yet). */
  readRegister(): Promise<RegisterEntry[]>;
  /**
   * In one command: checks that no number is already in the register (LiaisonError otherwise,
   * nothing written), adds one new sheet per document with a layout (unique name, never
   * overwriting), writes each layout (all text as text), appends the entries to the register (an
   * Excel table of the `document-register` template, created when missing), and returns the sheet
   * names used, in order ("" for a document without a layout).
   */
  writeDocuments(docs: readonly DocumentToWrite[]): Promise<string[]>;
  /** The company's own Word template for this kind of document, kept in the workbook; undefined when none. */
  readWordTemplate(kind: DocumentKind): Promise<StoredWordTemplate | undefined>;
  /** Keeps (or, with undefined, forgets) the company's Word template for this kind, in the workbook. */
  writeWordTemplate(kind: DocumentKind, template: StoredWordTemplate | undefined): Promise<void>;
}

/* ----------------------------------------------------------------------------------------------
 * Live validation (issue "The experience"): the person's edits, as they happen.
 * -------------------------------------------------------------------------------------------- */

/** Cells a person changed on one sheet. */
export interface SheetChange {
  readonly sheet: string;
  /** Excel rows whose cells changed, ascending (empty when `all`). */
  readonly rows: readonly number[];
  /**
   * The change cannot be told by rows: rows or cells inserted or deleted (everything below
   * moved), or a whole column changed. Re-check the sheet's tables entirely.
   */
  readonly all: boolean;
}

export interface LivePort {
  /**
   * Replaces the add-in's marks on exactly these Excel rows of one sheet (live validation): old
   * marks on those rows go, `marks` (all on that sheet and those rows) come, marks on other rows
   * stay. One command, a fixed number of syncs whatever the number of rows.
   */
  updateMarks(sheet: string, rows: readonly number[], marks: readonly Mark[]): Promise<void>;
  /**
   * Calls `listener` for every change a person makes to cell values, on any sheet. The add-in's
   * own writes (marks, settings, templates, documents, structuring) never call it. Returns the
   * unsubscribe. Errors while translating an event go to `onError`.
   */
  watchChanges(listener: (change: SheetChange) => void, onError: (error: unknown) => void): Promise<() => Promise<void>>;
}

/* ----------------------------------------------------------------------------------------------
 * 看板 (issue 14): the dashboard's figures written as a sheet. A block of its own.
 * -------------------------------------------------------------------------------------------- */

export interface DashboardWritten {
  /** The new sheet's name (看板, 看板 (2) … — never an existing sheet). */
  readonly sheet: string;
  /** Native charts drawn: one per block with data inside Excel; 0 where the adapter cannot draw (ExcelJS). */
  readonly charts: number;
}

export interface DashboardPort {
  /**
   * Adds a new sheet holding the 看板's cells (`dashboardCells`: text as text, figures as numbers)
   * and, where the host can, a native chart per block that has data, and activates it. One command.
   */
  writeDashboard(sheet: DashboardSheet): Promise<DashboardWritten>;
}
