import { parseRange, type Rect } from "../../core/a1";
import type { RawCell } from "../../core/cells/types";
import { headerCellText } from "../../core/headers/recognize";
import { locateStored, type WorkbookLayout } from "../../core/layout/locate";
import { gridFromRows, type ExcelTableInfo, type SheetSnapshot } from "../../core/layout/snapshot";
import { type FoundTable } from "../../app/port";
import { SETTINGS_SHEET } from "../../core/settings/sheet";
import { MAX_CELLS_PER_BATCH, rowChunks } from "./batches";
import { toRawGrid } from "./cells";
import { rectOf } from "./rects";

/**
 * Every table of a known template in the workbook. This adapter only fetches: each sheet becomes
 * a `SheetSnapshot` (its used range's values, its Excel tables, its merged areas) and the core's
 * `locateTables` decides, exactly as for the .xlsx reader of the CLI (contract.md "Table layout").
 *
 * Syncs: (1) sheet names; (2) each sheet's tables and used range; (3) each table's range and
 * header/totals flags, each sheet's merged areas and its cells — the cells in row chunks of at
 * most MAX_CELLS_PER_BATCH (batches.ts), a sync per full chunk. Below that, three syncs whatever
 * the number of sheets, tables or rows.
 */

/** Columns of a sheet's used range that are read (the templates have at most ~15 columns). */
export const MAX_SCAN_COLUMNS = 64;
/** Most merged areas `Range.getMergedAreasOrNullObject` returns before it fails (Microsoft's reference). */
export const MAX_MERGED_AREAS = 512;
/** What a merged-area probe counts for against MAX_CELLS_PER_BATCH (a request and a short address back). */
const MERGE_PROBE_CELLS = 20;

export interface LocatedWorkbook {
  readonly snapshots: readonly SheetSnapshot[];
  readonly found: FoundTable[];
  /** The tables with the workbook's layout corrections applied, and what became of each (`found` is its `tables`). */
  readonly layout: WorkbookLayout;
}

interface SheetProbe {
  readonly name: string;
  readonly ws: Excel.Worksheet;
  readonly tables: Excel.TableCollection;
  readonly used: Excel.Range;
}

interface TableProbe {
  readonly table: Excel.Table;
  readonly range: Excel.Range;
}

interface SheetFetch {
  readonly probe: SheetProbe;
  readonly tables: readonly TableProbe[];
  /** Merged-area probes, one per block of rows small enough to hold at most MAX_MERGED_AREAS areas. */
  readonly merges: Excel.RangeAreas[];
  /** Row chunks of the used range, each with its first 1-based row. */
  readonly chunks: { readonly top: number; readonly range: Excel.Range }[];
  readonly col0: number;
}

export async function findTables(context: Excel.RequestContext): Promise<FoundTable[]> {
  return (await locateWorkbook(context)).found;
}

