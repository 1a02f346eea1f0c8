import { columnLetter, rangeAddress, type Rect } from "../../core/a1";
import { LiaisonError } from "../../core/errors";
import { uniqueSheetName } from "../../core/names";
import { MARK_SIGNATURE, MARK_STYLE, markFormula, type Mark } from "../../core/marks/mark";
import { planMarks } from "../../core/marks/plan";
import { SEVERITIES } from "../../core/rules/finding";
import { patchDocuments, type DocumentsPatch } from "./documents-patch";
import { PackageEdit } from "./package-edit";
import type { OoxmlPackage, ReadSheet } from "./reader";
import { applySplices, childrenOf, findStartTag, insertionPoint, qname, withCount, type Splice } from "./xml-splice";
import { escapeXml, REL_NS, xmlText } from "./xml";

/**
 * A copy of the package with Liaison's changes, written by patching it: every part is carried
 * over byte for byte (its compressed bytes even) except the ones Liaison changes —
 *  - the sheets whose marks change: conditional formats tagged with MARK_SIGNATURE, spliced in at
 *    their place in the CT_Worksheet sequence (old marks removed, the user's formats untouched);
 *  - styles.xml: the marks' dxf styles (reused when already there) and the listing's bold header;
 *  - a new listing sheet: its part, its `<sheet>` in workbook.xml, its relationship and its
 *    content-type override.
 * Charts, pivots, VBA, pictures, comments, the file type (.xlsm, .xltx) all stay as they were.
 */

export interface Listing {
  readonly sheetName: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  readonly widths?: readonly number[];
}

export interface PatchResult {
  readonly bytes: Uint8Array;
  /** The listing sheet's name (made unique), when one was added. */
  readonly listingSheet?: string;
  /** The package carries a digital signature, which the changed parts invalidate. */
  readonly signatureInvalidated: boolean;
}

