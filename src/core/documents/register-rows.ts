import { dayFromSerial, isoDate, isoDateTime, minuteFromSerial } from "../cells/civil";
import { isExcelDate, isExcelError, type RawCell } from "../cells/types";
import type { DocumentKind, RegisterEntry } from "./model";
import { LiaisonError } from "../errors";
import { documentRegister } from "../templates/document-register";

/**
 * The register sheet 文书登记 as both adapters write and read it: an Excel table of the template
 * `document-register` (header row 1, one row per document, every cell text), so the check finds
 * it like any other table and reports notices past their 整改期限. The sheet is for people as much
 * as for the numbering, so the type is its Chinese name (会议纪要 …) rather than an id.
 *
 * Registers written before 收件方/状态/整改期限 existed have six columns; they are read by their
 * header names (any order), and appending extends their header with the missing three.
 */

export const REGISTER_HEADER: readonly string[] = documentRegister.columns.map((c) => c.name);
export const REGISTER_COLUMNS = REGISTER_HEADER.length;
/** Excel character units per column. */
export const REGISTER_WIDTHS: readonly number[] = documentRegister.columns.map((c) => c.width ?? 12);
/** The Excel table's name (made unique by the adapter when a workbook already has one). */
export const REGISTER_TABLE = documentRegister.tableName;

const KEYS = documentRegister.columns.map((c) => c.key);
type Key = (typeof KEYS)[number];

export const KIND_LABELS: Readonly<Record<DocumentKind, string>> = {
  minutes: "会议纪要",
  notice: "整改通知书",
  reminder: "催办通知",
};

export function registerRow(e: RegisterEntry): string[] {
  const byKey: Record<Key, string> = {
    number: e.number,
    kind: KIND_LABELS[e.kind],
    documentSheet: e.documentSheet,
    sourceSheet: e.sourceSheet,
    sourceRows: e.sourceRows,
    createdAt: e.createdAt,
    recipient: e.recipient,
    status: e.status,
    dueDate: e.dueDate,
  };
  return KEYS.map((k) => byKey[k]);
}

/** A cell of the register as text (someone may have retyped a time as a date, or a row as a number). */
function cellText(cell: RawCell): string {
  if (cell === null) return "";
  if (isExcelDate(cell)) return cell.serial % 1 === 0 ? isoDate(dayFromSerial(cell.serial)) : isoDateTime(minuteFromSerial(cell.serial));
  if (isExcelError(cell)) return cell.code;
  return String(cell).trim();
}

function kindOf(text: string): DocumentKind | undefined {
  const col = documentRegister.columns[1];
  const alias = (col.optionAliases as Readonly<Record<string, string>>)[text];
  const label = alias ?? text;
  const entries = Object.entries(KIND_LABELS) as [DocumentKind, string][];
  return entries.find(([id, l]) => label === l || label.toLowerCase() === id)?.[0];
}

/**
 * Where each column is in a register: by the header row's names when row 1 is a header (old
 * six-column registers, columns moved by hand), else in the template's order.
 */
function registerColumns(header: readonly RawCell[] | undefined): Map<Key, number> {
  const names = (header ?? []).map(cellText);
  const map = new Map<Key, number>();
  if (names[0] === REGISTER_HEADER[0] || names.includes(REGISTER_HEADER[0])) {
    documentRegister.columns.forEach((c) => {
      const i = names.indexOf(c.name);
      if (i >= 0) map.set(c.key, i);
    });
    return map;
  }
  KEYS.forEach((k, i) => map.set(k, i));
  return map;
}

/**
 * Where a register's columns are and where the ones it lacks go: after its last header cell (a
 * column a person added, such as 备注, is never written over). No header: the template's order.
 */
export interface RegisterShape {
  readonly columns: ReadonlyMap<Key, number>;
  readonly width: number;
  /** Header cells to add: names and their 0-based columns. */
  readonly missing: readonly { readonly name: string; readonly column: number }[];
}

export function registerShape(header: readonly RawCell[] | undefined): RegisterShape {
  const names = (header ?? []).map(cellText);
  if (!names.includes(REGISTER_HEADER[0])) return { columns: registerColumns(undefined), width: REGISTER_COLUMNS, missing: [] };
  const columns = registerColumns(header);
  let width = 0;
  names.forEach((n, i) => {
    if (n !== "") width = i + 1;
  });
  const missing: { name: string; column: number }[] = [];
  for (const c of documentRegister.columns) {
    if (columns.has(c.key)) continue;
    columns.set(c.key, width);
    missing.push({ name: c.name, column: width++ });
  }
  return { columns, width, missing };
}

/** One register line laid out for `shape` (every cell text; "" where the entry has nothing). */
export function registerLine(e: RegisterEntry, shape: RegisterShape): string[] {
  const values = registerRow(e);
  const line = new Array<string>(shape.width).fill("");
  KEYS.forEach((k, i) => {
    const c = shape.columns.get(k);
    if (c !== undefined) line[c] = values[i];
  });
  return line;
}

/**
 * Register rows (starting at Excel row `firstRow`, row 1 being the header when it is one) →
 * entries. The header row and empty rows are skipped; a row with a number but an unknown type is a
 * LiaisonError naming the row: silently dropping it would let its number be given out again.
 */
export function entriesFromRows(rows: readonly (readonly RawCell[])[], firstRow: number): RegisterEntry[] {
  const cols = registerColumns(firstRow === 1 ? rows[0] : undefined);
  const out: RegisterEntry[] = [];
  rows.forEach((row, i) => {
    const at = (k: Key): string => {
      const c = cols.get(k);
      return c === undefined ? "" : cellText(row[c] ?? null);
    };
    const number = at("number");
    const type = at("kind");
    if (number === "" || (number === REGISTER_HEADER[0] && type === REGISTER_HEADER[1])) return;
    const kind = kindOf(type);
    if (!kind) throw new LiaisonError("registerBadType", { row: firstRow + i, value: type });
    out.push({
      number,
      kind,
      documentSheet: at("documentSheet"),
      sourceSheet: at("sourceSheet"),
      sourceRows: at("sourceRows"),
      createdAt: at("createdAt"),
      recipient: at("recipient"),
      status: at("status"),
      dueDate: at("dueDate"),
    });
  });
  return out;
}

/** Numbers compare as people see them: surrounding spaces and letter case do not make a new number. */
export const numberKey = (n: string): string => n.trim().toUpperCase();

/**
 * The first number of `docs` that is already registered or repeated among `docs` (the register
 * must stay a list of unique numbers); undefined when all are new.
 */
export function numberInUse(registered: readonly string[], docs: readonly { readonly number: string }[]): string | undefined {
  const seen = new Set(registered.map(numberKey));
  for (const d of docs) {
    const k = numberKey(d.number);
    if (seen.has(k)) return d.number;
    seen.add(k);
  }
  return undefined;
}
