import type { WorkCalendar } from "../calendar/calendar";
import { ymdFromDay } from "../cells/civil";
import type { DayNumber } from "../cells/types";
import type { Lang } from "../i18n";
import type { Settings } from "../settings/schema";
import type { DocumentKind, DocumentModel } from "./model";
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
}

/** A selected row that makes no document, and why (in the user's language). */
export interface SkippedRow {
  readonly row: number;
  readonly reason: string;
}

export interface BuilderResult {
  readonly documents: DocumentModel[];
  readonly skipped: SkippedRow[];
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
): Pick<DocumentModel, "kind" | "number" | "title" | "subtitle" | "sheetName" | "footer"> {
  return {
    kind,
    number,
    title: ctx.t(`title.${kind}`),
    subtitle: ctx.t("subtitle", { number }),
    sheetName: `${ctx.t(`sheet.${kind}`)} ${number}`,
    footer: number,
  };
}

/** A value for a document field: the text, or `—` when the sheet has none. */
export function orNone(ctx: BuildContext, text: string | undefined): string {
  return text === undefined || text === "" ? ctx.t("none") : text;
}
