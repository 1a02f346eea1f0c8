import { columnLetter } from "../src/core/a1";
import type { RawCell } from "../src/core/cells/types";
import { getTemplate } from "../src/core/templates";
import { templateLayout } from "../src/core/templates/layout";
import { OfficeWorkbook } from "../src/workbook/officejs/adapter";
import { rowChunks } from "../src/workbook/officejs/batches";
import { writeTable } from "../src/workbook/officejs/insert-template";
import { asExcelContext, DoubleContext, installExcelDouble, WorkbookModel, type SeedValue } from "../test/doubles/excel-double";
import { benchSheet } from "./data";

/**
 * Part 3: the Office.js adapter against the strict Excel double (test/doubles), which counts every
 * `context.sync()` and records each batch's JSON size (requests queued + payload loaded back). In
 * Excel a sync is a round trip to the host — the cost that matters there — so the figure of merit
 * is the number of syncs, which must not grow with the row count except for the payload chunks
 * that keep each batch under Office's request limit (src/workbook/officejs/batches.ts).
 */

export interface SyncFigures {
  readonly rows: number;
  readonly syncs: number;
  /** Row chunks the data travels in (batches.ts `rowChunks`). */
  readonly chunks: number;
  readonly maxBatchBytes: number;
  readonly totalBytes: number;
}

const SHEET = "待办事项";

function seedValue(cell: RawCell): SeedValue {
  if (cell === null || typeof cell !== "object") return cell;
  return cell.kind === "date" ? cell.serial : { error: cell.code };
}

const seedFormat = (cell: RawCell): string | null =>
  cell !== null && typeof cell === "object" && cell.kind === "date" ? "yyyy-mm-dd" : null;

/** `readTables({ kind: "all" })` of one Excel table of `rows` action items (12 columns, dates formatted as dates). */
export async function officeRead(rows: number): Promise<SyncFigures> {
  const sheet = benchSheet("action-items", rows);
  const model = new WorkbookModel(SHEET);
  model
    .sheet(SHEET)
    .seed(
      "A1",
      [sheet.headers, ...sheet.body.map((r) => r.map(seedValue))],
      [sheet.headers.map(() => "@"), ...sheet.body.map((r) => r.map(seedFormat))],
    );
  model.addTable(SHEET, `A1:${columnLetter(sheet.headers.length - 1)}${rows + 1}`, "ActionItems");
  const installed = installExcelDouble(model);
  try {
    model.resetStats();
    const data = await new OfficeWorkbook().readTables({ kind: "all" });
    if (data.length !== 1 || data[0].body.length !== rows)
      throw new Error(`bench: Office read gave ${data.map((d) => d.body.length).join(", ")} rows, expected ${rows}`);
    return figures(model, rows, rowChunks(rows, sheet.headers.length).length);
  } finally {
    installed.restore();
  }
}

/** `writeTable` (what insertTemplate does after its name lookup) of `rows` action items on a new sheet. */
export async function officeWrite(rows: number): Promise<SyncFigures> {
  const tpl = getTemplate("action-items");
  const width = tpl.columns.length;
  // The bench sheet's first columns are the template's, in template order.
  const body = benchSheet("action-items", rows).body.map((r) => r.slice(0, width));
  const layout = { ...templateLayout(tpl, { examples: false }), rows: body };
  const model = new WorkbookModel("Sheet1");
  const context = asExcelContext(new DoubleContext(model));
  const ws = context.workbook.worksheets.add("Big");
  const result = await writeTable(context, ws, layout, "Big");
  if (result.rows !== rows) throw new Error(`bench: Office write reported ${result.rows} rows, expected ${rows}`);
  return figures(model, rows, rowChunks(rows, width).length);
}

function figures(model: WorkbookModel, rows: number, chunks: number): SyncFigures {
  return {
    rows,
    syncs: model.syncs,
    chunks,
    maxBatchBytes: model.maxBatchBytes,
    totalBytes: model.batches.reduce((n, b) => n + b.bytes, 0),
  };
}
