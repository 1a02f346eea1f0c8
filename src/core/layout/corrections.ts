import { trimCell } from "../cells/normalize";
import type { RawCell } from "../cells/types";
import { LiaisonError } from "../errors";
import type { SheetSnapshot } from "./snapshot";
import { dataRowsOf, type FoundColumn, type FoundTable } from "./types";

/**
 * A person's corrections of what the locator understood (issue 10: "this row is data", "the
 * table ends here", "this is not a table"), as data. They are stored in the workbook
 * (corrections-sheet.ts) and `locateLayout` applies them, once, in the core, for every front end.
 *
 * Each correction is anchored to its table by the sheet's name, the header's first row and the
 * header's text (`headerFingerprint`), and a row correction also by the row's own text
 * (`rowFingerprint`). When an anchor no longer matches — the sheet renamed, rows inserted above
 * the header, the header retyped, the row's content changed — the correction is not applied and
 * is reported as `stale`: a correction never silently lands on another table or another row.
 */

/** `row-is-data`: a row the locator skipped (a note, a 合计-like row) is read as data; `table-ends`: the table's data stops after `row`; `not-a-table`: the header is ignored. */
export type CorrectionKind = "row-is-data" | "table-ends" | "not-a-table";
export const CORRECTION_KINDS: readonly CorrectionKind[] = ["row-is-data", "table-ends", "not-a-table"];

export interface LayoutCorrection {
  readonly kind: CorrectionKind;
  readonly sheet: string;
  /** The table's header row (its first row), 1-based. */
  readonly headerRow: number;
  /** `headerFingerprint` of the table's columns when the correction was made. */
  readonly header: string;
  /** The row corrected (`row-is-data`, `table-ends`); absent for `not-a-table`. */
  readonly row?: number;
  /** `rowFingerprint` of that row when the correction was made. */
  readonly rowText?: string;
}

export type CorrectionStatus = "applied" | "stale";

export interface CorrectionState {
  readonly correction: LayoutCorrection;
  readonly status: CorrectionStatus;
}

/** The tables as corrected, and what became of each correction. */
export interface LayoutResult {
  readonly tables: FoundTable[];
  readonly corrections: readonly CorrectionState[];
}

/** What a person asks for on the 表格 tab: the table by its place, the row by its number. */
export interface CorrectionRequest {
  readonly kind: CorrectionKind;
  readonly sheet: string;
  readonly headerRow: number;
  /** The table's first column (0-based), telling apart two tables side by side on one header row. */
  readonly firstColumn?: number;
  readonly row?: number;
}

/** Longest row text kept: enough to tell rows apart, short enough to read in the stored sheet. */
const MAX_ROW_TEXT = 120;
const SEPARATOR = " | ";

/** The header's text: its columns' header cells as found (two-row headers as `对接人-姓名`), joined. */
export function headerFingerprint(columns: readonly Pick<FoundColumn, "header">[]): string {
  return columns.map((c) => c.header).join("|");
}

function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return trimCell(cell);
  if (typeof cell === "number" || typeof cell === "boolean") return String(cell);
  return cell.kind === "date" ? `#${cell.serial}` : cell.code;
}

/** A row's text inside the table's columns (as stored, a merged value in its top-left cell only), non-empty cells joined. */
export function rowFingerprint(cells: readonly RawCell[], firstColumn: number, width: number): string {
  const parts: string[] = [];
  for (let c = firstColumn; c < firstColumn + width; c++) {
    const t = cellText(cells[c]);
    if (t !== "") parts.push(t);
  }
  const text = parts.join(SEPARATOR);
  if (text.length <= MAX_ROW_TEXT) return text;
  // Cut by code point (never half a surrogate pair, which no XML part may hold), and trimmed as
  // the stored cell is read back, so that a cut after a space still matches.
  return trimCell(Array.from(text).slice(0, MAX_ROW_TEXT).join(""));
}

const anchorKey = (sheet: string, headerRow: number, header: string): string => `${sheet}\u0000${headerRow}\u0000${header}`;

/** Two corrections are the same when they say the same thing about the same place. */
export function sameCorrection(a: LayoutCorrection, b: LayoutCorrection): boolean {
  return (
    a.kind === b.kind &&
    a.sheet === b.sheet &&
    a.headerRow === b.headerRow &&
    a.header === b.header &&
    a.row === b.row &&
    a.rowText === b.rowText
  );
}

/**
 * The list with `c` added. A table has at most one end: a new `table-ends` replaces the old one.
 * A correction already in the list is not added twice.
 */
export function addCorrection(list: readonly LayoutCorrection[], c: LayoutCorrection): LayoutCorrection[] {
  const key = anchorKey(c.sheet, c.headerRow, c.header);
  const kept = list.filter(
    (o) =>
      !sameCorrection(o, c) && !(c.kind === "table-ends" && o.kind === "table-ends" && anchorKey(o.sheet, o.headerRow, o.header) === key),
  );
  return [...kept, c];
}

