import { parseRange, type Rect } from "../../core/a1";
import { LiaisonError } from "../../core/errors";
import type { FoundTable, TableData, TableScope } from "../../app/port";
import { locateWorkbook } from "./find-tables";
import { tableData } from "../../core/layout/body";
import type { SheetSnapshot } from "../../core/layout/snapshot";

/**
 * The tables in scope with their data rows, as RawCells. Hidden and filtered rows are read like
 * any other (Office's `values` ignore visibility): validation checks every row.
 *
 * Syncs: those of `locateWorkbook` (three, plus one per MAX_CELLS_PER_BATCH cells of the sheets'
 * used ranges; the probes of the scope travel with its first sync). The bodies are read from the
 * snapshots it fetched, by the core's `tableData`: no further sync.
 */
export async function readTables(context: Excel.RequestContext, scope: TableScope): Promise<TableData[]> {
  const wb = context.workbook;
  // Queued before findTables, whose first sync carries them.
  const named = scope.kind === "sheet" ? wb.worksheets.getItemOrNullObject(scope.sheet).load("name") : undefined;
  const active = scope.kind === "current" ? activeCellProbe(wb) : undefined;

  const { snapshots, found } = await locateWorkbook(context);

  let tables: FoundTable[];
  if (named) {
    if (named.isNullObject) throw new LiaisonError("sheetNotFound", { sheet: scope.kind === "sheet" ? scope.sheet : "" });
    tables = found.filter((t) => t.sheet === named.name);
  } else if (active) {
    const hit = tableAtActiveCell(found, active);
    if (!hit) throw new LiaisonError("noTableAtSelection");
    tables = [hit];
  } else tables = found;

  // The cells are in the snapshots already: the core reads each body from them (no further sync).
  const bySheet = new Map(snapshots.map((s) => [s.name, s]));
  return tables.map((t) => tableData(bySheet.get(t.sheet) as SheetSnapshot, t));
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
