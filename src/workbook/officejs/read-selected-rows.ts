import { MAX_COLUMNS, parseRange, type Rect } from "../../core/a1";
import type { RawCell } from "../../core/cells/types";
import { LiaisonError } from "../../core/errors";
import type { FoundTable, RowsTarget, SelectedRows } from "../../app/port";
import { pickSelectedRows, rowAreas, rowRuns, rowsText, type TableArea } from "../../core/layout/selected-rows";
import { readPieces } from "./batches";
import { toRawGrid } from "./cells";
import { queueDateSystem } from "./date-system";
import { findTables } from "./find-tables";
import { rectOf } from "./rects";

/**
 * The rows a person chose inside Excel: the current selection (`Workbook.getSelectedRanges`, so
 * several areas made with Ctrl+click count, and whole rows or one cell per row do too) or an
 * explicit `target`. Rows hidden by a filter are left out of a selection — they are not what the
 * person sees selected; rows named explicitly are taken as named.
 *
 * Syncs, fixed whatever the number of rows or areas: the selection (or the named sheet) travels
 * with the first sync of `findTables` (2–4 syncs), then one sync reads the chosen rows together with
 * their visibility (`Range.getVisibleView().cellAddresses` over the rows' whole table width, never a
 * per-row `rowHidden` load) — one more per MAX_CELLS_PER_BATCH cells (fewer when long: `readPieces`).
 *
 * Why the whole width: a visible view leaves out hidden columns as well as hidden rows
 * (https://learn.microsoft.com/javascript/api/excel/excel.rangeview), so the view of one column
 * that a person hid (a 序号 column, say) has no cell at all and every row would look hidden. A row
 * is visible when any of its table cells is; a table whose every column is hidden shows no row.
 */
export async function readSelectedRows(context: Excel.RequestContext, target?: RowsTarget): Promise<SelectedRows> {
  const wb = context.workbook;
  const named = target ? wb.worksheets.getItemOrNullObject(target.sheet).load("name") : undefined;
  const selected = target ? undefined : selectionProbe(wb);

  const date1904 = queueDateSystem(context); // travels with findTables' first sync
  const found = await findTables(context);

  let sheet: string;
  let areas: Rect[];
  let none: () => LiaisonError;
  if (named && target) {
    if (named.isNullObject) throw new LiaisonError("sheetNotFound", { sheet: target.sheet });
    sheet = named.name;
    areas = rowAreas(target.rows, MAX_COLUMNS - 1);
    none = () => new LiaisonError("noTableAtRows", { sheet, rows: rowsText(target.rows) });
  } else {
    const probe = selected as SelectionProbe;
    sheet = probe.sheet.name;
    areas = probe.ranges.areas.items.map(rectOf);
    none = () => new LiaisonError("noTableAtSelection");
  }
  const picked = pickSelectedRows(tableAreas(found), sheet, areas, none);
  const { rows, body } = await readRows(context, picked.table, picked.rows, target === undefined, date1904());
  if (rows.length === 0) throw new LiaisonError("noDataRowsSelected");
  return { table: picked.table, excelRows: rows, body };
}

interface SelectionProbe {
  readonly ranges: Excel.RangeAreas;
  readonly sheet: Excel.Worksheet;
}

function selectionProbe(wb: Excel.Workbook): SelectionProbe {
  const ranges = wb.getSelectedRanges();
  ranges.areas.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
  return { ranges, sheet: ranges.worksheet.load("name") };
}

function tableAreas(found: readonly FoundTable[]): TableArea[] {
  return found.map((table) => {
    const rect = parseRange(table.address);
    if (!rect) throw new Error(`findTables returned an invalid address "${table.address}"`);
    return { table, rect };
  });
}

interface RowsChunk {
  /** Excel row of the chunk's first row. */
  readonly first: number;
  readonly cells: Excel.Range;
  /** Visible cells of the chunk (all its columns); absent when hidden rows count (explicit rows). */
  readonly visible?: Excel.RangeView;
}

/** Reads the rows (runs of consecutive rows, in batches sized by `readPieces`) and, for a selection, which are visible. */
async function readRows(
  context: Excel.RequestContext,
  table: FoundTable,
  rows: readonly number[],
  onlyVisible: boolean,
  date1904: boolean,
): Promise<{ rows: number[]; body: RawCell[][] }> {
  const ws = context.workbook.worksheets.getItem(table.sheet);
  const width = table.columns.length;
  const pieces = rowRuns(rows).map((run) => ({ first: run.first, count: run.count }));
  // The view's addresses travel back too: with them, a row weighs twice its cells.
  const weight = onlyVisible ? 2 * width : width;
  const read = await readPieces(
    context,
    pieces,
    weight,
    ({ first, count }): RowsChunk => ({
      first,
      cells: ws.getRangeByIndexes(first - 1, table.firstColumn, count, width).load("values,valueTypes,numberFormat"),
      visible: onlyVisible
        ? ws
            .getRangeByIndexes(first - 1, table.firstColumn, count, width)
            .getVisibleView()
            .load("cellAddresses")
        : undefined,
    }),
    (chunk) => [chunk.cells.values, chunk.cells.valueTypes, chunk.cells.numberFormat, chunk.visible?.cellAddresses],
  );

  const out: number[] = [];
  const body: RawCell[][] = [];
  for (const { loaded: chunk } of read) {
    const grid = toRawGrid(chunk.cells.values, chunk.cells.valueTypes, chunk.cells.numberFormat, date1904);
    const shown = chunk.visible ? visibleRows(chunk.visible.cellAddresses) : undefined;
    grid.forEach((line, i) => {
      const row = chunk.first + i;
      if (shown && !shown.has(row)) return;
      out.push(row);
      body.push(line);
    });
  }
  return { rows: out, body };
}

/** Excel rows of a RangeView's cell addresses (`Sheet1!B5` or `B5`): the rows with any visible cell. */
function visibleRows(addresses: readonly (readonly string[])[]): Set<number> {
  const rows = new Set<number>();
  for (const line of addresses)
    for (const a of line) {
      const r = parseRange(a);
      if (!r) throw new Error(`RangeView returned an unreadable address "${a}"`);
      rows.add(r.top);
    }
  return rows;
}
