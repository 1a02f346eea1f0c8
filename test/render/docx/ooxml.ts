// Reads a .docx written by renderDocx for the tests: its parts, parsed strictly, and the bits the
// tests look at (paragraph text, table cells, sections and their footers). Test helper only.
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import { unzip } from "./unzip";

export const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
export const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Parses XML, failing on any error, so a malformed part fails the test (warnings, such as U+FFFD in text, pass). */
export function parseXml(xml: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(xml, "text/xml");
}

export function all(node: Document | Element, localName: string): Element[] {
  return Array.from(node.getElementsByTagNameNS(W, localName));
}

export function attr(el: Element, localName: string): string | null {
  return el.getAttributeNS(W, localName);
}

/** The text of an element as Word shows it: w:t contents, w:tab as a tab, w:br as a newline. */
export function textOf(el: Element): string {
  let out = "";
  const walk = (node: Element): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType !== 1) continue;
      const e = child as Element;
      if (e.namespaceURI === W && e.localName === "t") out += e.textContent ?? "";
      else if (e.namespaceURI === W && e.localName === "tab" && e.parentNode && (e.parentNode as Element).localName === "r") out += "\t";
      else if (e.namespaceURI === W && e.localName === "br") out += "\n";
      else walk(e);
    }
  };
  walk(el);
  return out;
}

export interface Docx {
  readonly files: Map<string, Buffer>;
  readonly documentXml: string;
  readonly document: Document;
  /** Footer part of each section, in order (the default footer). */
  readonly footers: readonly Document[];
  readonly footerXml: readonly string[];
}

export function openDocx(bytes: Uint8Array): Docx {
  const files = unzip(bytes);
  const part = (name: string): string => {
    const f = files.get(name);
    if (!f) throw new Error(`docx has no ${name}`);
    return f.toString("utf8");
  };
  const documentXml = part("word/document.xml");
  const document = parseXml(documentXml);
  const rels = parseXml(part("word/_rels/document.xml.rels"));
  const target = new Map(
    Array.from(rels.getElementsByTagName("Relationship")).map((r) => [r.getAttribute("Id") ?? "", r.getAttribute("Target") ?? ""]),
  );
  const footerXml = all(document, "sectPr").map((sect) => {
    const ref = all(sect, "footerReference").find((f) => attr(f, "type") === "default");
    if (!ref) throw new Error("section without a default footer");
    return part("word/" + target.get(ref.getAttributeNS(R, "id") ?? ""));
  });
  return { files, documentXml, document, footers: footerXml.map(parseXml), footerXml };
}

/** Every table as rows of cell texts. */
export function tables(doc: Document): string[][][] {
  return all(doc, "tbl").map((tbl) => all(tbl, "tr").map((tr) => all(tr, "tc").map(textOf)));
}

/** Every body paragraph's text (outside tables), in order. */
export function paragraphs(doc: Document): string[] {
  return all(doc, "p")
    .filter((p) => {
      for (let n = p.parentNode; n; n = n.parentNode) if ((n as Element).localName === "tbl") return false;
      return true;
    })
    .map(textOf);
}

/** Field codes (instrText) of a part, trimmed: ["PAGE", "NUMPAGES"]. */
export function fieldCodes(doc: Document): string[] {
  return all(doc, "instrText").map((e) => (e.textContent ?? "").trim());
}
