import { LiaisonError } from "../../core/errors";
import type { ExcelTableInfo, SheetSnapshot } from "../../core/layout/snapshot";
import { contentTypeOf, partEntry, partText, readContentTypes, readRels, type ContentTypes, type Relationship } from "./package";
import { sharedStringsReader } from "./shared-strings";
import { sheetReader, sparseGrid, type ParsedSheet } from "./sheet";
import { sniffBytes, sniffZip, WORKBOOK_TYPES } from "./sniff";
import { readStyles } from "./styles";
import { readTable } from "./table";
import { attr, isNs, NS, parseXml, xsdTrue } from "./xml";
import { readZip, streamEntryText, type ZipArchive } from "./zip";

/**
 * Opens an .xlsx (.xlsm, .xltx, .xltm) package and reads every worksheet into a `SheetSnapshot`,
 * following the package's relationships: `_rels/.rels` → the workbook part → its sheets by r:id →
 * each sheet's tables. Nothing here depends on part names or namespace prefixes.
 */

export interface SheetEntry {
  readonly name: string;
  /** `worksheet`, or `chartsheet` / `dialogsheet` / `xlMacrosheet`: listed in the workbook, not read. */
  readonly kind: string;
  readonly sheetId: number;
  readonly state: "visible" | "hidden" | "veryHidden";
  /** The part holding it (undefined when its relationship is missing). */
  readonly part?: string;
}

export interface ReadSheet {
  readonly entry: SheetEntry;
  readonly part: string;
  readonly snapshot: SheetSnapshot;
  readonly hiddenRows: ReadonlySet<number>;
  /** The add-in's marks are on it (conditional formats naming MARK_SIGNATURE). */
  readonly hasMarks: boolean;
}

export interface OoxmlPackage {
  readonly zip: ZipArchive;
  readonly contentTypes: ContentTypes;
  readonly workbookPart: string;
  readonly workbookContentType: string;
  readonly date1904: boolean;
  /** Every sheet of the workbook, in workbook order (chart sheets too). */
  readonly entries: readonly SheetEntry[];
  /** The worksheets, in workbook order. */
  readonly sheets: readonly ReadSheet[];
  readonly workbookRels: readonly Relationship[];
}

const damaged = (why: string): LiaisonError => Object.assign(new LiaisonError("unreadableFile"), { cause: new Error(why) });

/** The package's container and workbook part, checked to be a workbook this reader reads (sheets not read yet). */
export interface OpenedPackage {
  readonly zip: ZipArchive;
  readonly contentTypes: ContentTypes;
  readonly workbookPart: string;
  readonly workbookContentType: string;
}

export function openPackage(bytes: Uint8Array): OpenedPackage {
  sniffBytes(bytes);
  const zip = readZip(bytes);
  const rootRels = readRels(zip, "");
  const officeDocument = rootRels.find((r) => r.kind === "officeDocument" && r.part !== undefined && partEntry(zip, r.part));
  sniffZip(zip, officeDocument?.part ? contentTypeOrUndefined(zip, officeDocument.part) : undefined);
  const contentTypes = readContentTypes(zip);
  if (!officeDocument?.part) throw damaged("no officeDocument relationship");
  const workbookPart = canonicalPart(zip, officeDocument.part);
  const workbookContentType = contentTypeOf(contentTypes, workbookPart) ?? "";
  if (!WORKBOOK_TYPES.has(workbookContentType)) {
    if (/wordprocessingml|presentationml|ms-word|ms-powerpoint/.test(workbookContentType)) throw new LiaisonError("notWorkbookPackage");
    throw damaged(`workbook part of type ${workbookContentType}`);
  }
  return { zip, contentTypes, workbookPart, workbookContentType };
}