/** The sheets as snapshots and the tables the core finds in them (readTables reads bodies from the snapshots). */
export async function locateWorkbook(context: Excel.RequestContext): Promise<LocatedWorkbook> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();

  // The add-in's own settings sheet is never data (the core also recognises it by content).
  const probes: SheetProbe[] = sheets.items
    .filter((ws) => !isSettingsSheet(ws.name))
    .map((ws) => ({
      name: ws.name,
      ws,
      tables: ws.tables.load("items/name,showHeaders,showTotals"),
      used: ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"),
    }));
  await context.sync();

  const fetches: SheetFetch[] = [];
  let queued = 0;
  for (const p of probes) {
    const tables = p.tables.items.map((table) => ({ table, range: table.getRange().load("rowIndex,columnIndex,rowCount,columnCount") }));
    if (p.used.isNullObject) {
      fetches.push({ probe: p, tables, merges: [], chunks: [], col0: 0 });
      continue;
    }
    const cols = Math.min(p.used.columnCount, MAX_SCAN_COLUMNS);
    // Merged areas whose top-left cell lies in the used range (office-js issue #3611: an area is
    // reported by the range holding its top-left cell), which is where a merged value sits. The
    // method fails when a range holds more than 512 merged areas (Microsoft's reference,
    // Range.getMergedAreasOrNullObject): asked per block of rows whose cells cannot hold more (an
    // area has at least two cells), queued with the cells, so no extra sync.
    const merges: Excel.RangeAreas[] = [];
    const mergeRows = Math.max(1, Math.floor((2 * MAX_MERGED_AREAS) / cols));
    const chunks: SheetFetch["chunks"][number][] = [];
    for (const { start, count } of rowChunks(p.used.rowCount, cols)) {
      // A merged-area probe answers a few addresses: counted as MERGE_PROBE_CELLS cells, so that a
      // batch holds a bounded number of them too.
      const probes = Math.ceil(count / mergeRows);
      const cost = count * cols + probes * MERGE_PROBE_CELLS;
      if (queued > 0 && queued + cost > MAX_CELLS_PER_BATCH) {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload chunk (batches.ts), not per row
        await context.sync();
        queued = 0;
      }
      queued += cost;
      const top = p.used.rowIndex + start;
      const range = p.ws.getRangeByIndexes(top, p.used.columnIndex, count, cols).load("values,valueTypes,numberFormat");
      chunks.push({ top: top + 1, range });
      for (let m = 0; m < count; m += mergeRows) {
        const rows = Math.min(mergeRows, count - m);
        merges.push(
          p.ws
            .getRangeByIndexes(top + m, p.used.columnIndex, rows, cols)
            .getMergedAreasOrNullObject()
            .load("address"),
        );
      }
    }
    fetches.push({ probe: p, tables, merges, chunks, col0: p.used.columnIndex });
  }
  if (fetches.some((f) => f.tables.length > 0 || f.chunks.length > 0)) await context.sync();

  const snapshots = fetches.map(snapshotOf);
  // The layout corrections sheet is one of these snapshots (read with the others, no extra sync).
  const layout = locateStored(snapshots);
  return { snapshots, found: layout.tables, layout };
}

function snapshotOf(f: SheetFetch): SheetSnapshot {
  const rows = new Map<number, RawCell[]>();
  const pad: RawCell[] = new Array<RawCell>(f.col0).fill(null);
  for (const { top, range } of f.chunks) {
    toRawGrid(range.values, range.valueTypes, range.numberFormat).forEach((cells, i) => {
      if (cells.some((c) => c !== null)) rows.set(top + i, f.col0 > 0 ? [...pad, ...cells] : cells);
    });
  }
  const grid = gridFromRows(rows);
  const tables: ExcelTableInfo[] = f.tables.map(({ table, range }) => {
    const rect = rectOf(range);
    const header = grid.row(rect.top);
    const columnNames: string[] = [];
    for (let c = rect.left; c <= rect.right; c++) columnNames.push(table.showHeaders ? (headerCellText(header[c]) ?? "") : "");
    return { name: table.name, rect, hasHeaderRow: table.showHeaders, hasTotalsRow: table.showTotals, columnNames };
  });
  const merges = f.merges.flatMap((m) => (m.isNullObject ? [] : mergedRects(m.address)));
  return { name: f.probe.name, grid, tables, merges };
}

/** `'My sheet'!A1:F1,'My sheet'!B3:B5` → rects (sheet names may hold commas, quoted). */
export function mergedRects(address: string): Rect[] {
  const out: Rect[] = [];
  const area = /(?:'(?:[^']|'')*'|[^,!']*)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)/g;
  for (let m = area.exec(address); m; m = area.exec(address)) {
    const r = parseRange(m[1]);
    if (r) out.push({ top: r.top, left: r.left, bottom: r.bottom, right: r.right });
  }
  return out;
}

/** Sheet names are case-insensitive in Excel. */
export const isSettingsSheet = (name: string): boolean => name.toLowerCase() === SETTINGS_SHEET.toLowerCase();
