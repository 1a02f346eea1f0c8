import type { Rect } from "../a1";

/**
 * The merged areas covering each row, for rows asked in ascending order: a sweep over the areas
 * sorted by their top row, keeping those that reach the current row. Linear in rows plus areas
 * (a tall area is looked at once per row it covers, never indexed row by row in a map).
 */
export class MergeSweep {
  private readonly sorted: readonly Rect[];
  private next = 0;
  private active: Rect[] = [];
  private last = -Infinity;

  constructor(merges: readonly Rect[]) {
    this.sorted = [...merges].sort((a, b) => a.top - b.top);
  }

  /** The areas covering row r; r must not be less than the previous call's. */
  at(r: number): readonly Rect[] {
    if (r < this.last) throw new Error(`MergeSweep: row ${r} asked after row ${this.last}`);
    this.last = r;
    while (this.next < this.sorted.length && this.sorted[this.next].top <= r) this.active.push(this.sorted[this.next++]);
    if (this.active.length > 0 && this.active.some((m) => m.bottom < r)) this.active = this.active.filter((m) => m.bottom >= r);
    return this.active;
  }
}
