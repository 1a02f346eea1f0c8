import type { WorkCalendar } from "../calendar/calendar";
import { isoDateTime } from "../cells/civil";
import type { DayNumber, MinuteNumber } from "../cells/types";
import { LiaisonError } from "../errors";
import { DEFAULT_LANG, translator, type Lang } from "../i18n";
import { documentMessages } from "../i18n/messages/documents";
import type { Settings } from "../settings/schema";
import { findTemplate, getTemplate } from "../templates";
import type { TableRead } from "../table/read-table";
import type { TemplateDef } from "../templates/types";
import type { BuildContext, BuilderResult, Repeat, SkippedRow } from "./context";
import { buildMinutes } from "./minutes";
import { REGISTER_STATUSES, type DocumentKind, type DocumentModel, type RegisterEntry } from "./model";
import { buildNotices } from "./notice";
import { createNumberer } from "./numbering";
import { buildReminders } from "./reminder";
import { rowRanges, tableView, type TableView } from "./table-view";

/**
 * Selected rows in, document models out: checks that the rows can make this kind of document,
 * numbers the documents after the register, and says why each row that makes none was skipped.
 * Pure: the clock, the calendar and the register are parameters; nothing is written here.
 */

/** More selected rows than this is a slip of the mouse, not a batch of letters to print. */
export const MAX_DOCUMENT_ROWS = 200;

/** Templates whose rows each kind of document is made from. */
export const DOCUMENT_SOURCES: Readonly<Record<DocumentKind, readonly string[]>> = {
  minutes: ["meetings", "action-items"],
  notice: ["supplier-evaluation"],
  reminder: ["action-items"],
};

/** Skip reasons quoted in a `noEligibleRows` error; the rest are counted. */
const REASONS_IN_ERROR = 3;

export interface BuildInput {
  readonly selected: { readonly tpl: TemplateDef; readonly read: TableRead; readonly sheet: string };
  /** Other tables of the workbook, e.g. every `action-items` table for minutes of a meeting. */
  readonly related?: readonly { readonly sheet: string; readonly read: TableRead }[];
  readonly settings: Settings;
  readonly today: DayNumber;
  readonly now: MinuteNumber;
  readonly calendar: WorkCalendar;
  /** The register's entries as read from the workbook (numbers continue after them). */
  readonly register: readonly RegisterEntry[];
  readonly lang?: Lang;
}

export interface BuildResult {
  readonly documents: DocumentModel[];
  readonly skipped: SkippedRow[];
  /** One per document, in order; `documentSheet` is "" (the adapter fills in the sheet it used). */
  readonly entries: RegisterEntry[];
  /** Documents that repeat registered ones (a second notice for a supplier and period): ask first. */
  readonly repeats: Repeat[];
}

function templateLabel(id: string, lang: Lang): string {
  const tpl = getTemplate(id);
  return lang === "en-US" ? tpl.en : tpl.name;
}

export function buildDocuments(kind: DocumentKind, input: BuildInput): BuildResult {
  const lang = input.lang ?? DEFAULT_LANG;
  const t = translator(documentMessages, lang);
  const { tpl, read, sheet } = input.selected;
  if (read.templateId !== tpl.id) throw new Error(`documents: table read as "${read.templateId}" passed with template "${tpl.id}"`);

  const allowed = DOCUMENT_SOURCES[kind];
  if (!allowed.includes(tpl.id)) {
    const expected = allowed
      .map((id) => (lang === "en-US" ? `"${templateLabel(id, lang)}"` : `“${templateLabel(id, lang)}”`))
      .join(lang === "en-US" ? " or " : "或");
    throw new LiaisonError("wrongTemplateForDocument", {
      document: t(`title.${kind}`),
      expected,
      actual: lang === "en-US" ? tpl.en : tpl.name,
    });
  }
  if (read.values.length > MAX_DOCUMENT_ROWS) throw new LiaisonError("tooManyRows", { rows: read.values.length, limit: MAX_DOCUMENT_ROWS });

  const ctx: BuildContext = {
    settings: input.settings,
    today: input.today,
    calendar: input.calendar,
    lang,
    t,
    numbers: createNumberer(input.register),
    register: input.register,
  };
  const selected = tableView(tpl, read, sheet);
  const related: TableView[] = [];
  for (const r of input.related ?? []) {
    const rt = findTemplate(r.read.templateId);
    if (rt) related.push(tableView(rt, r.read, r.sheet));
  }

  let result: BuilderResult;
  switch (kind) {
    case "minutes":
      result = buildMinutes(selected, related, ctx);
      break;
    case "notice":
      result = buildNotices(selected, ctx);
      break;
    case "reminder":
      result = buildReminders(selected, ctx);
      break;
  }

  if (result.documents.length === 0) {
    const reasons = result.skipped.map((s) => s.reason);
    let summary = reasons.slice(0, REASONS_IN_ERROR).join(t("skip.separator"));
    if (reasons.length > REASONS_IN_ERROR) summary += t("skip.more", { n: reasons.length });
    throw new LiaisonError("noEligibleRows", { document: t(`title.${kind}`), reasons: summary || t("none") });
  }

  const createdAt = isoDateTime(input.now);
  const entries = result.documents.map((d): RegisterEntry => ({
    number: d.number,
    kind: d.kind,
    documentSheet: "",
    sourceSheet: d.source.sheet,
    sourceRows: rowRanges(d.source.rows),
    createdAt,
    recipient: d.recipient,
    status: REGISTER_STATUSES[0],
    dueDate: d.dueDate ?? "",
  }));
  return { documents: result.documents, skipped: result.skipped, entries, repeats: result.repeats ?? [] };
}
