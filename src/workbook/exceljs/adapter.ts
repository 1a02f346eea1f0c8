// The namespace import works in both builds of ExcelJS: Node resolves `main` (lib/exceljs.nodejs.js,
// CommonJS) and webpack resolves `browser` (dist/exceljs.min.js, a self-contained UMD bundle); both
// export an object with `Workbook`. No fs here: reading and writing files belongs to the CLI.
import * as ExcelJS from "exceljs";
import { LiaisonError } from "../../core/errors";
import { sniffBytes } from "../ooxml/sniff";
import { parseRange } from "../../core/a1";
import type { RawCell } from "../../core/cells/types";
import type { RegisterEntry } from "../../core/documents/model";
import type {
  DocumentPort,
  DocumentToWrite,
  FoundTable,
  LivePort,
  InsertOptions,
  InsertResult,
  RangeRef,
  RowsTarget,
  SelectedRows,
  SheetChange,
  StructureResult,
  TableData,
  TableScope,
  ValidationPort,
  WorkbookPort,
  DashboardWritten,
} from "../../app/port";
import type { Mark } from "../../core/marks/mark";
import { findTables, layoutOf } from "./find-tables";
import { addLayoutCorrection, removeLayoutCorrection } from "./corrections-store";
import type { CorrectionRequest, LayoutCorrection, WorkbookLayout } from "../../app/layout-port";
import { hookLoad, type LoadHooks } from "./load-hooks";
import type { DashboardSheet } from "../../core/dashboard/sheet";
import { insertTemplate } from "./insert-template";
import { addListingSheet, type Listing } from "./listing-sheet";
import { applyMarks, clearMarks, updateMarks } from "./marks";
import { ChangeHub, setCellValue } from "./watch";
import { readSelectedRows } from "./read-selected-rows";
import { readTablesData, tablesInScope } from "./read-tables";
import { readRegister } from "./register";
import { SelectionHolder, type SelectionListener } from "./selection";
import { findSheet, readSettingsRows, writeSettingsRows } from "./settings-store";
import { structureRange } from "./structure-range";
import { assumeHeaderRows } from "./tables";
import { writeDocuments } from "./write-documents";
import { writeDashboard } from "./write-dashboard";
import { readWordTemplate, writeWordTemplate } from "./word-templates";
import type { DocumentKind } from "../../core/documents/model";
import type { StoredWordTemplate } from "../../core/documents/word-template-store";

/** An .xlsx workbook held in memory: the port for the CLI, the preview page and tests. */
export class XlsxWorkbook implements WorkbookPort, ValidationPort, DocumentPort, LivePort {
  private readonly sel = new SelectionHolder();
  private readonly changes = new ChangeHub();

  private constructor(private readonly wb: ExcelJS.Workbook) {}

  /**
   * The active cell or range (ExcelJS has none of its own): set by the preview page's grid and by
   * `selectCell`; `readTables({ kind: "current" })` checks the table under its top-left cell.
   * Setting it notifies `onSelectionChange` listeners when it changes.
   */
  get selection(): RangeRef | undefined {
    return this.sel.get();
  }

  set selection(range: RangeRef | undefined) {
    this.sel.set(range);
  }

  /** Calls `listener` whenever the selection changes; returns the function that unsubscribes. */
  onSelectionChange(listener: SelectionListener): () => void {
    return this.sel.subscribe(listener);
  }

  /** The ExcelJS workbook, for read-only use (the preview page renders it). Change it through the port. */
  get workbook(): ExcelJS.Workbook {
    return this.wb;
  }

  static create(): XlsxWorkbook {
    return new XlsxWorkbook(new ExcelJS.Workbook());
  }

