import type { FoundTable, InsertOptions, InsertResult, RangeRef, StructureResult, WorkbookPort } from "../port";
import { findTables } from "./find-tables";
import { insertTemplate } from "./insert-template";
import { structureRange } from "./structure-range";

/**
 * The workbook port inside Excel. Each call is one `Excel.run` (one request context) whose syncs
 * are fixed in number: see the operation files for what each sync carries.
 */
export class OfficeWorkbook implements WorkbookPort {
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
}
