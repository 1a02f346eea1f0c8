/**
 * A generated document as data: one model, several renderers (a print-ready worksheet through
 * `sheet-layout.ts` and either workbook adapter; a Word file through `src/render/docx`). No
 * renderer decides content, and no builder decides layout.
 *
 * Every piece of text is a plain string that renderers write as TEXT: a supplier named
 * `=HYPERLINK(...)` or `+86 138…` stays literal in the sheet and in Word.
 */

export type DocumentKind = "minutes" | "notice" | "reminder";

/** A label/value line: `供应商名称: 甲公司`. `numbered` fields are prefixed 一、二、… by renderers. */
export interface DocField {
  readonly label: string;
  readonly value: string;
}

export interface DocTableColumn {
  readonly header: string;
  /** Relative width (the renderer scales the columns to the printable width). */
  readonly width: number;
  readonly align?: "left" | "center" | "right";
}

export type DocBlock =
  /** Section heading, numbered by the renderer when `numbered` (一、二、三、…). */
  | { readonly kind: "heading"; readonly text: string; readonly numbered?: boolean }
  /** Label/value lines, two per printed row where the renderer has room. */
  | { readonly kind: "fields"; readonly fields: readonly DocField[] }
  | { readonly kind: "paragraph"; readonly text: string; readonly emphasis?: boolean }
  /** A bordered table; `highlightRows` are 0-based row indices to emphasise (e.g. the weakest items). */
  | {
      readonly kind: "table";
      readonly columns: readonly DocTableColumn[];
      readonly rows: readonly (readonly string[])[];
      readonly highlightRows?: readonly number[];
      /** Shown instead of an empty table (e.g. "无待办事项"). */
      readonly emptyText?: string;
    }
  /**
   * The 落款 at the right: issuer lines (company, department, date — label "" for a bare line;
   * value "" for a blank to fill in by hand, drawn as a line, never a bare label). `seal` leaves
   * room above for the company's seal.
   */
  | { readonly kind: "signature"; readonly lines: readonly DocField[]; readonly seal?: boolean }
  /** A small unindented line under the 落款 (联系人、联系电话), as GB/T 9704 sets 附注. */
  | { readonly kind: "note"; readonly text: string }
  /** The tear-off receipt for the recipient: a dashed cut line, a title and lines to fill in. */
  | { readonly kind: "receipt"; readonly title: string; readonly text: string; readonly lines: readonly DocField[] };

export interface DocumentModel {
  readonly kind: DocumentKind;
  /** 编号, unique in the workbook (ZG-2024Q2-001, JY-2024-001, CB-2024-001). */
  readonly number: string;
  /** Big centred title: 整改通知书. */
  readonly title: string;
  /** Line under the title, e.g. `编号：ZG-2024Q2-001`. */
  readonly subtitle?: string;
  /** 信头: the company's name above the title (set red over a red rule), when the settings name one. */
  readonly letterhead?: string;
  /** 主送 line, flush left before the body and ending in a colon: `华东精密零部件有限公司：`. */
  readonly addressee?: string;
  readonly blocks: readonly DocBlock[];
  /** Suggested sheet name (made unique by the adapter; ≤ 31 characters, valid for Excel). */
  readonly sheetName: string;
  /** Page footer text; the renderer adds the page number (`ZG-2024Q2-001 · 第 1 页`). */
  readonly footer: string;
  /** Where it came from, for the register. */
  readonly source: { readonly sheet: string; readonly rows: readonly number[] };
  /** 收件方 for the register: the supplier, the person reminded, the meeting's attendees. */
  readonly recipient: string;
  /** 整改期限 of a notice (`YYYY-MM-DD`), tracked by the register; undefined for the others. */
  readonly dueDate?: string;
  /**
   * The document's values by the names a company's own Word template uses (`{供应商名称}`,
   * `{总分}`, loops such as `{#待办事项}…{/待办事项}` over lists of rows). Every value is text.
   */
  readonly data: TemplateData;
}

/** Values for a user's Word template: text, or a list of rows (each row text by name) for a loop. */
export type TemplateData = Readonly<Record<string, string | readonly Readonly<Record<string, string>>[]>>;

/** 状态 of a registered document, in the order of the 整改 loop (manual §3: notice → 回执 → 整改 → 复核). */
export const REGISTER_STATUSES = ["已生成", "已发出", "已回执", "已整改", "已复核"] as const;
export type RegisterStatus = (typeof REGISTER_STATUSES)[number];
/** Statuses that close a notice (contract "Counting time": the item is done). */
export const REGISTER_DONE_STATUSES: readonly RegisterStatus[] = ["已整改", "已复核"];

/** One row of the register sheet 文书登记 (also how numbering continues after reopening). */
export interface RegisterEntry {
  readonly number: string;
  readonly kind: DocumentKind;
  /** Sheet the document was written to (empty for a .docx). */
  readonly documentSheet: string;
  readonly sourceSheet: string;
  /** Excel rows, as people write them: `5,7-9`. */
  readonly sourceRows: string;
  /** `YYYY-MM-DD HH:mm`, Shanghai time. */
  readonly createdAt: string;
  /** 收件方 (empty in registers written before it existed). */
  readonly recipient: string;
  /** 状态 as written in the register (`已生成` when Liaison adds the line; people move it on). */
  readonly status: string;
  /** 整改期限 `YYYY-MM-DD` of a notice; "" for the others. */
  readonly dueDate: string;
}

export const REGISTER_SHEET = "文书登记";
