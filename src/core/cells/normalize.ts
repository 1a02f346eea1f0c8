/**
 * Text clean-up shared by cell reading and header recognition: trimming (full-width and
 * non-breaking spaces included), full-width → half-width folding, and the placeholders people
 * type into date and number columns instead of leaving them blank (contract.md, "Reading cells").
 *
 * Everything here is on the hot path of the rule engine, so each function returns its input
 * unchanged (no allocation) when there is nothing to do.
 */

/** White space and zero-width characters (pasted from web pages: invisible, so never content) at either end. */
const EDGES = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;

/** Printable ASCII and CJK ideographs: the characters that almost every cell starts and ends with. */
function ordinary(c: number): boolean {
  return (c > 32 && c < 127) || (c >= 0x4e00 && c <= 0x9fff);
}

/**
 * Trims white space at both ends: `\s` covers U+3000 (ideographic space), U+00A0 (NBSP), tabs
 * and line breaks; zero-width characters at the ends go too (inside the text they are left as
 * typed). Returns the input itself when there is nothing to trim (the common case, checked
 * without a regex because the engine trims every text cell it reads).
 */
export function trimCell(text: string): string {
  const n = text.length;
  if (n === 0 || (ordinary(text.charCodeAt(0)) && ordinary(text.charCodeAt(n - 1)))) return text;
  return text.replace(EDGES, "");
}

/** Full-width forms (U+FF01..U+FF5E) and the ideographic space, plus dash and minus look-alikes. */
const NEEDS_HALF = /[\uFF01-\uFF5E\u3000\u2212\uFE63]/;
const HALF_CHARS = /[\uFF01-\uFF5E\u3000\u2212\uFE63]/g;

function halfChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c === 0x3000) return " ";
  if (c === 0x2212 || c === 0xfe63) return "-"; // minus sign, small hyphen-minus
  return String.fromCharCode(c - 0xfee0);
}

/** `２８` → `28`, `１，２３４．５` → `1,234.5`, `（备注）` → `(备注)`, `Ａ` → `A`. */
export function toHalfWidth(text: string): string {
  return NEEDS_HALF.test(text) ? text.replace(HALF_CHARS, halfChar) : text;
}

/**
 * Placeholders meaning "nothing here", compared after trimming and half-width folding.
 * The contract's list is `无`, `-`, `—`, `/`, `待定`, `N/A`. Added, as obvious variants of the
 * same marks: the traditional `無` (the guide is written in traditional Chinese), doubled dashes
 * `--` and `——`, the en dash `–` and horizontal bar `―` (what some input methods give for `—`),
 * and `N/A` in any letter case. Full-width `－` and `／` fold to `-` and `/` first.
 * Not added: `暂无`, `未定`, `TBD` — they stay readable as what they are, and a date column
 * holding them is reported (rule `type`) rather than silently read as empty.
 */
const PLACEHOLDERS: ReadonlySet<string> = new Set(["无", "無", "-", "--", "—", "——", "–", "―", "/", "待定", "N/A", "n/a", "N/a", "n/A"]);

/** True when `text` (already trimmed and half-width) is a placeholder. */
export function isPlaceholder(text: string): boolean {
  return text.length <= 3 && PLACEHOLDERS.has(text);
}

/** Trim + half-width, the form in which numbers, dates and list values are parsed. */
export function cleanText(text: string): string {
  return toHalfWidth(trimCell(text));
}
