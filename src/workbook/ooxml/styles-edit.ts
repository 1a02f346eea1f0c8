import { LiaisonError } from "../../core/errors";
import { applySplices, childrenOf, findStartTag, insertionPoint, qname, withCount, type ChildElement, type Splice } from "./xml-splice";

/**
 * New cell formats appended to a workbook's styles.xml: each its font, fill and border added after
 * the workbook's own and an `<xf>` at the end of cellXfs pointing at them. The workbook's existing
 * styles keep their indices (its cells' `s=` stay right); only the new cells use the new ones.
 * Written with the styles part's own namespace prefix. Identical formats are added once.
 */

/** A cell format as the parts of CT_Xf: inner XML of its font/fill/border (no prefix), a number format id, an alignment. */
export interface XfSpec {
  /** Children of `<font>` (`<b/><sz val="12"/>…`); undefined = the workbook's font 0. */
  readonly font?: string;
  /** Children of `<fill>`; undefined = fill 0 (none). */
  readonly fill?: string;
  /** Children of `<border>` in schema order; undefined = border 0. */
  readonly border?: string;
  /** 0 General, 49 text (`@`). */
  readonly numFmtId: number;
  /** Attributes of `<alignment>` (`horizontal="center" wrapText="1"`); undefined for none. */
  readonly alignment?: string;
}

/** CT_Stylesheet's sequence (§18.8.39): where a missing list goes. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

/** Appends the formats; returns the new styles text and each spec's cellXfs index, in order. */
export function appendCellXfs(xml: string, specs: readonly XfSpec[]): { text: string; ids: number[] } {
  if (specs.length === 0) return { text: xml, ids: [] };
  const root = findStartTag(xml, "styleSheet");
  if (!root) throw new LiaisonError("unreadableFile");
  const p = root.prefix;
  const q = (l: string): string => qname(p, l);
  /** Prefix every element of a fragment written without one. */
  const prefixed = (fragment: string): string => (p ? fragment.replace(/<(\/?)([A-Za-z])/g, `<$1${p}:$2`) : fragment);
  const { children, close } = childrenOf(xml, root.inside);

  const lists = new Map<string, { el?: ChildElement; count: number; added: string[]; index: Map<string, number> }>();
  const list = (local: string) => {
    let l = lists.get(local);
    if (!l) {
      const el = children.find((c) => c.local === local);
      lists.set(local, (l = { ...(el ? { el } : {}), count: el ? countChildren(xml, el) : 0, added: [], index: new Map() }));
    }
    return l;
  };
  const add = (local: string, item: string): number => {
    const l = list(local);
    const known = l.index.get(item);
    if (known !== undefined) return known;
    const id = l.count + l.added.length;
    l.added.push(item);
    l.index.set(item, id);
    return id;
  };

  const ids = specs.map((s) => {
    const fontId = s.font === undefined ? 0 : add("fonts", `<font>${s.font}</font>`);
    const fillId = s.fill === undefined ? 0 : add("fills", `<fill>${s.fill}</fill>`);
    const borderId = s.border === undefined ? 0 : add("borders", `<border>${s.border}</border>`);
    const applies =
      (s.numFmtId !== 0 ? ` applyNumberFormat="1"` : "") +
      (s.font !== undefined ? ` applyFont="1"` : "") +
      (s.fill !== undefined ? ` applyFill="1"` : "") +
      (s.border !== undefined ? ` applyBorder="1"` : "") +
      (s.alignment !== undefined ? ` applyAlignment="1"` : "");
    const xf =
      `<xf numFmtId="${s.numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}` +
      (s.alignment !== undefined ? `><alignment ${s.alignment}/></xf>` : "/>");
    return add("cellXfs", xf);
  });

  const splices: Splice[] = [];
  for (const [local, l] of lists) {
    if (l.added.length === 0) continue;
    const items = prefixed(l.added.join(""));
    const total = l.count + l.added.length;
    if (!l.el) {
      // A list the workbook lacks (a hand-made styles part): index 0 must exist for the defaults.
      const after = new Set(ORDER.slice(ORDER.indexOf(local) + 1));
      splices.push({ at: insertionPoint(children, close, after), insert: `<${q(local)} count="${total}">${items}</${q(local)}>` });
    } else if (xml.slice(l.el.start, l.el.end).endsWith("/>")) {
      splices.push({ at: l.el.start, remove: l.el.end - l.el.start, insert: `<${q(local)} count="${total}">${items}</${q(local)}>` });
    } else {
      const startTagEnd = xml.indexOf(">", l.el.start) + 1;
      splices.push({ at: l.el.start, remove: startTagEnd - l.el.start, insert: withCount(xml.slice(l.el.start, startTagEnd), total) });
      splices.push({ at: xml.lastIndexOf("</", l.el.end - 1), insert: items });
    }
  }
  return { text: applySplices(xml, splices), ids };
}

function countChildren(xml: string, el: ChildElement): number {
  if (xml.slice(el.start, el.end).endsWith("/>")) return 0;
  return childrenOf(xml, xml.indexOf(">", el.start) + 1, el.end).children.length;
}
