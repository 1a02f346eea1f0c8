import type { TableData } from "../layout/types";
import { readTable, type TypedValue } from "../table/read-table";
import { getTemplate } from "../templates";
import type { Contact } from "./types";

/**
 * The 通讯录 as a reminder uses it: name → mobile and e-mail. A name written twice is ambiguous
 * and is left out (nobody is mentioned or mailed under it: a reminder to the wrong 刘强 is worse
 * than none); the places where it appears are kept for the message that says so.
 */

export interface ContactPlace {
  readonly sheet: string;
  readonly row: number;
}

export interface ContactEntry {
  readonly contact: Contact;
  readonly place: ContactPlace;
}

export interface ContactBook {
  /** Names that appear once. */
  readonly entries: ReadonlyMap<string, ContactEntry>;
  /** Names that appear more than once, with every place. */
  readonly duplicates: ReadonlyMap<string, readonly ContactPlace[]>;
}

export const EMPTY_CONTACTS: ContactBook = { entries: new Map(), duplicates: new Map() };

/** Reads every 通讯录 table of a workbook (tables of other templates are ignored). */
export function contactBook(tables: readonly TableData[], today: number): ContactBook {
  const tpl = getTemplate("contacts");
  const seen = new Map<string, { contact: Contact; places: ContactPlace[] }>();
  for (const data of tables) {
    if (data.table.templateId !== tpl.id) continue;
    const read = readTable(tpl, data.table.columns, data.body, { today, firstExcelRow: data.table.headerRow + 1 });
    const col = (key: string): number => tpl.columns.findIndex((c) => c.key === key);
    const [n, m, e] = [col("name"), col("mobile"), col("email")];
    read.values.forEach((values, i) => {
      const name = text(values[n]);
      if (name === "") return;
      const place = { sheet: data.table.sheet, row: read.excelRows[i] };
      const mobile = normalizeMobile(text(values[m]));
      const email = text(values[e]);
      const contact: Contact = { name, ...(mobile !== "" ? { mobile } : {}), ...(isEmail(email) ? { email } : {}) };
      const known = seen.get(name);
      if (known) known.places.push(place);
      else seen.set(name, { contact, places: [place] });
    });
  }
  const entries = new Map<string, ContactEntry>();
  const duplicates = new Map<string, ContactPlace[]>();
  for (const [name, { contact, places }] of seen) {
    if (places.length > 1) duplicates.set(name, places);
    else entries.set(name, { contact, place: places[0] });
  }
  return { entries, duplicates };
}

/** The contact for an owner, or undefined when the name is missing or ambiguous. */
export function contactOf(book: ContactBook, owner: string): Contact | undefined {
  return book.entries.get(owner)?.contact;
}

/**
 * `138 0013 8000`, `+86 138-0013-8000`, `0086 13800138000` → `13800138000`: the robots match
 * mention lists against the mobile number a member registered, digits only.
 */
export function normalizeMobile(s: string): string {
  let digits = s.replace(/[\s\-()（）]/g, "");
  if (digits.startsWith("+86")) digits = digits.slice(3);
  else if (digits.startsWith("0086")) digits = digits.slice(4);
  return /^\+?\d+$/.test(digits) ? digits : "";
}

const isEmail = (s: string): boolean => /^[^\s@<>()，,;；]+@[^\s@<>()，,;；]+\.[^\s@<>()，,;；]+$/.test(s);

function text(v: TypedValue | undefined): string {
  if (v === null || v === undefined) return "";
  return (Array.isArray(v) ? v.join("") : String(v)).trim();
}
