/**
 * Page geometry, fonts and sizes of the Word documents, in one place so that layout tweaks do not
 * hunt through the block renderers. Lengths are twips (1/1440 inch) unless said otherwise; font
 * sizes are half-points, as Word stores them.
 */

/** A4 portrait in twips (210 × 297 mm). */
export const PAGE = { width: 11906, height: 16838 } as const;

/**
 * Margins close to Chinese official-document practice (GB/T 9704 uses 37/35/28/26 mm), a little
 * tighter at the top and bottom so a notice with its receipt fits one sheet.
 */
export const MARGIN = { top: 1304, bottom: 1247, left: 1531, right: 1418, header: 851, footer: 709 } as const;

/** Width between the margins: every full-width table and tab stop is sized from it. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/**
 * Fonts: 宋体 for body text and 黑体 for titles and headings are what Windows Word has for Chinese;
 * Latin letters and digits use Times New Roman / Arial. Each run names its East Asian font
 * explicitly (w:eastAsia), otherwise Word sets Chinese in the Latin font's fallback.
 */
export const FONT = {
  body: { ascii: "Times New Roman", hAnsi: "Times New Roman", cs: "Times New Roman", eastAsia: "SimSun" },
  heading: { ascii: "Arial", hAnsi: "Arial", cs: "Arial", eastAsia: "SimHei" },
} as const;

/** Half-points. */
export const SIZE = {
  title: 36, // 18 pt (小二)
  subtitle: 21, // 10.5 pt (五号)
  heading: 24, // 12 pt (小四)
  body: 24, // 12 pt (小四)
  table: 21, // 10.5 pt (五号)
  receiptTitle: 28, // 14 pt (四号)
  footer: 18, // 9 pt (小五)
  cutLine: 18,
} as const;

/** One Chinese character at body size, in twips (for first-line indents of two characters). */
export const BODY_EM = SIZE.body * 10;

/**
 * Line spacing: `line` in 240ths of a line ("auto" rule). 1.1 lines keeps Chinese text airy while
 * a notice with its score table and receipt still fits one A4 sheet.
 */
export const LINE = { body: 264, table: 240 } as const;

/** `RRGGBB` without `#`, as Word wants. */
export const COLOR = {
  border: "000000",
  headerFill: "E7E6E6",
  highlightFill: "FBE4D5",
  muted: "595959",
} as const;

/** Inner padding of table cells. */
export const CELL_MARGIN = { top: 45, bottom: 45, left: 100, right: 100 } as const;
