import { cellAddress, columnLetter, parseRange } from "../../core/a1";
import type { RawCell } from "../../core/cells/types";
import { REGISTER_SHEET, type RegisterEntry } from "../../core/documents/model";
import type { CellStyle, SheetLayout } from "../../core/documents/sheet-layout-types";
import { LiaisonError } from "../../core/errors";
import { cellAt } from "../../core/layout/snapshot";
import { uniqueTableName } from "../../core/names";
import { absoluteRows, footerWithPageNumbers, type LayoutPlan } from "../layout-plan";
import {
  REGISTER_COLUMNS,
  REGISTER_HEADER,
  REGISTER_TABLE,
  REGISTER_WIDTHS,
  registerLine,
  registerShape,
} from "../../core/documents/register-rows";
import { partText, readRels } from "./package";
import { PackageEdit, TABLE_CONTENT_TYPE, TABLE_TYPE } from "./package-edit";
import type { ReadSheet } from "./reader";
import { appendCellXfs, type XfSpec } from "./styles-edit";
import { applySplices, childrenOf, findStartTag, insertionPoint, qname, type ChildElement, type Splice } from "./xml-splice";
import { escapeXml, REL_NS, xmlText } from "./xml";

/**
 * Generated documents written into a patched copy (`liaison generate … --out copy.xlsx`, and the
 * register lines of a Word/PDF run): one new worksheet per document and the register 文书登记
 * extended — nothing else of the original package changes.
 *
 * The document sheets' XML is written here directly from the SheetLayout (cells, merges, widths,
 * heights, fonts, fills, borders, A4 page setup, print area and title rows) rather than rendered
 * by ExcelJS into a scratch workbook and grafted: a scratch sheet refers to the scratch's shared
 * strings and styles, which would all have to be remapped into the original, and the layout is
 * small and fully known. The translation mirrors `exceljs/sheet-layout-apply.ts` field by field
 * (the preview still writes through ExcelJS), so both write the same document.
 *
 * The register is patched in place: its lines appended below its last used row as inline text
 * cells (text stays text), its Excel table's `ref` grown over them (and its columns, when an older
 * register lacks some); a workbook without a register gets a new sheet with the register table.
 */

export interface DocumentSheet {
  /** Final, unique sheet name. */
  readonly name: string;
  readonly layout: SheetLayout;
  readonly plan: LayoutPlan;
}

