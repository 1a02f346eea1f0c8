import type * as ExcelJS from "exceljs";
import type { CellStyle, SheetLayout } from "../../core/documents/sheet-layout-types";
import { footerWithPageNumbers, type LayoutPlan } from "../layout-plan";

/**
 * Writes a SheetLayout onto a new, empty ExcelJS worksheet: text cells (format `@`, the value a
 * JS string — ExcelJS stores strings as strings, so `=HYPERLINK(…)` stays literal), merges,
 * styles, column widths, row heights and the page setup (A4, fit to one page wide).
 */

/** ExcelJS's A4 paper size (the OOXML `paperSize` code). */
const PAPER_A4 = 9;
/** Header/footer distance from the page edge, inches (Excel's default). */
const HEADER_FOOTER_MARGIN = 0.3;
/** The default font of a workbook ExcelJS writes (its styles.xml `Normal` style). */
const DEFAULT_FONT: Partial<ExcelJS.Font> = { name: "Calibri", size: 11 };
/** The font's character set for a Chinese typeface (134 = GB2312), as Excel writes it for 宋体. */
const GB2312_CHARSET = 134;

export function applyLayout(ws: ExcelJS.Worksheet, layout: SheetLayout, plan: LayoutPlan): void {
  for (const m of layout.merges) ws.mergeCells(m.top, m.left + 1, m.bottom, m.right + 1);

  plan.text.forEach((line, i) =>
    line.forEach((text, c) => {
      if (text === "") return;
      const cell = ws.getCell(i + 1, c + 1);
      cell.numFmt = "@";
      cell.value = text;
    }),
  );

  for (const { style, rects } of plan.styles) {
    for (const r of rects)
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) styleCell(ws.getCell(row, col + 1), style);
  }

  layout.columnWidths.forEach((w, c) => {
    ws.getColumn(c + 1).width = w;
  });
  for (const [row, height] of Object.entries(layout.rowHeights)) ws.getRow(Number(row)).height = height;

  const p = layout.print;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: PAPER_A4,
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: 1,
    // 0: as many pages tall as the content needs (only the width is fitted).
    fitToHeight: 0,
    printArea: p.printArea,
    ...(p.titleRows !== undefined ? { printTitlesRow: p.titleRows } : {}),
    margins: { ...p.margins, header: HEADER_FOOTER_MARGIN, footer: HEADER_FOOTER_MARGIN },
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C${footerWithPageNumbers(p.footer, p.pageCounter)}` };
}

const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;

function styleCell(cell: ExcelJS.Cell, s: CellStyle): void {
  if (s.bold !== undefined || s.fontSize !== undefined || s.fontColor !== undefined || s.fontName !== undefined) {
    cell.font = {
      // A font without name and size is read by some programs (LibreOffice) as another typeface:
      // start from the workbook's default font, as Excel's own style cells do.
      ...DEFAULT_FONT,
      ...cell.font,
      ...(s.fontName !== undefined ? { name: s.fontName, charset: GB2312_CHARSET } : {}),
      ...(s.bold !== undefined ? { bold: s.bold } : {}),
      ...(s.fontSize !== undefined ? { size: s.fontSize } : {}),
      ...(s.fontColor !== undefined ? { color: { argb: argb(s.fontColor) } } : {}),
    };
  }
  if (s.horizontal !== undefined || s.vertical !== undefined || s.wrap !== undefined) {
    cell.alignment = {
      ...cell.alignment,
      ...(s.horizontal !== undefined ? { horizontal: s.horizontal } : {}),
      ...(s.vertical !== undefined ? { vertical: s.vertical } : {}),
      ...(s.wrap !== undefined ? { wrapText: s.wrap } : {}),
    };
  }
  if (s.fill !== undefined) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.border || s.dashedTop || s.bottomRule) {
    const thin: Partial<ExcelJS.Border> = { style: "thin" };
    cell.border = {
      ...cell.border,
      ...(s.border ? { top: thin, left: thin, bottom: thin, right: thin } : {}),
      ...(s.dashedTop ? { top: { style: "dashed" } } : {}),
      ...(s.bottomRule ? { bottom: { style: "thick", color: { argb: argb(s.bottomRule) } } } : {}),
    };
  }
}