type Severity = Mark["severity"];

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** CT_Worksheet children that come after conditionalFormatting (ECMA-376 Part 1, §18.3.1.99). */
const AFTER_CONDITIONAL_FORMATTING = new Set([
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

/** CT_Stylesheet children after dxfs (§18.8.39). */
const AFTER_DXFS = new Set(["tableStyles", "colors", "extLst"]);

export function patchPackage(
  pkg: OoxmlPackage,
  marks: readonly Mark[],
  listing: Listing | undefined,
  documents?: DocumentsPatch,
): PatchResult {
  const bySheet = marksBySheet(pkg, marks);
  const edit = new PackageEdit(pkg);

  // Styles: the dxf of each severity used, and a bold font + cell style for the listing's header.
  const stylesRel = pkg.workbookRels.find((r) => r.kind === "styles" && r.part);
  const stylesPart = stylesRel?.part;
  const used = SEVERITIES.filter((s) => [...bySheet.values()].some((bySeverity) => bySeverity.has(s)));
  const dxfIds = new Map<Severity, number>();
  let headerStyle = 0;
  if (stylesPart && (used.length > 0 || listing)) {
    const r = patchStyles(edit.text(stylesPart), used, listing !== undefined);
    r.dxfIds.forEach((id, s) => dxfIds.set(s, id));
    headerStyle = r.headerStyle;
    edit.set(stylesPart, r.text);
  }
  // A package without a styles part (rare, hand-made) gets its marks without a format: still
  // tagged, found and cleared like any other, only not coloured.

  for (const sheet of pkg.sheets) {
    const bySeverity = bySheet.get(sheet);
    if (!bySeverity && !sheet.hasMarks) continue;
    edit.set(sheet.part, patchSheetMarks(edit.text(sheet.part), bySeverity ?? new Map(), dxfIds));
  }

  let listingSheet: string | undefined;
  if (listing) {
    listingSheet = uniqueSheetName(
      listing.sheetName,
      pkg.entries.map((e) => e.name),
    );
    edit.addWorksheet(listingSheet, listingSheetXml(listing, headerStyle));
  }

  if (documents) patchDocuments(edit, documents);

  const signed = pkg.zip.entries.some((e) => e.name.toLowerCase().startsWith("_xmlsignatures/"));
  return {
    bytes: edit.bytes(),
    ...(listingSheet !== undefined ? { listingSheet } : {}),
    signatureInvalidated: signed && edit.changedAnything,
  };
}

/**
 * Marks per sheet: what core's one planner (`core/marks/plan.ts`, as for the ExcelJS and Office
 * adapters) decides — each cell once with its highest severity, `Sheet!B2` naming the mark's own
 * sheet, an unknown severity or another sheet's address refused; every mark and sheet checked
 * before anything is written.
 */
export function marksBySheet(pkg: OoxmlPackage, marks: readonly Mark[]): Map<ReadSheet, ReadonlyMap<Severity, readonly Rect[]>> {
  const out = new Map<ReadSheet, ReadonlyMap<Severity, readonly Rect[]>>();
  for (const plan of planMarks(marks)) {
    const lower = plan.sheet.toLocaleLowerCase();
    const sheet = pkg.sheets.find((s) => s.entry.name.toLocaleLowerCase() === lower);
    if (!sheet) throw new LiaisonError("sheetNotFound", { sheet: plan.sheet });
    out.set(sheet, plan.bySeverity);
  }
  return out;
}

/** The mark rules removed from a sheet's XML and `cells` marked anew, one block per severity. */
export function patchSheetMarks(
  xml: string,
  bySeverity: ReadonlyMap<Severity, readonly Rect[]>,
  dxfIds: ReadonlyMap<Severity, number>,
): string {
  const root = findStartTag(xml, "worksheet");
  if (!root) throw new LiaisonError("unreadableFile");
  const p = root.prefix;
  const at = xml.lastIndexOf("sheetData");
  if (at < 0) throw new LiaisonError("unreadableFile");
  const tailStart = xml.indexOf(">", at) + 1;
  const { children, close } = childrenOf(xml, tailStart);

  const splices: Splice[] = [];
  const kept = children.filter((c) => c.local !== "conditionalFormatting" || !xml.slice(c.start, c.end).includes(MARK_SIGNATURE));
  for (const c of children) {
    if (c.local !== "conditionalFormatting") continue;
    const block = xml.slice(c.start, c.end);
    if (!block.includes(MARK_SIGNATURE)) continue;
    // A block someone mixed with their own rules keeps those rules.
    const inside = block.indexOf(">") + 1;
    const inner = childrenOf(block, inside);
    const others = inner.children.filter((r) => !block.slice(r.start, r.end).includes(MARK_SIGNATURE));
    const rebuilt =
      others.length === 0
        ? ""
        : block.slice(0, inside) + others.map((r) => block.slice(r.start, r.end)).join("") + block.slice(inner.close);
    splices.push({ at: c.start, remove: c.end - c.start, insert: rebuilt });
    if (others.length > 0) kept.push(c);
  }

  if (bySeverity.size > 0) {
    // After every rule already on the sheet (its own and those in extension lists).
    const tail = xml.slice(tailStart, close);
    let priority = 0;
    for (const m of tail.matchAll(/<(?:[\w.-]+:)?cfRule\b[^>]*?\bpriority="(\d+)"/g)) priority = Math.max(priority, Number(m[1]));
    let blocks = "";
    for (const severity of SEVERITIES) {
      const rects = bySeverity.get(severity);
      if (!rects) continue;
      const dxf = dxfIds.get(severity);
      const q = (local: string): string => qname(p, local);
      const formula = escapeXml(markFormula(severity).replace(/^=/, ""));
      blocks +=
        `<${q("conditionalFormatting")} sqref="${rects.map(rangeAddress).join(" ")}"><${q("cfRule")} type="expression"${dxf !== undefined ? ` dxfId="${dxf}"` : ""} priority="${++priority}">` +
        `<${q("formula")}>${formula}</${q("formula")}></${q("cfRule")}></${q("conditionalFormatting")}>`;
    }
    const point = insertionPoint(
      kept.sort((a, b) => a.start - b.start),
      close,
      AFTER_CONDITIONAL_FORMATTING,
      "conditionalFormatting",
    );
    splices.push({ at: point, insert: blocks });
  }
  return applySplices(xml, splices);
}

const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;

function dxfXml(p: string, severity: Severity): string {
  const s = MARK_STYLE[severity];
  const q = (l: string): string => qname(p, l);
  // A conditional format's solid fill takes its colour from bgColor (Excel's dxf convention).
  return (
    `<${q("dxf")}><${q("font")}><${q("color")} rgb="${argb(s.font)}"/></${q("font")}>` +
    `<${q("fill")}><${q("patternFill")} patternType="solid"><${q("bgColor")} rgb="${argb(s.fill)}"/></${q("patternFill")}></${q("fill")}></${q("dxf")}>`
  );
}

/** Adds the marks' dxfs (reusing identical ones) and, for a listing, a bold font and its cell style. */
export function patchStyles(
  xml: string,
  severities: readonly Severity[],
  boldHeader: boolean,
): { text: string; dxfIds: Map<Severity, number>; headerStyle: number } {
  const root = findStartTag(xml, "styleSheet");
  if (!root) throw new LiaisonError("unreadableFile");
  const p = root.prefix;
  const { children, close } = childrenOf(xml, root.inside);
  const splices: Splice[] = [];
  const dxfIds = new Map<Severity, number>();

  if (severities.length > 0) {
    const dxfs = children.find((c) => c.local === "dxfs");
    const existing = dxfs ? listChildren(xml, dxfs) : [];
    let count = existing.length;
    let added = "";
    for (const s of severities) {
      const want = dxfXml(p, s);
      const same = existing.findIndex((d) => xml.slice(d.start, d.end) === want);
      if (same >= 0) dxfIds.set(s, same);
      else {
        dxfIds.set(s, count++);
        added += want;
      }
    }
    if (added) {
      if (dxfs && xml.slice(dxfs.start, dxfs.end).endsWith("/>")) {
        splices.push({
          at: dxfs.start,
          remove: dxfs.end - dxfs.start,
          insert: `<${qname(p, "dxfs")} count="${count}">${added}</${qname(p, "dxfs")}>`,
        });
      } else if (dxfs) {
        const startTagEnd = xml.indexOf(">", dxfs.start) + 1;
        const endTag = xml.lastIndexOf("</", dxfs.end - 1);
        splices.push({ at: dxfs.start, remove: startTagEnd - dxfs.start, insert: withCount(xml.slice(dxfs.start, startTagEnd), count) });
        splices.push({ at: endTag, insert: added });
      } else {
        splices.push({
          at: insertionPoint(children, close, AFTER_DXFS),
          insert: `<${qname(p, "dxfs")} count="${count}">${added}</${qname(p, "dxfs")}>`,
        });
      }
    }
  }

  let headerStyle = 0;
  if (boldHeader) {
    const fonts = children.find((c) => c.local === "fonts");
    const xfs = children.find((c) => c.local === "cellXfs");
    if (fonts && xfs && !xml.slice(fonts.start, fonts.end).endsWith("/>") && !xml.slice(xfs.start, xfs.end).endsWith("/>")) {
      const fontList = listChildren(xml, fonts);
      const xfList = listChildren(xml, xfs);
      // The workbook's default font made bold: same face and size as the rest of the copy.
      const base = fontList[0] ? xml.slice(fontList[0].start, fontList[0].end) : `<${qname(p, "font")}/>`;
      const bold = base.endsWith("/>")
        ? base.replace(/\/>$/, `><${qname(p, "b")}/></${qname(p, "font")}>`)
        : base.replace(/^(<[^>]*>)/, `$1<${qname(p, "b")}/>`);
      const fontId = fontList.length;
      for (const [el, list, add] of [
        [fonts, fontList, bold],
        [xfs, xfList, `<${qname(p, "xf")} numFmtId="0" fontId="${fontId}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`],
      ] as const) {
        const startTagEnd = xml.indexOf(">", el.start) + 1;
        splices.push({
          at: el.start,
          remove: startTagEnd - el.start,
          insert: withCount(xml.slice(el.start, startTagEnd), list.length + 1),
        });
        splices.push({ at: xml.lastIndexOf("</", el.end - 1), insert: add });
      }
      headerStyle = xfList.length;
    }
  }
  return { text: applySplices(xml, splices), dxfIds, headerStyle };
}

function listChildren(xml: string, el: { start: number; end: number }): { start: number; end: number }[] {
  if (xml.slice(el.start, el.end).endsWith("/>")) return [];
  return childrenOf(xml, xml.indexOf(">", el.start) + 1, el.end).children;
}

/** The listing as a worksheet part: frozen bold header, widths, inline strings (text stays text), an autofilter. */
function listingSheetXml(listing: Listing, headerStyle: number): string {
  const width = listing.header.length;
  const cell = (v: string | number, col: number, row: number, style: number): string => {
    const r = `${columnLetter(col)}${row}`;
    const s = style ? ` s="${style}"` : "";
    if (typeof v === "number" && Number.isFinite(v)) return `<c r="${r}"${s}><v>${v}</v></c>`;
    return `<c r="${r}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(String(v))}</t></is></c>`;
  };
  const rows = [listing.header, ...listing.rows].map(
    (values, i) => `<row r="${i + 1}">${values.map((v, c) => cell(v, c, i + 1, i === 0 ? headerStyle : 0)).join("")}</row>`,
  );
  const cols = (listing.widths ?? []).map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  const filter = listing.rows.length > 0 ? `<autoFilter ref="A1:${columnLetter(width - 1)}${listing.rows.length + 1}"/>` : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rows.join("")}</sheetData>` +
    filter +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `</worksheet>`
  );
}
