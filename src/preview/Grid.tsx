import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import {
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  memo,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { type Rect, cellAddress, columnLetter } from "../core/a1";
import { CellEditor, type CommitMove, type EditState, startsTyping } from "./cell-editor";
import { type GridCell, type Selection, cellSelection, columnSelection, moveSelection, rowSelection, selectionRect } from "./selection";
import type { SheetView, ViewCell } from "./sheet-view";
import { MARK_STYLE } from "../core/marks/mark";

const EXCEL_GREEN = "#217346";
const HEADER_BG = "#f3f3f3";
const ROW_HEAD_WIDTH = 44;
/** Height of the column-letter row (its 22 px and its bottom border): rows start below it. */
const HEAD_HEIGHT = 23;
/** Rows drawn above and below the visible ones, so a quick scroll or a nearby selection finds them. */
const OVERSCAN = 12;

interface Span {
  readonly rowSpan: number;
  readonly colSpan: number;
}

/**
 * Merged areas as the drawn rows need them: the top-left cell of each area spans it (clipped to
 * the drawn rows) and the other cells are left out. An area whose top row is not drawn (scrolled
 * away) is drawn as separate cells, so the cells after it never shift.
 */
function mergeLayout(
  merges: readonly Rect[],
  first: number,
  last: number,
): { spans: Map<number, Map<number, Span>>; covered: Map<number, Set<number>> } {
  const spans = new Map<number, Map<number, Span>>();
  const covered = new Map<number, Set<number>>();
  for (const m of merges) {
    if (m.top < first || m.top > last) continue;
    const bottom = Math.min(m.bottom, last);
    let row = spans.get(m.top);
    if (!row) spans.set(m.top, (row = new Map()));
    row.set(m.left, { rowSpan: bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= bottom; r++) {
      let set = covered.get(r);
      if (!set) covered.set(r, (set = new Set()));
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) set.add(c);
    }
  }
  return { spans, covered };
}

const useStyles = makeStyles({
  scroller: {
    flex: 1,
    minHeight: 0,
    overflow: "auto",
    backgroundColor: "#ffffff",
    position: "relative",
    // The grid (the table) takes the focus; its ring is drawn on the visible frame around it.
    ":has(> table:focus-visible)": { boxShadow: `inset 0 0 0 2px ${tokens.colorStrokeFocus2}` },
  },
  table: {
    outlineStyle: "none",
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontSize: "13px",
    fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Segoe UI", sans-serif',
    userSelect: "none",
    cursor: "cell",
  },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: HEADER_BG,
    color: "#444",
    fontWeight: "normal",
    height: "22px",
    textAlign: "center",
    borderRight: "1px solid #d4d4d4",
    borderBottom: "1px solid #bdbdbd",
    cursor: "s-resize",
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: HEADER_BG,
    color: "#444",
    fontWeight: "normal",
    textAlign: "center",
    borderRight: "1px solid #bdbdbd",
    borderBottom: "1px solid #d4d4d4",
    cursor: "e-resize",
  },
  corner: { left: 0, zIndex: 3, cursor: "default" },
  headSelected: { backgroundColor: "#d3e7dc", color: EXCEL_GREEN, fontWeight: "bold" },
  cell: {
    borderRight: "1px solid #e1e1e1",
    borderBottom: "1px solid #e1e1e1",
    padding: "0 4px",
    overflow: "hidden",
    whiteSpace: "nowrap",
    textOverflow: "clip",
    verticalAlign: "bottom",
    lineHeight: "18px",
  },
  // Wrapped text breaks between words (English words stay whole) and anywhere in Chinese, as Excel does.
  wrap: { whiteSpace: "normal", overflowWrap: "anywhere", wordBreak: "normal" },
  // Cell backgrounds are all painted before any cell's text, so spilled text stays visible.
  spill: { overflow: "visible" },
  tableHeader: { backgroundColor: "#4472c4", color: "#ffffff", fontWeight: "bold" },
  tableBand: { backgroundColor: "#d9e1f2" },
  // An overlay (not a background colour) so filled cells and table bands stay visible under it.
  selected: { backgroundImage: "linear-gradient(rgba(33, 115, 70, 0.14), rgba(33, 115, 70, 0.14))" },
});

