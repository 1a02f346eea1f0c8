import { type Lang, localize, translator } from "../i18n";
import { fixHintMessages } from "../i18n/messages/findings";
import type { ColumnDef } from "../templates/types";
import type { RuleId, Severity } from "./spec";

/**
 * How to fix a finding (怎么改), in the reader's language: one hint per rule, made specific by the
 * column's type and bounds where that helps ("写成阿拉伯数字，如 80" for 总分 “八十”).
 *
 * A finding keeps exactly the shape contract.md gives it (no hint field), so the hint is derived
 * from what the finding does carry — its rule, severity and column — plus the template's column;
 * the cell's text, for the number example, is the quoted part of the message.
 */
export interface HintInput {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: string;
  /** The finding is on the header row: a whole required column is missing. */
  readonly onHeader?: boolean;
}

const DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/**
 * A number written in Chinese numerals below 10 000 (八十, 八十五, 一百, 九十五点五, 十五), or
 * undefined when the text is not one. Full-width digits are read too (８０).
 */
export function chineseNumber(text: string): number | undefined {
  const s = text
    .trim()
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/分$/, "");
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  const [whole, fraction] = s.split("点");
  if (whole === undefined || whole === "" || !/^[零〇一二两三四五六七八九十百千]+$/.test(whole)) return undefined;
  let total = 0;
  let digit: number | undefined;
  for (const ch of whole) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else {
      total += (digit ?? 1) * (UNITS[ch] ?? 1); // 十五: a unit without a digit counts one
      digit = undefined;
    }
  }
  total += digit ?? 0;
  if (fraction === undefined) return total;
  if (fraction === "" || ![...fraction].every((ch) => ch in DIGITS)) return undefined;
  return Number(`${total}.${[...fraction].map((ch) => DIGITS[ch]).join("")}`);
}

/** The cell text a `type` message quotes: “…” in Chinese, 「…」 in Traditional Chinese, "…" in English. */
function quoted(message: string): string | undefined {
  return /“([^”]*)”/.exec(message)?.[1] ?? /「([^」]*)」/.exec(message)?.[1] ?? /"([^"]*)"/.exec(message)?.[1];
}

function typeHint(input: HintInput, column: ColumnDef | undefined): { key: string; example?: string } {
  if (input.severity === "warning") return { key: "type.year" };
  if (/#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!)/.test(input.message)) return { key: "type.error" };
  switch (column?.type) {
    case "number":
    case "integer": {
      const text = quoted(input.message);
      const n = text === undefined ? undefined : chineseNumber(text);
      const fallback = column.max !== undefined ? Math.min(column.max, 80) : 80;
      const example = n !== undefined && (column.type === "number" || Number.isInteger(n)) ? n : column.type === "integer" ? 3 : fallback;
      return { key: `type.${column.type}`, example: String(example) };
    }
    case "date":
    case "datetime":
    case "phone":
    case "quarter":
      return { key: `type.${column.type}` };
    default:
      return { key: "type.other" };
  }
}

function rangeKey(column: ColumnDef | undefined): string {
  if (column?.min !== undefined && column.max !== undefined) return "range.between";
  if (column?.gt !== undefined) return "range.gt";
  if (column?.min !== undefined) return "range.min";
  if (column?.max !== undefined) return "range.max";
  return "range.other";
}

/** The fix hint of a finding; `column` is the template's column it concerns (undefined when unknown). */
export function fixHint(input: HintInput, column: ColumnDef | undefined, lang: Lang): string {
  const t = translator(fixHintMessages, lang);
  const col = column ? (lang === "en-US" ? column.en : localize(column.name, lang)) : "";
  const params = { col, min: column?.min ?? "", max: column?.max ?? "", gt: column?.gt ?? "" };
  switch (input.rule) {
    case "required":
      return t(input.onHeader ? "requiredColumn" : "required", params);
    case "type": {
      const { key, example } = typeHint(input, column);
      return t(key, { ...params, example: example ?? "" });
    }
    case "range":
      return t(rangeKey(column), params);
    default:
      return t(input.rule, params);
  }
}
