import type { ColumnDef } from "../templates/types";
import type { TableRead, TypedValue } from "./read-table";

/**
 * A read table stored column by column: what the rules loop over.
 *
 * Why: the rules walk one column at a time, each over all rows. Over row arrays (`values[r][j]`)
 * every visit chases a pointer into one of 100,000 small arrays, and fractional numbers are boxed
 * on the heap; the garbage collector then spends a third of the engine's time copying them. Here
 * each number, date and date-time column is one Float64Array (NaN = empty or unreadable: readers
 * never return NaN) and each other column one plain array.
 *
 * `readTable` fills these columns directly; `TableRead.values` (row arrays) is built from them only
 * when a caller asks for it. A TableRead made by hand (tests, the live re-check's sub-reads) gets
 * its columns built once from `values` by `readColumns`.
 */

/** Values of a non-numeric column (text, phone, list, quarter): strings, string lists, null. */
export type OtherValue = TypedValue;

export interface ReadColumns {
  /** Rows read. */
  readonly n: number;
  /** Per template column whose type is numeric (`isNumericColumn`): its values, NaN where null. */
  readonly numbers: readonly (Float64Array | undefined)[];
  /** Per other template column: its values. */
  readonly others: readonly (readonly OtherValue[] | undefined)[];
}

/** Columns whose values are numbers (or null): number, integer, date (day number), datetime (minute). */
export function isNumericColumn(col: ColumnDef): boolean {
  return col.type === "number" || col.type === "integer" || col.type === "date" || col.type === "datetime";
}

/** Empty columns for `n` rows of a template: numeric ones all NaN, the others all null. */
export function emptyColumns(
  cols: readonly ColumnDef[],
  n: number,
): { numbers: (Float64Array | undefined)[]; others: (OtherValue[] | undefined)[] } {
  return {
    numbers: cols.map((c) => (isNumericColumn(c) ? new Float64Array(n).fill(NaN) : undefined)),
    others: cols.map((c) => (isNumericColumn(c) ? undefined : new Array<OtherValue>(n).fill(null))),
  };
}

/** The value at row r of column j, as `values[r][j]` holds it. */
export function valueAt(columns: ReadColumns, r: number, j: number): TypedValue {
  const num = columns.numbers[j];
  if (num !== undefined) {
    const v = num[r];
    return v === v ? v : null; // NaN marks null
  }
  return (columns.others[j] as readonly OtherValue[])[r];
}

/** Row arrays (`TableRead.values`) from columns. */
export function rowsOf(columns: ReadColumns, width: number): TypedValue[][] {
  const rows: TypedValue[][] = new Array<TypedValue[]>(columns.n);
  for (let r = 0; r < columns.n; r++) {
    const row: TypedValue[] = new Array<TypedValue>(width);
    for (let j = 0; j < width; j++) row[j] = valueAt(columns, r, j);
    rows[r] = row;
  }
  return rows;
}

/** Columns of reads made by `readTable`, kept beside the read (its shape stays the contract's plain object). */
const columnsOfRead = new WeakMap<TableRead, ReadColumns>();

export function attachColumns(read: TableRead, columns: ReadColumns): void {
  columnsOfRead.set(read, columns);
}

/**
 * The columns of a read: those `readTable` filled, or built once from `values` for a read made
 * another way (a copy, a subset of rows, a test's literal).
 */
export function readColumns(read: TableRead, cols: readonly ColumnDef[]): ReadColumns {
  const known = columnsOfRead.get(read);
  if (known !== undefined) return known;
  const values = read.values;
  const n = values.length;
  const { numbers, others } = emptyColumns(cols, n);
  for (let j = 0; j < cols.length; j++) {
    const num = numbers[j];
    const other = others[j];
    for (let r = 0; r < n; r++) {
      const v = values[r][j] ?? null;
      if (num !== undefined) {
        if (typeof v === "number") num[r] = v;
        else if (v !== null) throw new Error(`readColumns: column "${cols[j].key}" holds a non-number at row ${r}`);
      } else if (other !== undefined) {
        other[r] = v;
      }
    }
  }
  const built: ReadColumns = { n, numbers, others };
  columnsOfRead.set(read, built);
  return built;
}
