import { LiaisonError } from "../../core/errors";

/**
 * A streaming XML scanner for the one hot path, worksheet parts (a 100,000-row sheet is ~40 MB of
 * XML and ~2.3 million elements): saxes, which reads every other part, builds an object per tag
 * and per attribute, and spends most of a sheet's time collecting that garbage. This scanner
 * allocates nothing per attribute: a handler asks for the attributes it needs and they are looked
 * up in the tag's text.
 *
 * It is namespace-aware the way saxes is: `xmlns` declarations are tracked per element, and every
 * element and asked-for attribute comes with its namespace URI, so `<x:c>` bound to the
 * SpreadsheetML namespace reads as `<c>`. Comments, processing instructions, CDATA and the five
 * predefined and numeric character references are handled. It checks what reading needs — tags
 * closed in order and nothing cut off — not every rule of XML well-formedness.
 */

export interface ScanTag {
  readonly local: string;
  readonly uri: string;
  /** An unprefixed attribute's value (entities decoded), or undefined. */
  get(name: string): string | undefined;
  /**
   * Unprefixed attributes' values in one pass over the tag (a cell's `r`, `t`, `s`): `out[i]` is
   * the value of `names[i]` (entities decoded) or undefined.
   */
  getAll(names: readonly string[], out: (string | undefined)[]): void;
  /** A prefixed attribute's value by namespace URI and local name. */
  getNs(uri: string, local: string): string | undefined;
}

export interface ScanHandlers {
  open(tag: ScanTag, selfClosing: boolean): void;
  close(local: string, uri: string): void;
  text(text: string): void;
}

const XML_NS = "http://www.w3.org/XML/1998/namespace";

/** SpreadsheetML's namespaces (Transitional and Strict). */
export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const STRICT_MAIN_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";
/**
 * Declared URIs handed out as these very strings: handlers compare a tag's URI with them millions
 * of times per sheet, and the same string object compares at once (a copy compares char by char).
 */
const KNOWN_URIS = new Map([MAIN_NS, STRICT_MAIN_NS].map((u) => [u, u]));
/** Whether a tag's URI is SpreadsheetML's. */
export const isMain = (uri: string): boolean => uri === MAIN_NS || uri === STRICT_MAIN_NS;

const bad = (part: string, why: string): LiaisonError =>
  Object.assign(new LiaisonError("unreadableFile"), { cause: new Error(`${part}: ${why}`) });

export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    switch (e) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
    }
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** A declared namespace scope: the depth of the element that declared it and its bindings. */
interface Scope {
  readonly depth: number;
  readonly bindings: ReadonlyMap<string, string>;
}