interface GridProps {
  readonly view: SheetView;
  readonly sheetName: string;
  readonly label: string;
  readonly selection: Selection | null;
  readonly onSelect: (selection: Selection) => void;
  /** A cell's text for editing; without it (and `onEdit`) the grid is read-only. */
  readonly editTextOf?: (cell: GridCell) => string;
  /** A person typed `text` into `cell` (Enter, Tab or leaving the editor). */
  readonly onEdit?: (cell: GridCell, text: string) => void;
  /** Delete on a selection: empty these cells. */
  readonly onClear?: (rect: Rect) => void;
  /** Accessible name of the editor (`编辑单元格 B3`). */
  readonly editLabel?: (address: string) => string;
  /** The rows drawn now (1-based, first..last): the page reads their cells when it does not hold them yet. */
  readonly onRowsShown?: (first: number, last: number) => void;
}

const MOVES: Readonly<Record<CommitMove, [number, number]>> = { down: [1, 0], up: [-1, 0], right: [0, 1], left: [0, -1], none: [0, 0] };

/**
 * The worksheet grid of the preview: column letters, row numbers, formatted cells, and Excel's
 * selection gestures (click, shift-click, drag, row/column headers, arrow keys with shift).
 * Rows are memoised, so dragging a selection re-renders only the rows whose part of it changed.
 */
