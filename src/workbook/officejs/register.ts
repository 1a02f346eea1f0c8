import { cellAddress } from "../../core/a1";
import type { RawCell } from "../../core/cells/types";
import { REGISTER_SHEET, type RegisterEntry } from "../../core/documents/model";
import { uniqueTableName } from "../../core/names";
import { columnWidthPoints } from "../layout-plan";
import {
  entriesFromRows,
  REGISTER_COLUMNS,
  REGISTER_HEADER,
  REGISTER_TABLE,
  REGISTER_WIDTHS,
  registerLine,
  registerShape,
} from "../../core/documents/register-rows";
import { MAX_CELLS_PER_BATCH, rowChunks } from "./batches";
import { toRawGrid } from "./cells";

/**
 * The register sheet 文书登记 inside Excel (layout in `../register-rows.ts`): an Excel table of the
 * template `document-register`, so the check finds it like any other table. Reading takes three
 * syncs whatever its length: the sheet, the extent of its columns and its tables, then their cells
 * (one more sync per MAX_CELLS_PER_BATCH cells: a register of over 3,000 documents).
 */

/** Queued before a sync: the register sheet (a null object when the workbook has none). */
export function registerProbe(wb: Excel.Workbook): Excel.Worksheet {
  return wb.worksheets.getItemOrNullObject(REGISTER_SHEET).load("name,protection/protected");
}

export interface RegisterContent {
  readonly entries: RegisterEntry[];
  /** Last Excel row holding a value in the register's columns (0 when none). */
  readonly lastRow: number;
  /** Row 1 as read (the header, when the register has one). */
  readonly header: readonly RawCell[];
  /** The Excel table on the register sheet, when it has one (the register since issue 13). */
  readonly table?: string;
}

/** Columns read: the template's and a few more, so a register with columns added by hand is still read whole. */
const READ_COLUMNS = REGISTER_COLUMNS + 6;

/** The register's entries, once `probe` is synced. */
export async function loadRegister(context: Excel.RequestContext, probe: Excel.Worksheet): Promise<RegisterContent> {
  if (probe.isNullObject) return { entries: [], lastRow: 0, header: [] };
  const used = probe.getRangeByIndexes(0, 0, 1048576, READ_COLUMNS).getUsedRangeOrNullObject(true).load("rowIndex,rowCount");
  const tables = probe.tables.load("items/name");
  await context.sync();
  const table = tables.items[0]?.name;
  if (used.isNullObject) return { entries: [], lastRow: 0, header: [], ...(table !== undefined ? { table } : {}) };
  const lastRow = used.rowIndex + used.rowCount;
  // From row 1 and column A, so that row r of the grid is Excel row r+1 and column c is A+c.
  const parts: Excel.Range[] = [];
  let queued = 0;
  for (const { start, count } of rowChunks(lastRow, READ_COLUMNS)) {
    if (queued > 0 && queued + count * READ_COLUMNS > MAX_CELLS_PER_BATCH) {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload chunk (batches.ts), not per row
      await context.sync();
      queued = 0;
    }
    parts.push(probe.getRangeByIndexes(start, 0, count, READ_COLUMNS).load("values,valueTypes,numberFormat"));
    queued += count * READ_COLUMNS;
  }
  await context.sync();
  const rows: RawCell[][] = parts.flatMap((p) => toRawGrid(p.values, p.valueTypes, p.numberFormat));
  return { entries: entriesFromRows(rows, 1), lastRow, header: rows[0] ?? [], ...(table !== undefined ? { table } : {}) };
}

export async function readRegister(context: Excel.RequestContext): Promise<RegisterEntry[]> {
  const probe = registerProbe(context.workbook);
  await context.sync();
  return (await loadRegister(context, probe)).entries;
}

/**
 * Queues the register lines below `register.lastRow` (on `sheet`, or on a new register sheet with
 * its header when `sheet` is undefined), then makes the register an Excel table covering them: a
 * new table on a new sheet, `Table.resize` (ExcelApi 1.13) of the existing one, or a table made
 * over an older plain register. Text format first, then the values: nothing typed becomes a
 * number, a date or a formula. `tableNames`: every table name of the workbook (a new table's name
 * must be unique).
 */
export function queueRegisterAppend(
  wb: Excel.Workbook,
  sheet: Excel.Worksheet | undefined,
  register: Pick<RegisterContent, "lastRow" | "header" | "table">,
  entries: readonly RegisterEntry[],
  tableNames: readonly string[],
): void {
  let ws = sheet;
  const fresh = !ws || register.lastRow === 0;
  if (!ws) {
    ws = wb.worksheets.add(REGISTER_SHEET);
    REGISTER_WIDTHS.forEach((w, c) => {
      (ws as Excel.Worksheet).getRangeByIndexes(0, c, 1, 1).format.columnWidth = columnWidthPoints(w);
    });
    ws.freezePanes.freezeRows(1);
  }
  const shape = registerShape(fresh ? undefined : register.header);
  const width = shape.width;
  const lines: string[][] = entries.map((e) => registerLine(e, shape));
  let startRow = register.lastRow + 1;
  if (fresh) {
    lines.unshift([...REGISTER_HEADER]);
    ws.getRangeByIndexes(0, 0, 1, REGISTER_COLUMNS).format.font.bold = true;
    startRow = 1;
  } else {
    // An older register: its header gains the columns it lacks, after its last one.
    for (const m of shape.missing) {
      const head = ws.getRangeByIndexes(0, m.column, 1, 1);
      head.numberFormat = [["@"]];
      head.values = [[m.name]];
      head.format.font.bold = true;
    }
  }
  if (lines.length === 0) return;
  const range = ws.getRangeByIndexes(startRow - 1, 0, lines.length, width);
  range.numberFormat = lines.map((l) => l.map(() => "@"));
  range.values = lines;

  const lastRow = startRow + lines.length - 1;
  const address = `A1:${cellAddress(width - 1, lastRow)}`;
  if (register.table !== undefined) {
    ws.tables.getItem(register.table).resize(address);
  } else {
    const table = ws.tables.add(address, true);
    table.name = uniqueTableName(REGISTER_TABLE, tableNames);
  }
}
