import { LiaisonError } from "../../core/errors";
import { partText, relativeTarget, relsPartOf } from "./package";
import type { OoxmlPackage } from "./reader";
import { applySplices, childrenOf, findStartTag, insertionPoint, qname } from "./xml-splice";
import { escapeXml, REL_NS } from "./xml";
import { writeZip, type OutPart } from "./zip";

/**
 * The changes of one patched copy, gathered before the package is written: parts whose text
 * changes, parts added (with their content-type overrides and relationships), sheets appended to
 * the workbook and print names defined. Every part not touched here is carried over as it is —
 * its compressed bytes even (`writeZip`).
 */

export const WORKSHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
export const WORKSHEET_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const TABLE_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";
export const TABLE_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

/** CT_Workbook children after definedNames (ECMA-376 Part 1, §18.2.27). */
const AFTER_DEFINED_NAMES = new Set([
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
]);

const enc = new TextEncoder();

export class PackageEdit {
  private readonly changed = new Map<string, string>(); // lower-cased part → new text
  private readonly names = new Map<string, string>(); // lower-cased part → part name
  private readonly added: { name: string; data: Uint8Array }[] = [];
  private readonly taken: Set<string>;
  /** Sheets in workbook order, the appended ones included (their index is a print name's localSheetId). */
  private sheetCount: number;
  private maxSheetId: number;

  constructor(readonly pkg: OoxmlPackage) {
    this.taken = new Set(pkg.zip.entries.map((e) => e.name.toLowerCase()));
    this.sheetCount = pkg.entries.length;
    this.maxSheetId = Math.max(0, ...pkg.entries.map((e) => e.sheetId));
  }

  /** A part's current text: as changed so far, else as stored ("" when absent). */
  text(part: string): string {
    const key = part.toLowerCase();
    const added = this.added.find((a) => a.name.toLowerCase() === key);
    if (added) return new TextDecoder().decode(added.data);
    return this.changed.get(key) ?? partText(this.pkg.zip, part) ?? "";
  }

  set(part: string, text: string): void {
    const key = part.toLowerCase();
    const added = this.added.find((a) => a.name.toLowerCase() === key);
    if (added) added.data = enc.encode(text);
    else {
      this.changed.set(key, text);
      this.names.set(key, part);
    }
  }

  get changedAnything(): boolean {
    return this.changed.size > 0 || this.added.length > 0;
  }

  /** `folder/baseN.ext` for the first N from `from` that no part has. */
  freePartName(folder: string, base: string, ext: string, from = 1): string {
    let n = from;
    while (this.taken.has(`${folder}${base}${n}${ext}`.toLowerCase())) n++;
    const name = `${folder}${base}${n}${ext}`;
    this.taken.add(name.toLowerCase());
    return name;
  }

  /** A new part and its content-type override. */
  addPart(name: string, text: string, contentType: string): void {
    this.taken.add(name.toLowerCase());
    this.added.push({ name, data: enc.encode(text) });
    const types = this.text("[Content_Types].xml");
    const close = /<\/(?:([\w.-]+):)?Types\s*>/.exec(types);
    if (!close) throw new LiaisonError("unreadableFile");
    const p = close[1] ? `${close[1]}:` : "";
    this.set(
      "[Content_Types].xml",
      applySplices(types, [{ at: close.index, insert: `<${p}Override PartName="/${escapeXml(name)}" ContentType="${contentType}"/>` }]),
    );
  }

  /** A relationship from `source` to `target` (its rels part created when missing); returns its id. */
  addRelationship(source: string, type: string, target: string): string {
    const relsPart = relsPartOf(source);
    let rels = this.text(relsPart);
    if (rels === "") {
      rels =
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
      this.added.push({ name: relsPart, data: enc.encode(rels) });
      this.taken.add(relsPart.toLowerCase());
    }
    const ids = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
    let k = ids.size + 1;
    while (ids.has(`rId${k}`)) k++;
    const relId = `rId${k}`;
    const close = /<\/(?:([\w.-]+):)?Relationships\s*>/.exec(rels);
    if (!close) throw new LiaisonError("unreadableFile");
    const p = close[1] ? `${close[1]}:` : "";
    this.set(
      relsPart,
      applySplices(rels, [
        {
          at: close.index,
          insert: `<${p}Relationship Id="${relId}" Type="${type}" Target="${escapeXml(relativeTarget(source, target))}"/>`,
        },
      ]),
    );
    return relId;
  }