export interface DocumentsPatch {
  readonly sheets: readonly DocumentSheet[];
  /** Register lines, `documentSheet` filled in ("" for a document that went out as Word/PDF). */
  readonly entries: readonly RegisterEntry[];
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
/** OOXML paper size code of A4. */
const PAPER_A4 = 9;
/** Header/footer distance from the page edge, inches (Excel's default, as the ExcelJS writer sets it). */
const HEADER_FOOTER_MARGIN = 0.3;
/** The default font of a document cell: Calibri 11, as the ExcelJS writer starts every styled font from. */
const DEFAULT_FONT = { name: "Calibri", size: 11 };
/** The font's character set for a Chinese typeface (134 = GB2312), as Excel writes it for 宋体. */
const GB2312_CHARSET = 134;
/** Number format 49 is text (`@`). */
const TEXT_FORMAT = 49;
/** Columns of the register read beyond the template's (columns a person added by hand). */
const READ_COLUMNS = REGISTER_COLUMNS + 6;

/** CT_Worksheet children after tableParts: only extLst (§18.3.1.99). */
const AFTER_TABLE_PARTS = new Set(["extLst"]);

const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;

export function patchDocuments(edit: PackageEdit, docs: DocumentsPatch): void {
  const pkg = edit.pkg;
  const register = pkg.sheets.find((s) => s.entry.name.toLocaleLowerCase() === REGISTER_SHEET.toLocaleLowerCase());

  // Every cell format used, gathered first so styles.xml is edited once.
  const specs: XfSpec[] = [];
  const specIndex = new Map<string, number>();
  const want = (spec: XfSpec): number => {
    const key = JSON.stringify(spec);
    let i = specIndex.get(key);
    if (i === undefined) {
      i = specs.length;
      specs.push(spec);
      specIndex.set(key, i);
    }
    return i;
  };
  const sheetCells = docs.sheets.map((d) => layoutCells(d.plan, want));
  const textSpec = want({ numFmtId: TEXT_FORMAT });
  const headerSpec = want(HEADER_SPEC);

  const stylesPart = pkg.workbookRels.find((r) => r.kind === "styles" && r.part)?.part;
  // Without a styles part (a hand-made package) the cells are written unstyled, as text all the same.
  let xfIds: number[] = specs.map(() => 0);
  if (stylesPart) {
    const r = appendCellXfs(edit.text(stylesPart), specs);
    edit.set(stylesPart, r.text);
    xfIds = r.ids;
  }

  docs.sheets.forEach((d, i) => {
    const { index } = edit.addWorksheet(d.name, layoutSheetXml(d, sheetCells[i], xfIds));
    const ref = `'${d.name.replace(/'/g, "''")}'!`;
    edit.addDefinedName("_xlnm.Print_Area", index, ref + absoluteArea(d.layout.print.printArea));
    if (d.layout.print.titleRows !== undefined)
      edit.addDefinedName("_xlnm.Print_Titles", index, ref + absoluteRows(d.layout.print.titleRows));
  });

  if (docs.entries.length === 0) return;
  const styles = { text: xfIds[textSpec], header: xfIds[headerSpec] };
  if (register) appendToRegister(edit, register, docs.entries, styles);
  else newRegister(edit, docs.entries, styles);
}

/** The register header's look (`styleHeaderCell` of the ExcelJS writer), as text. */
const HEADER_SPEC: XfSpec = {
  font: `<b/><color rgb="FFFFFFFF"/>`,
  fill: `<patternFill patternType="solid"><fgColor rgb="FF4472C4"/></patternFill>`,
  numFmtId: TEXT_FORMAT,
  alignment: `vertical="center" wrapText="1"`,
};

/* ---------------------------------------------------------------------------------------------
 * Document sheets
 * ------------------------------------------------------------------------------------------- */

interface PlannedCell {
  readonly row: number;
  readonly col: number;
  readonly text: string;
  /** Index into the spec list. */
  readonly spec?: number;
}

/** Every cell with text or a style, row by row: a merged area's style covers the whole area (its borders frame it). */
function layoutCells(plan: LayoutPlan, want: (spec: XfSpec) => number): PlannedCell[] {
  const styles = new Map<number, CellStyle>();
  const key = (row: number, col: number): number => row * 16_384 + col;
  for (const { style, rects } of plan.styles)
    for (const r of rects)
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          const k = key(row, col);
          styles.set(k, { ...styles.get(k), ...style });
        }
  const cells: PlannedCell[] = [];
  for (let row = 1; row <= plan.rowCount; row++) {
    for (let col = 0; col < plan.columnCount; col++) {
      const text = plan.text[row - 1]?.[col] ?? "";
      const style = styles.get(key(row, col));
      if (text === "" && !style) continue;
      const spec = specOf(style, text !== "");
      cells.push({ row, col, text, ...(spec ? { spec: want(spec) } : {}) });
    }
  }
  return cells;
}