export function xmlScanner(part: string, h: ScanHandlers): { write(text: string): void; close(): void } {
  let buf = "";
  let depth = 0;
  let sawRoot = false;
  const scopes: Scope[] = [{ depth: -1, bindings: new Map([["xml", XML_NS]]) }];
  const stack: string[] = [];
  const uris: string[] = [];
  const locals: string[] = [];

  // The default namespace in scope, kept while no declaration comes or goes (most tags have no prefix).
  let defaultUri: string | undefined;
  const resolve = (prefix: string): string => {
    if (prefix === "" && defaultUri !== undefined) return defaultUri;
    const uri = lookup(prefix);
    if (prefix === "") defaultUri = uri;
    return uri;
  };
  const lookup = (prefix: string): string => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const uri = scopes[i].bindings.get(prefix);
      if (uri !== undefined) return uri;
    }
    if (prefix === "") return "";
    throw bad(part, `undeclared prefix ${prefix}`);
  };

  /** Offset of the next `xmlns` in the buffer being pumped (-1: none left). */
  let nextXmlns = -1;
  // The tag being handed out: the buffer and the span of its attributes.
  let tagText = "";
  let attrStart = 0;
  let attrEnd = 0;
  const find = (qname: string): string | undefined => {
    let i = attrStart;
    const s = tagText;
    const n = attrEnd;
    while (i < n) {
      while (i < n && s.charCodeAt(i) <= 32) i++;
      const eq = s.indexOf("=", i);
      if (eq < 0 || eq >= n) return undefined;
      let nameEnd = eq;
      while (nameEnd > i && s.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
      let q = eq + 1;
      while (q < n && s.charCodeAt(q) <= 32) q++;
      const quote = s[q];
      const close = s.indexOf(quote, q + 1);
      if (close < 0 || close >= n) return undefined;
      if (nameEnd - i === qname.length && s.startsWith(qname, i)) return decodeEntities(s.slice(q + 1, close));
      i = close + 1;
    }
    return undefined;
  };
  const findAll = (names: readonly string[], out: (string | undefined)[]): void => {
    out.fill(undefined, 0, names.length);
    let i = attrStart;
    const s = tagText;
    const n = attrEnd;
    while (i < n) {
      while (i < n && s.charCodeAt(i) <= 32) i++;
      const eq = s.indexOf("=", i);
      if (eq < 0 || eq >= n) return;
      let nameEnd = eq;
      while (nameEnd > i && s.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
      let q = eq + 1;
      while (q < n && s.charCodeAt(q) <= 32) q++;
      const quote = s[q];
      const close = s.indexOf(quote, q + 1);
      if (close < 0 || close >= n) return;
      for (let k = 0; k < names.length; k++) {
        const name = names[k];
        if (out[k] === undefined && nameEnd - i === name.length && s.startsWith(name, i)) {
          out[k] = decodeEntities(s.slice(q + 1, close));
          break;
        }
      }
      i = close + 1;
    }
  };
  const tag = {
    local: "",
    uri: "",
    get: (name: string): string | undefined => find(name),
    getAll: findAll,
    getNs(uri: string, local: string): string | undefined {
      for (let i = scopes.length - 1; i >= 0; i--) {
        for (const [prefix, u] of scopes[i].bindings) {
          if (u === uri && prefix !== "") {
            const v = find(`${prefix}:${local}`);
            if (v !== undefined) return v;
          }
        }
      }
      return undefined;
    },
  };

  const declarations = (text: string): Map<string, string> | undefined => {
    if (text.indexOf("xmlns") < 0) return undefined;
    let map: Map<string, string> | undefined;
    for (const m of text.matchAll(/\bxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const uri = decodeEntities(m[2] ?? m[3] ?? "");
      (map ??= new Map()).set(m[1] ?? "", KNOWN_URIS.get(uri) ?? uri);
    }
    return map;
  };

  const openTag = (s: string, from: number, to: number): void => {
    // s[from, to): the tag without `<` and `>`.
    const selfClosing = s.charCodeAt(to - 1) === 47; // `/`
    const end = selfClosing ? to - 1 : to;
    let nameEnd = from;
    while (nameEnd < end) {
      const c = s.charCodeAt(nameEnd);
      if (c <= 32 || c === 47) break;
      nameEnd++;
    }
    const qname = s.slice(from, nameEnd);
    tagText = s;
    attrStart = nameEnd;
    attrEnd = end;
    // Most tags declare nothing: look for `xmlns` in place before copying the attributes out.
    // Most tags declare nothing: the next `xmlns` in the buffer is known, and past this tag.
    if (nextXmlns !== -1 && nextXmlns < nameEnd) nextXmlns = s.indexOf("xmlns", nameEnd);
    const decl = nextXmlns !== -1 && nextXmlns < end ? declarations(s.slice(nameEnd, end)) : undefined;
    if (decl) {
      scopes.push({ depth, bindings: decl });
      defaultUri = undefined;
    }
    const colon = qname.indexOf(":");
    tag.local = colon < 0 ? qname : qname.slice(colon + 1);
    tag.uri = resolve(colon < 0 ? "" : qname.slice(0, colon));
    if (depth === 0) {
      if (sawRoot) throw bad(part, "two root elements");
      sawRoot = true;
    }
    h.open(tag, selfClosing);
    if (selfClosing) {
      if (decl) {
        scopes.pop();
        defaultUri = undefined;
      }
      h.close(tag.local, tag.uri);
    } else {
      stack.push(qname);
      uris.push(tag.uri);
      locals.push(tag.local);
      depth++;
    }
  };

  /** The end tag s[from, to) (after `</`), compared in place: no copy per end tag. */
  const closeTag = (s: string, from: number, to: number): void => {
    const expected = stack.pop();
    let nameEnd = to;
    while (nameEnd > from && s.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
    if (expected === undefined || nameEnd - from !== expected.length || !s.startsWith(expected, from))
      throw bad(part, `</${s.slice(from, nameEnd)}> closes <${expected ?? ""}>`);
    depth--;
    const uri = uris.pop() as string;
    const local = locals.pop() as string;
    if (scopes[scopes.length - 1].depth === depth) {
      scopes.pop();
      defaultUri = undefined;
    }
    h.close(local, uri);
  };

  /** Consumes what is complete in `buf`; keeps an unfinished tag or text for the next chunk. */
  const pump = (final: boolean): void => {
    let pos = 0;
    const s = buf;
    nextXmlns = s.indexOf("xmlns");
    const n = s.length;
    while (pos < n) {
      const lt = s.indexOf("<", pos);
      if (lt < 0) {
        if (!final) break;
        const rest = s.slice(pos);
        if (rest.trim() !== "") throw bad(part, "text after the root element");
        pos = n;
        break;
      }
      if (lt > pos) {
        if (depth > 0) h.text(decodeEntities(s.slice(pos, lt)));
        pos = lt;
      }
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === 33 /* ! */) {
        if (s.startsWith("<!--", lt)) {
          const end = s.indexOf("-->", lt + 4);
          if (end < 0) break;
          pos = end + 3;
        } else if (s.startsWith("<![CDATA[", lt)) {
          const end = s.indexOf("]]>", lt + 9);
          if (end < 0) break;
          if (depth > 0) h.text(s.slice(lt + 9, end));
          pos = end + 3;
        } else {
          // A DOCTYPE: OOXML parts have none; refusing it also keeps entity expansion out.
          if (n - lt < 9 && !final) break;
          throw bad(part, "DOCTYPE");
        }
        continue;
      }
      if (c1 === 63 /* ? */) {
        const end = s.indexOf("?>", lt + 2);
        if (end < 0) break;
        pos = end + 2;
        continue;
      }
      // A tag: its `>` outside quoted attribute values (`>` may stand in a value unescaped).
      let i = s.indexOf(">", lt + 1);
      if (i < 0) break;
      if (!quotesBalanced(s, lt + 1, i)) {
        let quote = 0;
        for (i = lt + 1; i < n; i++) {
          const c = s.charCodeAt(i);
          if (quote !== 0) {
            if (c === quote) quote = 0;
          } else if (c === 34 || c === 39) quote = c;
          else if (c === 62) break;
        }
        if (i >= n) break;
      }
      if (c1 === 47) closeTag(s, lt + 2, i);
      else openTag(s, lt + 1, i);
      pos = i + 1;
    }
    buf = pos >= n ? "" : s.slice(pos);
  };

  return {
    write(text) {
      buf = buf.length === 0 ? text : buf + text;
      pump(false);
    },
    close() {
      pump(true);
      if (buf.length > 0 || stack.length > 0 || !sawRoot) throw bad(part, "cut off");
    },
  };
}

/** Whether s[from, to) closes every quote it opens (then a `>` at `to` ends the tag). Tags are short: a plain loop. */
function quotesBalanced(s: string, from: number, to: number): boolean {
  let quote = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
  }
  return quote === 0;
}
