import { createCalendar } from "../../../src/core/calendar/calendar";
import { dayFromYmd, parseIsoDateTime } from "../../../src/core/cells/civil";
import type { RawCell } from "../../../src/core/cells/types";
import { buildDocuments, type BuildInput } from "../../../src/core/documents/build";
import type { DocumentKind, DocumentModel, RegisterEntry } from "../../../src/core/documents/model";
import { DEFAULT_SETTINGS, type Settings } from "../../../src/core/settings";
import { readTable, type TableRead } from "../../../src/core/table/read-table";
import { getTemplate } from "../../../src/core/templates";
import { templateLayout } from "../../../src/core/templates/layout";
import type { TemplateDef } from "../../../src/core/templates/types";
import type { FoundColumn } from "../../../src/app/port";

export const day = (iso: string): number => {
  const [y, m, d] = iso.split("-").map(Number);
  return dayFromYmd(y, m, d);
};
export const minute = (iso: string): number => {
  const m = parseIsoDateTime(iso);
  if (m === undefined) throw new Error(`bad datetime ${iso}`);
  return m;
};

export const calendar = createCalendar();

/** Every column of the template, in its order, as a found table would map them. */
export function foundColumns(tpl: TemplateDef): FoundColumn[] {
  return tpl.columns.map((c, index) => ({ index, header: c.name, key: c.key }));
}

export type Row = Readonly<Record<string, string | number>>;

/** Hand-written rows read through the real reader; the first data row is Excel row `firstRow`. */
export function readRows(templateId: string, rows: readonly Row[], today: number, firstRow = 2): { tpl: TemplateDef; read: TableRead } {
  const tpl = getTemplate(templateId);
  const body: RawCell[][] = rows.map((r) => tpl.columns.map((c) => (r[c.key] === undefined ? null : r[c.key])));
  return { tpl, read: readTable(tpl, foundColumns(tpl), body, { today, firstExcelRow: firstRow }) };
}

/** The catalog's example rows as the adapters write them (full dates as Excel dates), from row 2. */
export function readExamples(templateId: string, today: number): { tpl: TemplateDef; read: TableRead } {
  const tpl = getTemplate(templateId);
  const body = templateLayout(tpl, { examples: true }).rows;
  return { tpl, read: readTable(tpl, foundColumns(tpl), body, { today, firstExcelRow: 2 }) };
}

/** Only some rows of a read table, as a selection hands them over (Excel rows kept). */
export function pick(read: TableRead, excelRows: readonly number[]): TableRead {
  const idx = read.excelRows.map((r, i) => (excelRows.includes(r) ? i : -1)).filter((i) => i >= 0);
  return {
    ...read,
    excelRows: idx.map((i) => read.excelRows[i]),
    values: idx.map((i) => read.values[i]),
    issues: read.issues.filter((x) => idx.includes(x.row)).map((x) => ({ ...x, row: idx.indexOf(x.row) })),
  };
}

export interface RunOptions {
  readonly sheet?: string;
  readonly related?: BuildInput["related"];
  readonly settings?: Partial<Settings>;
  readonly today: number;
  readonly now?: number;
  readonly register?: readonly RegisterEntry[];
  readonly lang?: BuildInput["lang"];
}

export function run(kind: DocumentKind, selected: { tpl: TemplateDef; read: TableRead }, o: RunOptions) {
  return buildDocuments(kind, {
    selected: { ...selected, sheet: o.sheet ?? selected.tpl.name },
    related: o.related,
    settings: { ...DEFAULT_SETTINGS, ...o.settings },
    today: o.today,
    now: o.now ?? o.today * 1440 + 9 * 60,
    calendar,
    register: o.register ?? [],
    lang: o.lang,
  });
}

type Block = DocumentModel["blocks"][number];
export function blocksOf<K extends Block["kind"]>(doc: DocumentModel, kind: K): Extract<Block, { kind: K }>[] {
  return doc.blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);
}
/** Every field of a document as label → value. */
export function fieldMap(doc: DocumentModel): Map<string, string> {
  const m = new Map<string, string>();
  for (const b of blocksOf(doc, "fields")) for (const f of b.fields) m.set(f.label, f.value);
  for (const b of blocksOf(doc, "signature")) for (const f of b.lines) m.set(f.label, f.value);
  return m;
}
export const paragraphs = (doc: DocumentModel): string[] => blocksOf(doc, "paragraph").map((p) => p.text);
