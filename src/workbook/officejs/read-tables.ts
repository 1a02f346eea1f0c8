import { parseRange, type Rect } from "../../core/a1";
import type { RawCell } from "../../core/cells/types";
import { LiaisonError } from "../../core/errors";
import type { FoundTable, TableData, TableScope } from "../port";
import { MAX_CELLS_PER_BATCH, rowChunks } from "./batches";
import { toRawGrid } from "./cells";
import { findTables } from "./find-tables";

/**
 * The tables in scope with their data rows, as RawCells. Hidden and filtered rows are read like
 * any other (Office's `values` ignore visibility): validation checks every row.
 *
 * Syncs: those of `findTables` (2–4; the probes of the scope travel with its first sync), then
 * one sync per MAX_CELLS_PER_BATCH cells of data across all tables — a single one below that,
 * whatever the row count.
 */
export async function readTables(context: Excel.RequestContext, scope: TableScope): Promise<TableData[]> {
  const wb = context.workbook;
  // Queued before findTables, whose first sync carries them.
  const named = scope.kind === "sheet" ? wb.worksheets.getItemOrNullObject(scope.sheet).load("name") : undefined;
  const active = scope.kind === "current" ? activeCellProbe(wb) : undefined;

  const found = await findTables(context);

  let tables: FoundTable[];
  if (named) {
    if (named.isNullObject) throw new LiaisonError("sheetNotFound", { sheet: scope.kind === "sheet" ? scope.sheet : "" });
    tables = found.filter((t) => t.sheet === named.name);
  } else if (active) {
    const hit = tableAtActiveCell(found, active);
    if (!hit) throw new LiaisonError("noTableAtSelection");
    tables = [hit];
  } else tables = found;

  return readBodies(context, tables);
}

interface ActiveCellProbe {
  readonly cell: Excel.Range;
  readonly sheet: Excel.Worksheet;
  /** Excel tables overlapping the active cell (its blank rows below the data included). */
  readonly tables: Excel.TableScopedCollection;
}

function activeCellProbe(wb: Excel.Workbook): ActiveCellProbe {
  const cell = wb.getActiveCell().load("rowIndex,columnIndex");
  return { cell, sheet: cell.worksheet.load("name"), tables: cell.getTables(false).load("items/name") };
}

/** The found table holding the active cell: the Excel table around it, or a plain range's header + data rows. */
function tableAtActiveCell(found: readonly FoundTable[], probe: ActiveCellProbe): FoundTable | undefined {
  const row = probe.cell.rowIndex + 1;
  const col = probe.cell.columnIndex;
  const names = new Set(probe.tables.items.map((t) => t.name.toLowerCase()));
  return found.find((t) => {
    if (t.sheet !== probe.sheet.name) return false;
    if (t.kind === "table") return t.tableName !== undefined && names.has(t.tableName.toLowerCase());
    const r = rectOfAddress(t.address);
    return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
  });
}

function rectOfAddress(address: string): Rect {
  const r = parseRange(address);
  if (!r) throw new Error(`findTables returned an invalid address "${address}"`);
  return r;
}

/** Reads every table's data rows, packing row chunks of all tables into batches of at most N cells. */
async function readBodies(context: Excel.RequestContext, tables: readonly FoundTable[]): Promise<TableData[]> {
  const parts: Excel.Range[][] = tables.map(() => []);
  let queued = 0;
  for (let i = 0; i < tables.length; i++) {
    const t = tables[i];
    const r = rectOfAddress(t.address);
    const width = r.right - r.left + 1;
    const sheet = context.workbook.worksheets.getItem(t.sheet);
    for (const { start, count } of rowChunks(t.rows, width)) {
      if (queued > 0 && queued + count * width > MAX_CELLS_PER_BATCH) {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload chunk (batches.ts), not per row
        await context.sync();
        queued = 0;
      }
      // headerRow is 1-based, so it is also the 0-based index of the first data row.
      parts[i].push(sheet.getRangeByIndexes(t.headerRow + start, t.firstColumn, count, width).load("values,valueTypes,numberFormat"));
      queued += count * width;
    }
  }
  if (queued > 0) await context.sync();

  return tables.map((table, i) => {
    const body: RawCell[][] = [];
    for (const p of parts[i]) body.push(...toRawGrid(p.values, p.valueTypes, p.numberFormat));
    return { table, body };
  });
}
