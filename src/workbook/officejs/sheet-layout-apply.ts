import type { CellStyle, SheetLayout } from "../../core/documents/sheet-layout-types";
import { absoluteRows, columnWidthPoints, footerWithPageNumbers, inchesToPoints, type LayoutPlan } from "../layout-plan";
import { addressLists } from "./marks";

/**
 * Queues a SheetLayout onto a new, empty worksheet — no sync here: the caller batches many
 * documents into one. Operations per document are fixed by the layout (one text block, one
 * `getRanges` per style, one call per merge, width and height), never by its values.
 *
 * API sets: `getRanges` and `RangeAreas.format` 1.9; `PageLayout` (paper, orientation, zoom,
 * margins, print area, title rows, headers/footers) 1.9; `format.rowHeight`, `merge` 1.2;
 * `format.columnWidth` 1.2; values, number formats, font, fill, alignment, borders 1.1.
 */
export function queueLayout(ws: Excel.Worksheet, layout: SheetLayout, plan: LayoutPlan): void {
  // Text format first, then the values: `=HYPERLINK(…)`, `+86 138…`, `2024-05-10` stay the text they are.
  const block = ws.getRangeByIndexes(0, 0, plan.rowCount, plan.columnCount);
  block.numberFormat = plan.text.map((line) => line.map(() => "@"));
  block.values = plan.text;

  for (const m of layout.merges) ws.getRangeByIndexes(m.top - 1, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);

  for (const { style, rects } of plan.styles) for (const list of addressLists(rects)) applyStyle(ws.getRanges(list).format, style);

  layout.columnWidths.forEach((w, c) => {
    ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = columnWidthPoints(w);
  });
  for (const [row, height] of Object.entries(layout.rowHeights)) ws.getRangeByIndexes(Number(row) - 1, 0, 1, 1).format.rowHeight = height;

  const p = layout.print;
  const page = ws.pageLayout;
  page.paperSize = "A4";
  page.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  // One page wide, as many tall as needed (0 = automatic, like "Fit all columns on one page").
  page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  page.topMargin = inchesToPoints(p.margins.top);
  page.bottomMargin = inchesToPoints(p.margins.bottom);
  page.leftMargin = inchesToPoints(p.margins.left);
  page.rightMargin = inchesToPoints(p.margins.right);
  page.setPrintArea(p.printArea);
  if (p.titleRows !== undefined) page.setPrintTitleRows(absoluteRows(p.titleRows));
  page.headersFooters.defaultForAllPages.centerFooter = footerWithPageNumbers(p.footer, p.pageCounter);
}

const ALIGN_H = { left: "Left", center: "Center", right: "Right" } as const;
const ALIGN_V = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
/**
 * Edges only: the areas of a style are single cells or whole merged areas (`planLayout`), so the
 * edges of each area are the borders of each cell as the layout means them.
 */
const THIN_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

/** The style on every area of a RangeAreas: borders go round each area. */
function applyStyle(format: Excel.RangeFormat, s: CellStyle): void {
  if (s.bold !== undefined) format.font.bold = s.bold;
  if (s.fontSize !== undefined) format.font.size = s.fontSize;
  if (s.fontColor !== undefined) format.font.color = s.fontColor;
  if (s.fontName !== undefined) format.font.name = s.fontName;
  if (s.horizontal !== undefined) format.horizontalAlignment = ALIGN_H[s.horizontal];
  if (s.vertical !== undefined) format.verticalAlignment = ALIGN_V[s.vertical];
  if (s.wrap !== undefined) format.wrapText = s.wrap;
  if (s.fill !== undefined) format.fill.color = s.fill;
  if (s.border)
    for (const edge of THIN_EDGES) {
      const b = format.borders.getItem(edge);
      b.style = "Continuous";
      b.weight = "Thin";
    }
  if (s.bottomRule !== undefined) {
    const bottom = format.borders.getItem("EdgeBottom");
    bottom.style = "Continuous";
    bottom.weight = "Thick";
    bottom.color = s.bottomRule;
  }
  if (s.dashedTop) {
    const top = format.borders.getItem("EdgeTop");
    top.style = "Dash";
    top.weight = "Thin";
  }
}
