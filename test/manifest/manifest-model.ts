// Reads manifest.xml with a namespace-aware XML parser and exposes what the manifest tests check:
// resources by kind, resid references, ids, localised strings. Test helper only.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";

export const ROOT = join(__dirname, "..", "..");
export const MANIFEST_PATH = join(ROOT, "manifest.xml");

export const NS = {
  office: "http://schemas.microsoft.com/office/appforoffice/1.1",
  overrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
} as const;

/** The four resource tables of <Resources>, named as in the manifest. */
export type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";
export const RESOURCE_KINDS: readonly ResourceKind[] = ["Images", "Urls", "ShortStrings", "LongStrings"];

export interface Resource {
  kind: ResourceKind;
  id: string;
  defaultValue: string;
  /** Locale → value, from <bt:Override>. */
  overrides: Map<string, string>;
}

export interface ResidReference {
  /** Local name of the referencing element (Label, Image, SourceLocation…). */
  element: string;
  resid: string;
  /** Path of local names from the root, for messages. */
  path: string;
  /** The size attribute of an icon reference. */
  size?: number;
}

export function readManifestText(): string {
  return readFileSync(MANIFEST_PATH, "utf8");
}

/** Parses XML; any parser warning or error fails loudly instead of yielding a partial tree. */
export function parseXml(xml: string): Document {
  const parser = new DOMParser({
    onError: (level, message) => {
      throw new Error(`manifest.xml does not parse (${level}): ${message}`);
    },
  });
  return parser.parseFromString(xml, "text/xml");
}

export function elements(scope: Document | Element, ns: string, localName: string): Element[] {
  const list = scope.getElementsByTagNameNS(ns, localName);
  const out: Element[] = [];
  for (let i = 0; i < list.length; i++) {
    const el = list.item(i);
    if (el) out.push(el);
  }
  return out;
}

export function allElements(doc: Document): Element[] {
  return elements(doc, "*", "*");
}

/** The single child element `localName` of `parent` in namespace `ns`; throws when not exactly one. */
export function only(parent: Document | Element, ns: string, localName: string): Element {
  const found = elements(parent, ns, localName);
  if (found.length !== 1) throw new Error(`expected exactly one <${localName}>, found ${found.length}`);
  return found[0];
}

export function pathOf(el: Element): string {
  const names: string[] = [];
  for (let node: Element | null = el; node; node = node.parentNode as Element | null) {
    if (node.nodeType !== 1) break;
    names.unshift(node.localName ?? node.nodeName);
  }
  return names.join("/");
}

export function resources(doc: Document): Resource[] {
  const resourcesEl = only(doc, NS.overrides, "Resources");
  const out: Resource[] = [];
  for (const kind of RESOURCE_KINDS) {
    for (const table of elements(resourcesEl, NS.bt, kind)) {
      for (let child = table.firstChild; child; child = child.nextSibling) {
        if (child.nodeType !== 1) continue;
        const el = child as Element;
        const overrides = new Map<string, string>();
        for (const o of elements(el, NS.bt, "Override")) {
          overrides.set(o.getAttribute("Locale") ?? "", o.getAttribute("Value") ?? "");
        }
        out.push({ kind, id: el.getAttribute("id") ?? "", defaultValue: el.getAttribute("DefaultValue") ?? "", overrides });
      }
    }
  }
  return out;
}

export function residReferences(doc: Document): ResidReference[] {
  return allElements(doc)
    .filter((el) => el.hasAttribute("resid"))
    .map((el) => {
      const size = el.getAttribute("size");
      return {
        element: el.localName ?? el.nodeName,
        resid: el.getAttribute("resid") ?? "",
        path: pathOf(el),
        ...(size === null ? {} : { size: Number(size) }),
      };
    });
}

/**
 * Which resource table an element's resid must point into. Unknown referencing elements throw, so
 * a new kind of reference added to the manifest has to be classified here before tests pass.
 */
export function expectedKind(element: string): ResourceKind {
  switch (element) {
    case "Image":
      return "Images";
    case "SourceLocation":
    case "FunctionFile":
    case "LearnMoreUrl":
    case "Runtime":
      return "Urls";
    case "Label":
    case "Title":
    case "Namespace":
      return "ShortStrings";
    case "Description":
      return "LongStrings";
    default:
      throw new Error(`no known resource kind for <${element} resid=…>: classify it in manifest-model.ts`);
  }
}

/** The text value of `<X DefaultValue="…">` and its en-US override for a top-level setting. */
export function localeSetting(doc: Document, localName: string): { defaultValue: string; overrides: Map<string, string> } {
  const found = topLevel(doc, localName);
  if (found.length !== 1) throw new Error(`expected exactly one top-level <${localName}>, found ${found.length}`);
  const el = found[0];
  const overrides = new Map<string, string>();
  for (const o of elements(el, NS.office, "Override")) {
    overrides.set(o.getAttribute("Locale") ?? "", o.getAttribute("Value") ?? "");
  }
  return { defaultValue: el.getAttribute("DefaultValue") ?? "", overrides };
}

/** Children of the root element with that local name (not nested ones inside VersionOverrides). */
export function topLevel(doc: Document, localName: string): Element[] {
  const root = doc.documentElement as Element;
  const out: Element[] = [];
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && (child as Element).localName === localName && (child as Element).namespaceURI === NS.office) {
      out.push(child as Element);
    }
  }
  return out;
}
