import { strToU8, zipSync } from "fflate";

/**
 * .xlsx packages written part by part from XML strings, so that each test states exactly what
 * the file holds: prefixes, part names, relationship targets, attribute spellings. Nothing here
 * goes through a spreadsheet library.
 */

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
export const T = {
  officeDocument: `${REL}/officeDocument`,
  worksheet: `${REL}/worksheet`,
  chartsheet: `${REL}/chartsheet`,
  styles: `${REL}/styles`,
  sharedStrings: `${REL}/sharedStrings`,
  table: `${REL}/table`,
  drawing: `${REL}/drawing`,
  chart: `${REL}/chart`,
  pivotTable: `${REL}/pivotTable`,
  pivotCacheDefinition: `${REL}/pivotCacheDefinition`,
  vbaProject: "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
} as const;

export const CT = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  xlsm: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  xltx: "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  xlsb: "application/vnd.ms-excel.sheet.binary.macroEnabled.main",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  pivotTable: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml",
  pivotCacheDefinition: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml",
  vba: "application/vnd.ms-office.vbaProject",
} as const;

export interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

export const rels = (list: readonly Rel[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${list
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`)
    .join("")}</Relationships>`;

export const contentTypes = (overrides: Readonly<Record<string, string>>, defaults: Readonly<Record<string, string>> = {}): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
  Object.entries(defaults)
    .map(([e, t]) => `<Default Extension="${e}" ContentType="${t}"/>`)
    .join("") +
  Object.entries(overrides)
    .map(([p, t]) => `<Override PartName="/${p}" ContentType="${t}"/>`)
    .join("") +
  `</Types>`;

/** A styles part: cellXfs 0 General, 1 yyyy-mm-dd (custom 164), 2 builtin 14. */
export const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export interface SheetDef {
  readonly name: string;
  /** The whole worksheet part's XML. */
  readonly xml: string;
  /** Part name; default `xl/worksheets/sheetN.xml`. */
  readonly part?: string;
  /** Target written in workbook.xml.rels; default relative to xl/. */
  readonly target?: string;
  /** The sheet's own relationships (tables, drawings, pivots). */
  readonly rels?: readonly Rel[];
  readonly state?: "hidden";
}

export interface BookDef {
  readonly sheets: readonly SheetDef[];
  readonly sharedStrings?: readonly string[];
  /** Raw sharedStrings.xml (rich text, phonetic runs); wins over `sharedStrings`. */
  readonly sharedStringsXml?: string;
  readonly date1904?: string;
  readonly workbookContentType?: string;
  /** More parts (path → text or bytes) and their content types. */
  readonly parts?: Readonly<Record<string, string | Uint8Array>>;
  readonly overrides?: Readonly<Record<string, string>>;
  readonly defaults?: Readonly<Record<string, string>>;
  /** More workbook relationships (pivot caches, VBA). */
  readonly workbookRels?: readonly Rel[];
  /** Extra XML inside <workbook> after <sheets> (pivotCaches). */
  readonly workbookExtra?: string;
}

export const escape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export const sst = (strings: readonly string[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings
    .map((s) => (s === "" ? "<si><t/></si>" : `<si><t xml:space="preserve">${escape(s)}</t></si>`))
    .join("")}</sst>`;

/** The parts of a workbook, as a map a test may still change before zipping. */
export function bookParts(def: BookDef): Record<string, string | Uint8Array> {
  const parts: Record<string, string | Uint8Array> = {};
  const overrides: Record<string, string> = {
    "xl/workbook.xml": def.workbookContentType ?? CT.xlsx,
    "xl/styles.xml": CT.styles,
    ...(def.overrides ?? {}),
  };
  const wbRels: Rel[] = [{ id: "rIdStyles", type: T.styles, target: "styles.xml" }, ...(def.workbookRels ?? [])];
  if (def.sharedStrings || def.sharedStringsXml) {
    parts["xl/sharedStrings.xml"] = def.sharedStringsXml ?? sst(def.sharedStrings ?? []);
    overrides["xl/sharedStrings.xml"] = CT.sharedStrings;
    wbRels.push({ id: "rIdSst", type: T.sharedStrings, target: "sharedStrings.xml" });
  }
  const sheetEntries: string[] = [];
  def.sheets.forEach((s, i) => {
    const part = s.part ?? `xl/worksheets/sheet${i + 1}.xml`;
    parts[part] = s.xml;
    overrides[part] = CT.worksheet;
    wbRels.push({ id: `rIdSheet${i + 1}`, type: T.worksheet, target: s.target ?? part.replace(/^xl\//, "") });
    if (s.rels) {
      const slash = part.lastIndexOf("/");
      parts[`${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`] = rels(s.rels);
    }
    sheetEntries.push(
      `<sheet name="${escape(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rIdSheet${i + 1}"/>`,
    );
  });
  parts["xl/workbook.xml"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
    (def.date1904 !== undefined ? `<workbookPr date1904="${def.date1904}"/>` : "<workbookPr/>") +
    `<bookViews><workbookView/></bookViews><sheets>${sheetEntries.join("")}</sheets>${def.workbookExtra ?? ""}</workbook>`;
  parts["xl/_rels/workbook.xml.rels"] = rels(wbRels);
  parts["xl/styles.xml"] = STYLES;
  parts["_rels/.rels"] = rels([{ id: "rId1", type: T.officeDocument, target: "xl/workbook.xml" }]);
  Object.assign(parts, def.parts ?? {});
  parts["[Content_Types].xml"] = contentTypes(overrides, def.defaults);
  return parts;
}

/** Zips parts, `[Content_Types].xml` first as Office writes it. */
export function zipParts(parts: Readonly<Record<string, string | Uint8Array>>): Uint8Array {
  const ordered: Record<string, Uint8Array> = {};
  const names = Object.keys(parts).sort((a, b) => (a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : 0));
  for (const n of names) {
    const v = parts[n];
    ordered[n] = typeof v === "string" ? strToU8(v) : v;
  }
  return zipSync(ordered, { level: 6, mtime: new Date(Date.UTC(2024, 0, 1)) });
}

export const book = (def: BookDef): Uint8Array => zipParts(bookParts(def));

/** A worksheet part around `sheetData` rows and whatever follows it (merges, validations …). */
export const worksheet = (rows: string, after = "", before = ""): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${before}<sheetData>${rows}</sheetData>${after}</worksheet>`;

/** One row of inline-string cells from column A (or `startCol`), `null` for none. */
export function textRow(r: number, values: readonly (string | null)[], startCol = 0): string {
  const cells = values
    .map((v, i) => (v === null ? "" : `<c r="${col(startCol + i)}${r}" t="inlineStr"><is><t>${escape(v)}</t></is></c>`))
    .join("");
  return `<row r="${r}">${cells}</row>`;
}

export function col(i: number): string {
  let n = i + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 待办事项's header, the manual's column names. */
export const ACTION_HEADER = ["事项内容", "负责人", "截止日期", "状态", "完成日期", "来源会议"] as const;
