import type { RawCell } from "../cells/types";
import type { DocumentKind } from "./model";

/**
 * Where a company's own Word templates live in the workbook: the hidden sheet WORD_TEMPLATE_SHEET,
 * one block of rows per kind of document — `[kind, 0, file name]`, then `[kind, 1…n, base64]`.
 * A sheet rather than a custom XML part because both hosts can read it: Office.js inside Excel
 * and ExcelJS for the CLI and the preview page (ExcelJS drops custom XML parts). Base64 in chunks
 * of CHUNK characters keeps every cell under Excel's 32,767-character limit; a 50 KB template
 * takes three rows. Pure: both adapters only move these rows.
 */

export const WORD_TEMPLATE_SHEET = "Liaison文书模板";
export const WORD_TEMPLATE_HEADER = ["类型", "序号", "内容"] as const;
const CHUNK = 30_000;

export interface StoredWordTemplate {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function toBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : "=";
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : "=";
  }
  return out;
}

export function fromBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, "");
  if (clean.length % 4 !== 0 || /[^A-Za-z0-9+/=]/.test(clean)) return undefined;
  const pad = clean.endsWith("==") ? 2 : clean.endsWith("=") ? 1 : 0;
  const out = new Uint8Array((clean.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const n =
      (ALPHABET.indexOf(clean[i]) << 18) |
      (ALPHABET.indexOf(clean[i + 1]) << 12) |
      ((clean[i + 2] === "=" ? 0 : ALPHABET.indexOf(clean[i + 2])) << 6) |
      (clean[i + 3] === "=" ? 0 : ALPHABET.indexOf(clean[i + 3]));
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/** The rows of one kind's template. */
export function wordTemplateRows(kind: DocumentKind, template: StoredWordTemplate): (string | number)[][] {
  const b64 = toBase64(template.bytes);
  const rows: (string | number)[][] = [[kind, 0, template.name]];
  for (let i = 0, n = 1; i < b64.length; i += CHUNK, n++) rows.push([kind, n, b64.slice(i, i + CHUNK)]);
  return rows;
}

/** The sheet's rows with `kind`'s template replaced (or removed when `template` is undefined); header first. */
export function replaceWordTemplate(
  rows: readonly (readonly RawCell[])[],
  kind: DocumentKind,
  template: StoredWordTemplate | undefined,
): (string | number)[][] {
  const kept = rows
    .filter((r) => String(r[0] ?? "").trim() !== kind && String(r[0] ?? "").trim() !== WORD_TEMPLATE_HEADER[0])
    .filter((r) => r[0] !== null && r[0] !== "")
    .map((r) => [String(r[0]), typeof r[1] === "number" ? r[1] : Number(r[1]), String(r[2] ?? "")]);
  return [[...WORD_TEMPLATE_HEADER], ...kept, ...(template ? wordTemplateRows(kind, template) : [])];
}

/** `kind`'s template from the sheet's rows; undefined when there is none (or it is damaged). */
export function wordTemplateFromRows(rows: readonly (readonly RawCell[])[], kind: DocumentKind): StoredWordTemplate | undefined {
  const mine = rows.filter((r) => String(r[0] ?? "").trim() === kind);
  const name = mine.find((r) => Number(r[1]) === 0)?.[2];
  const parts = mine
    .filter((r) => Number(r[1]) > 0)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((r) => String(r[2] ?? ""));
  if (parts.length === 0) return undefined;
  const bytes = fromBase64(parts.join(""));
  return bytes ? { name: typeof name === "string" && name !== "" ? name : `${kind}.docx`, bytes } : undefined;
}
