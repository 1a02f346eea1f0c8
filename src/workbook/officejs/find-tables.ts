import { rangeAddress, type Rect } from "../../core/a1";
import type { RawCell } from "../../core/cells/types";
import { DEFAULT_MAX_HEADER_ROWS } from "../../core/headers/match";
import { matchHeaders, recognizeGrid } from "../../core/headers/recognize";
import { SETTINGS_SHEET, type FoundTable } from "../port";
import { MAX_CELLS_PER_BATCH } from "./batches";
import { toRawGrid } from "./cells";
import { overlaps, rectOf } from "./rects";

/**
 * Every table of a known template in the workbook: Excel tables whose header row matches, and
 * plain ranges whose header row lies in the first 10 rows of a sheet (contract.md, "check").
 *
 * Four syncs whatever the number of sheets, tables or rows: (1) sheet names; (2) each sheet's
 * tables and used range; (3) each table's range, header and last non-empty row, plus the first
 * rows of each sheet for header recognition; (4) the last non-empty row below each recognised
 * plain header. Only when the scanned top rows of all sheets together exceed MAX_CELLS_PER_BATCH
 * does step 3 take more than one sync.
 */

/** Columns of a sheet's used range scanned for a plain header (templates have at most ~15). */
export const MAX_SCAN_COLUMNS = 64;

interface SheetProbe {
  readonly name: string;
  readonly ws: Excel.Worksheet;
  readonly tables: Excel.TableCollection;
  readonly used: Excel.Range;
}

interface TableProbe {
  readonly sheet: string;
  readonly name: string;
  readonly range: Excel.Range;
  readonly header: Excel.Range;
  readonly usedBody: Excel.Range;
}

interface PlainCandidate {
  readonly probe: SheetProbe;
  /** First row (0-based) and column of the scanned grid. */
  readonly row0: number;
  readonly col0: number;
  readonly grid: Excel.Range;
}

