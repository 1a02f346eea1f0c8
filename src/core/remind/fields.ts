import type { RuleSpec } from "../rules/spec";
import type { TemplateDef } from "../templates/types";

/**
 * Which columns of a template name the 负责人 and the 事项 of a reminder. Declarative, per
 * template; a template not listed here (e.g. one added later with a `due` rule) falls back to a
 * column keyed `owner`/`…Owner` and its title columns, so its items are still reminded.
 */
const FIELDS: Readonly<Record<string, { readonly owner?: string; readonly item: readonly string[] }>> = {
  "action-items": { owner: "owner", item: ["content"] },
  "partner-progress": { owner: "ourOwner", item: ["project", "stage"] },
  // A purchase order has no owner of ours: its items are listed under "未指定负责人".
  "purchase-orders": { item: ["orderNo", "supplierName", "items"] },
  "customer-log": { owner: "owner", item: ["customerName", "nextAction"] },
  // 文书登记: a 整改通知书 past its 整改期限 without 已整改 (contract.md: "registered notices past
  // their 整改期限"). The 收件方 is the supplier, not one of ours: listed under 未指定负责人.
  "document-register": { item: ["kind", "number", "recipient"] },
};

export interface RemindFields {
  /** Template column key of the due date (from the template's `due` rule). */
  readonly due: string;
  readonly owner?: string;
  readonly item: readonly string[];
}

/** The reminder columns of a template, or undefined when it has no due date (nothing to remind). */
export function remindFields(tpl: TemplateDef): RemindFields | undefined {
  const rule = (tpl.rules ?? []).find((r: RuleSpec): r is Extract<RuleSpec, { kind: "due" }> => r.kind === "due");
  if (!rule) return undefined;
  const known = FIELDS[tpl.id];
  if (known) return { due: rule.due, ...(known.owner !== undefined ? { owner: known.owner } : {}), item: known.item };
  const owner = tpl.columns.find((c) => c.key === "owner" || /Owner$/.test(c.key))?.key;
  return { due: rule.due, ...(owner !== undefined ? { owner } : {}), item: tpl.titleColumns };
}
