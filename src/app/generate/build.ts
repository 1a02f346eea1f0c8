import type { DayNumber, MinuteNumber } from "../../core/cells/types";
import { isoDate, isoDateTime } from "../../core/cells/civil";
import { resolveClock } from "../../core/check";
import { buildDocuments, documentSheetLayout, readSelectedRows, type BuildResult, type DocumentKind } from "../../core/documents";
import type { Lang } from "../../core/i18n";
import { calendarOf, settingsFromRows, type Settings } from "../../core/settings";
import { readTableData } from "../../core/table/read-table";
import { getTemplate } from "../../core/templates";
import type { DocumentPort, DocumentToWrite, FoundTable, RowsTarget, ValidationPort } from "../port";

/**
 * Building the documents, the first half of the generation use case (`./flows.ts` is the rest):
 * the selected rows → the related tables (minutes) → the workbook's settings → the clock → the
 * register → `buildDocuments`. Host-independent: it only talks to the port, and nothing is
 * written here.
 */

/** What generation needs of a workbook: selected rows, the register, settings and table reads, and the one write. */
export type GenerateWorkbook = Pick<DocumentPort, "readSelectedRows" | "readRegister" | "writeDocuments"> &
  Pick<ValidationPort, "readSettings" | "readTables">;

export interface GenerateOptions {
  readonly kind: DocumentKind;
  readonly lang: Lang;
  /** Explicit rows (the CLI's `--sheet --rows`); the host's selection when absent. */
  readonly target?: RowsTarget;
  /** A fixed clock (the CLI's --today / --now): wins over the workbook's settings, which win over `instant`. */
  readonly today?: DayNumber;
  readonly now?: MinuteNumber;
  /** The real moment, read by the front end (the core never reads a clock). */
  readonly instant: Date;
  /** Problems in the stored settings (a bad value fell back to its default), reported as soon as read. */
  readonly onSettingsProblems?: (problems: readonly string[]) => void;
}

export interface Generated extends BuildResult {
  readonly kind: DocumentKind;
  readonly lang: Lang;
  /** Sheet of the selected rows. */
  readonly sourceSheet: string;
  readonly settings: Settings;
  readonly settingsProblems: readonly string[];
  /** The clock used, as dates people read (`2024-10-08`, `2024-10-08 10:00`). */
  readonly today: string;
  readonly now: string;
}

/** Templates whose tables minutes look into besides the selected one (a meeting's action items, an item's meeting). */
const MINUTES_RELATED = new Set(["meetings", "action-items"]);

/**
 * Builds the documents for the selected rows (or `target`). Throws the port's or the builder's
 * LiaisonError when the selection is on no table, on the wrong table, too big, or has no
 * qualifying row; the workbook is only read.
 */
export async function generateDocuments(port: GenerateWorkbook, opts: GenerateOptions): Promise<Generated> {
  const selected = await port.readSelectedRows(opts.target);
  const tpl = getTemplate(selected.table.templateId);

  const stored = await port.readSettings();
  const { settings, problems } = settingsFromRows(stored ?? [], opts.lang);
  if (problems.length > 0) opts.onSettingsProblems?.(problems);
  const clock = resolveClock({
    ...(opts.today !== undefined ? { today: isoDate(opts.today) } : {}),
    ...(opts.now !== undefined ? { now: isoDateTime(opts.now) } : {}),
    settings,
    instant: opts.instant,
  });

  const related = opts.kind === "minutes" ? await relatedTables(port, selected.table, clock.today) : [];
  const result = buildDocuments(opts.kind, {
    selected: { tpl, read: readSelectedRows(tpl, selected, clock.today), sheet: selected.table.sheet },
    related,
    settings,
    today: clock.today,
    now: clock.now,
    calendar: calendarOf(settings),
    register: await port.readRegister(),
    lang: opts.lang,
  });
  return {
    ...result,
    kind: opts.kind,
    lang: opts.lang,
    sourceSheet: selected.table.sheet,
    settings,
    settingsProblems: problems,
    today: isoDate(clock.today),
    now: isoDateTime(clock.now),
  };
}

/** The print-ready sheet layouts with their register lines, in document order. */
export function documentsToWrite(g: Pick<Generated, "documents" | "entries" | "lang">): DocumentToWrite[] {
  return g.documents.map((doc, i) => ({ layout: documentSheetLayout(doc, g.lang), entry: g.entries[i] }));
}

/**
 * Writes one sheet per document and their register lines (one port command: all or nothing).
 * Returns the sheet names used, in document order.
 */
export function writeGenerated(port: Pick<DocumentPort, "writeDocuments">, g: Generated): Promise<string[]> {
  return port.writeDocuments(documentsToWrite(g));
}

/**
 * Records the documents' numbers in the register without writing any sheet: a Word file or PDF
 * went out instead (the pane's "下载 Word", the CLI's .docx/.pdf). Same port command, same
 * refusals (a number already registered) — a number is given out once, whatever the format.
 */
export async function registerOnly(port: Pick<DocumentPort, "writeDocuments">, g: Pick<Generated, "entries">): Promise<void> {
  await port.writeDocuments(g.entries.map((entry) => ({ entry })));
}

/** Every other meetings / action-items table of the workbook, read as the builders take them. */
async function relatedTables(port: GenerateWorkbook, selectedTable: FoundTable, today: DayNumber) {
  const same = (t: FoundTable): boolean =>
    t.sheet === selectedTable.sheet && t.headerRow === selectedTable.headerRow && t.firstColumn === selectedTable.firstColumn;
  const tables = await port.readTables({ kind: "all" });
  return tables
    .filter((d) => MINUTES_RELATED.has(d.table.templateId) && !same(d.table))
    .map((d) => ({
      sheet: d.table.sheet,
      read: readTableData(getTemplate(d.table.templateId), d, today),
    }));
}