export async function findTables(context: Excel.RequestContext): Promise<FoundTable[]> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();

  // The add-in's own settings sheet holds key/value rows, never a table to check.
  const probes: SheetProbe[] = sheets.items
    .filter((ws) => !isSettingsSheet(ws.name))
    .map((ws) => ({
      name: ws.name,
      ws,
      tables: ws.tables.load("items/name"),
      used: ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"),
    }));
  await context.sync();

  const tableProbes: TableProbe[] = probes.flatMap((p) =>
    p.tables.items.map((t) => ({
      sheet: p.name,
      name: t.name,
      range: t.getRange().load("rowIndex,columnIndex,rowCount,columnCount"),
      header: t.getHeaderRowRange().load("values"),
      usedBody: t.getDataBodyRange().getUsedRangeOrNullObject(true).load("rowIndex,rowCount"),
    })),
  );
  // The contract looks for a plain header in the first 10 rows of a sheet.
  const candidates: PlainCandidate[] = [];
  let queuedCells = 0;
  for (const p of probes) {
    if (p.used.isNullObject || p.used.rowIndex >= DEFAULT_MAX_HEADER_ROWS) continue;
    const rows = Math.min(p.used.rowCount, DEFAULT_MAX_HEADER_ROWS - p.used.rowIndex);
    const cols = Math.min(p.used.columnCount, MAX_SCAN_COLUMNS);
    if (queuedCells > 0 && queuedCells + rows * cols > MAX_CELLS_PER_BATCH) {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload chunk (batches.ts), not per row
      await context.sync();
      queuedCells = 0;
    }
    queuedCells += rows * cols;
    const grid = p.ws.getRangeByIndexes(p.used.rowIndex, p.used.columnIndex, rows, cols).load("values,valueTypes,numberFormat");
    candidates.push({ probe: p, row0: p.used.rowIndex, col0: p.used.columnIndex, grid });
  }
  if (tableProbes.length > 0 || candidates.length > 0) await context.sync();

  const found: (FoundTable & { order: number })[] = [];
  const tableRects = new Map<string, Rect[]>();
  for (const t of tableProbes) {
    const rect = rectOf(t.range);
    tableRects.set(t.sheet, [...(tableRects.get(t.sheet) ?? []), rect]);
    const headers = t.header.values[0].map((v) => (v === "" || v === null ? null : String(v)));
    const match = matchHeaders(headers);
    if (!match) continue;
    const lastRow = t.usedBody.isNullObject ? rect.top : t.usedBody.rowIndex + t.usedBody.rowCount;
    const rows = Math.max(0, Math.min(lastRow, rect.bottom) - rect.top);
    found.push({
      order: sheetOrder(probes, t.sheet),
      sheet: t.sheet,
      templateId: match.templateId,
      kind: "table",
      tableName: t.name,
      headerRow: rect.top,
      firstColumn: rect.left,
      rows,
      address: rangeAddress({ ...rect, bottom: rect.top + rows }),
      columns: match.columns,
      missingRequired: match.missingRequired,
    });
  }

  // Plain ranges: recognise a header among cells that are not part of a table, then find how far
  // down the range goes (stopping above a table below it).
  const plain: { c: PlainCandidate; header: Rect; probe?: Excel.Range; match: NonNullable<ReturnType<typeof recognizeGrid>> }[] = [];
  for (const c of candidates) {
    const rects = tableRects.get(c.probe.name) ?? [];
    const grid: RawCell[][] = toRawGrid(c.grid.values, c.grid.valueTypes, c.grid.numberFormat).map((row, r) =>
      row.map((cell, k) => (rects.some((t) => inside(t, c.row0 + r + 1, c.col0 + k)) ? null : cell)),
    );
    const match = recognizeGrid(grid, grid.length);
    if (!match) continue;
    const headerRow = c.row0 + match.headerRowOffset + 1;
    const header = { top: headerRow, bottom: headerRow, left: c.col0 + match.firstColumn, right: c.col0 + match.lastColumn };
    const usedBottom = c.probe.used.rowIndex + c.probe.used.rowCount;
    const below = rects.filter((t) => t.top > headerRow && t.left <= header.right && header.left <= t.right).map((t) => t.top - 1);
    const bottom = Math.min(usedBottom, ...below);
    const probe =
      bottom > headerRow
        ? c.probe.ws
            .getRangeByIndexes(headerRow, header.left, bottom - headerRow, header.right - header.left + 1)
            .getUsedRangeOrNullObject(true)
            .load("rowIndex,rowCount")
        : undefined;
    plain.push({ c, header, probe, match });
  }
  if (plain.some((p) => p.probe)) await context.sync();

  for (const { c, header, probe, match } of plain) {
    const lastRow = probe && !probe.isNullObject ? probe.rowIndex + probe.rowCount : header.top;
    const rows = lastRow - header.top;
    const rect = { ...header, bottom: header.top + rows };
    if ((tableRects.get(c.probe.name) ?? []).some((t) => overlaps(t, rect))) continue;
    found.push({
      order: sheetOrder(probes, c.probe.name),
      sheet: c.probe.name,
      templateId: match.templateId,
      kind: "range",
      headerRow: header.top,
      firstColumn: header.left,
      rows,
      address: rangeAddress(rect),
      columns: match.columns,
      missingRequired: match.missingRequired,
    });
  }

  return found
    .sort((a, b) => a.order - b.order || a.headerRow - b.headerRow || a.firstColumn - b.firstColumn)
    .map(({ order: _order, ...t }) => t);
}

/** Sheet names are case-insensitive in Excel. */
export const isSettingsSheet = (name: string): boolean => name.toLowerCase() === SETTINGS_SHEET.toLowerCase();

const sheetOrder = (probes: readonly SheetProbe[], name: string): number => probes.findIndex((p) => p.name === name);

/** Whether the cell at Excel row `row` (1-based), column `col` (0-based) lies in `r`. */
const inside = (r: Rect, row: number, col: number): boolean => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
