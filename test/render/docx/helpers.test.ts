import fc from "fast-check";
import { renderMessages } from "../../../src/core/i18n/messages/render";
import { scaleWidths } from "../../../src/render/docx/tables";
import { chineseNumeral, emWidth } from "../../../src/render/docx/text";

describe("chineseNumeral", () => {
  it.each([
    [1, "一"],
    [4, "四"],
    [10, "十"],
    [11, "十一"],
    [20, "二十"],
    [35, "三十五"],
    [99, "九十九"],
    [100, "100"],
  ])("%i → %s", (n, s) => expect(chineseNumeral(n)).toBe(s));

  it("rejects zero, negatives and fractions", () => {
    for (const n of [0, -1, 1.5]) expect(() => chineseNumeral(n)).toThrow(/not a positive integer/);
  });
});

describe("scaleWidths", () => {
  it("keeps the proportions and sums exactly to the total", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 50, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1000, max: 20000 }),
        (rel, total) => {
          const w = scaleWidths(rel, total);
          expect(w.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = rel.reduce((a, b) => a + b, 0);
          // Each column is within a couple of twips of its share (the last one takes the rounding leftovers).
          w.forEach((x, i) => expect(Math.abs(x - (rel[i] / sum) * total)).toBeLessThanOrEqual(rel.length));
        },
      ),
    );
  });

  it("rejects no columns and non-positive widths", () => {
    expect(() => scaleWidths([], 100)).toThrow(/at least one column/);
    expect(() => scaleWidths([1, 0], 100)).toThrow(/not a positive number/);
    expect(() => scaleWidths([1, Number.NaN], 100)).toThrow(/not a positive number/);
  });
});

describe("emWidth", () => {
  it("counts CJK and full-width characters as one em, the rest as half", () => {
    expect(emWidth("整改通知书")).toBe(5);
    expect(emWidth("2024Q2")).toBe(3);
    expect(emWidth("72 分（合格线 80 分）")).toBe(2 + 1 + 1 + 3 + 1.5 + 1 + 1);
  });
});

describe("render catalog", () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  it("has the same keys and placeholders in both languages", () => {
    expect(Object.keys(renderMessages["en-US"]).sort()).toEqual(Object.keys(renderMessages["zh-CN"]).sort());
    for (const key of Object.keys(renderMessages["zh-CN"]) as (keyof (typeof renderMessages)["zh-CN"])[]) {
      expect([key, placeholders(renderMessages["en-US"][key])]).toEqual([key, placeholders(renderMessages["zh-CN"][key])]);
    }
  });
});
