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
 * Fonts, named explicitly as Chinese offices set letters (GB/T 9704): 仿宋 for body text, 黑体 for
 * headings, 宋体 (bold) for titles; Latin letters and digits in Times New Roman / Arial. Each run
 * names its East Asian font (w:eastAsia), otherwise Word sets Chinese in the Latin font's fallback.
 * Where a machine lacks a font, FONT_TABLE below tells Word and WPS what it is (its Windows name,
 * GB2312 character set, PANOSE class) so they substitute a like typeface; LibreOffice on Linux
 * falls back through fontconfig to Noto Serif CJK SC / Noto Sans CJK SC (fonts-noto-cjk).
 */
export const FONT = {
  body: { ascii: "Times New Roman", hAnsi: "Times New Roman", cs: "Times New Roman", eastAsia: "仿宋" },
  heading: { ascii: "Arial", hAnsi: "Arial", cs: "Arial", eastAsia: "黑体" },
  title: { ascii: "Times New Roman", hAnsi: "Times New Roman", cs: "Times New Roman", eastAsia: "宋体" },
} as const;

export interface FontEntry {
  readonly name: string;
  /** Another name of the same typeface (its Windows/English name). */
  readonly altName?: string;
  /** OOXML `w:charset`: 86 = GB2312, 00 = ANSI. */
  readonly charset: string;
  readonly family: "roman" | "swiss" | "modern" | "auto";
  readonly pitch: "variable" | "fixed";
  readonly panose: string;
}

/**
 * The document's font table (word/fontTable.xml): every font FONT names, described as Word itself
 * describes them, so a machine without one substitutes the closest it has — 仿宋 (FangSong) and
 * 宋体 (SimSun) are serif CJK faces, 黑体 (SimHei) a sans one: macOS maps them to STFangsong /
 * Songti SC / Heiti SC, WPS to its own, Linux to Noto Serif / Sans CJK SC.
 */
export const FONT_TABLE: readonly FontEntry[] = [
  { name: "仿宋", altName: "FangSong", charset: "86", family: "modern", pitch: "fixed", panose: "02010609060101010101" },
  { name: "宋体", altName: "SimSun", charset: "86", family: "auto", pitch: "variable", panose: "02010600030101010101" },
  { name: "黑体", altName: "SimHei", charset: "86", family: "modern", pitch: "fixed", panose: "02010609060101010101" },
  { name: "Times New Roman", charset: "00", family: "roman", pitch: "variable", panose: "02020603050405020304" },
  { name: "Arial", charset: "00", family: "swiss", pitch: "variable", panose: "020B0604020202020204" },
];

/** 红头: the red of a letterhead and of the rule under it. */
export const LETTERHEAD_RED = "C00000";

/** Half-points. */
export const SIZE = {
  letterhead: 44, // 22 pt (二号)
  title: 36, // 18 pt (小二)
  subtitle: 21, // 10.5 pt (五号)
  heading: 24, // 12 pt (小四)
  body: 24, // 12 pt (小四)
  note: 21, // 10.5 pt (五号)
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
