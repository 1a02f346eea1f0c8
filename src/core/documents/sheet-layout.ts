import { rangeAddress } from "../a1";
import { DEFAULT_LANG, translator, type Lang } from "../i18n";
import { documentMessages } from "../i18n/messages/documents";
import { renderMessages } from "../i18n/messages/render";
import type { DocBlock, DocField, DocTableColumn, DocumentModel } from "./model";
import type { CellStyle, LayoutCell, LayoutMerge, SheetLayout } from "./sheet-layout-types";

/**
 * A document as a print-ready A4 portrait worksheet. Everything sits on a grid of six equal
 * columns of 15 character units (90 in all, about 6.6 in at the default font — inside A4's
 * 8.27 in less 0.7 in margins each side, and the page is fitted to width anyway):
 *
 *   title (merged A:F, 18 pt bold) · subtitle 编号 · addressee · blocks · signature · receipt
 *
 * - fields: bordered label/value pairs, two per row (label A, value B:C, label D, value E:F); a
 *   value too long for B:C, or the last odd one, takes B:F;
 * - tables: each column spans whole grid columns in proportion to its relative width;
 * - every cell is text (adapters write `@`), merges never overlap, and the print area covers
 *   every cell written;
 * - row heights of wrapped text are estimated from the text's display width (CJK characters
 *   count double) against the merged width;
 * - no rows repeat on every page (`titleRows` undefined): a document is a page or two, and a
 *   repeated title would read like the start of a second document.
 */

export const GRID_COLUMNS = 6;
export const GRID_WIDTH = 15;
const LAST = GRID_COLUMNS - 1;

const BODY_SIZE = 11;
const TITLE_SIZE = 18;
const HEADING_SIZE = 12;
const SMALL_SIZE = 9;
/** Points per wrapped line of 11 pt text (CJK fonts need a little more than Latin ones). */
const LINE_HEIGHT = 15;
const ROW_PADDING = 4;
/** 红头: the letterhead's red (the red of Chinese official letterheads, GB/T 9704 发文机关标志). */
const LETTERHEAD_RED = "#C00000";
/**
 * Typefaces of Chinese forms: 宋体 for text, 黑体 for titles and headings. Excel and WPS on
 * Windows have both; macOS Office maps them to Songti/Heiti SC and LibreOffice to Noto CJK.
 * English documents keep the workbook's default font.
 */
const FONTS_ZH = { body: "宋体", heading: "黑体" } as const;
/** Two full-width spaces: the first-line indent of a Chinese paragraph (a cell has no first-line indent). */
const INDENT_ZH = "\u3000\u3000";
const HEADER_FILL = "#D9E1F2";
const LABEL_FILL = "#F2F2F2";
const HIGHLIGHT_FILL = "#FCE4D6";
const MUTED = "#595959";

/** East Asian wide characters (CJK, kana, Hangul, full-width forms) take two character units. */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;

/** Width of a line of text in Excel character units. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** Lines the text needs in a cell `units` wide (explicit line breaks count). */
export function estimateLines(text: string, units: number): number {
  const usable = Math.max(1, units - 1);
  let lines = 0;
  for (const part of text.split(/\r?\n/)) lines += Math.max(1, Math.ceil(displayWidth(part) / usable));
  return lines;
}

