import { MAX_COLUMNS, parseRange, type Rect } from "../../core/a1";
import type { RawCell } from "../../core/cells/types";
import type { RegisterEntry } from "../../core/documents/model";
import { REGISTER_SHEET } from "../../core/documents/model";
import { LiaisonError } from "../../core/errors";
import { tableData } from "../../core/layout/body";
import { locateStored, type WorkbookLayout } from "../../core/layout/locate";
import { cellAt } from "../../core/layout/snapshot";
import type {
  DocumentPort,
  DocumentToWrite,
  FoundTable,
  RangeRef,
  RowsTarget,
  SelectedRows,
  TableData,
  TableScope,
  ValidationPort,
} from "../../app/port";
import type { Mark } from "../../core/marks/mark";
import { SETTINGS_SHEET } from "../../core/settings/sheet";
import { entriesFromRows, numberInUse, REGISTER_COLUMNS } from "../../core/documents/register-rows";
import { planLayout } from "../layout-plan";
import { uniqueSheetName } from "../../core/names";
import type { DocumentSheet } from "./documents-patch";
import { pickSelectedRows, rowAreas, rowsText, selectionAreas, type TableArea } from "../../core/layout/selected-rows";
import { settingsSheetRows } from "../../core/settings/sheet";
import { marksBySheet, patchPackage, type Listing, type PatchResult } from "./patch";
import { readPackage, type OoxmlPackage, type ReadSheet } from "./reader";

/**
 * An .xlsx file read by the streaming reader: the port the CLI reads through (`liaison check`,
 * and the reading half of `liaison generate`). Reading decides nothing: sheets become snapshots
 * and the core's `locateTables` / `tableData` find the tables. Writes are recorded and produce a
 * patched copy of the original package (`toBuffer`): marks, a listing sheet, document sheets and
 * register lines, nothing else.
 */
