import { rangeAddress } from "../a1";
import type { RawCell } from "../cells/types";
import { headerCellText, knownHeaderText, matchHeaders, type HeaderMatch } from "../headers/recognize";
import { CorrectionIndex, type LayoutCorrection, type LayoutResult, type TableCorrections } from "./corrections";
import { storedCorrections } from "./corrections-sheet";
import { ownSheetNames } from "./own-sheets";
import { isEmpty, rowKind } from "./row-kinds";
import { SheetView } from "./sheet-view";
import type { ExcelTableInfo, SheetSnapshot } from "./snapshot";
import type { FoundTable, SkippedRow } from "./types";

/**
 * Where the tables are: the one decision every front end shares (contract.md "Table layout").
 * Adapters fetch each sheet as a `SheetSnapshot` and call this; none of them recognises a table
 * on its own.
 *
 * Per sheet, skipping the add-in's own sheets (own-sheets.ts): first the Excel tables whose
 * header matches a template, with the rows typed directly under them; then, walking the rest of
 * the sheet top to bottom, every plain range whose header (one row, or two with a group cell
 * merged over its sub-headers) matches a template. Each table's rows are classified as data,
 * blank, totals, note, signature, caption or repeated header. Cost: linear in the rows that hold
 * something; a row is matched against the templates only when two of its cells are header words.
 */
export function locateTables(sheets: readonly SheetSnapshot[], corrections: readonly LayoutCorrection[] = []): FoundTable[] {
  return locateLayout(sheets, corrections).tables;
}

/**
 * The tables with a person's corrections applied (corrections.ts), and what became of each
 * correction: `applied`, or `stale` when its anchor no longer matches (then it changed nothing).
 * A table whose header is corrected as "not a table" is left out, its rows read by no table.
 */
export function locateLayout(sheets: readonly SheetSnapshot[], corrections: readonly LayoutCorrection[] = []): LayoutResult {
  const own = ownSheetNames(sheets);
  const index = new CorrectionIndex(corrections);
  const tables = sheets.flatMap((sheet) => (own.has(sheet.name) ? [] : locateInSheet(sheet, index)));
  return { tables, corrections: index.states() };
}

/** The layout every front end reads: the tables located with the workbook's own corrections. */
export interface WorkbookLayout extends LayoutResult {
  /** Rows of the corrections sheet that could not be read (they change nothing). */
  readonly unreadable: readonly number[];
  /** The stored corrections, as read (adding or undoing one rewrites this list). */
  readonly stored: readonly LayoutCorrection[];
  /** The name of the sheet they were read from (found by content: a user may have renamed it). */
  readonly storedSheet?: string;
}

/** The tables located with the corrections the workbook stores (corrections-sheet.ts): what every adapter calls. */
export function locateStored(sheets: readonly SheetSnapshot[]): WorkbookLayout {
  const stored = storedCorrections(sheets);
  const result = locateLayout(sheets, stored.corrections);
  return {
    ...result,
    unreadable: stored.unreadable,
    stored: stored.corrections,
    ...(stored.sheet !== undefined ? { storedSheet: stored.sheet } : {}),
  };
}

export function locateInSheet(sheet: SheetSnapshot, corrections: CorrectionIndex = new CorrectionIndex([])): FoundTable[] {
  const view = new SheetView(sheet);
  const fixesOf = (header: Header): TableCorrections | undefined =>
    corrections.forTable(sheet.name, header.row, header.left, header.match.columns);
  const tables = [...sheet.tables].sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
  // Every Excel table's area is its own, matched or not: no plain range reads into it.
  for (const t of tables) view.claim(t.rect);
  const found: Located[] = [];
  for (const t of tables) {
    const f = excelTable(view, t, fixesOf);
    if (f) found.push(f);
  }
  found.push(...plainRanges(view, fixesOf));
  return found
    .filter((f) => !f.notATable)
    .map(withoutFlag)
    .sort((a, b) => a.headerRow - b.headerRow || a.firstColumn - b.firstColumn);
}

// ---------------------------------------------------------------------------------------------
// Headers

interface Header {
  readonly row: number;
  readonly rows: 1 | 2;
  readonly left: number;
  readonly right: number;
  readonly match: HeaderMatch;
  /** The header's first row as text, by column from `left`, for spotting repeats. */
  readonly texts: readonly (string | null)[];
}

type CellsOf = (r: number) => readonly RawCell[];

/**
 * Quick test before matching: at least two cells are header words of some template, and they
 * are at least half the row's non-empty cells (a data row may hold a value such as 问题 or
 * 下一步 that is also a header word; a header row is mostly header words).
 */