export const Grid = memo(function Grid({
  view,
  sheetName,
  label,
  selection,
  onSelect,
  editTextOf,
  onEdit,
  onClear,
  editLabel,
  onRowsShown,
}: GridProps) {
  const styles = useStyles();
  const [editing, setEditing] = useState<EditState | null>(null);
  const editable = editTextOf !== undefined && onEdit !== undefined;
  // Another sheet shown: an open editor belongs to the old one.
  useEffect(() => setEditing(null), [sheetName]);
  const scroller = useRef<HTMLDivElement>(null);
  // The element with role="grid": it holds the focus and names the active cell
  // (aria-activedescendant), so a screen reader follows the selection as it moves.
  const grid = useRef<HTMLTableElement>(null);
  const idPrefix = useId();
  // Drag state lives in a ref: it changes on every mouse move and is not rendered itself.
  const drag = useRef<{ kind: "cell" | "row" | "col"; anchor: GridCell } | null>(null);
  const rect = selection ? selectionRect(selection) : null;

  useEffect(() => {
    const stop = () => {
      drag.current = null;
    };
    window.addEventListener("mouseup", stop);
    return () => window.removeEventListener("mouseup", stop);
  }, []);

  // Only the rows in view are drawn (50,000-row sheets stay quick). Each row starts at the sheet's
  // height and is measured once drawn: a row whose text needs more (a document's large title) grows,
  // as LibreOffice prints it, and the rows below move down.
  const virtualizer = useVirtualizer({
    count: view.rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => view.rowHeights[i + 1] ?? view.defaultRowHeight,
    paddingStart: HEAD_HEIGHT,
    overscan: OVERSCAN,
  });
  // A row not drawn yet is first brought near (virtualizer), then exactly into view (the element).
  // The element is scrolled to in the next frame, not at once: scrolling lays the page out there and
  // then, and right after React drew a new sheet that doubled the task that drew it (≈ 100 ms at
  // 50,000 rows). Returns what cancels it.
  const reveal = useCallback(
    (row: number, col: number): (() => void) => {
      const find = () => scroller.current?.querySelector(`[data-r="${row}"][data-c="${col}"]`);
      if (!find()) virtualizer.scrollToIndex(row - 1, { align: "center" });
      const frame = requestAnimationFrame(() => find()?.scrollIntoView({ block: "nearest", inline: "nearest" }));
      return () => cancelAnimationFrame(frame);
    },
    [virtualizer],
  );

  // Keep the active cell in view when it moves from outside the grid (a finding clicked in the
  // pane, the name box): scrolled only as far as needed, so clicks inside the grid never jump.
  const anchorRow = selection?.anchor.row;
  const anchorCol = selection?.anchor.col;
  useEffect(() => {
    if (anchorRow === undefined || anchorCol === undefined) return;
    return reveal(anchorRow, anchorCol);
  }, [anchorRow, anchorCol, sheetName, reveal]);

  const lastCol = Math.max(view.lastCol, 0);
  const lastRow = Math.max(view.lastRow, 1);

  const hit = (e: MouseEvent): { kind: "cell" | "row" | "col"; cell: GridCell } | null => {
    const el = (e.target as HTMLElement).closest<HTMLElement>("[data-r],[data-rowhead],[data-colhead]");
    if (!el) return null;
    if (el.dataset.r !== undefined) return { kind: "cell", cell: { row: Number(el.dataset.r), col: Number(el.dataset.c) } };
    if (el.dataset.rowhead !== undefined) return { kind: "row", cell: { row: Number(el.dataset.rowhead), col: 0 } };
    return { kind: "col", cell: { row: 1, col: Number(el.dataset.colhead) } };
  };

  const spanning = (kind: "cell" | "row" | "col", a: GridCell, b: GridCell): Selection => {
    if (kind === "row") return rowSelection(Math.min(a.row, b.row), Math.max(a.row, b.row), lastCol);
    if (kind === "col") return columnSelection(Math.min(a.col, b.col), Math.max(a.col, b.col), lastRow);
    return { anchor: a, focus: b };
  };

  const onMouseDown = (e: MouseEvent) => {
    if (e.button !== 0) return;
    const h = hit(e);
    if (!h) return;
    e.preventDefault();
    grid.current?.focus({ preventScroll: true });
    const anchor = e.shiftKey && selection ? selection.anchor : h.cell;
    drag.current = { kind: h.kind, anchor };
    onSelect(e.shiftKey && selection ? spanning(h.kind, anchor, h.cell) : spanning(h.kind, h.cell, h.cell));
  };

  const onMouseOver = (e: MouseEvent) => {
    const d = drag.current;
    if (!d) return;
    const h = hit(e);
    if (h) onSelect(spanning(d.kind, d.anchor, h.cell));
  };

  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      const moves: Record<string, [number, number]> = {
        ArrowUp: [-1, 0],
        ArrowDown: [1, 0],
        ArrowLeft: [0, -1],
        ArrowRight: [0, 1],
        Enter: [1, 0],
        Tab: [0, 1],
      };
      if (editable && selection && !e.defaultPrevented) {
        const rect0 = selectionRect(selection);
        if (e.key === "F2") {
          e.preventDefault();
          setEditing({ cell: selection.anchor, text: editTextOf(selection.anchor) });
          return;
        }
        if (e.key === "Delete") {
          e.preventDefault();
          onClear?.(rect0);
          return;
        }
        if (e.key === "Backspace") {
          e.preventDefault();
          setEditing({ cell: selection.anchor, text: "" });
          return;
        }
        if (startsTyping(e)) {
          // The character starts the cell over, as in Excel.
          e.preventDefault();
          setEditing({ cell: selection.anchor, text: e.key });
          return;
        }
      }
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "a") {
        e.preventDefault();
        onSelect({ anchor: { row: 1, col: 0 }, focus: { row: lastRow, col: lastCol } });
        return;
      }
      const m = moves[e.key];
      if (!m) return;
      // Tab moves within the grid only with a selection; without one it leaves the grid as usual.
      if (e.key === "Tab" && (e.shiftKey || !selection)) return;
      e.preventDefault();
      const current = selection ?? cellSelection({ row: 1, col: 0 });
      const next = moveSelection(current, m[0], m[1], e.shiftKey && e.key.startsWith("Arrow"));
      onSelect(next);
      const target = next.focus;
      // The focus (a Shift+arrow moves it, not the anchor) into view, in the next frame.
      reveal(target.row, target.col);
    },
    [selection, onSelect, lastCol, lastRow, editable, editTextOf, onClear, reveal],
  );

  const onDoubleClick = (e: MouseEvent) => {
    if (!editable) return;
    const h = hit(e);
    if (h?.kind !== "cell") return;
    onSelect(cellSelection(h.cell));
    setEditing({ cell: h.cell, text: editTextOf(h.cell) });
  };

  const closeEditor = (move: CommitMove | "cancel", text?: string) => {
    const state = editing;
    setEditing(null);
    grid.current?.focus({ preventScroll: true });
    if (!state) return;
    // Unchanged text is not written back: a date shown as 2024-10-08 would come back as text.
    if (move !== "cancel" && text !== undefined && text !== state.text) onEdit?.(state.cell, text);
    if (move !== "cancel" && move !== "none") {
      const [dr, dc] = MOVES[move];
      onSelect(moveSelection(cellSelection(state.cell), dr, dc, false));
    }
  };
  const editor: ReactNode = editing ? (
    <CellEditor
      key={`${editing.cell.row}:${editing.cell.col}`}
      initial={editing.text}
      label={editLabel?.(cellAddress(editing.cell.col, editing.cell.row)) ?? cellAddress(editing.cell.col, editing.cell.row)}
      onCommit={(text, move) => closeEditor(move, text)}
      onCancel={() => closeEditor("cancel")}
    />
  ) : null;

  const totalWidth = ROW_HEAD_WIDTH + view.columnWidths.reduce((a, b) => a + b, 0);
  // Only a rendered cell can be the active descendant (the name box may select beyond the view).
  const activeId =
    selection && !editing && selection.anchor.row >= 1 && selection.anchor.row <= view.rowCount && selection.anchor.col < view.columnCount
      ? cellId(idPrefix, selection.anchor.row, selection.anchor.col)
      : undefined;
  const items = virtualizer.getVirtualItems();
  const firstItem = items[0];
  const lastItem = items[items.length - 1];
  const first = firstItem ? firstItem.index + 1 : 1;
  const last = lastItem ? lastItem.index + 1 : 0;
  const spaceAbove = firstItem ? firstItem.start - HEAD_HEIGHT : 0;
  const spaceBelow = lastItem ? virtualizer.getTotalSize() - lastItem.end : 0;
  const { spans, covered } = mergeLayout(view.merges, first, last);
  useEffect(() => onRowsShown?.(first, last), [first, last, onRowsShown]);
  return (
    <div ref={scroller} className={styles.scroller} data-testid="grid" data-sheet={sheetName}>
      <table
        ref={grid}
        role="grid"
        aria-label={label}
        aria-multiselectable="true"
        aria-activedescendant={activeId}
        tabIndex={0}
        onKeyDown={onKeyDown}
        className={styles.table}
        style={{ width: totalWidth }}
        onMouseDown={onMouseDown}
        onMouseOver={onMouseOver}
        onDoubleClick={onDoubleClick}
      >
        <colgroup>
          <col style={{ width: ROW_HEAD_WIDTH }} />
          {view.columnWidths.map((w, c) => (
            <col key={c} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className={mergeClasses(styles.head, styles.rowHead, styles.corner)} aria-hidden="true" />
            {view.columnWidths.map((_, c) => (
              <th
                key={c}
                scope="col"
                role="columnheader"
                data-colhead={c}
                className={mergeClasses(styles.head, rect !== null && c >= rect.left && c <= rect.right && styles.headSelected)}
              >
                {columnLetter(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spaceAbove > 0 && <tr aria-hidden="true" style={{ height: spaceAbove }} />}
          {items.map((item) => {
            const row = item.index + 1;
            const inRows = rect !== null && row >= rect.top && row <= rect.bottom;
            return (
              <GridRow
                key={row}
                index={item.index}
                measure={mayGrow(view.row(row), spans.get(row)) ? virtualizer.measureElement : undefined}
                idPrefix={idPrefix}
                row={row}
                cells={view.row(row)}
                spans={spans.get(row)}
                covered={covered.get(row)}
                height={view.rowHeights[row] ?? view.defaultRowHeight}
                selTop={inRows && row === rect.top}
                selBottom={inRows && row === rect.bottom}
                selLeft={inRows ? rect.left : -1}
                selRight={inRows ? rect.right : -1}
                activeCol={selection && selection.anchor.row === row ? selection.anchor.col : -1}
                editCol={editing && editing.cell.row === row ? editing.cell.col : -1}
                editor={editing && editing.cell.row === row ? editor : null}
              />
            );
          })}
          {spaceBelow > 0 && <tr aria-hidden="true" style={{ height: spaceBelow }} />}
        </tbody>
      </table>
    </div>
  );
});

interface RowProps {
  /** Prefix of the cells' ids (the grid's aria-activedescendant points at one). */
  idPrefix: string;
  row: number;
  /** The virtualizer's index of the row and its measuring ref (rows taller than set are measured). */
  index: number;
  measure: ((el: HTMLTableRowElement | null) => void) | undefined;
  cells: readonly ViewCell[];
  /** Merged areas starting in this row (by column), and the columns a merged area covers. */
  spans: ReadonlyMap<number, Span> | undefined;
  covered: ReadonlySet<number> | undefined;
  height: number;
  /** Columns of the selection in this row (-1 when the row is outside it). */
  selLeft: number;
  selRight: number;
  selTop: boolean;
  selBottom: boolean;
  activeCol: number;
  /** The column being edited in this row (-1: none), and its editor. */
  editCol: number;
  editor: ReactNode;
}

const GridRow = memo(function GridRow({
  idPrefix,
  row,
  index,
  measure,
  cells,
  spans,
  covered,
  height,
  selLeft,
  selRight,
  selTop,
  selBottom,
  activeCol,
  editCol,
  editor,
}: RowProps) {
  const styles = useStyles();
  return (
    <tr ref={measure} data-index={index} style={{ height }}>
      <th scope="row" role="rowheader" data-rowhead={row} className={mergeClasses(styles.rowHead, selLeft >= 0 && styles.headSelected)}>
        {row}
      </th>
      {cells.map((cell, c) => {
        if (covered?.has(c)) return null;
        const span = spans?.get(c);
        const selected = selLeft >= 0 && c >= selLeft && c <= selRight;
        const active = c === activeCol && selected;
        return (
          <td
            key={c}
            rowSpan={span && span.rowSpan > 1 ? span.rowSpan : undefined}
            colSpan={span && span.colSpan > 1 ? span.colSpan : undefined}
            data-merged={span ? true : undefined}
            id={cellId(idPrefix, row, c)}
            role="gridcell"
            data-r={row}
            data-c={c}
            aria-selected={selected}
            data-part={cell.tablePart}
            data-mark={cell.mark}
            className={mergeClasses(
              styles.cell,
              (cell.style?.wrap || span !== undefined) && styles.wrap,
              cell.spill && styles.spill,
              cell.tablePart === "header" && styles.tableHeader,
              cell.tablePart === "band" && styles.tableBand,
              selected && !active && styles.selected,
            )}
            style={cellStyle(
              cell,
              selected ? { top: selTop, bottom: selBottom, left: c === selLeft, right: c === selRight } : null,
              active,
            )}
          >
            {c === editCol ? editor : cell.text}
          </td>
        );
      })}
    </tr>
  );
});

/**
 * Whether a row's text may need more than its height: larger text, wrapped text or a merged area
 * starting in it. Only such rows are measured; measuring every row would make the virtualizer
 * recompute the positions of all 50,000 rows as each one is drawn.
 */
function mayGrow(cells: readonly ViewCell[], spans: ReadonlyMap<number, Span> | undefined): boolean {
  return spans !== undefined || cells.some((c) => c.text !== "" && (c.style?.wrap || (c.style?.fontSize ?? 0) > 11));
}

/** Id of a grid cell: unique per grid (`idPrefix` from useId), stable per address. */
const cellId = (idPrefix: string, row: number, col: number): string => `${idPrefix}r${row}c${col}`;

/** Per-cell style from the workbook, plus the green selection border on the selection's edges. */
function cellStyle(
  cell: ViewCell,
  edges: { top: boolean; bottom: boolean; left: boolean; right: boolean } | null,
  active: boolean,
): CSSProperties | undefined {
  const s = cell.style;
  const css: CSSProperties = {};
  const align = s?.horizontal ?? cell.align;
  if (align !== "left") css.textAlign = align;
  if (s?.vertical) css.verticalAlign = s.vertical;
  if (s?.bold) css.fontWeight = "bold";
  if (s?.italic) css.fontStyle = "italic";
  if (s?.color) css.color = s.color;
  if (s?.background) css.backgroundColor = s.background;
  if (s?.fontSize) {
    const px = Math.round((s.fontSize * 4) / 3);
    css.fontSize = `${px}px`;
    // The grid's 18 px lines fit its 13 px text; larger text gets lines of its own size, whole.
    if (px > 14) css.lineHeight = `${Math.round(px * 1.3)}px`;
  }
  // A conditional format wins over the cell's own fill and font colour, as in Excel.
  if (cell.mark) {
    css.backgroundColor = MARK_STYLE[cell.mark].fill;
    css.color = MARK_STYLE[cell.mark].font;
  }
  const shadows: string[] = [];
  if (edges?.top) shadows.push(`inset 0 2px 0 ${EXCEL_GREEN}`);
  if (edges?.bottom) shadows.push(`inset 0 -2px 0 ${EXCEL_GREEN}`);
  if (edges?.left) shadows.push(`inset 2px 0 0 ${EXCEL_GREEN}`);
  if (edges?.right) shadows.push(`inset -2px 0 0 ${EXCEL_GREEN}`);
  if (active) shadows.push(`inset 0 0 0 1px ${EXCEL_GREEN}`);
  if (shadows.length > 0) css.boxShadow = shadows.join(", ");
  return Object.keys(css).length > 0 ? css : undefined;
}
