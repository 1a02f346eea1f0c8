import { z } from "zod";
import { number } from "../../src/core/rules/columns-view";
import { showNumber } from "../../src/core/rules/context";
import { specRule } from "../../src/core/rules/descriptor";

/** The spec a template writes: `{ kind: "over-limit", column: "spent", limit: "budget" }`. */
export const overLimitSchema = z.strictObject({
  kind: z.literal("over-limit"),
  /** The number checked (实际花费); a finding lands on it. */
  column: z.string(),
  /** The limit on the same row (预算). */
  limit: z.string(),
});

/** `over-limit`: a number above the limit written in another column of the same row. */
export const overLimitRule = specRule({
  kind: "over-limit",
  schema: overLimitSchema,
  // A new rule id is a contract change: its severity and place come from contract.md's table.
  reports: [{ id: "over-limit", severity: "warning", rank: 19 }],
  // The columns the spec names, typed: check-specs.ts refuses a template whose columns are not numbers.
  columns: (spec) => ({ value: number(spec.column), limit: number(spec.limit) }),
  check(ctx, { value, limit }) {
    if (!value.present || !limit.present) return; // the sheet lacks a column: nothing to compare
    for (let r = 0; r < ctx.n; r++) {
      const v = value.at(r);
      const max = limit.at(r);
      // An empty cell reads NaN, and NaN > x is false: nothing to say.
      if (v > max)
        ctx.emit(r, value.j, "over-limit", "over-limit", {
          col: value.ref,
          value: showNumber(v),
          limitCol: limit.ref,
          limit: showNumber(max),
        });
    }
  },
  // A product rule puts these in src/core/i18n/messages/findings.ts (findingMessages, fixHintMessages).
  messages: {
    "zh-CN": { "over-limit": "{col}{value}超过了{limitCol}{limit}" },
    "en-US": { "over-limit": "{col} {value} is more than {limitCol} {limit}" },
  },
  hints: {
    "zh-CN": { "over-limit": "核对{col}；确实超出的，写明原因并报批。" },
    "en-US": { "over-limit": "Check {col}; if it really is over, note why and get it approved." },
  },
});
