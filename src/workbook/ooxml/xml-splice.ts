/**
 * Small, exact edits of an XML part's text: find the top-level children of an element and splice
 * new ones in at the place the schema's sequence requires. Everything outside the edited spans is
 * kept character for character (namespace prefixes, attribute order, extension lists).
 */

export interface ChildElement {
  readonly local: string;
  /** Offsets of the element in the text: from its `<` to after its end tag (or `/>`). */
  readonly start: number;
  readonly end: number;
}

const TAG = /<(\/?)(?:([\w.-]+):)?([\w.-]+)\b[^>]*?(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g;

/**
 * The children of the element open at depth 0 of `text[from, to)`, where `from` is just inside
 * it; stops at its end tag and returns that tag's offset as `close`.
 */
export function childrenOf(text: string, from: number, to = text.length): { children: ChildElement[]; close: number } {
  const children: ChildElement[] = [];
  TAG.lastIndex = from;
  let depth = 0;
  let open: { local: string; start: number } | undefined;
  for (let m = TAG.exec(text); m && m.index < to; m = TAG.exec(text)) {
    if (m[3] === undefined) continue; // comment, PI, CDATA
    const closing = m[1] === "/";
    const selfClosing = m[4] === "/";
    if (closing) {
      if (depth === 0) return { children, close: m.index };
      depth--;
      if (depth === 0 && open) {
        children.push({ local: open.local, start: open.start, end: m.index + m[0].length });
        open = undefined;
      }
    } else if (selfClosing) {
      if (depth === 0) children.push({ local: m[3], start: m.index, end: m.index + m[0].length });
    } else {
      if (depth === 0) open = { local: m[3], start: m.index };
      depth++;
    }
  }
  throw new Error("XML element not closed");
}

/** The offset just after the start tag of the first element named `local` (any prefix) at or after `from`, and its prefix. */
export function findStartTag(
  text: string,
  local: string,
  from = 0,
): { inside: number; start: number; prefix: string; selfClosing: boolean } | undefined {
  const re = new RegExp(`<(?:([\\w.-]+):)?${local}\\b[^>]*?(/?)>`, "g");
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m) return undefined;
  return { start: m.index, inside: m.index + m[0].length, prefix: m[1] ?? "", selfClosing: m[2] === "/" };
}

/** `p:name` or `name`. */
export const qname = (prefix: string, local: string): string => (prefix ? `${prefix}:${local}` : local);

export interface Splice {
  readonly at: number;
  readonly remove?: number;
  readonly insert: string;
}

/** Applies non-overlapping splices (in any order) to `text`. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  // At the same offset, a pure insertion goes before a removal starting there.
  const sorted = [...splices].sort((a, b) => a.at - b.at || (a.remove ?? 0) - (b.remove ?? 0));
  let out = "";
  let pos = 0;
  for (const s of sorted) {
    if (s.at < pos) throw new Error("Overlapping XML edits");
    out += text.slice(pos, s.at) + s.insert;
    pos = s.at + (s.remove ?? 0);
  }
  return out + text.slice(pos);
}

/**
 * Where a new child goes so that the parent's schema sequence stays in order: after the last
 * existing child named in `before` (the children that come before or alongside it), else before
 * the first child named in `after`, else before the end tag.
 */
export function insertionPoint(children: readonly ChildElement[], close: number, after: ReadonlySet<string>, sameKind?: string): number {
  if (sameKind) {
    const same = children.filter((c) => c.local === sameKind);
    if (same.length > 0) return same[same.length - 1].end;
  }
  const next = children.find((c) => after.has(c.local));
  return next ? next.start : close;
}

/** Sets (or adds) `count="n"` on the start tag at `text[start…]`. */
export function withCount(startTag: string, n: number): string {
  return /\bcount="\d*"/.test(startTag)
    ? startTag.replace(/\bcount="\d*"/, `count="${n}"`)
    : startTag.replace(/(\/?>)$/, ` count="${n}"$1`);
}
