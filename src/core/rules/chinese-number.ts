/** Numbers written in Chinese numerals, for the fix hint of a `type` finding (总分“八十” → 写成 80). */

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
