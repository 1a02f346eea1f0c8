import { z } from "zod";
import type { TypedValue } from "../table/read-table";
import type { TableContext } from "./context";
import { quote } from "./context";
import { anyColumn } from "./columns-view";
import { specRule } from "./descriptor";

/** Rules across rows, keyed by a column's value: `unique` (订单号) and `min-count` (报价 per 采购需求). */

function keyOf(v: TypedValue): string | undefined {
  if (v === null) return undefined;
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  return v.join("+");
}

export const uniqueSchema = z.strictObject({ kind: z.literal("unique"), column: z.string().min(1) });
export type UniqueRule = z.infer<typeof uniqueSchema>;

/** Fewer than `settings.minQuotes` rows (or distinct `distinct` values) per `group` value. */
export const minCountSchema = z.strictObject({
  kind: z.literal("min-count"),
  group: z.string().min(1),
  /** Count distinct values of this column (e.g. 供应商名称) instead of rows. */
  distinct: z.string().min(1).optional(),
});
export type MinCountRule = z.infer<typeof minCountSchema>;

export const uniqueRule = specRule({
  kind: "unique",
  schema: uniqueSchema,
  reports: [{ id: "unique", severity: "error", rank: 5 }],
  columns: (spec) => ({ column: anyColumn(spec.column) }),
  check: (ctx, cols) => checkUnique(ctx, cols.column.j),
});

export const minCountRule = specRule({
  kind: "min-count",
  schema: minCountSchema,
  reports: [{ id: "min-count", severity: "warning", rank: 12 }],
  columns: (spec) => ({ group: anyColumn(spec.group), distinct: anyColumn(spec.distinct) }),
  check: (ctx, _cols, spec) => checkMinCount(ctx, spec),
});

/** Every row whose key already appeared in an earlier row. */
function checkUnique(ctx: TableContext, j: number): void {
  if (!ctx.present[j]) return;
  const { n, excelRows } = ctx;
  const first = new Map<string, number>();
  for (let r = 0; r < n; r++) {
    const key = keyOf(ctx.value(r, j));
    if (key === undefined) continue;
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, r);
      continue;
    }
    ctx.emit(r, j, "unique", "unique", { col: ctx.colRef(j), value: quote(key), first: excelRows[seen] });
  }
}

/** Groups with fewer than settings.minQuotes rows (or distinct values of `distinct`): the group's first row. */
function checkMinCount(ctx: TableContext, spec: MinCountRule): void {
  const gj = ctx.col(spec.group);
  if (!ctx.present[gj]) return;
  const dj = spec.distinct !== undefined ? ctx.col(spec.distinct) : undefined;
  const countDistinct = dj !== undefined && ctx.present[dj];
  const { n } = ctx;
  const min = ctx.settings.minQuotes;

  const firstRow = new Map<string, number>();
  const count = new Map<string, number>();
  const distinct = new Map<string, Set<string>>();
  for (let r = 0; r < n; r++) {
    const group = keyOf(ctx.value(r, gj));
    if (group === undefined) continue;
    if (!firstRow.has(group)) firstRow.set(group, r);
    if (countDistinct) {
      const d = keyOf(ctx.value(r, dj));
      if (d === undefined) continue; // a quote without a supplier counts for nobody
      let set = distinct.get(group);
      if (!set) distinct.set(group, (set = new Set()));
      set.add(d);
    } else {
      count.set(group, (count.get(group) ?? 0) + 1);
    }
  }
  for (const [group, r] of firstRow) {
    const c = countDistinct ? (distinct.get(group)?.size ?? 0) : (count.get(group) ?? 0);
    if (c >= min) continue;
    ctx.emit(r, gj, "min-count", "min-count", { col: ctx.colRef(gj), value: quote(group), count: c, min });
  }
}
