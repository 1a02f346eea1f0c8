import type { Rect } from "../a1";
import type { RawCell } from "../cells/types";
import type { SheetSnapshot } from "./snapshot";

/**
 * One sheet as the locator walks it: the snapshot's rows, its merged areas indexed by row (so
 * that a row's merges cost a map lookup, never a scan of all merges), and the areas already
 * claimed by a table, whose cells read as empty to the tables found after them.
 */
export class SheetView {
  readonly rows: readonly number[];
  readonly lastRow: number;
  private readonly mergesByRow = new Map<number, Rect[]>();
  private readonly claimed: Rect[] = [];

  constructor(readonly sheet: SheetSnapshot) {
    this.rows = sheet.grid.rowNumbers;
    this.lastRow = this.rows.length === 0 ? 0 : this.rows[this.rows.length - 1];
    // A merge is indexed on the rows it covers up to the sheet's last non-empty row: a whole-sheet
    // merge costs the used rows, not a million.
    for (const m of sheet.merges) {
      if (m.top === m.bottom && m.left === m.right) continue;
      const bottom = Math.min(m.bottom, this.lastRow);
      for (let r = m.top; r <= bottom; r++) {
        const list = this.mergesByRow.get(r);
        if (list) list.push(m);
        else this.mergesByRow.set(r, [m]);
      }
    }
  }

  /** Row `r`'s cells as stored (a merged area's value only in its top-left cell). */
  raw(r: number): readonly RawCell[] {
    return this.sheet.grid.row(r);
  }

  /** The merged areas covering row `r`. */
  mergesAt(r: number): readonly Rect[] {
    return this.mergesByRow.get(r) ?? NONE;
  }

  /** The merged area covering (r, c), if any. */
  mergeAt(r: number, c: number): Rect | undefined {
    const list = this.mergesByRow.get(r);
    if (!list) return undefined;
    for (const m of list) if (c >= m.left && c <= m.right) return m;
    return undefined;
  }

  /** The cell at (r, c) as a person sees it: a merged area's every cell shows its top-left value. */
  filled(r: number, c: number): RawCell {
    const m = this.mergeAt(r, c);
    if (m && (m.top !== r || m.left !== c)) return this.sheet.grid.row(m.top)[m.left] ?? null;
    return this.sheet.grid.row(r)[c] ?? null;
  }

  claim(rect: Rect): void {
    this.claimed.push(rect);
  }

  /** Whether a claimed area covers any of row r's columns left..right. */
  claimedAt(r: number, left: number, right: number): boolean {
    for (const t of this.claimed) if (r >= t.top && r <= t.bottom && t.left <= right && left <= t.right) return true;
    return false;
  }

  /** Row r's cells with the claimed areas' cells emptied. */
  unclaimed(r: number): readonly RawCell[] {
    const cells = this.raw(r);
    let out: RawCell[] | undefined;
    for (const t of this.claimed) {
      if (r < t.top || r > t.bottom || t.left >= cells.length) continue;
      out ??= [...cells];
      for (let c = t.left; c <= t.right && c < out.length; c++) out[c] = null;
    }
    return out ?? cells;
  }
}

const NONE: readonly Rect[] = [];
