/** The rule registry is contract.md's table: every id once, with its severity, in the table's order. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RULES, RULE_IDS, RULE_SEVERITY, RULE_SET, ruleSet } from "../../../src/core/rules/registry";
import type { RuleDescriptor } from "../../../src/core/rules/descriptor";
import { TEMPLATES } from "../../../src/core/templates";

/** contract.md "Rule ids and severities": [severity, ids] rows. */
function contractTable(): [string, string[]][] {
  const doc = readFileSync(join(__dirname, "../../../docs/contract.md"), "utf8");
  const section = doc.slice(doc.indexOf("## Rule ids and severities"));
  const rows = [...section.matchAll(/^\| (error|warning|info) +\| (.+?) +\|$/gm)];
  return rows.map((m) => [m[1], [...m[2].matchAll(/`([a-z-]+)`/g)].map((x) => x[1])]);
}

describe("the rule registry", () => {
  it("derives contract.md's rule ids and severities, in its order", () => {
    const table = contractTable();
    expect(table.map(([s]) => s)).toEqual(["error", "warning", "info"]);
    expect(RULE_IDS).toEqual(table.flatMap(([, ids]) => ids));
    for (const [severity, ids] of table) for (const id of ids) expect(RULE_SEVERITY[id as (typeof RULE_IDS)[number]]).toBe(severity);
  });

  it("has one descriptor per spec kind, and every kind a template uses is registered", () => {
    const kinds = (RULES as readonly RuleDescriptor[]).flatMap((d) => (d.kind === undefined ? [] : [d.kind]));
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const tpl of TEMPLATES) for (const spec of tpl.rules ?? []) expect(RULE_SET.specDescriptor(spec.kind)).toBeDefined();
  });

  it("refuses an id reported with two severities", () => {
    const [first] = RULES;
    const twin = { ...first, reports: [{ id: "required", severity: "warning" as const, rank: 0 }] };
    expect(() => ruleSet([first, twin])).toThrow(/two severities/);
  });
});
