import { TextRun, type IRunOptions } from "docx";
import { FONT, SIZE } from "./theme";

export interface RunStyle {
  readonly bold?: boolean;
  /** Half-points. */
  readonly size?: number;
  readonly font?: "body" | "heading" | "title";
  readonly color?: string;
  readonly underline?: boolean;
  readonly characterSpacing?: number;
}

/** Run properties shared by every run: the font pair, with the East Asian font named explicitly. */
export function runProps(style: RunStyle = {}): Omit<IRunOptions, "text" | "children"> {
  return {
    font: FONT[style.font ?? "body"],
    size: style.size ?? SIZE.body,
    bold: style.bold,
    color: style.color,
    underline: style.underline ? {} : undefined,
    characterSpacing: style.characterSpacing,
  };
}

/**
 * XML 1.0 cannot hold most C0 control characters; a cell that carries one (pasted from another
 * system) would make Word refuse the whole file. They are shown as U+FFFD so the loss is visible
 * rather than the document failing or the character silently vanishing.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * The text as runs, always as literal text (`=HYPERLINK(...)` stays those characters). Line breaks
 * in a value (Alt+Enter in Excel) become Word line breaks instead of being run together.
 */
export function textRuns(text: string, style: RunStyle = {}): TextRun[] {
  const lines = text.replace(NOT_XML, "\uFFFD").split(/\r\n|\r|\n/);
  return lines.map((line, i) => new TextRun({ ...runProps(style), text: line, break: i > 0 ? 1 : undefined }));
}

/**
 * Approximate printed width in "ems" of the body font: CJK and full-width characters take one,
 * everything else half. Used only to decide whether two fields share a row.
 */
export function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      cp >= 0x20000;
    w += wide ? 1 : 0.5;
  }
  return w;
}

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九, 100+ in Arabic digits (no document has that many sections). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`chineseNumeral: ${n} is not a positive integer`);
  if (n < 10) return DIGITS[n];
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return (tens === 1 ? "" : DIGITS[tens]) + "十" + (ones === 0 ? "" : DIGITS[ones]);
  }
  return String(n);
}