/** A layout style as a cell format, as the ExcelJS writer sets font, alignment, fill and border. */
function specOf(s: CellStyle | undefined, text: boolean): XfSpec | undefined {
  const numFmtId = text ? TEXT_FORMAT : 0;
  if (!s) return text ? { numFmtId } : undefined;
  const hasFont = s.bold !== undefined || s.fontSize !== undefined || s.fontColor !== undefined || s.fontName !== undefined;
  const font = hasFont
    ? (s.bold ? "<b/>" : "") +
      `<sz val="${s.fontSize ?? DEFAULT_FONT.size}"/>` +
      (s.fontColor !== undefined ? `<color rgb="${argb(s.fontColor)}"/>` : "") +
      `<name val="${escapeXml(s.fontName ?? DEFAULT_FONT.name)}"/>` +
      (s.fontName !== undefined ? `<charset val="${GB2312_CHARSET}"/>` : "")
    : undefined;
  const alignment = [
    s.horizontal !== undefined ? `horizontal="${s.horizontal}"` : "",
    // ExcelJS's `middle` is OOXML's `center`.
    s.vertical !== undefined ? `vertical="${s.vertical === "middle" ? "center" : s.vertical}"` : "",
    s.wrap !== undefined ? `wrapText="${s.wrap ? 1 : 0}"` : "",
  ]
    .filter((a) => a !== "")
    .join(" ");
  const fill = s.fill !== undefined ? `<patternFill patternType="solid"><fgColor rgb="${argb(s.fill)}"/></patternFill>` : undefined;
  let border: string | undefined;
  if (s.border || s.dashedTop || s.bottomRule) {
    const thin = s.border ? `style="thin"` : "";
    const side = (name: string, attrs: string, inner = ""): string =>
      attrs === "" ? `<${name}/>` : inner === "" ? `<${name} ${attrs}/>` : `<${name} ${attrs}>${inner}</${name}>`;
    border =
      side("left", thin) +
      side("right", thin) +
      (s.dashedTop ? side("top", `style="dashed"`) : side("top", thin)) +
      (s.bottomRule ? side("bottom", `style="thick"`, `<color rgb="${argb(s.bottomRule)}"/>`) : side("bottom", thin)) +
      "<diagonal/>";
  }
  return {
    numFmtId,
    ...(font !== undefined ? { font } : {}),
    ...(fill !== undefined ? { fill } : {}),
    ...(border !== undefined ? { border } : {}),
    ...(alignment !== "" ? { alignment } : {}),
  };
}

