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
  /** Right-aligned issuer lines at the end: 签发部门, 签发日期, (盖章). */
  | { readonly kind: "signature"; readonly lines: readonly DocField[] }
  /** The tear-off receipt for the recipient: a dashed cut line, a title and lines to fill in. */
  | { readonly kind: "receipt"; readonly title: string; readonly text: string; readonly lines: readonly DocField[] };

export interface DocumentModel {
  readonly kind: DocumentKind;
  /** 编号, unique in the workbook (ZG-2024Q2-001, JY-2024-001, CB-2024-001). */
  readonly number: string;
  /** Big centred title: 整改通知书. */
  readonly title: string;
  /** Line under the title, e.g. `编号:ZG-2024Q2-001`. */
  readonly subtitle?: string;
  /** Addressee line (`致:甲公司`), printed before the body. */
  readonly addressee?: string;
  readonly blocks: readonly DocBlock[];
  /** Suggested sheet name (made unique by the adapter; ≤ 31 characters, valid for Excel). */
  readonly sheetName: string;
  /** Page footer text; the renderer adds the page number (`ZG-2024Q2-001 · 第 1 页`). */
  readonly footer: string;
  /** Where it came from, for the register. */
  readonly source: { readonly sheet: string; readonly rows: readonly number[] };
}

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
}

export const REGISTER_SHEET = "文书登记";
