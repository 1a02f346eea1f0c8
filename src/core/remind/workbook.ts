import type { CheckInput } from "../check";
import { checkTables } from "../check";
import { collectRemindItems } from "./collect";
import { contactBook, contactOf } from "./contacts";
import { digestText, groupByOwner, ownerEmail } from "./render";
import type { RemindItem } from "./types";

/**
 * The reminder of ONE open workbook, for the task pane's 复制催办消息 / 发邮件: the same check, the
 * same items and the same digest as `liaison remind`, with the workbook's own 通讯录 (if it has
 * one) for the e-mail addresses. No clock here: the pane passes today and now.
 */

export interface OwnerDraft {
  readonly owner: string;
  /** The owner's address from the workbook's 通讯录, when it has one. */
  readonly to?: string;
  readonly subject: string;
  readonly text: string;
  readonly count: number;
}

export interface WorkbookReminder {
  readonly items: readonly RemindItem[];
  /** The digest as plain text, for pasting into any chat. */
  readonly text: string;
  /** One e-mail draft per owner (items without an owner get none). */
  readonly drafts: readonly OwnerDraft[];
  /** Whether the workbook has a 通讯录 table. */
  readonly hasContacts: boolean;
}

export function workbookReminder(input: Omit<CheckInput, "onTable">): WorkbookReminder {
  const report = checkTables(input);
  const items = collectRemindItems({ report, tables: input.tables, today: input.today });
  const lang = input.lang ?? "zh-CN";
  const hasContacts = input.tables.some((t) => t.table.templateId === "contacts");
  const book = contactBook(input.tables, input.today);
  const opts = { today: input.today, lang, contacts: book };
  const text = items.length > 0 ? digestText(items, opts) : "";
  // Every owner gets a draft; those with an address in the 通讯录 have it filled in.
  const drafts: OwnerDraft[] = groupByOwner(items)
    .filter((g) => g.owner !== "")
    .map((g) => {
      const to = contactOf(book, g.owner)?.email;
      return { owner: g.owner, ...(to !== undefined ? { to } : {}), ...ownerEmail(g.owner, g.items, opts), count: g.items.length };
    });
  return { items, text, drafts, hasContacts };
}

/** A `mailto:` URL (RFC 6068): subject and body percent-encoded, line breaks as CRLF. */
export function mailtoUrl(draft: Pick<OwnerDraft, "to" | "subject" | "text">): string {
  const enc = (s: string): string => encodeURIComponent(s.replace(/\r?\n/g, "\r\n"));
  return `mailto:${draft.to !== undefined ? encodeURIComponent(draft.to).replace(/%40/g, "@") : ""}?subject=${enc(draft.subject)}&body=${enc(draft.text)}`;
}
