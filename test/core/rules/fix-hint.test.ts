/** 怎么改: every finding gets a fix hint in both languages, specific where the column allows. */
import { LANGS } from "../../../src/core/i18n";
import { fixHintMessages } from "../../../src/core/i18n/messages/findings";
import { chineseNumber, fixHint } from "../../../src/core/rules/fix-hint";
import { RULE_IDS } from "../../../src/core/rules/spec";
import { getTemplate } from "../../../src/core/templates";
import type { ColumnDef } from "../../../src/core/templates/types";

const supplier = getTemplate("supplier-evaluation");
const col = (name: string): ColumnDef => {
  const c = supplier.columns.find((x) => x.name === name);
  if (!c) throw new Error(name);
  return c;
};
const HAN = /[\u3400-\u9fff]/;

describe("fixHint", () => {
  it("has a hint for every rule, in both languages, with the same keys", () => {
    expect(Object.keys(fixHintMessages["en-US"]).sort()).toEqual(Object.keys(fixHintMessages["zh-CN"]).sort());
    for (const lang of LANGS) {
      for (const rule of RULE_IDS) {
        const hint = fixHint({ rule, severity: "error", key: rule, params: {} }, col("总分"), lang);
        expect(hint.length).toBeGreaterThan(4);
        expect(hint).not.toMatch(/\{\w+\}/);
        if (lang === "en-US") expect(hint).not.toMatch(HAN);
      }
    }
  });

  it("says what to write for a number written in words: 总分“八十” → 写成 80", () => {
    const hint = fixHint({ rule: "type", severity: "error", key: "type.not-a-number", params: { text: "八十" } }, col("总分"), "zh-CN");
    expect(hint).toBe("写成阿拉伯数字，如 80。");
    expect(
      fixHint({ rule: "type", severity: "error", key: "type.not-a-number", params: { text: "eighty-five" } }, col("总分"), "en-US"),
    ).toBe("Write it in digits, e.g. 80.");
    expect(
      fixHint({ rule: "type", severity: "error", key: "type.not-a-number", params: { text: "二十五" } }, col("产品质量"), "zh-CN"),
    ).toContain("如 25");
    // The offending text comes from the finding's params, whatever the reader's language.
    expect(
      fixHint({ rule: "type", severity: "error", key: "type.not-a-number", params: { text: "二十五" } }, col("产品质量"), "zh-TW"),
    ).toContain("25");
  });

  it("says which to change when 总分 differs from the sum of the items", () => {
    const zh = fixHint({ rule: "sum", severity: "error", key: "sum", params: { total: "85", sum: "93" } }, col("总分"), "zh-CN");
    expect(zh).toContain("把总分改成它们的和");
    expect(zh).toContain("找出记错的那一项得分");
    expect(fixHint({ rule: "sum", severity: "error", key: "sum", params: {} }, col("总分"), "en-US")).toContain(
      "change Total to their sum",
    );
  });

  it("uses the column's type and bounds", () => {
    expect(
      fixHint({ rule: "type", severity: "error", key: "type.not-a-quarter", params: { text: "二季度" } }, col("评估周期"), "zh-CN"),
    ).toContain("2024Q2");
    expect(fixHint({ rule: "range", severity: "error", key: "range.between", params: {} }, col("产品质量"), "zh-CN")).toContain("0–30");
    expect(fixHint({ rule: "type", severity: "warning", key: "type.year-inferred", params: {} }, col("评估周期"), "zh-CN")).toContain(
      "补上年份",
    );
    expect(
      fixHint({ rule: "required", severity: "error", key: "requiredColumn", params: {}, onHeader: true }, col("供应商名称"), "zh-CN"),
    ).toContain("在表头加一列“供应商名称”");
  });
});

describe("chineseNumber", () => {
  it.each([
    ["八十", 80],
    ["八十五", 85],
    ["十五", 15],
    ["一百", 100],
    ["一百零五", 105],
    ["两千三百", 2300],
    ["九十五点五", 95.5],
    ["８０", 80],
    ["80分", 80],
  ])("%s → %d", (text, n) => {
    expect(chineseNumber(text)).toBe(n);
  });

  it.each(["", "eighty", "八十多", "点五", "很好"])("%s is not a number", (text) => {
    expect(chineseNumber(text)).toBeUndefined();
  });
});