const CHINESE_DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (headings never go further). */
export function chineseOrdinal(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : CHINESE_DIGITS[tens]}十${ones === 0 ? "" : CHINESE_DIGITS[ones]}`;
}

/** Grid columns of each table column: at least one each, the rest in proportion to the widths. */
export function tableSpans(columns: readonly DocTableColumn[]): number[] {
  const n = columns.length;
  // The builders' tables have at most five columns; more is a programming mistake.
  if (n === 0 || n > GRID_COLUMNS) throw new Error(`documents: a table needs 1–${GRID_COLUMNS} columns, got ${n}`);
  const total = columns.reduce((s, c) => s + Math.max(c.width, 0), 0) || n;
  const target = columns.map((c) => ((Math.max(c.width, 0) || total / n) / total) * GRID_COLUMNS);
  const spans = columns.map(() => 1);
  for (let left = GRID_COLUMNS - n; left > 0; left--) {
    let best = 0;
    for (let i = 1; i < n; i++) if (target[i] - spans[i] > target[best] - spans[best]) best = i;
    spans[best]++;
  }
  return spans;
}

class Sheet {
  readonly cells: LayoutCell[] = [];
  readonly merges: LayoutMerge[] = [];
  readonly heights: Record<number, number> = {};
  row = 0;

  /** `base`: the style under every cell's own (the document's typeface). */
  constructor(private readonly base: CellStyle = {}) {}

  next(height?: number): number {
    this.row++;
    if (height !== undefined) this.heights[this.row] = height;
    return this.row;
  }

  /**
   * Text in columns left..right of a row, merged when wider than one column. Bordered or filled
   * ranges get a styled cell in every column, so the border is drawn round the whole merge.
   */
  put(row: number, left: number, right: number, text: string, own?: CellStyle): void {
    const style: CellStyle | undefined = own || Object.keys(this.base).length > 0 ? { ...this.base, ...own } : undefined;
    this.cells.push({ row, col: left, text, ...(style ? { style } : {}) });
    if (right > left) {
      this.merges.push({ top: row, left, bottom: row, right });
      if (style && (style.border || style.fill || style.dashedTop || style.bottomRule)) {
        for (let c = left + 1; c <= right; c++) this.cells.push({ row, col: c, text: "", style });
      }
    }
  }

  /** Raises the row to fit `lines` lines of text. */
  fit(row: number, lines: number, size = BODY_SIZE): void {
    const h = Math.ceil(lines * LINE_HEIGHT * (size / BODY_SIZE) + ROW_PADDING);
    if (lines > 1 || this.heights[row] !== undefined) this.heights[row] = Math.max(this.heights[row] ?? 0, h);
  }
}

const units = (left: number, right: number): number => (right - left + 1) * GRID_WIDTH;

export function documentSheetLayout(doc: DocumentModel, lang: Lang = DEFAULT_LANG): SheetLayout {
  const t = translator(documentMessages, lang);
  const zh = lang !== "en-US";
  const body: CellStyle = zh ? { fontName: FONTS_ZH.body } : {};
  const head: CellStyle = zh ? { fontName: FONTS_ZH.heading } : {};
  const s = new Sheet(body);
  const wide = (row: number, text: string, style: CellStyle): void => {
    s.put(row, 0, LAST, text, { wrap: true, vertical: "top", ...style });
    s.fit(row, estimateLines(text, units(0, LAST)), style.fontSize);
  };
  const labelValue = (f: DocField): string => {
    if (f.label === "") return f.value;
    return t("layout.labelValue", { label: f.label, value: f.value === "" ? t("layout.blank") : f.value });
  };

  if (doc.letterhead !== undefined) {
    // 红头: the company's name in red over a red rule, as companies imitate GB/T 9704's letterhead.
    s.put(s.next(40), 0, LAST, doc.letterhead, {
      ...head,
      bold: true,
      fontSize: 20,
      fontColor: LETTERHEAD_RED,
      horizontal: "center",
      vertical: "middle",
      bottomRule: LETTERHEAD_RED,
    });
    s.next(8);
  }
  s.put(s.next(36), 0, LAST, doc.title, { ...head, bold: true, fontSize: TITLE_SIZE, horizontal: "center", vertical: "middle" });
  if (doc.subtitle !== undefined) s.put(s.next(), 0, LAST, doc.subtitle, { fontSize: 10, horizontal: "center", fontColor: MUTED });
  s.next(); // breathing space under the title
  // 主送: flush left, a line of its own before the body.
  if (doc.addressee !== undefined) wide(s.next(22), doc.addressee, { bold: true, fontSize: HEADING_SIZE, vertical: "bottom" });

  let heading = 0;
  const block = (b: DocBlock): void => {
    switch (b.kind) {
      case "heading": {
        const text = b.numbered
          ? t("layout.heading", { n: lang === "en-US" ? String(++heading) : chineseOrdinal(++heading), text: b.text })
          : b.text;
        wide(s.next(24), text, { ...head, bold: true, fontSize: HEADING_SIZE, vertical: "bottom" });
        return;
      }
      case "paragraph":
        // Chinese paragraphs open two characters in (首行缩进两字).
        wide(s.next(), zh ? INDENT_ZH + b.text : b.text, b.emphasis ? { bold: true } : {});
        return;
      case "note":
        wide(s.next(), b.text, { fontSize: 10 });
        return;
      case "fields":
        fields(s, b.fields);
        return;
      case "table":
        table(s, b);
        return;
      case "signature":
        // Space above the issuer's lines; more where the seal goes (it overlaps the name and date).
        s.next(b.seal ? 40 : undefined);
        for (const line of b.lines) {
          const row = s.next(22);
          s.put(row, 2, LAST - 1, labelValue(line), { horizontal: "center", vertical: "bottom" });
        }
        return;
      case "receipt": {
        s.next();
        const cut = s.next(20);
        s.put(cut, 0, LAST, t("layout.cutLine"), {
          dashedTop: true,
          horizontal: "center",
          vertical: "top",
          fontSize: SMALL_SIZE,
          fontColor: MUTED,
        });
        s.put(s.next(28), 0, LAST, b.title, { ...head, bold: true, fontSize: 14, horizontal: "center", vertical: "middle" });
        wide(s.next(), b.text, {});
        for (const line of b.lines) s.put(s.next(26), 0, LAST, labelValue(line), { vertical: "bottom" });
        return;
      }
    }
  };
  for (const b of doc.blocks) block(b);

  // Spacer rows at the end hold nothing: the print area stops at the last row written.
  const lastRow = s.cells.reduce((m, c) => Math.max(m, c.row), 1);
  const rowHeights: Record<number, number> = {};
  for (const [row, h] of Object.entries(s.heights)) if (Number(row) <= lastRow) rowHeights[Number(row)] = h;
  return {
    sheetName: doc.sheetName,
    cells: s.cells,
    merges: s.merges,
    columnWidths: Array.from({ length: GRID_COLUMNS }, () => GRID_WIDTH),
    rowHeights,
    print: {
      paper: "A4",
      orientation: "portrait",
      fitToWidth: true,
      printArea: rangeAddress({ top: 1, left: 0, bottom: lastRow, right: LAST }),
      footer: doc.footer,
      pageCounter: translator(renderMessages, lang)("pageCounter"),
      margins: { top: 0.75, bottom: 0.75, left: 0.7, right: 0.7 },
    },
  };
}

const LABEL_STYLE: CellStyle = { bold: true, fill: LABEL_FILL, border: true, wrap: true, vertical: "middle" };
const VALUE_STYLE: CellStyle = { border: true, wrap: true, vertical: "middle" };
/** A value wider than this does not fit beside another field (B:C less padding). */
const PAIR_VALUE_UNITS = 2 * GRID_WIDTH - 2;

function fields(s: Sheet, list: readonly DocField[]): void {
  const fitsHalf = (f: DocField): boolean => displayWidth(f.value) <= PAIR_VALUE_UNITS && !f.value.includes("\n");
  for (let i = 0; i < list.length;) {
    const a = list[i];
    const b = list[i + 1];
    const row = s.next();
    if (b !== undefined && fitsHalf(a) && fitsHalf(b)) {
      s.put(row, 0, 0, a.label, LABEL_STYLE);
      s.put(row, 1, 2, a.value, VALUE_STYLE);
      s.put(row, 3, 3, b.label, LABEL_STYLE);
      s.put(row, 4, LAST, b.value, VALUE_STYLE);
      const lines = Math.max(
        estimateLines(a.label, GRID_WIDTH),
        estimateLines(b.label, GRID_WIDTH),
        estimateLines(a.value, units(1, 2)),
        estimateLines(b.value, units(4, LAST)),
      );
      s.fit(row, Math.max(lines, 1));
      i += 2;
    } else {
      s.put(row, 0, 0, a.label, LABEL_STYLE);
      s.put(row, 1, LAST, a.value, VALUE_STYLE);
      s.fit(row, Math.max(estimateLines(a.label, GRID_WIDTH), estimateLines(a.value, units(1, LAST))));
      i += 1;
    }
    // Form rows a little taller than text rows: easier to read and to write on.
    s.heights[row] = Math.max(s.heights[row] ?? 0, 20);
  }
}

function table(s: Sheet, b: Extract<DocBlock, { kind: "table" }>): void {
  const spans = tableSpans(b.columns);
  const lefts = spans.map((_, i) => spans.slice(0, i).reduce((x, y) => x + y, 0));
  const header = s.next();
  let headerLines = 1;
  b.columns.forEach((c, i) => {
    const right = lefts[i] + spans[i] - 1;
    s.put(header, lefts[i], right, c.header, {
      bold: true,
      fill: HEADER_FILL,
      border: true,
      wrap: true,
      horizontal: "center",
      vertical: "middle",
    });
    headerLines = Math.max(headerLines, estimateLines(c.header, units(lefts[i], right)));
  });
  s.heights[header] = Math.max(20, Math.ceil(headerLines * LINE_HEIGHT + ROW_PADDING));

  if (b.rows.length === 0) {
    const row = s.next(20);
    s.put(row, 0, LAST, b.emptyText ?? "", { border: true, horizontal: "center", vertical: "middle", fontColor: MUTED });
    return;
  }
  const highlighted = new Set(b.highlightRows ?? []);
  b.rows.forEach((cells, r) => {
    const row = s.next();
    let lines = 1;
    b.columns.forEach((c, i) => {
      const right = lefts[i] + spans[i] - 1;
      const text = cells[i] ?? "";
      const style: CellStyle = {
        border: true,
        wrap: true,
        vertical: "middle",
        horizontal: c.align ?? "left",
        ...(highlighted.has(r) ? { fill: HIGHLIGHT_FILL, bold: true } : {}),
      };
      s.put(row, lefts[i], right, text, style);
      lines = Math.max(lines, estimateLines(text, units(lefts[i], right)));
    });
    s.heights[row] = Math.max(20, Math.ceil(lines * LINE_HEIGHT + ROW_PADDING));
  });
}