function mayBeHeader(cells: readonly RawCell[]): boolean {
  let known = 0;
  let nonEmpty = 0;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (cell === null || cell === undefined) continue;
    if (typeof cell !== "string") {
      nonEmpty++;
      continue;
    }
    const t = headerCellText(cell);
    if (t === null) continue;
    nonEmpty++;
    if (knownHeaderText(t)) known++;
  }
  return known >= 2 && known * 2 >= nonEmpty;
}

/**
 * The header starting at row r, if row r is one: its own cells, or — when merges say so — r and
 * r+1 read together: a group cell merged across its sub-headers gives `对接人-姓名`…, a cell
 * merged down over both rows keeps its text. The two-row reading wins a tie (it explains r+1).
 */
function headerAt(view: SheetView, r: number, cellsOf: CellsOf): Header | undefined {
  const cells = cellsOf(r);
  if (!mayBeHeader(cells)) return undefined;
  let left = -1;
  let right = -1;
  for (let c = 0; c < cells.length; c++) {
    if (headerCellText(cells[c]) === null) continue;
    if (left < 0) left = c;
    right = c;
  }
  for (const m of view.mergesStartingAt(r)) if (m.left >= left && m.left <= right) right = Math.max(right, m.right);
  const at = (row: number, c: number): string | null => (view.claimedAt(row, c, c) ? null : headerCellText(view.filled(row, c)));
  const texts: (string | null)[] = [];
  for (let c = left; c <= right; c++) texts.push(at(r, c));
  const single = matchHeaders(texts);

  let double: HeaderMatch | undefined;
  let doubleTexts: (string | null)[] | undefined;
  const merges = view.mergesStartingAt(r).filter((m) => m.left <= right && left <= m.right);
  const under = cellsOf(r + 1);
  const groupOverSubs = merges.some((m) => m.bottom === r && m.right > m.left && hasTextIn(under, m.left, m.right));
  const mergedDown = merges.some((m) => m.bottom > r);
  if (groupOverSubs || mergedDown) {
    doubleTexts = [];
    for (let c = left; c <= right; c++) {
      const m = view.mergeAt(r, c);
      const top = texts[c - left];
      const sub = m && m.bottom > r ? null : headerCellText(under[c]);
      const grouped = m !== undefined && m.top === r && m.bottom === r && m.right > m.left;
      doubleTexts.push(grouped && top !== null && sub !== null ? `${top}-${sub}` : (top ?? sub));
    }
    double = matchHeaders(doubleTexts);
  }
  if (double && (!single || double.score >= single.score)) return { row: r, rows: 2, left, right, match: double, texts };
  if (single) return { row: r, rows: 1, left, right, match: single, texts };
  return undefined;
}

function hasTextIn(cells: readonly RawCell[], left: number, right: number): boolean {
  for (let c = left; c <= right && c < cells.length; c++) if (headerCellText(cells[c]) !== null) return true;
  return false;
}

/** A row that repeats the header's first row (printed on every page): most of its cells, as typed. */
function repeatsHeader(cells: readonly RawCell[], header: Header): boolean {
  let same = 0;
  let headerCells = 0;
  for (let i = 0; i < header.texts.length; i++) {
    const h = header.texts[i];
    const cell = cells[header.left + i];
    if (h === null) {
      if (!isEmpty(cell)) return false;
      continue;
    }
    headerCells++;
    if (headerCellText(cell) === h) same++;
    else if (!isEmpty(cell)) return false;
  }
  return same >= 2 && same * 2 >= headerCells;
}

// ---------------------------------------------------------------------------------------------
// Rows under a header

interface Body {
  readonly dataRows: number[];
  readonly skipped: SkippedRow[];
  /** Index into view.rows where the walk stopped (the next row to look at). */
  readonly next: number;
  /** Last row the table took (data or skipped), for claiming its area. */
  readonly lastRow: number;
  readonly typedBelow?: number;
}

interface Walk {
  readonly view: SheetView;
  readonly header: Header;
  readonly cellsOf: CellsOf;
  /** First row index (into view.rows) to read. */
  readonly from: number;
  /** Last Excel row inside the table's own area (Excel tables); plain ranges run on. */
  readonly areaBottom?: number;
  /** Set for an Excel table without a totals row: rows typed directly under it continue it. */
  readonly typedBelowAfter?: number;
  /** An Excel table's totals row: skipped, and no typed rows below it. */
  readonly totalsRow?: number;
  /** A person's corrections of this table (corrections.ts). */
  readonly fixes?: TableCorrections;
}