  /** A new worksheet part listed last in the workbook; returns its part and its index among the sheets. */
  addWorksheet(name: string, xml: string): { part: string; index: number } {
    const wb = this.pkg.workbookPart;
    const folder = wb.slice(0, wb.lastIndexOf("/") + 1);
    const part = this.freePartName(`${folder}worksheets/`, "sheet", ".xml", this.sheetCount + 1);
    this.addPart(part, xml, WORKSHEET_CONTENT_TYPE);
    const relId = this.addRelationship(wb, WORKSHEET_TYPE, part);
    this.set(wb, addSheetEntry(this.text(wb), name, relId, ++this.maxSheetId));
    return { part, index: this.sheetCount++ };
  }

  /** A sheet-level defined name (`_xlnm.Print_Area`, `_xlnm.Print_Titles`) in workbook.xml. */
  addDefinedName(name: string, localSheetId: number, value: string): void {
    const wb = this.pkg.workbookPart;
    const xml = this.text(wb);
    const root = findStartTag(xml, "workbook");
    if (!root) throw new LiaisonError("unreadableFile");
    const q = (l: string): string => qname(root.prefix, l);
    const entry = `<${q("definedName")} name="${name}" localSheetId="${localSheetId}">${escapeXml(value)}</${q("definedName")}>`;
    const { children, close } = childrenOf(xml, root.inside);
    const names = children.find((c) => c.local === "definedNames");
    let edited: string;
    if (names && xml.slice(names.start, names.end).endsWith("/>"))
      edited = applySplices(xml, [
        { at: names.start, remove: names.end - names.start, insert: `<${q("definedNames")}>${entry}</${q("definedNames")}>` },
      ]);
    else if (names) edited = applySplices(xml, [{ at: xml.lastIndexOf("</", names.end - 1), insert: entry }]);
    else
      edited = applySplices(xml, [
        { at: insertionPoint(children, close, AFTER_DEFINED_NAMES), insert: `<${q("definedNames")}>${entry}</${q("definedNames")}>` },
      ]);
    this.set(wb, edited);
  }

  /** The copy: original entries in their order (unchanged ones as stored), then the added parts. */
  bytes(): Uint8Array {
    const parts: OutPart[] = this.pkg.zip.entries.map((e) => {
      const t = this.changed.get(e.name.toLowerCase());
      return t === undefined ? { name: e.name, from: e } : { name: e.name, data: enc.encode(t) };
    });
    parts.push(...this.added);
    return writeZip(this.pkg.zip, parts);
  }
}

/** workbook.xml with one more `<sheet>` at the end of `<sheets>`. */
function addSheetEntry(xml: string, name: string, relId: string, sheetId: number): string {
  const root = findStartTag(xml, "workbook");
  if (!root) throw new LiaisonError("unreadableFile");
  const rootTag = xml.slice(root.start, root.inside);
  const relPrefix = new RegExp(`xmlns:([\\w.-]+)="${REL_NS.replace(/[./]/g, "\\$&")}"`).exec(rootTag)?.[1];
  const sheets = /<\/(?:[\w.-]+:)?sheets\s*>/.exec(xml);
  if (!sheets) throw new LiaisonError("unreadableFile");
  const idAttr = relPrefix ? `${relPrefix}:id="${relId}"` : `xmlns:r="${REL_NS}" r:id="${relId}"`;
  return applySplices(xml, [
    { at: sheets.index, insert: `<${qname(root.prefix, "sheet")} name="${escapeXml(name)}" sheetId="${sheetId}" ${idAttr}/>` },
  ]);
}
