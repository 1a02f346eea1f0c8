/**
 * docs/developers.md "How to add a rule": the guide's code is test/recipes/over-limit-rule.ts, word
 * for word, and that descriptor — registered beside the product's rules — checks a table.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RULES, ruleSet, RULE_IDS } from "../../../src/core/rules/registry";
import { checkRuleSpecs } from "../../../src/core/rules/check-specs";
import { validateTable } from "../../../src/core/rules/engine";
import { fixHint } from "../../../src/core/rules/fix-hint";
import { renderFinding } from "../../../src/core/rules/render";
import { createCalendar } from "../../../src/core/calendar/calendar";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/schema";
import { supplierEvaluation } from "../../../src/core/templates/supplier-evaluation";
import type { TemplateDef } from "../../../src/core/templates/types";
import { overLimitRule } from "../../recipes/over-limit-rule";
import { day, tableOf } from "./fixtures";

const ROOT = join(__dirname, "../../..");
const RECIPE = "test/recipes/over-limit-rule.ts";

/** The code block under `<!-- recipe: path -->` in the guide. */
function guideBlock(path: string): string {
  const doc = readFileSync(join(ROOT, "docs/developers.md"), "utf8");
  const m = new RegExp(`<!-- recipe: ${path.replace(/[.]/g, "\\.")} -->\\n\`\`\`ts\\n([\\s\\S]*?)\`\`\``).exec(doc);
  if (!m) throw new Error(`docs/developers.md has no recipe block for ${path}`);
  return m[1];
}

/** A template that asks for the new kind (the product's `RuleSpec` does not know it: not in RULES). */
const withOverLimit = (spec: object): TemplateDef => ({ ...supplierEvaluation, rules: [spec] as unknown as TemplateDef["rules"] });

const rules = ruleSet([...RULES, overLimitRule]);
const today = day("2024-10-08");
const row = (quality: number | null, delivery: number) => ({
  supplierName: "甲",
  period: "2024Q3",
  quality,
  delivery,
  service: 18,
  price: 13,
  problemSolving: 9,
  total: 80,
});

function run(tpl: TemplateDef, lang: "zh-CN" | "en-US") {
  const { read, table } = tableOf(tpl, [row(25, 22), row(28, 24), row(null, 20)], today);
  return validateTable({
    tpl,
    read,
    table,
    settings: DEFAULT_SETTINGS,
    today,
    now: today * 1440 + 720,
    calendar: createCalendar(),
    lang,
    rules,
  });
}

describe("the guide's rule recipe", () => {
  it("is the tested file, word for word", () => {
    expect(guideBlock(RECIPE)).toBe(readFileSync(join(ROOT, RECIPE), "utf8"));
  });

  it("registered beside the product's rules, reports a number above its limit on the same row", () => {
    const tpl = withOverLimit({ kind: "over-limit", column: "quality", limit: "delivery" });
    expect(checkRuleSpecs(tpl, rules)).toEqual([]);
    const f = run(tpl, "zh-CN").filter((x) => (x.rule as string) === "over-limit");
    expect(f.map((x) => [x.cell, x.severity, x.message])).toEqual([
      ["C2", "warning", "产品质量25超过了交付及时性22"],
      ["C3", "warning", "产品质量28超过了交付及时性24"],
    ]);
    // Its id takes its place in the rule table; the product's table is unchanged.
    expect(rules.ids).toEqual([...RULE_IDS, "over-limit"]);
    // The same finding, rendered for an English reader, is what an English check says.
    expect(renderFinding(f[0], "en-US")).toBe(run(tpl, "en-US").find((x) => (x.rule as string) === "over-limit")?.message);
    expect(fixHint({ ...f[0], onHeader: false }, supplierEvaluation.columns[2], "zh-CN", rules)).toBe(
      "核对产品质量；确实超出的，写明原因并报批。",
    );
  });

  it("its column types are checked from its descriptor", () => {
    const tpl = withOverLimit({ kind: "over-limit", column: "supplierName", limit: "delivery" });
    expect(checkRuleSpecs(tpl, rules)).toEqual(['over-limit: column "supplierName" is text, expected number/integer']);
    expect(checkRuleSpecs(withOverLimit({ kind: "over-limit", column: "quality" }), rules)).toEqual([
      expect.stringMatching(/^over-limit: limit: /),
    ]);
    // Without registering it, the product refuses the unknown kind.
    expect(checkRuleSpecs(tpl)).toEqual(['unknown rule kind "over-limit"']);
  });
});