const inlineText = (ref: string, style: number, text: string): string =>
  `<c r="${ref}"${style ? ` s="${style}"` : ""} t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;

function layoutSheetXml(d: DocumentSheet, cells: readonly PlannedCell[], xfIds: readonly number[]): string {
  const { layout, plan } = d;
  const byRow = new Map<number, PlannedCell[]>();
  for (const c of cells) {
    let list = byRow.get(c.row);
    if (!list) byRow.set(c.row, (list = []));
    list.push(c);
  }
  const heights = new Map(Object.entries(layout.rowHeights).map(([r, h]) => [Number(r), h]));
  const rowNumbers = [...new Set([...byRow.keys(), ...heights.keys()])].sort((a, b) => a - b);
  const rows = rowNumbers.map((r) => {
    const h = heights.get(r);
    const inner = (byRow.get(r) ?? [])
      .map((c) => {
        const s = c.spec === undefined ? 0 : xfIds[c.spec];
        const ref = cellAddress(c.col, c.row);
        return c.text === "" ? `<c r="${ref}"${s ? ` s="${s}"` : ""}/>` : inlineText(ref, s, c.text);
      })
      .join("");
    return `<row r="${r}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ""}>${inner}</row>`;
  });
  const cols = layout.columnWidths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join("");
  const merges = layout.merges.map((m) => `<mergeCell ref="${cellAddress(m.left, m.top)}:${cellAddress(m.right, m.bottom)}"/>`).join("");
  const p = layout.print;
  const last = cellAddress(plan.columnCount - 1, plan.rowCount);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rows.join("")}</sheetData>` +
    (merges ? `<mergeCells count="${layout.merges.length}">${merges}</mergeCells>` : "") +
    `<pageMargins left="${p.margins.left}" right="${p.margins.right}" top="${p.margins.top}" bottom="${p.margins.bottom}" header="${HEADER_FOOTER_MARGIN}" footer="${HEADER_FOOTER_MARGIN}"/>` +
    `<pageSetup paperSize="${PAPER_A4}" orientation="${p.orientation}" fitToWidth="1" fitToHeight="0"/>` +
    `<headerFooter><oddFooter>${xmlText(`&C${footerWithPageNumbers(p.footer, p.pageCounter)}`)}</oddFooter></headerFooter>` +
    `</worksheet>`
  );
}

/** `A1:F40` → `$A$1:$F$40`. */
function absoluteArea(area: string): string {
  const r = parseRange(area);
  if (!r) throw new RangeError(`print area must be an A1 range, got ${JSON.stringify(area)}`);
  return `$${columnLetter(r.left)}$${r.top}:$${columnLetter(r.right)}$${r.bottom}`;
}

/* ---------------------------------------------------------------------------------------------
 * The register
 * ------------------------------------------------------------------------------------------- */

interface RegisterStyles {
  readonly text: number;
  readonly header: number;
}

/** A row to write: 0-based column → text. */
type RowCells = ReadonlyMap<number, string>;

function newRegister(edit: PackageEdit, entries: readonly RegisterEntry[], styles: RegisterStyles): void {
  const shape = registerShape(undefined);
  const lines = [REGISTER_HEADER, ...entries.map((e) => registerLine(e, shape))];
  const width = shape.width;
  const last = lines.length;
  const rows = lines
    .map(
      (values, i) =>
        `<row r="${i + 1}">${values.map((v, c) => inlineText(cellAddress(c, i + 1), i === 0 ? styles.header : styles.text, v)).join("")}</row>`,
    )
    .join("");
  // Typed additions by hand stay text too: the columns' own format is text.
  const cols = REGISTER_WIDTHS.map(
    (w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}"${styles.text ? ` style="${styles.text}"` : ""} customWidth="1"/>`,
  ).join("");
  const sheetXml = (relId: string): string =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="A1:${cellAddress(width - 1, last)}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols>` +
    `<sheetData>${rows}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<tableParts count="1"><tablePart r:id="${relId}"/></tableParts></worksheet>`;
  const { part } = edit.addWorksheet(REGISTER_SHEET, sheetXml("rId1"));
  const relId = addTablePart(edit, part, tableXml(edit, width, last, [...REGISTER_HEADER]));
  edit.set(part, sheetXml(relId));
}

function appendToRegister(edit: PackageEdit, sheet: ReadSheet, entries: readonly RegisterEntry[], styles: RegisterStyles): void {
  const grid = sheet.snapshot.grid;
  const rowCells = (r: number): RawCell[] => Array.from({ length: READ_COLUMNS }, (_, c) => cellAt(grid, r, c));
  let lastUsed = 0;
  for (let i = grid.rowNumbers.length - 1; i >= 0 && lastUsed === 0; i--) {
    const r = grid.rowNumbers[i];
    if (rowCells(r).some((v) => v !== null && v !== "")) lastUsed = r;
  }
  const fresh = lastUsed === 0;
  const header = fresh ? undefined : rowCells(1);
  const shape = registerShape(header);
  const writes = new Map<number, { cells: RowCells; style: number }>();
  if (fresh) writes.set(1, { cells: new Map(REGISTER_HEADER.map((h, c) => [c, h])), style: styles.header });
  // An older register's header gains the columns it lacks, after its last one.
  else if (shape.missing.length > 0) writes.set(1, { cells: new Map(shape.missing.map((m) => [m.column, m.name])), style: styles.text });
  let next = fresh ? 2 : lastUsed + 1;
  for (const e of entries) {
    const line = registerLine(e, shape);
    writes.set(next++, { cells: new Map(line.map((v, c) => [c, v])), style: styles.text });
  }
  const lastRow = next - 1;

  let xml = writeRows(edit.text(sheet.part), writes);

  // The register's table grows over the new lines (and columns); a register without one gets one.
  const headerNames = Array.from({ length: shape.width }, (_, c) => {
    const fromWrites = writes.get(1)?.cells.get(c);
    const h = fromWrites ?? cellText(header?.[c] ?? null);
    return h === "" ? `列${c + 1}` : h;
  });
  const table = registerTable(edit, sheet);
  if (table) edit.set(table.part, growTable(table.text, shape.width, lastRow, headerNames));
  else {
    const relId = addTablePart(edit, sheet.part, tableXml(edit, shape.width, lastRow, headerNames));
    xml = addTablePartElement(xml, relId);
  }
  edit.set(sheet.part, xml);
}

