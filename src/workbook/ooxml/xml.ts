import { SaxesParser, type SaxesTagNS } from "saxes";
import { LiaisonError } from "../../core/errors";

/**
 * Streaming XML through saxes with namespaces resolved: elements are told apart by their local
 * name (and namespace where it matters), never by their prefix, so `<x:workbook>` as the OpenXML
 * SDK writes it reads like `<workbook>`. A malformed part is the file's fault: unreadableFile.
 */

export type XmlTag = SaxesTagNS;

export interface XmlHandlers {
  open(tag: XmlTag): void;
  close?(tag: XmlTag): void;
  /** Text and CDATA, possibly in several pieces. */
  text?(text: string): void;
}

export interface XmlStream {
  write(text: string): void;
  close(): void;
}

export function xmlStream(part: string, h: XmlHandlers): XmlStream {
  const parser = new SaxesParser({ xmlns: true, fileName: part });
  parser.on("opentag", h.open);
  if (h.close) parser.on("closetag", h.close);
  if (h.text) {
    parser.on("text", h.text);
    parser.on("cdata", h.text);
  }
  const fail = (cause: unknown): never => {
    throw Object.assign(new LiaisonError("unreadableFile"), { cause });
  };
  return {
    write(text) {
      try {
        parser.write(text);
      } catch (e) {
        if (e instanceof LiaisonError) throw e;
        fail(e);
      }
    },
    close() {
      try {
        parser.close();
      } catch (e) {
        if (e instanceof LiaisonError) throw e;
        fail(e);
      }
    },
  };
}

export function parseXml(part: string, text: string, h: XmlHandlers): void {
  const s = xmlStream(part, h);
  s.write(text);
  s.close();
}

/** An attribute by local name; with `uri`, only in that namespace (unprefixed attributes have none). */
export function attr(tag: XmlTag, local: string, uri?: string): string | undefined {
  const direct = tag.attributes[local];
  if (direct !== undefined && uri === undefined) return direct.value;
  for (const key in tag.attributes) {
    const a = tag.attributes[key];
    if (a.local === local && (uri === undefined ? a.prefix === "" : isNs(a.uri, uri))) return a.value;
  }
  return undefined;
}

/** Transitional (schemas.openxmlformats.org) and Strict (purl.oclc.org/ooxml) spell each namespace differently. */
export const NS = {
  rel: "relationships",
} as const;

/** Whether `uri` is the officeDocument relationships namespace (either conformance class). */
export function isNs(uri: string, which: string): boolean {
  if (which === NS.rel) return uri === REL_NS || uri === "http://purl.oclc.org/ooxml/officeDocument/relationships";
  return uri === which;
}

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** `true`/`1` (xsd:boolean), as Excel writes `1` and LibreOffice `true`. */
export const xsdTrue = (v: string | undefined): boolean => v === "1" || v === "true";

export function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : "&quot;"));
}

/**
 * Text for an XML text node: characters XML 1.0 cannot hold (controls other than tab and line
 * breaks) are written as Excel escapes them, `_xHHHH_`; a literal `_xHHHH_` gets its `_` escaped.
 */
export function xmlText(text: string): string {
  return escapeXml(
    text
      .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`)
      .replace(
        // eslint-disable-next-line no-control-regex -- exactly the control characters XML 1.0 cannot hold
        /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
        (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
      ),
  );
}
