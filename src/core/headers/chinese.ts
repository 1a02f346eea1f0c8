import { Converter } from "opencc-js/t2cn";

/**
 * Traditional → simplified Chinese, so that headers and list values typed from the guide
 * (`項目名稱`, `面談`) match the catalog's simplified forms (`项目名称`, `面谈`).
 *
 * `opencc-js/t2cn` is the package's smallest entry that converts to simplified (≈110 kB, the
 * traditional dictionaries only; the full build is 1.2 MB). It resolves to the ESM build under
 * webpack/esbuild and to the UMD build under Jest. `tw` → `cn` also folds Taiwan variants
 * (`裏` → `里`); OpenCC's tw2s is a superset of what we need for the Hong Kong spellings in
 * headers too.
 */
type Convert = (text: string) => string;

let converter: Convert | undefined;
/** Headers and list values repeat thousands of times: memoise short strings. */
const memo = new Map<string, string>();
const MEMO_MAX_LENGTH = 64;
const MEMO_MAX_ENTRIES = 5000;

/** Any CJK ideograph, where a conversion could change something. */
const HAS_CJK = /[\u3400-\u9FFF\uF900-\uFAFF]/;

export function toSimplified(text: string): string {
  if (!HAS_CJK.test(text)) return text;
  const short = text.length <= MEMO_MAX_LENGTH;
  if (short) {
    const hit = memo.get(text);
    if (hit !== undefined) return hit;
  }
  converter ??= Converter({ from: "tw", to: "cn" });
  const out = converter(text);
  if (short) {
    if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
    memo.set(text, out);
  }
  return out;
}