const cellText = (v: RawCell): string => (v === null || typeof v === "object" ? "" : String(v));

/** The register's Excel table: the first table of its sheet. */
function registerTable(edit: PackageEdit, sheet: ReadSheet): { part: string; text: string } | undefined {
  for (const rel of readRels(edit.pkg.zip, sheet.part)) {
    if (rel.kind !== "table" || !rel.part) continue;
    const text = partText(edit.pkg.zip, rel.part);
    if (text !== undefined) return { part: rel.part, text };
  }
  return undefined;
}

/** A table part for the register (unique id and name in the workbook), related from the sheet; returns the relationship id. */
function addTablePart(edit: PackageEdit, sheetPart: string, xml: string): string {
  const wb = edit.pkg.workbookPart;
  const part = edit.freePartName(`${wb.slice(0, wb.lastIndexOf("/") + 1)}tables/`, "table", ".xml");
  edit.addPart(part, xml, TABLE_CONTENT_TYPE);
  return edit.addRelationship(sheetPart, TABLE_TYPE, part);
}

function tableXml(edit: PackageEdit, width: number, lastRow: number, names: readonly string[]): string {
  const pkg = edit.pkg;
  // Table ids are unique in the workbook, and so are table names.
  let maxId = 0;
  // Table parts are known by their content type, whatever they are called.
  for (const [part, type] of pkg.contentTypes.overrides) {
    if (type !== TABLE_CONTENT_TYPE) continue;
    const id = /<(?:[\w.-]+:)?table\b[^>]*?\bid="(\d+)"/.exec(partText(pkg.zip, part) ?? "")?.[1];
    if (id !== undefined) maxId = Math.max(maxId, Number(id));
  }
  const name = uniqueTableName(
    REGISTER_TABLE,
    pkg.sheets.flatMap((s) => s.snapshot.tables.map((t) => t.name)),
  );
  const ref = `A1:${cellAddress(width - 1, lastRow)}`;
  const columns = names.map((n, i) => `<tableColumn id="${i + 1}" name="${escapeXml(n)}"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${MAIN_NS}" id="${maxId + 1}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${names.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** The table's `ref` (and its autoFilter's) over A1 to the last line, with columns added up to `width`. */
function growTable(xml: string, width: number, lastRow: number, names: readonly string[]): string {
  const root = findStartTag(xml, "table");
  if (!root) throw new LiaisonError("unreadableFile");
  const rootTag = xml.slice(root.start, root.inside);
  const old = parseRange(/\bref="([^"]*)"/.exec(rootTag)?.[1] ?? "");
  const right = Math.max(width - 1, old?.right ?? 0);
  const bottom = Math.max(lastRow, old?.bottom ?? 0);
  const ref = `${cellAddress(old?.left ?? 0, old?.top ?? 1)}:${cellAddress(right, bottom)}`;
  const splices: Splice[] = [
    { at: root.start, remove: root.inside - root.start, insert: rootTag.replace(/\bref="[^"]*"/, `ref="${ref}"`) },
  ];
  const { children } = childrenOf(xml, root.inside);
  const filter = children.find((c) => c.local === "autoFilter");
  if (filter) {
    const tagEnd = xml.indexOf(">", filter.start) + 1;
    const tag = xml.slice(filter.start, tagEnd);
    splices.push({ at: filter.start, remove: tagEnd - filter.start, insert: tag.replace(/\bref="[^"]*"/, `ref="${ref}"`) });
  }
  const columns = children.find((c) => c.local === "tableColumns");
  if (columns) {
    const have = columnsOf(xml, columns);
    const count = right - (old?.left ?? 0) + 1;
    if (count > have.length) {
      const p = root.prefix;
      let id = Math.max(0, ...have.map((c) => c.id));
      const taken = new Set(have.map((c) => c.name.toLowerCase()));
      let added = "";
      for (let c = (old?.left ?? 0) + have.length; c <= right; c++) {
        let name = names[c] ?? `列${c + 1}`;
        for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${names[c] ?? "列"}${n}`;
        taken.add(name.toLowerCase());
        added += `<${qname(p, "tableColumn")} id="${++id}" name="${escapeXml(name)}"/>`;
      }
      const tagEnd = xml.indexOf(">", columns.start) + 1;
      const tag = xml.slice(columns.start, tagEnd);
      splices.push({ at: columns.start, remove: tagEnd - columns.start, insert: tag.replace(/\bcount="\d*"/, `count="${count}"`) });
      splices.push({ at: xml.lastIndexOf("</", columns.end - 1), insert: added });
    }
  }
  return applySplices(xml, splices);
}

