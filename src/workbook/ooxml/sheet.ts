import { parseRange, type Rect } from "../../core/a1";
import { EXCEL_EPOCH_OFFSET } from "../../core/cells/civil";
import { excelDate, excelError, type RawCell } from "../../core/cells/types";
import type { SheetGrid } from "../../core/layout/snapshot";
import type { CellStyles } from "./styles";
import { MARK_SIGNATURE } from "../../core/marks/mark";
import { isMain, xmlScanner, type ScanTag } from "./scan";
import { REL_NS, xsdTrue } from "./xml";

const STRICT_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships";
/** A cell's attributes, read in one pass: reference, type, style. */
const CELL_ATTRS = ["r", "t", "s"] as const;

/**
 * One worksheet part, streamed: the cells that hold something (as RawCell, the shape the core
 * reads), merged areas as rectangles, hidden rows and the relationship ids of its tables. Memory
 * grows with the cells that hold something — never with the bounding box, the `<dimension>`, a
 * whole-sheet data validation or the number of merges, which are all skipped or kept as rects.
 *
 * A cell's value is its stored value, a formula's cached result (ordinary, shared, array and
 * What-If data-table formulas alike) or empty when none is cached. Hidden cells of a merged area
 * read as empty, as Office.js reports them.
 */

export interface ParsedSheet {
  /** Row number → cells from column A (index 0); only rows with a non-empty cell. */
  readonly rows: Map<number, RawCell[]>;
  readonly merges: Rect[];
  readonly hiddenRows: Set<number>;
  readonly tableRelIds: string[];
  /** Whether a conditional format of the add-in's (its formula names MARK_SIGNATURE) is on the sheet. */
  readonly hasMarks: boolean;
}

export interface SheetContext {
  readonly sharedStrings: readonly string[];
  readonly styles: CellStyles;
  readonly date1904: boolean;
}

const MS_PER_DAY = 86_400_000;
const DAYS_1904 = 1462;

/** `_x000D_`-style escapes of characters XML cannot hold (ECMA-376 ST_Xstring), decoded. */
export function decodeXstring(s: string): string {
  return s.indexOf("_x") < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * A number under a date format as the serial of the 1900 system, rounded to the millisecond as
 * Excel stores times (and as the ExcelJS adapter has always read them): 1904 workbooks shifted.
 */
function dateSerial(v: number, date1904: boolean): RawCell {
  const ms = Math.round((v - EXCEL_EPOCH_OFFSET + (date1904 ? DAYS_1904 : 0)) * MS_PER_DAY);
  return excelDate(ms / MS_PER_DAY + EXCEL_EPOCH_OFFSET);
}

/** An ISO 8601 cell (`t="d"`, as LibreOffice may write): its civil date and time as a serial. */
function isoSerial(text: string): RawCell {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?/.exec(text.trim());
  if (!m) return text === "" ? null : text;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), Math.round(Number(m[7] ?? 0) * 1000));
  return excelDate(ms / MS_PER_DAY + EXCEL_EPOCH_OFFSET);
}

/** The column index (0-based) and row of the last reference split (module state: no array per cell). */
let refCol = -1;
let refRow = -1;

/** Splits a cell reference such as `AB12` into refCol/refRow; refRow -1 when malformed. */
function splitRef(ref: string): void {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36) break; // `$`
  }
  if (ref.charCodeAt(i) === 36) i++; // `$` before the row
  let row = 0;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) {
      refCol = col - 1;
      refRow = -1;
      return;
    }
    row = row * 10 + d;
  }
  refCol = col - 1;
  refRow = row > 0 ? row : -1;
}

