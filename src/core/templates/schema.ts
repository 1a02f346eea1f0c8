import { z } from "zod";
import { isValidSheetName, isValidTableName } from "../names";
import type { ColumnDef, ColumnType, TemplateDef } from "./types";
import type { RuleSpec } from "../rules/spec";
import { checkRuleSpecs } from "../rules/check-specs";

/**
 * Zod schemas derived from the template data: `templateDefSchema` checks that a template object is
 * well formed (the tests run it over every template), `rowSchema` describes a typed row as the
 * table reader produces it. Nothing here repeats a column: everything comes from `TemplateDef`.
 */

export const COLUMN_TYPES = [
  "text",
  "number",
  "integer",
  "date",
  "datetime",
  "phone",
  "enum",
  "multi-enum",
  "quarter",
] as const satisfies readonly ColumnType[];

// Fails to compile when a ColumnType is added to types.ts but not to COLUMN_TYPES.
type MissingType = Exclude<ColumnType, (typeof COLUMN_TYPES)[number]>;
const allTypesListed: MissingType extends never ? true : never = true;
void allTypesListed;

const LIST_TYPES: ReadonlySet<ColumnType> = new Set(["enum", "multi-enum"]);
const NUMERIC_TYPES: ReadonlySet<ColumnType> = new Set(["number", "integer"]);

/** Excel refuses a data-validation list written inline longer than 255 characters; its input message too. */
const EXCEL_LIST_MAX = 255;
const EXCEL_HINT_MAX = 255;

const nonBlank = z.string().refine((s) => s.trim().length > 0 && s.trim() === s, "must be non-empty and trimmed");

const columnDefSchema = z
  .strictObject({
    key: z.string().regex(/^[a-z][A-Za-z0-9]*$/, "key must be ASCII camelCase"),
    name: nonBlank,
    en: nonBlank,
    type: z.enum(COLUMN_TYPES),
    required: z.boolean().optional(),
    options: z.array(nonBlank).min(1).optional(),
    optionAliases: z.record(nonBlank, nonBlank).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    gt: z.number().optional(),
    width: z.number().positive().max(255).optional(),
    format: nonBlank.optional(),
    money: z.boolean().optional(),
    aliases: z.array(nonBlank).optional(),
    group: nonBlank.optional(),
    hint: z.string().min(1).max(EXCEL_HINT_MAX).optional(),
  })
  .superRefine((col, ctx) => {
    const issue = (message: string, path: (string | number)[] = []): void => ctx.addIssue({ code: "custom", message, path });
    const isList = LIST_TYPES.has(col.type);
    if (isList) {
      const options = col.options ?? [];
      if (options.length === 0) issue(`${col.type} column "${col.key}" needs options`, ["options"]);
      if (new Set(options).size !== options.length) issue("duplicate option", ["options"]);
      // Dropdowns are written as a comma-separated list.
      if (options.some((o) => o.includes(","))) issue("an option must not contain a comma", ["options"]);
      if (options.join(",").length > EXCEL_LIST_MAX) issue("options too long for an Excel dropdown", ["options"]);
      for (const [alias, target] of Object.entries(col.optionAliases ?? {})) {
        if (!options.includes(target)) issue(`option alias "${alias}" maps to unknown option "${target}"`, ["optionAliases", alias]);
        if (options.includes(alias)) issue(`option alias "${alias}" is itself an option`, ["optionAliases", alias]);
      }
    } else {
      if (col.options !== undefined) issue(`options on a ${col.type} column`, ["options"]);
      if (col.optionAliases !== undefined) issue(`optionAliases on a ${col.type} column`, ["optionAliases"]);
    }
    if (!NUMERIC_TYPES.has(col.type)) {
      for (const k of ["min", "max", "gt"] as const) if (col[k] !== undefined) issue(`${k} on a ${col.type} column`, [k]);
    }
    if (col.min !== undefined && col.max !== undefined && col.min > col.max) issue("min > max", ["min"]);
    if (col.gt !== undefined && col.max !== undefined && col.gt >= col.max) issue("gt >= max", ["gt"]);
    if (col.group !== undefined && !(col.name.startsWith(`${col.group}-`) && col.name.length > col.group.length + 1)) {
      issue(`name of a grouped column must read "${col.group}-…"`, ["name"]);
    }
  });

const exampleRowSchema = z.record(z.string(), z.union([z.string(), z.number()]));

/** Header texts compared the way recognition compares them (case and spaces ignored). */
const headerKey = (s: string): string => s.replace(/\s+/g, "").toLowerCase();

