import { MAX_COLUMNS, MAX_ROWS, type Rect } from "../core/a1";

/** A grid position: Excel row (1-based) and column index (0-based), as in `core/a1`. */
export interface GridCell {
  readonly row: number;
  readonly col: number;
}

/**
 * A selection as Excel keeps it: the anchor (where the click or drag started, the active cell)
 * and the focus (the opposite corner, moved by drag, shift-click and shift+arrow).
 */
export interface Selection {
  readonly anchor: GridCell;
  readonly focus: GridCell;
}

export const cellSelection = (cell: GridCell): Selection => ({ anchor: cell, focus: cell });

export function selectionRect({ anchor, focus }: Selection): Rect {
  return {
    top: Math.min(anchor.row, focus.row),
    bottom: Math.max(anchor.row, focus.row),
    left: Math.min(anchor.col, focus.col),
    right: Math.max(anchor.col, focus.col),
  };
}

/** Whole rows `top..bottom` across the columns in use (not A:XFD, which no action wants). */
export function rowSelection(top: number, bottom: number, lastCol: number): Selection {
  return { anchor: { row: top, col: 0 }, focus: { row: bottom, col: Math.max(0, lastCol) } };
}

/** Whole columns `left..right` down to the last row in use. */
export function columnSelection(left: number, right: number, lastRow: number): Selection {
  return { anchor: { row: 1, col: left }, focus: { row: Math.max(1, lastRow), col: right } };
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** Arrow keys: move the active cell, or with shift grow/shrink the selection from the anchor. */
export function moveSelection(sel: Selection, dRow: number, dCol: number, extend: boolean): Selection {
  const from = extend ? sel.focus : sel.anchor;
  const to: GridCell = {
    row: clamp(from.row + dRow, 1, MAX_ROWS),
    col: clamp(from.col + dCol, 0, MAX_COLUMNS - 1),
  };
  return extend ? { anchor: sel.anchor, focus: to } : cellSelection(to);
}

export function rectContains(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}
