import type { Rect } from "../core/a1";
import type { CellStyle, SheetLayout } from "../core/documents/sheet-layout-types";

/**
 * What both adapters derive from a SheetLayout before talking to their API: the block of text to
 * write (top-left A1, every cell text), the styled areas grouped by style (a merged cell's style
 * covers its whole merged area, so its borders frame the area), and unit conversions. No decision
 * about the document is made here: only translation.
 */

export interface LayoutPlan {
  /** Rows × columns from A1: the text of each cell, `""` where the layout has none. */
  readonly text: string[][];
  readonly rowCount: number;
  readonly columnCount: number;
  /** One entry per distinct style, with the areas it applies to. */
  readonly styles: readonly { readonly style: CellStyle; readonly rects: readonly Rect[] }[];
}

export function planLayout(layout: SheetLayout): LayoutPlan {
  let rowCount = 1;
  let columnCount = Math.max(1, layout.columnWidths.length);
  for (const c of layout.cells) {
    if (!Number.isInteger(c.row) || c.row < 1 || !Number.isInteger(c.col) || c.col < 0)
      throw new RangeError(`layout cell outside the sheet: row ${c.row}, column ${c.col}`);
    rowCount = Math.max(rowCount, c.row);
    columnCount = Math.max(columnCount, c.col + 1);
  }
  for (const m of layout.merges) {
    rowCount = Math.max(rowCount, m.bottom);
    columnCount = Math.max(columnCount, m.right + 1);
  }
  const text = Array.from({ length: rowCount }, () => new Array<string>(columnCount).fill(""));
  const mergeAt = new Map(layout.merges.map((m) => [`${m.top}:${m.left}`, m]));
  const groups = new Map<string, { style: CellStyle; rects: Rect[] }>();
  for (const c of layout.cells) {
    text[c.row - 1][c.col] = c.text;
    if (!c.style || Object.keys(c.style).length === 0) continue;
    const key = styleKey(c.style);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { style: c.style, rects: [] }));
    const m = mergeAt.get(`${c.row}:${c.col}`);
    g.rects.push(
      m ? { top: m.top, left: m.left, bottom: m.bottom, right: m.right } : { top: c.row, left: c.col, bottom: c.row, right: c.col },
    );
  }
  return { text, rowCount, columnCount, styles: [...groups.values()] };
}

/** The same key for the same style whatever the order of its properties. */
function styleKey(s: CellStyle): string {
  return JSON.stringify(Object.entries(s).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Excel's column width unit (characters of the default font) → points, as Excel converts it for
 * Calibri 11: 7 px a character plus 5 px padding, 0.75 pt a pixel.
 */
export const columnWidthPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

/** Inches (the layout's margins) → points (Office's PageLayout margins). */
export const inchesToPoints = (inches: number): number => inches * 72;

/**
 * The centre footer with the page number in the header/footer codes both Excel and ExcelJS use
 * (`&P` page, `&N` pages). A literal `&` in the text is doubled so it is not read as a code.
 */
export const footerWithPageNumbers = (footer: string, counter = "第 {page} 页 / 共 {total} 页"): string =>
  `${footer.replace(/&/g, "&&")} · ${counter.replace(/&/g, "&&").replace("{page}", "&P").replace("{total}", "&N")}`;

/** `1:2` → `$1:$2`, the form Office's setPrintTitleRows takes. */
export function absoluteRows(rows: string): string {
  const m = /^\$?(\d+):\$?(\d+)$/.exec(rows.trim());
  if (!m) throw new RangeError(`title rows must look like 1:2, got ${JSON.stringify(rows)}`);
  return `$${m[1]}:$${m[2]}`;
}