function rowBlank(cells: readonly RawCell[], left: number, right: number): boolean {
  for (let c = left; c <= right && c < cells.length; c++) if (!isEmpty(cells[c])) return false;
  return true;
}

function nonEmptyCount(cells: readonly RawCell[]): number {
  let n = 0;
  for (const c of cells) if (!isEmpty(c)) n++;
  return n;
}

/**
 * The data rows under a header, by contract.md's rules: blank rows and totals rows skipped,
 * a repeated header skipped, a note or signature row ends the table (and the note and signature
 * rows right after it are taken as the table's trailer), another header ends it (a one-cell row
 * right above that header is its caption).
 */
function walkBody(w: Walk): Body {
  const { view, header, cellsOf, fixes } = w;
  const { left, right } = header;
  const rows = view.rows;
  const dataRows: number[] = [];
  const skipped: SkippedRow[] = [];
  let lastTaken = header.row + header.rows - 1;
  let typedBelow: number | undefined;
  let subHeader = -1;
  // Rows a correction made data: never taken back as the caption of the next table.
  const forced = new Set<number>();
  // Every row between the last one taken and the next one taken is blank for this table.
  const take = (r: number, reason?: SkippedRow["reason"]): void => {
    for (let b = lastTaken + 1; b < r; b++) skipped.push({ row: b, reason: "blank" });
    if (reason === undefined) dataRows.push(r);
    else skipped.push({ row: r, reason });
    lastTaken = r;
  };
  const endAtHeader = (r: number): void => {
    if (!captionAbove(view, dataRows, r, lastTaken) || forced.has(lastTaken)) return;
    const caption = dataRows.pop() as number;
    // The blank rows above the caption lie between the two tables, in neither.
    const lastData = dataRows.length > 0 ? dataRows[dataRows.length - 1] : 0;
    for (let k = skipped.length - 1; k >= 0 && skipped[k].row > lastData; k--) if (skipped[k].reason === "blank") skipped.splice(k, 1);
    skipped.push({ row: caption, reason: "caption" });
  };
  let nextBelow = w.areaBottom === undefined ? -1 : w.areaBottom + 1;
  let i = w.from;
  for (; i < rows.length; i++) {
    const r = rows[i];
    if (w.totalsRow !== undefined && r >= w.totalsRow) {
      if (r === w.totalsRow) {
        take(r, fixes?.isData(r, view.raw(r)) ? undefined : "total");
        i++;
      }
      break;
    }
    const below = w.areaBottom !== undefined && r > w.areaBottom;
    if (below) {
      // Rows typed right under an Excel table belong to it, up to the first blank row.
      if (w.typedBelowAfter === undefined || r !== nextBelow || view.claimedAt(r, left, right)) break;
      nextBelow = r + 1;
    } else if (w.areaBottom === undefined && view.claimedAt(r, left, right)) {
      endAtHeader(r);
      break;
    }
    const cells = cellsOf(r);
    if (rowBlank(cells, left, right)) {
      if (below) break;
      continue;
    }
    if (fixes?.isData(r, view.raw(r))) {
      // "This row is data" (corrections.ts): whatever the row looks like.
      forced.add(r);
      if (below) typedBelow ??= r;
      take(r);
      if (fixes.endsAfter(r, view.raw(r))) {
        i++;
        break;
      }
      continue;
    }
    if (r === subHeader) {
      take(r, "header");
      continue;
    }
    const kind = rowKind(cells);
    if (kind === "note" || kind === "signature") {
      take(r, kind);
      i = trailer(view, cellsOf, skipped, i + 1, (row) => (lastTaken = row));
      break;
    }
    if (kind === "total") {
      take(r, "total");
      continue;
    }
    if (repeatsHeader(cells, header)) {
      take(r, "header");
      if (header.rows === 2) subHeader = r + 1;
      continue;
    }
    if (mayBeHeader(cells) && headerAt(view, r, cellsOf)) {
      endAtHeader(r);
      break;
    }
    if (below) typedBelow ??= r;
    take(r);
    if (fixes?.endsAfter(r, view.raw(r))) {
      // "The table ends here" (corrections.ts): the rows below are this table's no more.
      i++;
      break;
    }
  }
  return { dataRows, skipped, next: i, lastRow: lastTaken, typedBelow };
}

/** The last data row, when it sits right above row r and holds one non-empty cell: r's caption. */
function captionAbove(view: SheetView, dataRows: readonly number[], r: number, lastTaken: number): boolean {
  const last = dataRows[dataRows.length - 1];
  return last !== undefined && last === r - 1 && lastTaken === last && nonEmptyCount(view.raw(last)) === 1;
}

