import type { Lang } from "../i18n";
import type { ColumnDef } from "../templates/types";
import type { HintInput } from "./descriptor";
import { RULE_SET, type RuleSet } from "./registry";
import { columnName, renderHint } from "./render";

export { chineseNumber } from "./chinese-number";
export type { HintInput } from "./descriptor";

/**
 * How to fix a finding (怎么改), in the reader's language: one hint per rule, made specific by the
 * column's type and bounds where that helps ("写成阿拉伯数字，如 80" for 总分 “八十”).
 *
 * The hint is the rule descriptor's (`hint`, registry.ts), derived from what the finding says —
 * its message key and params (the offending text for the number example) — and the template's
 * column; a descriptor without one gets the hint keyed by its rule id.
 */
export function fixHint(input: HintInput, column: ColumnDef | undefined, lang: Lang, rules: RuleSet = RULE_SET): string {
  const col = column ? columnName(column, lang) : "";
  const d = rules.descriptorOf(input.rule);
  const hint = d?.hint?.(input, column) ?? { key: input.rule };
  return renderHint(
    hint.key,
    { col, min: column?.min ?? "", max: column?.max ?? "", gt: column?.gt ?? "", example: "", ...hint.params },
    lang,
  );
}