export function readPackage(bytes: Uint8Array): OoxmlPackage {
  const { zip, contentTypes, workbookPart, workbookContentType } = openPackage(bytes);

  const workbookText = partText(zip, workbookPart) as string;
  let date1904 = false;
  const declared: { name: string; sheetId: number; relId: string; state: SheetEntry["state"] }[] = [];
  parseXml(workbookPart, workbookText, {
    open(tag) {
      if (tag.local === "workbookPr") date1904 = xsdTrue(attr(tag, "date1904"));
      else if (tag.local === "sheet") {
        let relId = "";
        for (const key in tag.attributes) {
          const a = tag.attributes[key];
          if (a.local === "id" && isNs(a.uri, NS.rel)) relId = a.value;
        }
        const state = attr(tag, "state");
        declared.push({
          name: attr(tag, "name") ?? "",
          sheetId: Number(attr(tag, "sheetId") ?? 0),
          relId,
          state: state === "hidden" || state === "veryHidden" ? state : "visible",
        });
      }
    },
  });

  const workbookRels = readRels(zip, workbookPart);
  const relById = new Map(workbookRels.map((r) => [r.id, r]));
  const ssRel = workbookRels.find((r) => r.kind === "sharedStrings" && r.part);
  const stylesRel = workbookRels.find((r) => r.kind === "styles" && r.part);
  const sharedStrings = ssRel?.part ? readSharedStrings(zip, ssRel.part) : [];
  const styles = readStyles(stylesRel?.part ?? "styles", stylesRel?.part ? partText(zip, stylesRel.part) : undefined);

  const entries: SheetEntry[] = [];
  const sheets: ReadSheet[] = [];
  for (const d of declared) {
    const rel = relById.get(d.relId);
    const part = rel?.part !== undefined && partEntry(zip, rel.part) ? canonicalPart(zip, rel.part) : undefined;
    const kind = rel?.kind ?? "worksheet";
    const entry: SheetEntry = { name: d.name, kind, sheetId: d.sheetId, state: d.state, ...(part ? { part } : {}) };
    entries.push(entry);
    if (kind !== "worksheet") continue;
    if (!part) throw damaged(`sheet "${d.name}" has no part`);
    const parsed = readSheetPart(zip, part, { sharedStrings, styles, date1904 });
    const tables = tablesOf(zip, part, parsed);
    sheets.push({
      entry,
      part,
      hiddenRows: parsed.hiddenRows,
      hasMarks: parsed.hasMarks,
      snapshot: { name: d.name, grid: sparseGrid(parsed.rows), tables, merges: parsed.merges },
    });
  }
  if (sheets.length === 0) throw damaged("no worksheet");
  return { zip, contentTypes, workbookPart, workbookContentType, date1904, entries, sheets, workbookRels };
}

function contentTypeOrUndefined(zip: ZipArchive, part: string): string | undefined {
  if (!zip.byName.has("[content_types].xml")) return undefined;
  return contentTypeOf(readContentTypes(zip), part);
}

/** The part's name as stored in the zip (part names compare case-insensitively). */
function canonicalPart(zip: ZipArchive, part: string): string {
  return partEntry(zip, part)?.name ?? part;
}

function readSharedStrings(zip: ZipArchive, part: string): string[] {
  const entry = partEntry(zip, part);
  if (!entry) return [];
  const reader = sharedStringsReader(part);
  streamEntryText(zip, entry, reader.write);
  return reader.close();
}

function readSheetPart(zip: ZipArchive, part: string, ctx: Parameters<typeof sheetReader>[1]): ParsedSheet {
  const entry = partEntry(zip, part);
  if (!entry) throw damaged(`missing part ${part}`);
  const reader = sheetReader(part, ctx);
  streamEntryText(zip, entry, reader.write);
  return reader.close();
}

function tablesOf(zip: ZipArchive, sheetPart: string, parsed: ParsedSheet): ExcelTableInfo[] {
  if (parsed.tableRelIds.length === 0) return [];
  const rels = readRels(zip, sheetPart);
  const tables: ExcelTableInfo[] = [];
  for (const id of parsed.tableRelIds) {
    const rel = rels.find((r) => r.id === id && r.kind === "table");
    const text = rel?.part ? partText(zip, rel.part) : undefined;
    if (text === undefined) throw damaged(`table ${id} of ${sheetPart} is missing`);
    const table = readTable(rel?.part ?? "", text);
    if (table) tables.push(table);
  }
  return tables;
}
