import { parseRange, type Rect } from "../../core/a1";

/** Office range geometry (0-based rowIndex) ↔ a1.ts rects (1-based rows, 0-based columns). */

/** The rect of a range whose rowIndex, columnIndex, rowCount and columnCount are loaded. */
export function rectOf(range: Excel.Range): Rect {
  return {
    top: range.rowIndex + 1,
    left: range.columnIndex,
    bottom: range.rowIndex + range.rowCount,
    right: range.columnIndex + range.columnCount - 1,
  };
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function within(outer: Rect, inner: Rect): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

export function intersection(a: Rect, b: Rect): Rect | undefined {
  const r = {
    top: Math.max(a.top, b.top),
    bottom: Math.min(a.bottom, b.bottom),
    left: Math.max(a.left, b.left),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : undefined;
}

/**
 * The areas of a `RangeAreas.address` such as `Sheet1!A1:C1,'My, sheet'!E5:F6`. Excel writes the
 * sheet name before every area ("Sheet1!A1:B4, Sheet1!D1:D4" in
 * https://learn.microsoft.com/javascript/api/excel/excel.rangeareas#excel-excel-rangeareas-address-member)
 * and whole columns or rows the short way (`Sheet1!C:C`, `Sheet1!2:2`), which count as areas too.
 * Sheet names may hold commas inside quotes, so areas are found by their cell part, not by
 * splitting on commas.
 */
export function areasOf(address: string): Rect[] {
  const out: Rect[] = [];
  const cell = String.raw`\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?`;
  const columns = String.raw`\$?[A-Z]{1,3}:\$?[A-Z]{1,3}`;
  const rows = String.raw`\$?\d+:\$?\d+`;
  const area = new RegExp(String.raw`(?:^|!|,\s*)(${cell}|${columns}|${rows})(?=\s*,|\s*$)`, "g");
  for (const m of address.matchAll(area)) {
    const r = parseRange(m[1]);
    if (r) out.push({ top: r.top, left: r.left, bottom: r.bottom, right: r.right });
  }
  return out;
}