function columnsOf(xml: string, el: ChildElement): { id: number; name: string }[] {
  if (xml.slice(el.start, el.end).endsWith("/>")) return [];
  return childrenOf(xml, xml.indexOf(">", el.start) + 1, el.end).children.map((c) => {
    const tag = xml.slice(c.start, xml.indexOf(">", c.start));
    return { id: Number(/\bid="(\d+)"/.exec(tag)?.[1] ?? 0), name: /\bname="([^"]*)"/.exec(tag)?.[1] ?? "" };
  });
}

/** `<tableParts>` with one more `<tablePart>` (created at its place in the sequence when missing). */
function addTablePartElement(xml: string, relId: string): string {
  const root = findStartTag(xml, "worksheet");
  if (!root) throw new LiaisonError("unreadableFile");
  const p = root.prefix;
  const rootTag = xml.slice(root.start, root.inside);
  const relPrefix = new RegExp(`xmlns:([\\w.-]+)="${REL_NS.replace(/[./]/g, "\\$&")}"`).exec(rootTag)?.[1];
  const idAttr = relPrefix ? `${relPrefix}:id="${relId}"` : `xmlns:r="${REL_NS}" r:id="${relId}"`;
  const part = `<${qname(p, "tablePart")} ${idAttr}/>`;
  const { children, close } = childrenOf(xml, root.inside);
  const parts = children.find((c) => c.local === "tableParts");
  if (!parts)
    return applySplices(xml, [
      {
        at: insertionPoint(children, close, AFTER_TABLE_PARTS),
        insert: `<${qname(p, "tableParts")} count="1">${part}</${qname(p, "tableParts")}>`,
      },
    ]);
  const count = columnsOf(xml, parts).length + 1;
  if (xml.slice(parts.start, parts.end).endsWith("/>"))
    return applySplices(xml, [
      {
        at: parts.start,
        remove: parts.end - parts.start,
        insert: `<${qname(p, "tableParts")} count="${count}">${part}</${qname(p, "tableParts")}>`,
      },
    ]);
  const tagEnd = xml.indexOf(">", parts.start) + 1;
  const tag = xml.slice(parts.start, tagEnd);
  return applySplices(xml, [
    {
      at: parts.start,
      remove: tagEnd - parts.start,
      insert: /\bcount="/.test(tag) ? tag.replace(/\bcount="\d*"/, `count="${count}"`) : tag,
    },
    { at: xml.lastIndexOf("</", parts.end - 1), insert: part },
  ]);
}

/**
 * The sheet's XML with these rows written: a row the sheet already has (a formatted blank row
 * below the register, its header) keeps its attributes and its other cells, the written columns
 * replaced; a new row goes in row order. Every written cell is inline text.
 */
