import type { RawCell } from "../../core/cells/types";
import type {
  FoundTable,
  InsertOptions,
  InsertResult,
  Mark,
  RangeRef,
  StructureResult,
  TableData,
  TableScope,
  ValidationPort,
  WorkbookPort,
} from "../port";
import { findTables } from "./find-tables";
import { insertTemplate } from "./insert-template";
import { applyMarks, clearMarks } from "./marks";
import { readTables } from "./read-tables";
import { selectCell } from "./select-cell";
import { readSettings, writeSettings } from "./settings-store";
import { structureRange } from "./structure-range";

/**
 * The workbook port inside Excel. Each call is one `Excel.run` (one request context) whose syncs
 * are fixed in number: see the operation files for what each sync carries.
 */
export class OfficeWorkbook implements WorkbookPort, ValidationPort {
  listSheets(): Promise<string[]> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  insertTemplate(templateId: string, options: InsertOptions): Promise<InsertResult> {
    return Excel.run((context) => insertTemplate(context, templateId, options));
  }

  findTables(): Promise<FoundTable[]> {
    return Excel.run((context) => findTables(context));
  }

  /** `target` defaults to the current selection. */
  structureRange(target?: RangeRef): Promise<StructureResult> {
    return Excel.run((context) => structureRange(context, target));
  }

  /** `current`: the table under the active cell. */
  readTables(scope: TableScope): Promise<TableData[]> {
    return Excel.run((context) => readTables(context, scope));
  }

  applyMarks(marks: readonly Mark[]): Promise<void> {
    return Excel.run((context) => applyMarks(context, marks));
  }

  clearMarks(): Promise<void> {
    return Excel.run((context) => clearMarks(context));
  }

  selectCell(sheet: string, cell: string): Promise<void> {
    return Excel.run((context) => selectCell(context, sheet, cell));
  }

  readSettings(): Promise<RawCell[][] | undefined> {
    return Excel.run((context) => readSettings(context));
  }

  writeSettings(rows: readonly (readonly [string, string | number | boolean])[]): Promise<void> {
    return Excel.run((context) => writeSettings(context, rows));
  }
}