/** Note and signature rows right after the one that ended a table (blank rows between allowed). */
function trailer(view: SheetView, cellsOf: CellsOf, skipped: SkippedRow[], from: number, taken: (row: number) => void): number {
  let i = from;
  for (; i < view.rows.length; i++) {
    const cells = cellsOf(view.rows[i]);
    const kind = rowKind(cells);
    if (kind !== "note" && kind !== "signature") break;
    skipped.push({ row: view.rows[i], reason: kind });
    taken(view.rows[i]);
  }
  return i;
}

/** First index into `rows` whose row is greater than r (binary search). */
function indexAfter(rows: readonly number[], r: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid] <= r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------
// Tables

/** A found table, flagged while the sheet is walked when a correction says it is not a table. */
type Located = FoundTable & { readonly notATable?: boolean };

function withoutFlag(f: Located): FoundTable {
  if (f.notATable === undefined) return f;
  const { notATable: _dropped, ...table } = f;
  return table;
}

function foundTable(
  view: SheetView,
  header: Header,
  body: Body,
  kind: FoundTable["kind"],
  fixes: TableCorrections | undefined,
  tableName?: string,
): Located {
  const { left, right } = header;
  const lastData = body.dataRows.length > 0 ? body.dataRows[body.dataRows.length - 1] : header.row + header.rows - 1;
  const range = rangeAddress({ top: header.row, left, bottom: lastData, right });
  const merges = body.dataRows.length > 0 ? view.mergesIn(body.dataRows[0], lastData, left, right) : [];
  return {
    sheet: view.sheet.name,
    templateId: header.match.templateId,
    kind,
    ...(tableName !== undefined ? { tableName } : {}),
    headerRow: header.row,
    headerRows: header.rows,
    firstColumn: left,
    rows: body.dataRows.length,
    dataRows: body.dataRows,
    address: range,
    range,
    skippedRows: body.skipped.sort((a, b) => a.row - b.row),
    ...(body.typedBelow !== undefined ? { typedBelow: body.typedBelow } : {}),
    merges,
    columns: header.match.columns,
    missingRequired: header.match.missingRequired,
    ...(fixes?.notATable() ? { notATable: true } : {}),
  };
}

/**
 * An Excel table: its header row (or, without one, a header typed right above it, else its column
 * names), its rows, its totals row skipped, and the rows typed directly under it.
 */
function excelTable(view: SheetView, t: ExcelTableInfo, fixesOf: (h: Header) => TableCorrections | undefined): Located | undefined {
  const { top, left, right, bottom } = t.rect;
  const own: CellsOf = (r) => view.raw(r);
  let header: Header | undefined;
  const columnNames = (row: number): Header | undefined => {
    const match = matchHeaders(t.columnNames);
    return match ? { row, rows: 1, left, right, match, texts: t.columnNames } : undefined;
  };
  if (t.hasHeaderRow) header = columnNames(top);
  else {
    const above = top > 1 ? headerAt(view, top - 1, (r) => view.raw(r).slice(0, right + 1)) : undefined;
    header = above && above.left === left && above.right === right ? above : top > 1 ? columnNames(top - 1) : undefined;
  }
  if (!header) return undefined;
  const firstData = t.hasHeaderRow ? top + 1 : top;
  const fixes = fixesOf(header);
  // Rows under the table are no other table's: they would belong to it in Excel.
  const body = walkBody({
    view,
    header,
    cellsOf: own,
    from: indexAfter(view.rows, firstData - 1),
    areaBottom: t.hasTotalsRow ? bottom - 1 : bottom,
    totalsRow: t.hasTotalsRow ? bottom : undefined,
    typedBelowAfter: t.hasTotalsRow ? undefined : bottom,
    fixes,
  });
  view.claim({ top: header.row, left, right, bottom: Math.max(bottom, body.lastRow) });
  return foundTable(view, header, body, "table", fixes, t.name);
}

/** Every plain range of the sheet, top to bottom, outside the Excel tables. */
function plainRanges(view: SheetView, fixesOf: (h: Header) => TableCorrections | undefined): Located[] {
  const out: Located[] = [];
  const cellsOf: CellsOf = (r) => view.unclaimed(r);
  const rows = view.rows;
  let i = 0;
  while (i < rows.length) {
    const header = headerAt(view, rows[i], cellsOf);
    if (!header) {
      i++;
      continue;
    }
    const fixes = fixesOf(header);
    const body = walkBody({ view, header, cellsOf, from: indexAfter(rows, header.row + header.rows - 1), fixes });
    out.push(foundTable(view, header, body, "range", fixes));
    i = Math.max(body.next, i + 1);
  }
  return out;
}
