import type { TableContext } from "./context";
import { quote, showNumber } from "./context";

/**
 * Rules that follow from a column's own definition (no spec needed): `type` and `enum` from the
 * reader's issues, `required`, `range`, and required columns the sheet lacks altogether.
 */

/** `type` / `enum` findings from what readTable could not read, and the year-missing warning. */
export function issueRules(ctx: TableContext): void {
  const { t } = ctx;
  for (const issue of ctx.read.issues) {
    const j = ctx.colIndexOrUndefined(issue.key);
    if (j === undefined) continue;
    const col = ctx.colName(j);
    const text = quote(issue.text);
    if (issue.kind === "year-inferred") {
      ctx.emit(issue.row, j, "type", t("type.year-inferred", { col, text, year: issue.year ?? "" }), "warning");
    } else if (issue.reason === "not-in-list") {
      ctx.emit(issue.row, j, "enum", t("enum", { col, text, options: (ctx.cols[j].options ?? []).join("/") }));
    } else {
      ctx.emit(issue.row, j, "type", t(issue.reason ? `type.${issue.reason}` : "type.invalid", { col, text }));
    }
  }
}

/** Empty cells of required columns; unreadable cells already have a `type` finding instead. */
export function requiredRule(ctx: TableContext): void {
  const { values, n } = ctx;
  for (let j = 0; j < ctx.cols.length; j++) {
    if (!ctx.cols[j].required || !ctx.present[j]) continue;
    const invalid = ctx.invalid[j];
    let message: string | undefined;
    for (let r = 0; r < n; r++) {
      if (values[r][j] !== null || (invalid !== undefined && invalid[r] === 1)) continue;
      message ??= ctx.t("required", { col: ctx.colName(j) });
      ctx.emit(r, j, "required", message);
    }
  }
}

/** Numbers outside the column's bounds (`min`/`max` inclusive, `gt` exclusive). */
export function rangeRule(ctx: TableContext): void {
  const { values, n, t } = ctx;
  for (let j = 0; j < ctx.cols.length; j++) {
    const c = ctx.cols[j];
    if (!ctx.present[j] || (c.type !== "number" && c.type !== "integer")) continue;
    if (c.min === undefined && c.max === undefined && c.gt === undefined) continue;
    const min = c.min ?? -Infinity;
    const max = c.max ?? Infinity;
    const gt = c.gt ?? -Infinity;
    for (let r = 0; r < n; r++) {
      const v = values[r][j];
      if (typeof v !== "number" || (v >= min && v <= max && v > gt)) continue;
      const params = { col: ctx.colName(j), value: showNumber(v), min: showNumber(min), max: showNumber(max), gt: showNumber(gt) };
      let key: string;
      if (v <= gt) key = "range.gt";
      else if (c.min !== undefined && c.max !== undefined) key = "range.between";
      else key = v < min ? "range.min" : "range.max";
      ctx.emit(r, j, "range", t(key, params));
    }
  }
}

/**
 * A required column the sheet does not have at all: one finding for the table, not one per row.
 * It lands on the header row, in the first free column right of the table (where the column
 * would be added); several missing columns take the following cells, so each has its own cell.
 */
export function missingColumnRule(ctx: TableContext): void {
  const missing = new Set<number>();
  for (const key of ctx.table.missingRequired) {
    const j = ctx.colIndexOrUndefined(key) ?? ctx.cols.findIndex((c) => c.name === key);
    if (j !== undefined && j >= 0) missing.add(j);
  }
  for (let j = 0; j < ctx.cols.length; j++) if (ctx.cols[j].required && !ctx.present[j]) missing.add(j);
  const width = Math.max(
    ctx.table.columns.reduce((w, fc) => Math.max(w, fc.index + 1), 0),
    ctx.table.columns.length,
  );
  let next = ctx.table.firstColumn + width;
  for (const j of [...missing].sort((a, b) => a - b)) {
    ctx.emitHeader(next++, j, "required", ctx.t("requiredColumn", { col: ctx.colName(j) }));
  }
}
