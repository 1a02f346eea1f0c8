import type { RangeRef } from "../../app/port";

/**
 * The "active cell" of an in-memory workbook. ExcelJS has no selection of its own: the preview
 * page's grid sets it when a person clicks, `selectCell` sets it when a finding is clicked, and
 * readTables({ kind: "current" }) reads it. Listeners hear every change (not a re-set of the same range).
 */
export type SelectionListener = (selection: RangeRef | undefined) => void;

export class SelectionHolder {
  private current: RangeRef | undefined;
  private readonly listeners = new Set<SelectionListener>();

  get(): RangeRef | undefined {
    return this.current;
  }

  set(next: RangeRef | undefined): void {
    const prev = this.current;
    if (prev === next || (prev && next && prev.sheet === next.sheet && prev.address === next.address)) return;
    this.current = next ? { sheet: next.sheet, address: next.address } : undefined;
    // A copy of the set: a listener may unsubscribe itself while being called.
    for (const listener of [...this.listeners]) listener(this.current);
  }

  /** Subscribes; returns the function that unsubscribes. */
  subscribe(listener: SelectionListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