export function removeCorrection(list: readonly LayoutCorrection[], c: LayoutCorrection): LayoutCorrection[] {
  return list.filter((o) => !sameCorrection(o, c));
}

/**
 * The skipped rows "this row is data" applies to: not a blank row, and not one after the note or
 * signature row that ended the table (those trailing rows are outside it; marking the row that
 * ended it as data first lets the table run on to them).
 */
export function rowsThatCanBeData(table: Pick<FoundTable, "skippedRows">): number[] {
  const skipped = table.skippedRows ?? [];
  const end = skipped.find((s) => s.reason === "note" || s.reason === "signature")?.row ?? Infinity;
  return skipped.filter((s) => s.reason !== "blank" && s.row <= end).map((s) => s.row);
}

/**
 * The correction a request makes, anchored on the table as located now (`tables` located with
 * the corrections already stored, `sheets` the same snapshots). A request that does not fit the
 * table — no table there, a row that is not one the action applies to — is a LiaisonError.
 */
export function correctionFor(sheets: readonly SheetSnapshot[], tables: readonly FoundTable[], req: CorrectionRequest): LayoutCorrection {
  const table = tables.find(
    (t) => t.sheet === req.sheet && t.headerRow === req.headerRow && (req.firstColumn === undefined || t.firstColumn === req.firstColumn),
  );
  if (!table) throw new LiaisonError("layoutNoTable", { sheet: req.sheet, row: req.headerRow });
  const header = headerFingerprint(table.columns);
  if (req.kind === "not-a-table") return { kind: req.kind, sheet: table.sheet, headerRow: table.headerRow, header };
  const row = req.row;
  const fits = row !== undefined && (req.kind === "row-is-data" ? rowsThatCanBeData(table).includes(row) : dataRowsOf(table).includes(row));
  if (!fits || row === undefined)
    throw new LiaisonError(req.kind === "row-is-data" ? "layoutNotSkipped" : "layoutNotData", { sheet: table.sheet, row: row ?? 0 });
  const snapshot = sheets.find((s) => s.name === table.sheet);
  if (!snapshot) throw new Error(`Found table on sheet "${table.sheet}", which the snapshots do not have`);
  const rowText = rowFingerprint(snapshot.grid.row(row), table.firstColumn, table.columns.length);
  return { kind: req.kind, sheet: table.sheet, headerRow: table.headerRow, header, row, rowText };
}

/** The corrections of one table, as the locator asks while it walks the table's rows. */
export interface TableCorrections {
  /** Row r (its cells as stored) is data by a correction whose row text still matches. */
  isData(r: number, cells: readonly RawCell[]): boolean;
  /** The table ends after row r by such a correction. */
  endsAfter(r: number, cells: readonly RawCell[]): boolean;
  /** The header is not a table's. */
  notATable(): boolean;
}

interface Slot {
  readonly rowIsData: Map<number, LayoutCorrection[]>;
  readonly ends: Map<number, LayoutCorrection[]>;
  readonly notATable: LayoutCorrection[];
}

/** The stored corrections by their table's anchor; remembers which ones were applied. */
export class CorrectionIndex {
  private readonly slots = new Map<string, Slot>();
  private readonly used = new Set<LayoutCorrection>();

  constructor(private readonly list: readonly LayoutCorrection[]) {
    for (const c of list) {
      const key = anchorKey(c.sheet, c.headerRow, c.header);
      let slot = this.slots.get(key);
      if (!slot) {
        slot = { rowIsData: new Map(), ends: new Map(), notATable: [] };
        this.slots.set(key, slot);
      }
      if (c.kind === "not-a-table") slot.notATable.push(c);
      else if (c.row !== undefined) {
        const map = c.kind === "row-is-data" ? slot.rowIsData : slot.ends;
        map.set(c.row, [...(map.get(c.row) ?? []), c]);
      }
    }
  }

  /** The corrections anchored on this header, or undefined when there are none (the common case). */
  forTable(sheet: string, headerRow: number, firstColumn: number, columns: readonly FoundColumn[]): TableCorrections | undefined {
    if (this.slots.size === 0) return undefined;
    const slot = this.slots.get(anchorKey(sheet, headerRow, headerFingerprint(columns)));
    if (!slot) return undefined;
    const width = columns.length;
    const match = (map: Map<number, LayoutCorrection[]>, r: number, cells: readonly RawCell[]): boolean => {
      const here = map.get(r);
      if (!here) return false;
      const text = rowFingerprint(cells, firstColumn, width);
      const hits = here.filter((c) => c.rowText === text);
      for (const c of hits) this.used.add(c);
      return hits.length > 0;
    };
    return {
      isData: (r, cells) => match(slot.rowIsData, r, cells),
      endsAfter: (r, cells) => match(slot.ends, r, cells),
      notATable: () => {
        for (const c of slot.notATable) this.used.add(c);
        return slot.notATable.length > 0;
      },
    };
  }

  states(): CorrectionState[] {
    return this.list.map((correction) => ({ correction, status: this.used.has(correction) ? "applied" : "stale" }));
  }
}