export function sheetReader(part: string, ctx: SheetContext): { write(text: string): void; close(): ParsedSheet } {
  const rows = new Map<number, RawCell[]>();
  const merges: Rect[] = [];
  const hiddenRows = new Set<number>();
  const tableRelIds: string[] = [];

  let rowNumber = 0;
  let cells: RawCell[] | undefined;
  let col = -1;
  // The cell being read.
  let type = "n";
  let style = 0;
  let hasFormula = false;
  let hasValue = false;
  let value = "";
  /** 1: inside <v>; 2: inside <is>; 3: a <t> of <is> outside phonetic runs; 4: a conditional format's <formula>. */
  let mode = 0;
  let hasMarks = false;
  let phonetic = 0;
  const attrs: (string | undefined)[] = [undefined, undefined, undefined];

  const cellValue = (): RawCell => {
    if (type === "inlineStr") return hasValue ? decodeXstring(value) : null;
    if (!hasValue) return null;
    switch (type) {
      case "s": {
        const s = ctx.sharedStrings[parseInt(value, 10)];
        return s === undefined ? null : s;
      }
      case "str":
        return decodeXstring(value);
      case "b":
        return value.trim() === "1" || value.trim() === "true";
      case "e":
        return excelError(value.trim());
      case "d":
        return isoSerial(value);
      default: {
        const n = parseFloat(value);
        if (!Number.isFinite(n)) return null;
        return ctx.styles.isDate(style) ? dateSerial(n, ctx.date1904) : n;
      }
    }
  };

  const endRow = (): void => {
    if (cells === undefined) return;
    let last = cells.length - 1;
    while (last >= 0 && (cells[last] === null || cells[last] === "")) last--;
    if (last >= 0) {
      cells.length = last + 1;
      const existing = rows.get(rowNumber);
      if (existing) {
        // A row written twice (malformed, but seen): later cells win, as Excel reads it.
        cells.forEach((v, i) => {
          if (v !== null) existing[i] = v;
        });
        for (let i = 0; i < existing.length; i++) if (existing[i] === undefined) existing[i] = null;
      } else rows.set(rowNumber, cells);
    }
    cells = undefined;
  };

  const open = (tag: ScanTag): void => {
    if (!isMain(tag.uri)) return;
    switch (tag.local) {
      case "c": {
        tag.getAll(CELL_ATTRS, attrs);
        const r = attrs[0];
        if (r !== undefined) {
          splitRef(r);
          const rr = refRow;
          col = refCol;
          if (rr > 0 && rr !== rowNumber) {
            // A cell outside its row element (malformed but readable): it starts its own row.
            endRow();
            rowNumber = rr;
          }
        } else col++;
        type = attrs[1] ?? "n";
        const s = attrs[2];
        style = s === undefined ? 0 : parseInt(s, 10);
        hasFormula = false;
        hasValue = false;
        value = "";
        return;
      }
      case "v":
        mode = 1;
        hasValue = true;
        return;
      case "row": {
        endRow();
        const r = tag.get("r");
        rowNumber = r === undefined ? rowNumber + 1 : parseInt(r, 10);
        col = -1;
        if (xsdTrue(tag.get("hidden"))) hiddenRows.add(rowNumber);
        return;
      }
      case "f":
        hasFormula = true;
        return;
      case "is":
        mode = 2;
        hasValue = true;
        return;
      case "t":
        if (mode === 2 && phonetic === 0) mode = 3;
        return;
      case "rPh":
        phonetic++;
        return;
      case "mergeCell": {
        const ref = tag.get("ref");
        const rect = ref === undefined ? undefined : parseRange(ref);
        if (rect && (rect.bottom > rect.top || rect.right > rect.left))
          merges.push({ top: rect.top, left: rect.left, bottom: rect.bottom, right: rect.right });
        return;
      }
      case "formula":
        mode = 4;
        value = "";
        return;
      case "tablePart": {
        const id = tag.getNs(REL_NS, "id") ?? tag.getNs(STRICT_REL_NS, "id");
        if (id !== undefined) tableRelIds.push(id);
        return;
      }
    }
  };

  const close = (local: string, uri: string): void => {
    if (!isMain(uri)) return;
    switch (local) {
      case "c": {
        // A formula without a cached result is empty; a `t="str"` formula caches its text in <v>.
        const v = hasFormula && !hasValue ? null : cellValue();
        // An empty string is kept where it stands (as Excel and ExcelJS give it) but never makes a row non-empty.
        if (v !== null && col >= 0) {
          if (cells === undefined) cells = [];
          while (cells.length < col) cells.push(null);
          cells[col] = v;
        }
        mode = 0;
        return;
      }
      case "v":
        mode = 0;
        return;
      case "t":
        if (mode === 3) mode = 2;
        return;
      case "is":
        mode = 0;
        return;
      case "rPh":
        phonetic--;
        return;
      case "formula":
        if (value.includes(MARK_SIGNATURE)) hasMarks = true;
        mode = 0;
        return;
      case "row":
        endRow();
        return;
    }
  };

  const stream = xmlScanner(part, {
    open,
    close,
    text(t) {
      if (mode === 1 || mode === 3 || mode === 4) value += t;
    },
  });

  return {
    write: (text) => stream.write(text),
    close() {
      stream.close();
      endRow();
      blankMergedCells(rows, merges);
      return { rows, merges, hiddenRows, tableRelIds, hasMarks };
    },
  };
}

/**
 * Clears the hidden cells of merged areas (all but the top-left). Each merge visits only the
 * stored rows it spans and their stored cells: 50,000 merges cost 50,000 small steps, a merge over
 * a whole column costs the rows that hold something.
 */
function blankMergedCells(rows: Map<number, RawCell[]>, merges: readonly Rect[]): void {
  if (merges.length === 0 || rows.size === 0) return;
  const numbers = [...rows.keys()].sort((a, b) => a - b);
  for (const m of merges) {
    // First stored row at or after m.top (binary search).
    let lo = 0;
    let hi = numbers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (numbers[mid] < m.top) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < numbers.length && numbers[i] <= m.bottom; i++) {
      const r = numbers[i];
      const cells = rows.get(r);
      if (!cells) continue;
      let changed = false;
      for (let c = m.left; c <= m.right && c < cells.length; c++) {
        if ((r !== m.top || c !== m.left) && cells[c] !== null) {
          cells[c] = null;
          changed = true;
        }
      }
      if (changed) {
        // Keep the grid's promise: a row ends at its last non-empty cell, and empty rows are left out.
        let last = cells.length - 1;
        while (last >= 0 && (cells[last] === null || cells[last] === "")) last--;
        if (last < 0) rows.delete(r);
        else cells.length = last + 1;
      }
    }
  }
}

const EMPTY: readonly RawCell[] = [];

/**
 * The rows as the core's SheetGrid, without copying them: `rows` already holds only rows with a
 * non-empty cell, each ending at its last one (what `gridFromRows` would make of them).
 */
export function sparseGrid(rows: ReadonlyMap<number, readonly RawCell[]>): SheetGrid {
  const rowNumbers = [...rows.keys()].sort((a, b) => a - b);
  return { rowNumbers, row: (r) => rows.get(r) ?? EMPTY };
}
