import type { Rect } from "../a1";
import { trimCell } from "../cells/normalize";
import type { RawCell } from "../cells/types";
import { GRID_COLUMNS } from "../documents/sheet-layout";
import { translator, LANGS } from "../i18n";
import { cliMessages } from "../i18n/messages/cli";
import { documentRegister } from "../templates/document-register";
import { isCorrectionsSheet } from "./corrections-sheet";
import type { SheetSnapshot } from "./snapshot";

/**
 * The add-in's own sheets are never data (contract.md "Table layout"; issue 10): the register
 * 文书登记, the document sheets, the settings sheet and a marked copy's findings sheet 校验结果.
 * They are recognised by what the add-in writes into them, not by their names, which users
 * change (and which are made unique: `校验结果 (2)`):
 *
 * - the findings sheet: row 1 is exactly the findings header of the CLI (`工作表|单元格|列|规则|
 *   级别|说明`, or its English form);
 * - the register: its header row names the template `document-register` (or the six columns a
 *   register had before 收件方/状态/整改期限 existed); the sheets its 文书工作表 column names are
 *   document sheets. The register itself is NOT skipped: it is a table of its own template, checked
 *   like any other (issue 13: a notice past its 整改期限 is reported);
 * - the settings sheet: row 1 is exactly `键 | 值` and nothing is right of column B;
 * - the layout corrections sheet: row 1 is exactly its header (corrections-sheet.ts);
 * - a document sheet (sheet-layout.ts): row 1 a title merged over the six grid columns A:F, row 2
 *   the `编号:…` subtitle merged the same way.
 *
 * What the add-in could add to make this certain: a workbook-level defined name (or a custom XML
 * part) listing its sheets' ids. It writes none today, so recognition works on the content.
 */

/** The register's header row as the adapters write it (the template's column names). */
const REGISTER_HEADER: readonly string[] = documentRegister.columns.map((c) => c.name);
/** A register written before 收件方/状态/整改期限 existed: these six columns, in this order. */
const LEGACY_REGISTER_HEADER = ["编号", "类型", "文书工作表", "来源工作表", "来源行", "生成时间"] as const;
/** The header of the register column that names each document's sheet. */
const REGISTER_SHEET_HEADER = "文书工作表";
/** The settings sheet's header row (src/workbook/*\/settings-store.ts write it). */
export const SETTINGS_HEADER_ROW = ["键", "值"] as const;

const FINDINGS_HEADERS: readonly (readonly string[])[] = LANGS.map((lang) => translator(cliMessages, lang)("findingsHeader").split("|"));
/** The subtitle of every document: `编号:{number}` (documents.ts), `No. {number}` in English. */
const DOCUMENT_SUBTITLE = /^(编号[:：]|No\.\s)/;

export type OwnSheetKind = "findings" | "register" | "settings" | "document" | "corrections";

const text = (cell: RawCell | undefined): string => (typeof cell === "string" ? trimCell(cell) : "");

function rowIs(cells: readonly RawCell[], expected: readonly string[]): boolean {
  if (cells.length !== expected.length) return false;
  return expected.every((e, i) => text(cells[i]) === e);
}

function mergedAcrossGrid(merges: readonly Rect[], row: number): boolean {
  return merges.some((m) => m.top === row && m.bottom === row && m.left === 0 && m.right === GRID_COLUMNS - 1);
}

function singleText(cells: readonly RawCell[]): string | undefined {
  const nonEmpty = cells.filter((c) => text(c) !== "" || (c !== null && typeof c !== "string"));
  return nonEmpty.length === 1 && cells[0] === nonEmpty[0] ? text(cells[0]) : undefined;
}

/** What kind of the add-in's own sheets this is, from its content; undefined for a user's sheet. */
export function ownSheetKind(sheet: SheetSnapshot): OwnSheetKind | undefined {
  const first = sheet.grid.row(1);
  if (FINDINGS_HEADERS.some((h) => rowIs(first, h))) return "findings";
  if (rowIs(first, REGISTER_HEADER) || rowIs(first, LEGACY_REGISTER_HEADER)) return "register";
  if (rowIs(first, SETTINGS_HEADER_ROW)) return "settings";
  if (isCorrectionsSheet(sheet)) return "corrections";
  const subtitle = singleText(sheet.grid.row(2));
  if (
    singleText(first) !== undefined &&
    subtitle !== undefined &&
    DOCUMENT_SUBTITLE.test(subtitle) &&
    mergedAcrossGrid(sheet.merges, 1) &&
    mergedAcrossGrid(sheet.merges, 2)
  )
    return "document";
  return undefined;
}

/** The names of the sheets the add-in wrote: recognised by content, plus the documents the register lists. */
export function ownSheetNames(sheets: readonly SheetSnapshot[]): Set<string> {
  const own = new Set<string>();
  for (const sheet of sheets) {
    const kind = ownSheetKind(sheet);
    if (kind === undefined) continue;
    if (kind !== "register") {
      own.add(sheet.name);
      continue;
    }
    const column = sheet.grid.row(1).findIndex((c) => text(c) === REGISTER_SHEET_HEADER);
    for (const r of sheet.grid.rowNumbers) {
      if (r === 1) continue;
      const name = text(sheet.grid.row(r)[column]);
      if (name !== "") own.add(name);
    }
  }
  return own;
}
