import type { TypedValue } from "../table/read-table";
import type { TableContext } from "./context";
import { quote } from "./context";
import type { MinCountRule, UniqueRule } from "./spec";

/** Rules across rows, keyed by a column's value: `unique` (订单号) and `min-count` (报价 per 采购需求). */

function keyOf(v: TypedValue): string | undefined {
  if (v === null) return undefined;
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  return v.join("+");
}

/** Every row whose key already appeared in an earlier row. */
export function uniqueRule(ctx: TableContext, spec: UniqueRule): void {
  const j = ctx.col(spec.column);
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
    ctx.emit(r, j, "unique", ctx.t("unique", { col: ctx.colName(j), value: quote(key), first: excelRows[seen] }));
  }
}

/** Groups with fewer than settings.minQuotes rows (or distinct values of `distinct`): the group's first row. */
export function minCountRule(ctx: TableContext, spec: MinCountRule): void {
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
    ctx.emit(r, gj, "min-count", ctx.t("min-count", { col: ctx.colName(gj), value: quote(group), count: c, min }));
  }
}
