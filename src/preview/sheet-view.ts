import type * as ExcelJS from "exceljs";
import type { Rect } from "../core/a1";
import { toRawCell } from "../workbook/exceljs/cells";
import { tablesOf } from "../workbook/exceljs/tables";
import type { Mark } from "../core/marks/mark";
import { cellText, type CellText } from "./cell-text";
import { marksOf } from "./marks-view";
import { rectContains } from "./selection";

/**
 * Every row of the sheet can be scrolled to: the grid draws only the rows in view (virtualized),
 * and a row's cells are formatted when first drawn. Columns stay capped (a wide sheet's far
 * columns are rare in this product's tables).
 */
const MAX_VIEW_COLUMNS = 60;
/** Blank rows/columns shown past the used area, as Excel shows an endless sheet. */
const EXTRA_ROWS = 20;
const EXTRA_COLUMNS = 4;
const MIN_ROWS = 30;
const MIN_COLUMNS = 12;

export interface ViewCellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly color?: string;
  readonly background?: string;
  /** Points, when the cell sets a size. */
  readonly fontSize?: number;
  readonly wrap?: boolean;
  /** The cell's own alignment, where it sets one (a document's centred title). */
  readonly horizontal?: "left" | "center" | "right" | "justify";
  readonly vertical?: "top" | "middle" | "bottom";
}

export interface ViewCell extends CellText {
  readonly style?: ViewCellStyle;
  /** Part of an Excel table: its header row, or a banded data row. */
  readonly tablePart?: "header" | "band" | "body";
  /** Left-aligned text whose right neighbour is empty runs on into it, as in Excel. */
  readonly spill?: boolean;
  /** A validation mark on the cell (the add-in's conditional format): drawn in MARK_STYLE's colours. */
  readonly mark?: Mark["severity"];
  /** The text a person edits, where it differs from the shown text (a number in full, not as formatted). */
  readonly edit?: string;
}

/**
 * One sheet's shape as the grid draws it, without its cells: sizes in CSS pixels. Small enough to
 * send from the workbook's worker whatever the sheet's size (row heights only where they differ).
 */
export interface SheetMeta {
  readonly name: string;
  readonly rowCount: number;
  readonly columnCount: number;
  /** Last used row and column (1-based row, 0-based column), for whole-row/column selection. */
  readonly lastRow: number;
  readonly lastCol: number;
  /** Rows of the sheet in total. */
  readonly totalRows: number;
  readonly columnWidths: readonly number[];
  readonly defaultRowHeight: number;
  /** Heights of the rows that set their own, by 1-based row. */
  readonly rowHeights: Readonly<Record<number, number>>;
  readonly tables: readonly { name: string; rect: Rect }[];
  /** Merged areas (1-based rows, 0-based columns), drawn as one cell showing the top-left one's value. */
  readonly merges: readonly Rect[];
}

/** A sheet with its cells: the shape plus a row's cells (1-based), formatted on first use and kept. */
export interface SheetView extends SheetMeta {
  readonly row: (row: number) => readonly ViewCell[];
}

/** The shape of a view, without its cells (what the worker sends). */
export function metaOf(view: SheetView): SheetMeta {
  const { row: _row, ...meta } = view;
  return meta;
}

