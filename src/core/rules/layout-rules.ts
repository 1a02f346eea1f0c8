import type { TableContext } from "./context";
import { tableRule } from "./descriptor";

/**
 * Rows typed directly under an Excel table were checked as part of it (contract.md "Table
 * layout"): one `layout` info finding on the first of them, at the table's first known column.
 */
export const typedBelowRule = tableRule({
  reports: [{ id: "layout", severity: "info", rank: 18 }],
  phase: "after",
  run: typedBelow,
});

function typedBelow(ctx: TableContext): void {
  const first = ctx.table.typedBelow;
  if (first === undefined) return;
  const r = ctx.excelRows.indexOf(first);
  if (r < 0) return;
  let j = -1;
  let at = Infinity;
  for (const fc of ctx.table.columns) {
    const key = fc.key ?? fc.compoundKeys?.[0];
    const k = key === undefined ? undefined : ctx.colIndexOrUndefined(key);
    if (k !== undefined && fc.index < at) [j, at] = [k, fc.index];
  }
  if (j < 0) return;
  const count = ctx.excelRows.length - r;
  ctx.emit(r, j, "layout", "layout.typed-below", { row: first, count, table: ctx.table.tableName ?? "" });
}

/**
 * When a working-day count met a year the holiday data does not cover, one `calendar` info
 * finding at the first cell whose date was counted that way (the report keeps only the first of
 * all tables). Runs last: the other rules note those years while they count.
 */
export const calendarRule = tableRule({
  reports: [{ id: "calendar", severity: "info", rank: 17 }],
  phase: "after",
  run(ctx) {
    if (!ctx.provisionalAt) return;
    const { r, j } = ctx.provisionalAt;
    const years = [...ctx.provisional].sort((a, b) => a - b).join(", ");
    ctx.emit(r, j, "calendar", "calendar", { years });
  },
});
