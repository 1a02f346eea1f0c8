import { cleanText, isPlaceholder, toHalfWidth, trimCell } from "../../../src/core/cells/normalize";

describe("trimCell", () => {
  it.each([
    ["  abc  ", "abc"],
    ["\u3000项目\u3000", "项目"],
    ["\u00A028\u00A0", "28"],
    ["\t\n值\r\n", "值"],
    ["\u200B\uFEFF 文本 \u200B", "文本"],
    ["\u3000\u00A0 ", ""],
  ])("%j → %j", (input, out) => expect(trimCell(input)).toBe(out));

  it("returns the same string when there is nothing to trim", () => {
    const s = "项目名称";
    expect(trimCell(s)).toBe(s);
  });
});

describe("toHalfWidth", () => {
  it.each([
    ["２８", "28"],
    ["１，２３４．５", "1,234.5"],
    ["（备注）", "(备注)"],
    ["ＡＢｃ", "ABc"],
    ["２０２４－０５－１０", "2024-05-10"],
    ["\u2212５", "-5"],
    ["a\u3000b", "a b"],
    ["中文不变。", "中文不变。"],
  ])("%j → %j", (input, out) => expect(toHalfWidth(input)).toBe(out));
});

describe("isPlaceholder", () => {
  it.each(["无", "-", "—", "/", "待定", "N/A", "無", "--", "——", "–", "n/a"])("%j is a placeholder", (p) =>
    expect(isPlaceholder(p)).toBe(true),
  );
  it.each(["", "暂无", "0", "无法", "TBD", "N/A/B", "x"])("%j is not", (p) => expect(isPlaceholder(p)).toBe(false));
  it("full-width dash and slash count after cleaning", () => {
    expect(isPlaceholder(cleanText(" － "))).toBe(true);
    expect(isPlaceholder(cleanText("／"))).toBe(true);
    expect(isPlaceholder(cleanText("Ｎ／Ａ"))).toBe(true);
  });
});
