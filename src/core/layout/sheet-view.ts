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
  /** Merged areas by their top row: each area indexed once, whatever its height. */
  private readonly mergesByTop = new Map<number, Rect[]>();
  /** Areas taller than one row, for the (rare) question which area covers a cell from above. */
  private readonly tall: Rect[] = [];
  private readonly claimed: Rect[] = [];

  constructor(readonly sheet: SheetSnapshot) {
    this.rows = sheet.grid.rowNumbers;
    this.lastRow = this.rows.length === 0 ? 0 : this.rows[this.rows.length - 1];
    for (const m of sheet.merges) {
      if (m.top === m.bottom && m.left === m.right) continue;
      const list = this.mergesByTop.get(m.top);
      if (list) list.push(m);
      else this.mergesByTop.set(m.top, [m]);
      if (m.bottom > m.top) this.tall.push(m);
    }
  }

  /** Row `r`'s cells as stored (a merged area's value only in its top-left cell). */
  raw(r: number): readonly RawCell[] {
    return this.sheet.grid.row(r);
  }

  /** The merged areas whose top row is r. */
  mergesStartingAt(r: number): readonly Rect[] {
    return this.mergesByTop.get(r) ?? NONE;
  }

  /**
   * The merged area covering (r, c), if any. Asked for header cells only (a handful of rows), so
   * the areas reaching down from above are searched among the tall ones.
   */
  mergeAt(r: number, c: number): Rect | undefined {
    for (const m of this.mergesStartingAt(r)) if (c >= m.left && c <= m.right) return m;
    for (const m of this.tall) if (m.top < r && m.bottom >= r && c >= m.left && c <= m.right) return m;
    return undefined;
  }

  /** The merged areas reaching into rows top..bottom and columns left..right (one pass over the areas). */
  mergesIn(top: number, bottom: number, left: number, right: number): Rect[] {
    return this.sheet.merges.filter(
      (m) => m.top <= bottom && m.bottom >= top && m.left <= right && left <= m.right && (m.top !== m.bottom || m.left !== m.right),
    );
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