  /**
   * Reads .xlsx bytes. Anything that is not a readable .xlsx workbook — empty, another format,
   * damaged, an old .xls, a password-protected (encrypted) file — is a LiaisonError saying which.
   * Dates follow the file's date system in either spelling (load-hooks.ts); `hooks.onProgress`
   * hears how far the worksheet parts are read.
   */
  static async load(data: ArrayBuffer | Uint8Array, hooks?: LoadHooks): Promise<XlsxWorkbook> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    // The one sniffer of the .xlsx path (ooxml/sniff.ts): encrypted, .xls, text files named as such.
    sniffBytes(bytes);
    const wb = new ExcelJS.Workbook();
    hookLoad(wb, bytes, hooks);
    try {
      // ExcelJS's typings ask for a Node Buffer; JSZip underneath reads any Uint8Array.
      await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
    } catch (cause) {
      // A zip that ExcelJS cannot parse as a workbook. The cause is kept for LIAISON_DEBUG.
      throw Object.assign(new LiaisonError("unreadableFile"), { cause });
    }
    // A zip without a workbook part (a .docx, say) loads as a workbook with no sheets.
    if (wb.worksheets.length === 0) throw new LiaisonError("unreadableFile");
    assumeHeaderRows(wb);
    return new XlsxWorkbook(wb);
  }

  async toBuffer(): Promise<Uint8Array> {
    const out = await this.wb.xlsx.writeBuffer();
    // Node gives a Buffer (already a Uint8Array); the browser build an ArrayBuffer-like.
    return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
  }

  async listSheets(): Promise<string[]> {
    return this.wb.worksheets.map((ws) => ws.name);
  }

  async insertTemplate(templateId: string, options: InsertOptions): Promise<InsertResult> {
    return insertTemplate(this.wb, templateId, options);
  }

  async findTables(): Promise<FoundTable[]> {
    return findTables(this.wb);
  }

  async readLayout(): Promise<WorkbookLayout> {
    return layoutOf(this.wb).layout;
  }

  async addLayoutCorrection(request: CorrectionRequest): Promise<void> {
    addLayoutCorrection(this.wb, request);
  }

  async removeLayoutCorrection(correction: LayoutCorrection): Promise<void> {
    removeLayoutCorrection(this.wb, correction);
  }

  async structureRange(target?: RangeRef): Promise<StructureResult> {
    if (!target) throw new LiaisonError("emptySelection");
    return structureRange(this.wb, target);
  }

  async readTables(scope: TableScope): Promise<TableData[]> {
    return readTablesData(this.wb, tablesInScope(this.wb, findTables(this.wb), scope, this.selection));
  }

  async applyMarks(marks: readonly Mark[]): Promise<void> {
    applyMarks(this.wb, marks);
  }

  async clearMarks(): Promise<void> {
    clearMarks(this.wb);
  }

  async updateMarks(sheet: string, rows: readonly number[], marks: readonly Mark[]): Promise<void> {
    updateMarks(this.wb, sheet, rows, marks);
  }

  /** A person's edit of one cell (the preview grid's editor), typed as Excel would; tells the `watchChanges` listeners. */
  async setCellValue(sheet: string, address: string, text: string): Promise<void> {
    this.changes.notify(setCellValue(this.wb, sheet, address, text));
  }

  /** Only `setCellValue` edits are changes: the adapter's own writes never notify. */
  async watchChanges(listener: (change: SheetChange) => void, onError: (error: unknown) => void): Promise<() => Promise<void>> {
    return this.changes.subscribe(listener, onError);
  }

  /** Selects `cell` on `sheet` (the sheet's own spelling is kept); unknown sheet or bad address → LiaisonError. */
  async selectCell(sheet: string, cell: string): Promise<void> {
    const ws = findSheet(this.wb, sheet);
    if (!ws) throw new LiaisonError("sheetNotFound", { sheet });
    const rect = parseRange(cell);
    if (!rect || rect.sheet !== undefined) throw new LiaisonError("invalidAddress", { address: cell });
    this.selection = { sheet: ws.name, address: cell.replace(/\$/g, "").toUpperCase() };
  }

  /**
   * The settings sheet's key/value rows (header left out), raw: read them with core/settings
   * `settingsFromRows`. Undefined when the workbook has no settings sheet.
   */
  async readSettings(): Promise<RawCell[][] | undefined> {
    return readSettingsRows(this.wb);
  }

  async writeSettings(rows: readonly (readonly [string, string | number | boolean])[]): Promise<void> {
    writeSettingsRows(this.wb, rows);
  }

  /** Adds a plain listing sheet (the CLI's findings in an annotated copy); returns its name, made unique. */
  addListingSheet(listing: Listing): string {
    return addListingSheet(this.wb, listing);
  }

  /**
   * The rows of `target`, or of the selection (one or more areas separated by commas, e.g.
   * `B3,B5:C6,7:9`); rows hidden in the file are left out of a selection.
   */
  async readSelectedRows(target?: RowsTarget): Promise<SelectedRows> {
    return readSelectedRows(this.wb, findTables(this.wb), target, this.selection);
  }

  async readRegister(): Promise<RegisterEntry[]> {
    return readRegister(this.wb);
  }

  async writeDocuments(docs: readonly DocumentToWrite[]): Promise<string[]> {
    return writeDocuments(this.wb, docs);
  }

  /** The cells only: ExcelJS cannot write charts (`charts: 0`), which the pane and the CLI say. */
  async writeDashboard(sheet: DashboardSheet): Promise<DashboardWritten> {
    return writeDashboard(this.wb, sheet);
  }

  async readWordTemplate(kind: DocumentKind): Promise<StoredWordTemplate | undefined> {
    return readWordTemplate(this.wb, kind);
  }

  async writeWordTemplate(kind: DocumentKind, template: StoredWordTemplate | undefined): Promise<void> {
    writeWordTemplate(this.wb, kind, template);
  }
}
