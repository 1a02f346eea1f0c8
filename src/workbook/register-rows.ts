import { isoDateTime, minuteFromSerial } from "../core/cells/civil";
import { isExcelDate, isExcelError, type RawCell } from "../core/cells/types";
import type { DocumentKind, RegisterEntry } from "../core/documents/model";
import { LiaisonError } from "../core/errors";
import { REGISTER_HEADER } from "../core/layout/own-sheets";

/**
 * The register sheet 文书登记 as both adapters write and read it: a header row, then one row per
 * document, every cell text. The sheet is for people as much as for the numbering, so the type is
 * its Chinese name (会议纪要 …) rather than an id.
 */

// The header is the core's: it is also how the locator recognises the register (own-sheets.ts).
export { REGISTER_HEADER };
export const REGISTER_COLUMNS = REGISTER_HEADER.length;
/** Excel character units per column. */
export const REGISTER_WIDTHS = [18, 12, 24, 20, 14, 18] as const;

export const KIND_LABELS: Readonly<Record<DocumentKind, string>> = {
  minutes: "会议纪要",
  notice: "整改通知书",
  reminder: "催办通知",
};

export function registerRow(e: RegisterEntry): string[] {
  return [e.number, KIND_LABELS[e.kind], e.documentSheet, e.sourceSheet, e.sourceRows, e.createdAt];
}

/** A cell of the register as text (someone may have retyped a time as a date, or a row as a number). */
function cellText(cell: RawCell): string {
  if (cell === null) return "";
  if (isExcelDate(cell)) return isoDateTime(minuteFromSerial(cell.serial));
  if (isExcelError(cell)) return cell.code;
  return String(cell).trim();
}

function kindOf(text: string): DocumentKind | undefined {
  const entries = Object.entries(KIND_LABELS) as [DocumentKind, string][];
  return entries.find(([id, label]) => text === label || text.toLowerCase() === id)?.[0];
}

/**
 * Register rows (columns A–F, starting at Excel row `firstRow`) → entries. The header row and
 * empty rows are skipped; a row with a number but an unknown type is a LiaisonError naming the row:
 * silently dropping it would let its number be given out again.
 */
export function entriesFromRows(rows: readonly (readonly RawCell[])[], firstRow: number): RegisterEntry[] {
  const out: RegisterEntry[] = [];
  rows.forEach((row, i) => {
    const cells = Array.from({ length: REGISTER_COLUMNS }, (_, c) => cellText(row[c] ?? null));
    const [number, type, documentSheet, sourceSheet, sourceRows, createdAt] = cells;
    if (number === "" || (number === REGISTER_HEADER[0] && type === REGISTER_HEADER[1])) return;
    const kind = kindOf(type);
    if (!kind) throw new LiaisonError("registerBadType", { row: firstRow + i, value: type });
    out.push({ number, kind, documentSheet, sourceSheet, sourceRows, createdAt });
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
