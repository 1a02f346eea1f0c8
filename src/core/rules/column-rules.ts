import type { TypedValue } from "../table/read-table";
import type { PreparedMessage, TableContext } from "./context";
import { fillMessage, quote, showNumber } from "./context";

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

/*
 * Here and in the other rule files, the loops over every row are small functions of typed arrays,
 * arrays and numbers that return the rows to report; the findings are then written from those
 * rows. Why: V8 throws optimised code away when an object it was compiled against (the
 * TableContext of the last check, say) has been collected, so a loop that touches only arrays
 * stays fast from one check to the next, while one that reaches into the context would start
 * over in the interpreter after every full garbage collection.
 */

/**
 * `required` and `range`, in one pass over each column (a numeric column's Float64Array, NaN =
 * empty): empty cells of required columns — an unreadable cell already has a `type` finding
 * instead — and numbers outside the column's bounds (`min`/`max` inclusive, `gt` exclusive).
 */
export function cellRules(ctx: TableContext): void {
  for (let j = 0; j < ctx.cols.length; j++) {
    if (!ctx.present[j]) continue;
    const num = ctx.num[j];
    if (num !== undefined) numericColumnRules(ctx, j, num);
    else if (ctx.cols[j].required) requiredOthers(ctx, j, ctx.others(j));
  }
}

function requiredOthers(ctx: TableContext, j: number, values: readonly TypedValue[]): void {
  const rows = emptyRows(values, ctx.invalid[j], ctx.n);
  if (rows.length === 0) return;
  const message = ctx.t("required", { col: ctx.colName(j) });
  for (let i = 0; i < rows.length; i++) ctx.emit(rows[i], j, "required", message);
}

/** Rows whose value is null and not unreadable (`invalid`). */
function emptyRows(values: readonly TypedValue[], invalid: Uint8Array | undefined, n: number): number[] {
  const rows: number[] = [];
  for (let r = 0; r < n; r++) if (values[r] === null && (invalid === undefined || invalid[r] !== 1)) rows.push(r);
  return rows;
}

function numericColumnRules(ctx: TableContext, j: number, num: Float64Array): void {
  const c = ctx.cols[j];
  const required = c.required === true;
  const ranged = (c.type === "number" || c.type === "integer") && (c.min !== undefined || c.max !== undefined || c.gt !== undefined);
  if (!required && !ranged) return;
  const { n } = ctx;
  const invalid = ctx.invalid[j];
  const min = c.min ?? -Infinity;
  const max = c.max ?? Infinity;
  const gt = c.gt ?? -Infinity;
  // One wording per bound broken; the value is the only part that changes from row to row.
  const fixed = { col: ctx.colName(j), min: showNumber(min), max: showNumber(max), gt: showNumber(gt) };
  const both = c.min !== undefined && c.max !== undefined;
  let between: PreparedMessage | undefined;
  let below: PreparedMessage | undefined;
  let above: PreparedMessage | undefined;
  let notAbove: PreparedMessage | undefined;
  let requiredMessage: string | undefined;
  const rows = numericHits(num, invalid, n, required, ranged ? min : -Infinity, ranged ? max : Infinity, ranged ? gt : -Infinity);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const v = num[r];
    if (v !== v) {
      requiredMessage ??= ctx.t("required", { col: fixed.col });
      ctx.emit(r, j, "required", requiredMessage);
      continue;
    }
    let fill: PreparedMessage;
    if (v <= gt) fill = notAbove ??= ctx.message("range.gt", fixed, ["value"]);
    else if (both) fill = between ??= ctx.message("range.between", fixed, ["value"]);
    else if (v < min) fill = below ??= ctx.message("range.min", fixed, ["value"]);
    else fill = above ??= ctx.message("range.max", fixed, ["value"]);
    ctx.emit(r, j, "range", fillMessage(fill, showNumber(v)));
  }
}

/**
 * Rows of a numeric column (NaN = empty) that are empty where the column is required (and not
 * unreadable), or hold a number outside [min, max] or not above gt.
 */
function numericHits(
  num: Float64Array,
  invalid: Uint8Array | undefined,
  n: number,
  required: boolean,
  min: number,
  max: number,
  gt: number,
): number[] {
  const rows: number[] = [];
  for (let r = 0; r < n; r++) {
    const v = num[r];
    if (v !== v) {
      if (required && (invalid === undefined || invalid[r] !== 1)) rows.push(r);
    } else if (!(v >= min && v <= max && v > gt)) rows.push(r);
  }
  return rows;
}

/**
 * Required columns the sheet does not have at all: one finding for the table, not one per row
 * (issue 10), on the header row at the table's first cell; it names every missing column, its
 * `column` the first of them.
 */
export function missingColumnRule(ctx: TableContext): void {
  const missing = new Set<number>();
  for (const key of ctx.table.missingRequired) {
    const j = ctx.colIndexOrUndefined(key) ?? ctx.cols.findIndex((c) => c.name === key);
    if (j !== undefined && j >= 0) missing.add(j);
  }
  for (let j = 0; j < ctx.cols.length; j++) if (ctx.cols[j].required && !ctx.present[j]) missing.add(j);
  const list = [...missing].sort((a, b) => a - b);
  if (list.length === 0) return;
  const message =
    list.length === 1
      ? ctx.t("requiredColumn", { col: ctx.colName(list[0]) })
      : ctx.t("requiredColumns", { cols: list.map((j) => ctx.t("quoted", { col: ctx.colName(j) })).join(ctx.t("listSeparator")) });
  ctx.emitHeader(ctx.table.firstColumn, list[0], "required", message);
}