export const templateDefSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z]+(-[a-z]+)*$/, "id must be kebab-case"),
    name: nonBlank,
    sheetName: nonBlank.refine(isValidSheetName, "sheetName must be a valid sheet name").optional(),
    en: nonBlank,
    purpose: nonBlank,
    purposeEn: nonBlank,
    source: nonBlank,
    tableName: z
      .string()
      .regex(/^[A-Za-z]+$/, "tableName must be ASCII letters")
      .refine(isValidTableName, "tableName must be a valid Excel table name"),
    columns: z.array(columnDefSchema).min(1),
    examples: z.array(exampleRowSchema),
    titleColumns: z.array(z.string()).min(1),
    // Rule specs: each checked against its descriptor's schema and columns by checkRuleSpecs (rules/registry.ts).
    rules: z
      .array(z.custom<RuleSpec>((v) => typeof v === "object" && v !== null && typeof (v as { kind?: unknown }).kind === "string"))
      .optional(),
  })
  .superRefine((tpl, ctx) => {
    const issue = (message: string, path: (string | number)[]): void => ctx.addIssue({ code: "custom", message, path });
    if (tpl.sheetName === undefined && !isValidSheetName(tpl.name)) issue("name is not a valid sheet name: give sheetName", ["name"]);
    const keys = new Set<string>();
    // Every header text (name, English name, alias) must lead to one column only.
    const headerOwner = new Map<string, string>();
    tpl.columns.forEach((col, i) => {
      if (keys.has(col.key)) issue(`duplicate key "${col.key}"`, ["columns", i, "key"]);
      keys.add(col.key);
      for (const text of [col.name, col.en, ...(col.aliases ?? [])]) {
        const k = headerKey(text);
        const owner = headerOwner.get(k);
        if (owner !== undefined && owner !== col.key) issue(`header "${text}" of "${col.key}" is also used by "${owner}"`, ["columns", i]);
        headerOwner.set(k, col.key);
      }
    });
    if (!tpl.columns.some((c) => c.required === true)) issue("no required column", ["columns"]);
    tpl.titleColumns.forEach((k, i) => {
      if (!keys.has(k)) issue(`unknown title column "${k}"`, ["titleColumns", i]);
    });
    for (const problem of checkRuleSpecs(tpl as TemplateDef)) issue(problem, ["rules"]);
    tpl.examples.forEach((row, i) => {
      for (const k of Object.keys(row)) if (!keys.has(k)) issue(`example uses unknown key "${k}"`, ["examples", i, k]);
    });
  });

/** A value of a typed row: text, a number, a day/minute number (dates), or the options of a multi-enum. */
export type TypedValue = string | number | readonly string[] | null;
export type TypedRow = Readonly<Record<string, TypedValue | undefined>>;
export type RowSchema = z.ZodObject<Record<string, z.ZodType>>;

/** Canonical quarter, as the reader normalises 2024年第2季度 / 2024-Q2. */
const QUARTER = /^\d{4}Q[1-4]$/;
/** contract.md: a phone is text of digits, spaces, +, -, parentheses. */
const PHONE = /^[\d\s+\-()]*\d[\d\s+\-()]*$/;

function valueSchema(col: ColumnDef): z.ZodType {
  switch (col.type) {
    case "text":
      return z.string().min(1);
    case "phone":
      return z.string().regex(PHONE);
    case "quarter":
      return z.string().regex(QUARTER);
    case "enum":
      return z.enum(listOf(col));
    case "multi-enum":
      return z.array(z.enum(listOf(col))).min(1);
    case "number":
    case "integer": {
      let s = col.type === "integer" ? z.number().int() : z.number();
      if (col.min !== undefined) s = s.min(col.min);
      if (col.max !== undefined) s = s.max(col.max);
      if (col.gt !== undefined) s = s.gt(col.gt);
      return s;
    }
    case "date": // day number (civil.ts)
    case "datetime": // minute number (civil.ts)
      return z.number().int();
  }
}

function listOf(col: ColumnDef): [string, ...string[]] {
  const [first, ...rest] = col.options ?? [];
  if (first === undefined) throw new Error(`Column "${col.key}" of type ${col.type} has no options`);
  return [first, ...rest];
}

const rowSchemas = new WeakMap<TemplateDef, RowSchema>();

/**
 * The typed row of a template: required columns must hold a value, optional ones may be null or
 * absent. Keys other than the template's are stripped. Cached per template.
 */
export function rowSchema(tpl: TemplateDef): RowSchema {
  const hit = rowSchemas.get(tpl);
  if (hit) return hit;
  const shape: Record<string, z.ZodType> = {};
  for (const col of tpl.columns) {
    const v = valueSchema(col);
    shape[col.key] = col.required === true ? v : v.nullable().optional();
  }
  const schema = z.object(shape);
  rowSchemas.set(tpl, schema);
  return schema;
}