function writeRows(xml: string, writes: ReadonlyMap<number, { cells: RowCells; style: number }>): string {
  const root = findStartTag(xml, "worksheet");
  if (!root) throw new LiaisonError("unreadableFile");
  const p = root.prefix;
  const q = (l: string): string => qname(p, l);
  const data = findStartTag(xml, "sheetData", root.inside);
  if (!data) throw new LiaisonError("unreadableFile");
  const cellXml = (r: number, c: number, text: string, style: number): string =>
    inlineText(cellAddress(c, r), style, text).replace(
      /<(\/?)([a-z])/g,
      (_, slash: string, ch: string) => `<${slash}${p ? `${p}:` : ""}${ch}`,
    );
  const newRow = (r: number, w: { cells: RowCells; style: number }): string =>
    `<${q("row")} r="${r}">${[...w.cells]
      .sort(([a], [b]) => a - b)
      .map(([c, t]) => cellXml(r, c, t, w.style))
      .join("")}</${q("row")}>`;

  if (data.selfClosing) {
    const all = [...writes].sort(([a], [b]) => a - b).map(([r, w]) => newRow(r, w));
    return applySplices(xml, [
      { at: data.start, remove: data.inside - data.start, insert: `<${q("sheetData")}>${all.join("")}</${q("sheetData")}>` },
    ]);
  }
  const { children, close } = childrenOf(xml, data.inside);
  const rows: { r: number; el: ChildElement }[] = [];
  let r = 0;
  for (const el of children) {
    if (el.local !== "row") continue;
    const tag = xml.slice(el.start, xml.indexOf(">", el.start) + 1);
    const n = /\br="(\d+)"/.exec(tag)?.[1];
    r = n !== undefined ? Number(n) : r + 1;
    rows.push({ r, el });
  }
  const splices: Splice[] = [];
  for (const [rowNumber, w] of writes) {
    const existing = rows.find((x) => x.r === rowNumber);
    if (existing) {
      splices.push({
        at: existing.el.start,
        remove: existing.el.end - existing.el.start,
        insert: mergeRow(xml, existing.el, rowNumber, w, cellXml, q),
      });
      continue;
    }
    const after = rows.find((x) => x.r > rowNumber);
    splices.push({ at: after ? after.el.start : close, insert: newRow(rowNumber, w) });
  }
  return applySplices(xml, splices);
}

/** An existing row with the written columns replaced and its other cells kept, in column order. */
function mergeRow(
  xml: string,
  el: ChildElement,
  r: number,
  w: { cells: RowCells; style: number },
  cellXml: (r: number, c: number, text: string, style: number) => string,
  q: (l: string) => string,
): string {
  const text = xml.slice(el.start, el.end);
  const tagEnd = text.indexOf(">") + 1;
  // `spans` is only a hint of the row's columns; it goes rather than stay wrong.
  const startTag = text
    .slice(0, tagEnd)
    .replace(/\s+spans="[^"]*"/, "")
    .replace(/\s*\/>$/, ">");
  const kept: { col: number; xml: string }[] = [];
  if (!text.endsWith("/>")) {
    let col = -1;
    for (const c of childrenOf(text, tagEnd).children) {
      const cell = text.slice(c.start, c.end);
      const ref = /^<[^>]*?\br="([^"]*)"/.exec(cell)?.[1];
      const at = ref !== undefined ? parseRange(ref) : undefined;
      col = at ? at.left : col + 1;
      if (c.local === "c" && w.cells.has(col)) continue;
      kept.push({ col, xml: cell });
    }
  }
  const written = [...w.cells].map(([c, t]) => ({ col: c, xml: cellXml(r, c, t, w.style) }));
  const all = [...kept, ...written].sort((a, b) => a.col - b.col);
  return `${startTag}${all.map((c) => c.xml).join("")}</${q("row")}>`;
}
