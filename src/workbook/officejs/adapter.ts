import type { RawCell } from "../../core/cells/types";
import type { RegisterEntry } from "../../core/documents/model";
import type {
  DocumentPort,
  DocumentToWrite,
  FoundTable,
  InsertOptions,
  InsertResult,
  LivePort,
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
import { findTables, locateWorkbook } from "./find-tables";
import { addLayoutCorrection, removeLayoutCorrection } from "./corrections-store";
import type { CorrectionRequest, LayoutCorrection, WorkbookLayout } from "../../app/layout-port";
import type { DashboardSheet } from "../../core/dashboard/sheet";
import { insertTemplate } from "./insert-template";
import { applyMarks, clearMarks, updateMarks } from "./marks";
import { quietly, watchChanges } from "./watch";
import { writing } from "./read-only";
import { readSelectedRows } from "./read-selected-rows";
import { readTables } from "./read-tables";
import { readRegister } from "./register";
import { selectCell } from "./select-cell";
import { readSettings, writeSettings } from "./settings-store";
import { structureRange } from "./structure-range";
import { writeDocuments } from "./write-documents";
import { writeDashboard } from "./write-dashboard";
import { readWordTemplate, writeWordTemplate } from "./word-templates";
import type { DocumentKind } from "../../core/documents/model";
import type { StoredWordTemplate } from "../../core/documents/word-template-store";

/**
 * The workbook port inside Excel. Each call is one `Excel.run` (one request context) whose syncs
 * are fixed in number: see the operation files for what each sync carries.
 */
export class OfficeWorkbook implements WorkbookPort, ValidationPort, DocumentPort, LivePort {
  listSheets(): Promise<string[]> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  insertTemplate(templateId: string, options: InsertOptions): Promise<InsertResult> {
    return writing(() => Excel.run((context) => quietly(context, () => insertTemplate(context, templateId, options))));
  }

  findTables(): Promise<FoundTable[]> {
    return Excel.run((context) => findTables(context));
  }

  readLayout(): Promise<WorkbookLayout> {
    return Excel.run(async (context) => (await locateWorkbook(context)).layout);
  }

  addLayoutCorrection(request: CorrectionRequest): Promise<void> {
    return writing(() => Excel.run((context) => quietly(context, () => addLayoutCorrection(context, request))));
  }

  removeLayoutCorrection(correction: LayoutCorrection): Promise<void> {
    return writing(() => Excel.run((context) => quietly(context, () => removeLayoutCorrection(context, correction))));
  }

  /** `target` defaults to the current selection. */
  structureRange(target?: RangeRef): Promise<StructureResult> {
    return writing(() => Excel.run((context) => quietly(context, () => structureRange(context, target))));
  }

  /** `current`: the table under the active cell. */
  readTables(scope: TableScope): Promise<TableData[]> {
    return Excel.run((context) => readTables(context, scope));
  }

  applyMarks(marks: readonly Mark[]): Promise<void> {
    return writing(() => Excel.run((context) => quietly(context, () => applyMarks(context, marks))));
  }

  clearMarks(): Promise<void> {
    return writing(() => Excel.run((context) => quietly(context, () => clearMarks(context))));
  }

  updateMarks(sheet: string, rows: readonly number[], marks: readonly Mark[]): Promise<void> {
    return writing(() => Excel.run((context) => quietly(context, () => updateMarks(context, sheet, rows, marks))));
  }

  watchChanges(listener: (change: SheetChange) => void, onError: (error: unknown) => void): Promise<() => Promise<void>> {
    return watchChanges(listener, onError);
  }

  selectCell(sheet: string, cell: string): Promise<void> {
    return Excel.run((context) => selectCell(context, sheet, cell));
  }

  readSettings(): Promise<RawCell[][] | undefined> {
    return Excel.run((context) => readSettings(context));
  }

  writeSettings(rows: readonly (readonly [string, string | number | boolean])[]): Promise<void> {
    return writing(() => Excel.run((context) => quietly(context, () => writeSettings(context, rows))));
  }

  /** `target` defaults to the current selection (every area of it). */
  readSelectedRows(target?: RowsTarget): Promise<SelectedRows> {
    return Excel.run((context) => readSelectedRows(context, target));
  }

  readRegister(): Promise<RegisterEntry[]> {
    return Excel.run((context) => readRegister(context));
  }

  writeDocuments(docs: readonly DocumentToWrite[]): Promise<string[]> {
    return writing(() => Excel.run((context) => quietly(context, () => writeDocuments(context, docs))));
  }

  writeDashboard(sheet: DashboardSheet): Promise<DashboardWritten> {
    return writing(() => Excel.run((context) => quietly(context, () => writeDashboard(context, sheet))));
  }

  readWordTemplate(kind: DocumentKind): Promise<StoredWordTemplate | undefined> {
    return Excel.run((context) => readWordTemplate(context, kind));
  }

  writeWordTemplate(kind: DocumentKind, template: StoredWordTemplate | undefined): Promise<void> {
    return writing(() => Excel.run((context) => quietly(context, () => writeWordTemplate(context, kind, template))));
  }
}
