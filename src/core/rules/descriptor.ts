import type { z } from "zod";
import type { Catalog } from "../i18n";
import type { ColumnDef, TemplateDef } from "../templates/types";
import type { TableContext } from "./context";
import type { FindingParams } from "./finding";
import type { Severity } from "./severity";
import { resolveColumn, type ColumnNeed, type ColumnOf } from "./columns-view";

/**
 * A rule is one descriptor: the finding rule ids it reports (with the contract's severity and
 * its place in contract.md's table), the template spec it reads (a zod schema: the TypeScript
 * type and the template check come from it), the columns the spec names with the types it needs
 * (check-specs.ts derives its column checks from them; the check gets them as typed columns),
 * its check, and its fix hint. `registry.ts` lists them; the engine, the contract's severity
 * table (`RULE_IDS`, `RULE_SEVERITY`), the template schema and the pane's rule labels read that
 * list. Messages live in the findings catalog under the keys the check emits.
 */

/** One finding rule id a descriptor reports, as contract.md's "Rule ids and severities" lists it. */
export interface Reports<Id extends string = string> {
  readonly id: Id;
  readonly severity: Severity;
  /** Place in contract.md's table (0 first): the order of ids in reports, sorts and the pane. */
  readonly rank: number;
}

/** How to fix a finding: a key of `fixHintMessages` and its parameters (`{col}` is added by fixHint). */
export interface HintRef {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** What a fix hint is derived from: the finding's rule, severity, message key and params, and its column. */
export interface HintInput {
  readonly rule: string;
  readonly severity: Severity;
  readonly key: string;
  readonly params: FindingParams;
  /** The finding is on the header row: a whole required column is missing. */
  readonly onHeader?: boolean;
}

interface Common<Id extends string> {
  readonly reports: readonly Reports<Id>[];
  /**
   * The rule's own finding messages and fix hints, for a rule outside the product's catalogs
   * (the guide's example). The product's rules keep theirs in i18n/messages/findings.ts.
   */
  readonly messages?: Catalog;
  readonly hints?: Catalog;
  /** The fix hint; by default the hint keyed by the finding's rule id. */
  hint?(f: HintInput, column: ColumnDef | undefined): HintRef;
}

/** A rule every table gets, from its columns' own definitions (required, type …) or its layout. */
export interface TableRuleDescriptor<Id extends string = string> extends Common<Id> {
  readonly kind?: undefined;
  /** Before the template's spec rules or after them (the engine's order decides duplicates on one cell). */
  readonly phase: "before" | "after";
  run(ctx: TableContext): void;
}

/** The columns a spec names, each with the type the rule needs (undefined: an optional column left out). */
export type ColumnUses = Readonly<Record<string, ColumnNeed | readonly ColumnNeed[] | undefined>>;

/** The typed columns the check gets for a spec's `ColumnUses`. */
export type Columns<U extends ColumnUses> = { readonly [K in keyof U]: Resolved<U[K]> };
type Resolved<T> = T extends readonly ColumnNeed[] ? readonly ColumnOf<T[number]>[] : T extends ColumnNeed ? ColumnOf<T> : undefined;

/** A rule a template lists in `rules` (`{ kind: "sum", … }`). */
export interface SpecRuleDescriptor<
  S extends { readonly kind: string } = { readonly kind: string },
  Id extends string = string,
  U extends ColumnUses = ColumnUses,
> extends Common<Id> {
  readonly kind: S["kind"];
  /** The spec's shape; its parameters the manual leaves to the user come from settings, not here. */
  readonly schema: z.ZodType<S>;
  /** The columns the spec names and the types the rule needs of them. */
  columns(spec: S): U;
  /** Further checks of the spec against the template (status values are options …), developer-facing English. */
  validate?(spec: S, tpl: TemplateDef): readonly string[];
  check(ctx: TableContext, cols: Columns<U>, spec: S): void;
}

export type RuleDescriptor = TableRuleDescriptor | SpecRuleDescriptor;

/** A spec rule's descriptor, its types inferred from the schema and the column uses. */
export function specRule<S extends { readonly kind: string }, const Id extends string, U extends ColumnUses>(
  d: SpecRuleDescriptor<S, Id, U>,
): SpecRuleDescriptor<S, Id, U> {
  return d;
}

export function tableRule<const Id extends string>(d: TableRuleDescriptor<Id>): TableRuleDescriptor<Id> {
  return d;
}

/** The spec's columns resolved against the table: what `check` receives. */
export function resolveColumns<U extends ColumnUses>(ctx: TableContext, uses: U): Columns<U> {
  const out: Record<string, unknown> = {};
  for (const [name, use] of Object.entries(uses)) {
    if (use === undefined) out[name] = undefined;
    else if (Array.isArray(use)) out[name] = (use as readonly ColumnNeed[]).map((u) => resolveColumn(ctx, u));
    else out[name] = resolveColumn(ctx, use as ColumnNeed);
  }
  return out as Columns<U>;
}
