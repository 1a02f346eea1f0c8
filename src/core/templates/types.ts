import type { RuleSpec } from "../rules/spec";

/**
 * The shape of a template: declarative data, one file per template (see the sibling files).
 * Everything else — zod row schemas, header recognition, Excel formats, dropdowns, the rules'
 * column lookups — is derived from these objects, so a column is described exactly once.
 */

/** How a cell of this column is read (contract.md, "Reading cells"). */
export type ColumnType =
  | "text"
  | "number"
  | "integer"
  | "date" // calendar date; dates without a year accepted with a warning
  | "datetime" // date and clock time; a bare date means 00:00
  | "phone" // text of digits, spaces, +, -, parentheses
  | "enum" // one value of `options`
  | "multi-enum" // one or more values of `options`, joined by + / 、 , ，
  | "quarter"; // an evaluation period such as 2024Q2 (also 2024年第2季度, 2024-Q2)

export interface ColumnDef {
  /** Stable ASCII key used in code, rules and row objects, e.g. `projectName`. */
  readonly key: string;
  /** Canonical simplified-Chinese name as in manual.md; the `column` of every finding. */
  readonly name: string;
  /** English header, also accepted when recognising a typed sheet. */
  readonly en: string;
  readonly type: ColumnType;
  readonly required?: boolean;
  /** Closed list (canonical simplified forms) for `enum` / `multi-enum`. */
  readonly options?: readonly string[];
  /** Accepted spellings of options that are not a simplified/traditional variant (e.g. `√` for 已完成). */
  readonly optionAliases?: Readonly<Record<string, string>>;
  /** Inclusive numeric bounds (rule `range`). */
  readonly min?: number;
  readonly max?: number;
  /** Exclusive lower bound, e.g. 数量 > 0. */
  readonly gt?: number;
  /** Column width in Excel character units. */
  readonly width?: number;
  /** Excel number format; defaults by type (see `defaultFormat`). */
  readonly format?: string;
  /** A money column (单价, 金额): `¥5,299.00`, `￥5299`, `5299元` read as 5299 (contract.md "Reading cells"). */
  readonly money?: boolean;
  /**
   * Other header texts people type for this column (simplified Chinese or English). Traditional
   * forms need not be listed: headers are converted to simplified before matching.
   */
  readonly aliases?: readonly string[];
  /**
   * For a compound header of the manual split into typed columns: the manual's group text
   * (`对接人`) — the column `name` is then `对接人-姓名`. A sheet typed from the manual with one
   * column `对接人(姓名/部门/联系方式)` is read by splitting its value on `/`.
   */
  readonly group?: string;
  /** Hint shown as the column's input message in Excel and in the gallery. */
  readonly hint?: string;
}

/** One example row as the manual wrote it (values keyed by column key, raw text or numbers). */
export type ExampleRow = Readonly<Record<string, string | number>>;

export interface TemplateDef {
  /** Stable id used by the CLI and the report, e.g. `supplier-evaluation`. */
  readonly id: string;
  /** Chinese name, e.g. 供应商评估表; also the default sheet name unless `sheetName` is given. */
  readonly name: string;
  /**
   * Default sheet name when `name` cannot be one (Excel forbids `/` in sheet names, and the manual
   * calls 表2 周/月度工作汇报表). Use `sheetNameOf(tpl)` rather than reading this directly.
   */
  readonly sheetName?: string;
  readonly en: string;
  /** What it is for, one sentence, Chinese and English (shown in the gallery). */
  readonly purpose: string;
  readonly purposeEn: string;
  /** Where the manual describes it, e.g. `001 表1`. */
  readonly source: string;
  /** Excel table name prefix (letters only: Excel names must not start with a digit). */
  readonly tableName: string;
  readonly columns: readonly ColumnDef[];
  /** The manual's own example rows (messy as written), where it has them; otherwise realistic samples. */
  readonly examples: readonly ExampleRow[];
  /** Keys of the columns that identify a row for people (used in messages and documents). */
  readonly titleColumns: readonly string[];
  /** Cross-cell rules of the manual (§2) run by the rule engine; column rules come from `columns`. */
  readonly rules?: readonly RuleSpec[];
}
