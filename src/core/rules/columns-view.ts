import type { DayNumber, MinuteNumber } from "../cells/types";
import type { TypedValue } from "../table/read-table";
import type { ColumnType } from "../templates/types";
import type { TableContext } from "./context";
import type { ColumnRef } from "./finding";

/**
 * The typed view a rule's author writes against: a spec names its columns with the type the rule
 * needs (`number(spec.total)`, `time(spec.due)` …); check-specs.ts checks the template against
 * those needs, and the check receives each column as an object typed for it — `total.at(r)` is a
 * number (NaN when empty), `due.day(r)` a day number — over the engine's columnar storage (one
 * Float64Array per numeric column), so a rule written this way keeps the engine's speed.
 */

export type Need = "number" | "time" | "choice" | "quarter" | "any";

/** The column types each need accepts. */
export const NEED_TYPES: Readonly<Record<Need, readonly ColumnType[]>> = {
  number: ["number", "integer"],
  time: ["date", "datetime"],
  choice: ["enum"],
  quarter: ["quarter"],
  any: ["text", "number", "integer", "date", "datetime", "phone", "enum", "multi-enum", "quarter"],
};

/** A column a spec names, the type the rule needs of it and (for a choice) values that must be its options. */
export interface ColumnNeed<N extends Need = Need> {
  readonly key: string;
  readonly need: N;
  readonly options?: readonly string[];
}

function needOf<N extends Need>(need: N) {
  function make(key: string, options?: readonly string[]): ColumnNeed<N>;
  function make(key: string | undefined, options?: readonly string[]): ColumnNeed<N> | undefined;
  function make(key: string | undefined, options?: readonly string[]): ColumnNeed<N> | undefined {
    return key === undefined ? undefined : options === undefined ? { key, need } : { key, need, options };
  }
  return make;
}

/** A number or integer column. */
export const number = needOf("number");
/** A date or date-time column. */
export const time = needOf("time");
/** An enum column; `options` (a rule's status values) must be among its options. */
export const choice = needOf("choice");
/** A `quarter` column (2024Q2). */
export const quarter = needOf("quarter");
/** A column of any type. */
export const anyColumn = needOf("any");

/** What every typed column offers. */
export interface BaseColumn {
  /** Template column index (the engine's `j`). */
  readonly j: number;
  readonly key: string;
  /** False when the sheet lacks the column: every cell then reads as empty. */
  readonly present: boolean;
  /** The column as a finding's params name it (rendered in the reader's language). */
  readonly ref: ColumnRef;
  /** Empty: nothing written (an unreadable cell is not empty; it has a `type` finding). */
  isEmpty(r: number): boolean;
  isInvalid(r: number): boolean;
  /** The value as a message shows it (a date as 2024-05-10, text quoted and shortened). */
  show(r: number): string;
}

export interface NumberColumn extends BaseColumn {
  /** The column's values, NaN where empty or unreadable (for a tight loop). */
  readonly values: Float64Array;
  /** The number at row r, NaN when there is none. */
  at(r: number): number;
}

export interface TimeColumn extends BaseColumn {
  readonly values: Float64Array;
  /** Whether the column holds date-times (values are minutes) rather than dates (days). */
  readonly dateTime: boolean;
  /** The calendar day at row r, NaN when there is none. */
  day(r: number): DayNumber;
  /** The minute at row r (a bare date is 00:00), NaN when there is none. */
  minute(r: number): MinuteNumber;
}

export interface TextColumn extends BaseColumn {
  /** The column's texts, null where empty or unreadable (for a tight loop). */
  readonly values: readonly (string | null)[];
  /** The text at row r (a choice's canonical option, a quarter as 2024Q2), null when empty. */
  at(r: number): string | null;
}

export interface AnyColumn extends BaseColumn {
  /** The value at row r as read: a string, a number (a date's day number), a list, or null. */
  at(r: number): TypedValue;
}

export type ColumnOf<N> =
  N extends ColumnNeed<infer K>
    ? K extends "number"
      ? NumberColumn
      : K extends "time"
        ? TimeColumn
        : K extends "choice" | "quarter"
          ? TextColumn
          : AnyColumn
    : never;

/*
 * Classes, not objects of closures made per table: V8 keeps what it learnt about a method from
 * one table to the next, while a fresh closure starts over in the interpreter (see column-rules.ts).
 */
class Column {
  readonly present: boolean;
  readonly ref: ColumnRef;
  constructor(
    protected readonly ctx: TableContext,
    readonly j: number,
    readonly key: string,
  ) {
    this.present = ctx.present[j];
    this.ref = ctx.colRef(j);
  }
  isEmpty(r: number): boolean {
    return this.ctx.isEmpty(r, this.j);
  }
  isInvalid(r: number): boolean {
    return this.ctx.isInvalid(r, this.j);
  }
  show(r: number): string {
    return this.ctx.show(this.j, this.ctx.value(r, this.j));
  }
}

class NumberCol extends Column implements NumberColumn {
  readonly values: Float64Array;
  constructor(ctx: TableContext, j: number, key: string) {
    super(ctx, j, key);
    this.values = ctx.numbers(j);
  }
  at(r: number): number {
    return this.values[r];
  }
}

class TimeCol extends Column implements TimeColumn {
  readonly values: Float64Array;
  readonly dateTime: boolean;
  constructor(ctx: TableContext, j: number, key: string) {
    super(ctx, j, key);
    this.values = ctx.numbers(j);
    this.dateTime = ctx.isDateTime[j];
  }
  day(r: number): DayNumber {
    return this.dateTime ? Math.floor(this.values[r] / 1440) : this.values[r];
  }
  minute(r: number): MinuteNumber {
    return this.dateTime ? this.values[r] : this.values[r] * 1440;
  }
}

class TextCol extends Column implements TextColumn {
  readonly values: readonly (string | null)[];
  constructor(ctx: TableContext, j: number, key: string) {
    super(ctx, j, key);
    // A choice or quarter column holds one text per cell (never a list: that is multi-enum).
    this.values = ctx.others(j) as readonly (string | null)[];
  }
  at(r: number): string | null {
    return this.values[r];
  }
}

class AnyCol extends Column implements AnyColumn {
  at(r: number): TypedValue {
    return this.ctx.value(r, this.j);
  }
}

/** The typed column of a need, over the context's storage. */
export function resolveColumn(ctx: TableContext, use: ColumnNeed): NumberColumn | TimeColumn | TextColumn | AnyColumn {
  const j = ctx.col(use.key);
  if (use.need === "number") return new NumberCol(ctx, j, use.key);
  if (use.need === "time") return new TimeCol(ctx, j, use.key);
  if (use.need === "choice" || use.need === "quarter") return new TextCol(ctx, j, use.key);
  return new AnyCol(ctx, j, use.key);
}