export class OoxmlWorkbook
  implements
    Pick<ValidationPort, "readTables" | "readSettings" | "applyMarks" | "clearMarks">,
    Pick<DocumentPort, "readSelectedRows" | "readRegister" | "writeDocuments">
{
  private marks: readonly Mark[] = [];
  private listing: Listing | undefined;
  private layout: WorkbookLayout | undefined;
  /** Documents recorded for the copy (`writeDocuments`), in the order written. */
  private documents: { sheets: DocumentSheet[]; entries: RegisterEntry[] } = { sheets: [], entries: [] };
  /** The active cell or range, for `readTables({ kind: "current" })` and selections (the preview sets it). */
  selection: RangeRef | undefined;

  private constructor(private readonly pkg: OoxmlPackage) {}

  /**
   * Reads .xlsx bytes. Anything that is not a readable workbook — another format (named: .xls,
   * .xlsb, .ods, .numbers, text), damaged, encrypted — is a LiaisonError saying which.
   */
  static load(data: ArrayBuffer | Uint8Array): OoxmlWorkbook {
    return new OoxmlWorkbook(readPackage(data instanceof Uint8Array ? data : new Uint8Array(data)));
  }

  /** The package's workbook content type: tells .xlsx, .xlsm, .xltx and .xltm apart. */
  get contentType(): string {
    return this.pkg.workbookContentType;
  }

  /** Whether the workbook carries macros (a VBA project): its copies must keep the .xlsm/.xltm extension. */
  get macroEnabled(): boolean {
    return this.pkg.workbookContentType.startsWith("application/vnd.ms-excel.");
  }

  async listSheets(): Promise<string[]> {
    return this.pkg.sheets.map((s) => s.entry.name);
  }

  /** The worksheets as the core reads them (settings sheet included). */
  snapshots(): ReadSheet[] {
    return [...this.pkg.sheets];
  }

  async findTables(): Promise<FoundTable[]> {
    return [...this.tables()];
  }

  private tables(): FoundTable[] {
    return this.readLayoutNow().tables;
  }

  /** The tables with the workbook's layout corrections applied (the corrections sheet is among the snapshots), and each correction's state. */
  async readLayout(): Promise<WorkbookLayout> {
    return this.readLayoutNow();
  }

  private readLayoutNow(): WorkbookLayout {
    // The add-in's hidden settings sheet is never a table.
    this.layout ??= locateStored(this.pkg.sheets.filter((s) => !isNamed(s, SETTINGS_SHEET)).map((s) => s.snapshot));
    return this.layout;
  }

  async readTables(scope: TableScope): Promise<TableData[]> {
    return this.inScope(scope).map((t) => tableData(this.sheetOf(t.sheet).snapshot, t));
  }

  private inScope(scope: TableScope): FoundTable[] {
    const found = this.tables();
    switch (scope.kind) {
      case "all":
        return [...found];
      case "sheet": {
        const s = this.findSheet(scope.sheet);
        if (!s) throw new LiaisonError("sheetNotFound", { sheet: scope.sheet });
        return found.filter((f) => f.sheet === s.entry.name);
      }
      case "current": {
        const table = this.selection && this.tableAt(this.selection);
        if (!table) throw new LiaisonError("noTableAtSelection");
        return [table];
      }
    }
  }

  /** The table under the selection's top-left cell: an Excel table with its whole area, a range with its header and data rows. */
  private tableAt(selection: RangeRef): FoundTable | undefined {
    const s = this.findSheet(selection.sheet);
    const sel = parseRange(selection.address);
    if (!s || !sel) return undefined;
    const inside = (r: Rect): boolean => sel.top >= r.top && sel.top <= r.bottom && sel.left >= r.left && sel.left <= r.right;
    return this.tables().find((f) => {
      if (f.sheet !== s.entry.name) return false;
      const whole = f.kind === "table" ? s.snapshot.tables.find((t) => t.name === f.tableName)?.rect : undefined;
      const rect = whole ?? parseRange(f.address);
      return rect !== undefined && inside(rect);
    });
  }

  private findSheet(name: string): ReadSheet | undefined {
    return this.pkg.sheets.find((s) => isNamed(s, name));
  }

  private sheetOf(name: string): ReadSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`Found table on sheet "${name}", which the workbook does not have`);
    return s;
  }

  /** The settings sheet's key/value rows (header row 键 | 值 left out); undefined without the sheet. */
  async readSettings(): Promise<RawCell[][] | undefined> {
    const s = this.findSheet(SETTINGS_SHEET);
    if (!s) return undefined;
    return settingsSheetRows(s.snapshot.grid.rowNumbers.map((r) => [cellAt(s.snapshot.grid, r, 0), cellAt(s.snapshot.grid, r, 1)]));
  }

  /** The register sheet's entries (empty without the sheet). */
  async readRegister(): Promise<RegisterEntry[]> {
    const s = this.findSheet(REGISTER_SHEET);
    if (!s) return [];
    const numbers = s.snapshot.grid.rowNumbers;
    const last = numbers.length === 0 ? 0 : numbers[numbers.length - 1];
    const rows = Array.from({ length: last }, (_, i) =>
      Array.from({ length: REGISTER_COLUMNS }, (_, c) => cellAt(s.snapshot.grid, i + 1, c)),
    );
    return entriesFromRows(rows, 1);
  }

  /**
   * The rows of `target` (or of the selection: areas separated by commas). Rows hidden in the
   * file are left out of a selection; rows named explicitly are taken as named.
   */
  async readSelectedRows(target?: RowsTarget): Promise<SelectedRows> {
    const sheetName = target?.sheet ?? this.selection?.sheet;
    if (sheetName === undefined) throw new LiaisonError("noTableAtSelection");
    const s = this.findSheet(sheetName);
    if (!s) throw new LiaisonError("sheetNotFound", { sheet: sheetName });
    const name = s.entry.name;
    const areas = target ? rowAreas(target.rows, MAX_COLUMNS - 1) : selectionAreas((this.selection as RangeRef).address);
    const none = target
      ? () => new LiaisonError("noTableAtRows", { sheet: name, rows: rowsText(target.rows) })
      : () => new LiaisonError("noTableAtSelection");
    const tableAreas: TableArea[] = this.tables()
      .filter((f) => f.sheet === name)
      .map((table) => {
        const rect = parseRange(table.address);
        if (!rect) throw new Error(`locateTables returned an invalid address "${table.address}"`);
        return { table, rect };
      });
    const picked = pickSelectedRows(tableAreas, name, areas, none);
    const rows = target ? picked.rows : picked.rows.filter((r) => !s.hiddenRows.has(r));
    if (rows.length === 0) throw new LiaisonError("noDataRowsSelected");
    const t = picked.table;
    const body = rows.map((r) => Array.from({ length: t.columns.length }, (_, c) => cellAt(s.snapshot.grid, r, t.firstColumn + c)));
    return { table: t, excelRows: rows, body };
  }

  /** Records the marks of the copy (`toBuffer`); old marks are always removed. Every mark and sheet is checked now. */
  async applyMarks(marks: readonly Mark[]): Promise<void> {
    // Refused now, as the other adapters refuse (an unknown severity, another sheet's cell, a
    // missing sheet): the copy is only written later, by toBuffer.
    marksBySheet(this.pkg, marks);
    this.marks = [...marks];
  }

  async clearMarks(): Promise<void> {
    this.marks = [];
  }

  /** Records a listing sheet for the copy; its final (unique) name is in `toBuffer`'s result. */
  addListingSheet(listing: Listing): void {
    this.listing = listing;
  }

  /**
   * Records documents for the copy (`toBuffer`), as the other adapters write them in one command:
   * a number already in the register (or repeated) refuses them all, a layout that cannot be laid
   * out too; then each document with a layout gets a new, unique sheet name (never an existing
   * sheet's, nor the register's) and every document a register line. Returns the sheet names, in
   * order ("" for a document without a layout).
   */
  async writeDocuments(docs: readonly DocumentToWrite[]): Promise<string[]> {
    const registered = [...(await this.readRegister()), ...this.documents.entries].map((e) => e.number);
    const inUse = numberInUse(
      registered,
      docs.map((d) => d.entry),
    );
    if (inUse !== undefined) throw new LiaisonError("documentNumberInUse", { number: inUse });
    const plans = docs.map((d) => (d.layout ? planLayout(d.layout) : undefined));
    const taken = [...this.pkg.entries.map((e) => e.name), ...this.documents.sheets.map((s) => s.name), REGISTER_SHEET];
    const names = docs.map((d) => {
      if (!d.layout) return "";
      const name = uniqueSheetName(d.layout.sheetName, taken);
      taken.push(name);
      return name;
    });
    docs.forEach((d, i) => {
      const plan = plans[i];
      if (d.layout && plan) this.documents.sheets.push({ name: names[i], layout: d.layout, plan });
      this.documents.entries.push({ ...d.entry, documentSheet: names[i] });
    });
    return names;
  }

  /** The patched copy: the original package with the recorded marks, listing and documents, every other part byte for byte. */
  toBuffer(): PatchResult {
    const docs = this.documents.entries.length > 0 ? this.documents : undefined;
    return patchPackage(this.pkg, this.marks, this.listing, docs);
  }
}

const isNamed = (s: ReadSheet, name: string): boolean => s.entry.name.toLocaleLowerCase() === name.toLocaleLowerCase();