/** The merged areas of a sheet, without building ExcelJS's whole sheet model (slow at 50,000 rows). */
function mergesOf(ws: ExcelJS.Worksheet): Rect[] {
  const merges =
    (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {};
  return Object.values(merges).map((m) => ({ top: m.top, left: m.left - 1, bottom: m.bottom, right: m.right - 1 }));
}

/** Excel column width (characters of the default font) → pixels, as Excel does at 100 %. */
const widthPx = (chars: number) => Math.round(chars * 7 + 5);
/** Row height in points → pixels. */
const heightPx = (points: number) => Math.round((points * 4) / 3);

const argb = (c: Partial<ExcelJS.Color> | undefined): string | undefined =>
  c?.argb && /^[0-9A-Fa-f]{8}$/.test(c.argb) ? `#${c.argb.slice(2)}` : undefined;

function styleOf(cell: ExcelJS.Cell): ViewCellStyle | undefined {
  const { font, fill, alignment } = cell;
  const background = fill && fill.type === "pattern" && fill.pattern === "solid" ? argb(fill.fgColor) : undefined;
  const style: ViewCellStyle = {
    bold: font?.bold || undefined,
    italic: font?.italic || undefined,
    color: argb(font?.color),
    fontSize: font?.size && font.size !== 11 ? font.size : undefined,
    background,
    wrap: alignment?.wrapText || undefined,
    horizontal: horizontalOf(alignment?.horizontal),
    vertical: alignment?.vertical === "middle" || alignment?.vertical === "top" ? alignment.vertical : undefined,
  };
  return Object.values(style).some((v) => v !== undefined) ? style : undefined;
}

function horizontalOf(h: ExcelJS.Alignment["horizontal"] | undefined): ViewCellStyle["horizontal"] {
  if (h === "center" || h === "centerContinuous") return "center";
  if (h === "left" || h === "right" || h === "justify") return h;
  return undefined;
}

const EMPTY_CELL: ViewCell = { text: "", align: "left" };

export function buildSheetView(ws: ExcelJS.Worksheet): SheetView {
  const lastRow = ws.rowCount;
  const lastCol = Math.max(0, ws.columnCount - 1);
  const rowCount = Math.max(MIN_ROWS, lastRow + EXTRA_ROWS);
  const columnCount = Math.min(MAX_VIEW_COLUMNS, Math.max(MIN_COLUMNS, ws.columnCount + EXTRA_COLUMNS));
  const defaultWidth = ws.properties.defaultColWidth ?? 8.43;
  const defaultHeight = ws.properties.defaultRowHeight ?? 15;
  const tables = tablesOf(ws).map(({ name, rect }) => ({ name, rect }));
  const merges = mergesOf(ws);
  let marks: Map<string, NonNullable<ViewCell["mark"]>> | undefined;

  const columnWidths: number[] = [];
  for (let c = 1; c <= columnCount; c++) {
    const col = ws.getColumn(c);
    columnWidths.push(widthPx(col.hidden ? 0 : (col.width ?? defaultWidth)));
  }

  const rowHeights: Record<number, number> = {};
  for (let r = 1; r <= lastRow; r++) {
    const height = ws.findRow(r)?.height;
    if (height !== undefined && height !== defaultHeight) rowHeights[r] = heightPx(height);
  }

  const built = new Map<number, ViewCell[]>();
  const row = (r: number): readonly ViewCell[] => {
    const done = built.get(r);
    if (done) return done;
    marks ??= marksOf(ws, rowCount, columnCount - 1);
    const found = r <= lastRow ? ws.findRow(r) : undefined;
    const out: ViewCell[] = [];
    for (let c = 0; c < columnCount; c++) {
      const cell = found?.findCell(c + 1);
      const table = tables.find((t) => rectContains(t.rect, r, c));
      const tablePart = !table ? undefined : r === table.rect.top ? "header" : (r - table.rect.top) % 2 === 1 ? "band" : "body";
      const mark = marks.get(`${r}:${c}`);
      if (!cell) {
        out.push(tablePart || mark ? { ...EMPTY_CELL, tablePart, mark } : EMPTY_CELL);
        continue;
      }
      const raw = toRawCell(cell);
      const text = cellText(raw, cell.numFmt);
      // A number is edited in full (`1,234.50` typed back would become text).
      const edit = typeof raw === "number" && String(raw) !== text.text ? String(raw) : undefined;
      out.push({ ...text, style: styleOf(cell), tablePart, mark, ...(edit !== undefined ? { edit } : {}) });
    }
    for (let c = 0; c < out.length - 1; c++) {
      const cell = out[c];
      // Text spills into an empty neighbour, never into or out of a merged area (Excel clips there).
      if (
        cell.text &&
        cell.align === "left" &&
        !cell.style?.wrap &&
        out[c + 1].text === "" &&
        !merges.some((m) => rectContains(m, r, c) || rectContains(m, r, c + 1))
      )
        out[c] = { ...cell, spill: true };
    }
    built.set(r, out);
    return out;
  };
  return {
    name: ws.name,
    rowCount,
    columnCount,
    lastRow,
    lastCol,
    totalRows: lastRow,
    columnWidths,
    defaultRowHeight: heightPx(defaultHeight),
    rowHeights,
    row,
    tables,
    merges,
  };
}
