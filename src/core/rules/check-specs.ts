import type { ColumnDef, TemplateDef } from "../templates/types";
import { NEED_TYPES, type ColumnNeed } from "./columns-view";
import type { ColumnUses } from "./descriptor";
import { RULE_SET, type RuleSet } from "./registry";

/**
 * Checks a template's rule specs against its descriptors and its own columns: the spec has the
 * descriptor's shape (its zod schema), every column it names exists and has a type the rule can
 * use (the descriptor's `columns`), every status value is one of the column's options, and the
 * descriptor's own checks pass. A problem here is a bug in a template file (developer-facing
 * English), so the engine refuses to run rather than guess.
 */
export function checkRuleSpecs(tpl: TemplateDef, rules: RuleSet = RULE_SET): string[] {
  const problems: string[] = [];
  const byKey = new Map<string, ColumnDef>(tpl.columns.map((c) => [c.key, c]));

  const need = (kind: string, use: ColumnNeed): void => {
    const col = byKey.get(use.key);
    const types = NEED_TYPES[use.need];
    if (!col) return void problems.push(`${kind}: no column "${use.key}"`);
    if (!types.includes(col.type)) problems.push(`${kind}: column "${use.key}" is ${col.type}, expected ${types.join("/")}`);
    for (const v of use.options ?? [])
      if (!(col.options ?? []).includes(v)) problems.push(`${kind}: "${v}" is not an option of "${col.key}"`);
  };

  for (const spec of tpl.rules ?? []) {
    const kind = String((spec as { kind?: unknown }).kind);
    const d = rules.specDescriptor(kind);
    if (d === undefined) {
      problems.push(`unknown rule kind ${JSON.stringify(kind)}`);
      continue;
    }
    const parsed = d.schema.safeParse(spec);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${kind}: ${issue.path.join(".") || "(spec)"}: ${issue.message}`);
      continue;
    }
    const uses: ColumnUses = d.columns(spec);
    for (const use of Object.values(uses)) {
      if (use === undefined) continue;
      if (Array.isArray(use)) for (const u of use as readonly ColumnNeed[]) need(kind, u);
      else need(kind, use as ColumnNeed);
    }
    problems.push(...(d.validate?.(spec, tpl) ?? []));
  }
  return problems;
}
