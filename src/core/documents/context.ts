import type { WorkCalendar } from "../calendar/calendar";
import { ymdFromDay } from "../cells/civil";
import type { DayNumber } from "../cells/types";
import type { Lang } from "../i18n";
import type { Settings } from "../settings/schema";
import { docDate } from "./dates";
import type { DocBlock, DocField, DocumentKind, DocumentModel, RegisterEntry } from "./model";
import type { Numberer } from "./numbering";

/** What every builder needs besides its rows: settings, the injected clock, the calendar, numbers. */
export interface BuildContext {
  readonly settings: Settings;
  readonly today: DayNumber;
  readonly calendar: WorkCalendar;
  readonly lang: Lang;
  /** The documents catalog in `lang`. */
  readonly t: (key: string, params?: Readonly<Record<string, string | number>>) => string;
  readonly numbers: Numberer;
  /** The register as read, for what was sent before (a second notice for one supplier and period). */
  readonly register: readonly RegisterEntry[];
}

/**
 * A document that repeats one already registered — a second 整改通知书 for the same supplier and
 * period. Not a refusal (a corrected notice may be meant): the pane asks first, the CLI says so.
 */
export interface Repeat {
  readonly row: number;
  /** The registered numbers it repeats. */
  readonly numbers: readonly string[];
  readonly message: string;
}

/** A selected row that makes no document, and why (in the user's language). */
export interface SkippedRow {
  readonly row: number;
  readonly reason: string;
}

export interface BuilderResult {
  readonly documents: DocumentModel[];
  readonly skipped: SkippedRow[];
  readonly repeats?: Repeat[];
}

export const yearOf = (day: DayNumber): number => ymdFromDay(day).year;

/**
 * The parts every document shares: title, `编号` subtitle, sheet name and footer. The sheet name
 * is the document type and its number (`整改通知书 ZG-2024Q2-001`): numbers hold only letters,
 * digits and `-`, so it is always a valid sheet name within 31 characters (prefixes are ≤ 10
 * characters), and unique while the number is.
 */
export function documentHead(
  kind: DocumentKind,
  number: string,
  ctx: BuildContext,
): Pick<DocumentModel, "kind" | "number" | "title" | "subtitle" | "sheetName" | "footer" | "letterhead"> {
  const company = ctx.settings.companyName.trim();
  return {
    kind,
    number,
    title: ctx.t(`title.${kind}`),
    subtitle: ctx.t("subtitle", { number }),
    // One name per document everywhere: the sheet carries the document's title and its number.
    sheetName: `${ctx.t(`title.${kind}`)} ${number}`,
    footer: number,
    ...(company !== "" ? { letterhead: company } : {}),
  };
}

/**
 * The 落款: company and issuing department from the letterhead settings, then the date. Lines
 * without a label read as a Chinese letter signs (`华东制造有限公司` / `采购部` / `2024年7月5日`);
 * when the workbook names neither company nor department, a labelled blank (签发单位：＿＿) is
 * left to fill in by hand rather than a letter signed by nobody.
 */
export function issuerLines(ctx: BuildContext, date: string): DocField[] {
  const company = ctx.settings.companyName.trim();
  const department = ctx.settings.issuingDepartment.trim();
  const lines: DocField[] = [];
  if (company !== "") lines.push({ label: "", value: company });
  if (department !== "") lines.push({ label: "", value: department });
  if (lines.length === 0) lines.push({ label: ctx.t("sign.issuer"), value: "" });
  lines.push({ label: "", value: date });
  return lines;
}

/** 联系人 / 联系电话 under the 落款, or nothing when the settings give neither. */
export function contactNote(ctx: BuildContext): DocBlock[] {
  const name = ctx.settings.contactName.trim();
  const phone = ctx.settings.contactPhone.trim();
  const parts: string[] = [];
  if (name !== "") parts.push(ctx.t("contact.name", { name }));
  if (phone !== "") parts.push(ctx.t("contact.phone", { phone }));
  return parts.length === 0 ? [] : [{ kind: "note", text: ctx.t("contact.note", { list: parts.join(ctx.t("contact.separator")) }) }];
}

/** A date in the document's language (`2024年7月5日`). */
export const dateText = (ctx: BuildContext, day: DayNumber): string => docDate(day, ctx.lang);

/** A value for a document field: the text, or `—` when the sheet has none. */
export function orNone(ctx: BuildContext, text: string | undefined): string {
  return text === undefined || text === "" ? ctx.t("none") : text;
}
