import { LiaisonError } from "../../core/errors";
import { attr, parseXml } from "./xml";
import { entryText, type ZipArchive, type ZipEntry } from "./zip";

/**
 * The Open Packaging Conventions layer: content types and relationships. Parts are found by
 * following relationships from `_rels/.rels`, never by their file names — a worksheet part may be
 * called anything, and a target may be relative (`worksheets/sheet1.xml`) or absolute
 * (`/xl/tables/table1.xml`, as openpyxl writes them).
 */

export interface Relationship {
  readonly id: string;
  /** The type's last path segment (`worksheet`, `table`, `officeDocument` …): equal in Transitional and Strict. */
  readonly kind: string;
  readonly type: string;
  readonly target: string;
  /** The part it points at (no leading slash), or undefined for an external target. */
  readonly part?: string;
}

export interface ContentTypes {
  readonly defaults: ReadonlyMap<string, string>;
  readonly overrides: ReadonlyMap<string, string>;
}

export function partEntry(zip: ZipArchive, part: string): ZipEntry | undefined {
  return zip.byName.get(part.replace(/^\//, "").toLowerCase());
}

export function partText(zip: ZipArchive, part: string): string | undefined {
  const e = partEntry(zip, part);
  return e ? entryText(zip, e) : undefined;
}

export function readContentTypes(zip: ZipArchive): ContentTypes {
  const text = partText(zip, "[Content_Types].xml");
  if (text === undefined) throw Object.assign(new LiaisonError("unreadableFile"), { cause: new Error("no [Content_Types].xml") });
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  parseXml("[Content_Types].xml", text, {
    open(tag) {
      if (tag.local === "Default") defaults.set((attr(tag, "Extension") ?? "").toLowerCase(), attr(tag, "ContentType") ?? "");
      else if (tag.local === "Override")
        overrides.set((attr(tag, "PartName") ?? "").replace(/^\//, "").toLowerCase(), attr(tag, "ContentType") ?? "");
    },
  });
  return { defaults, overrides };
}

export function contentTypeOf(ct: ContentTypes, part: string): string | undefined {
  const key = part.replace(/^\//, "").toLowerCase();
  return ct.overrides.get(key) ?? ct.defaults.get(key.slice(key.lastIndexOf(".") + 1));
}

/** The relationships part of `part` (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package → `_rels/.rels`). */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function readRels(zip: ZipArchive, source: string): Relationship[] {
  const relsPart = source === "" ? "_rels/.rels" : relsPartOf(source);
  const text = partText(zip, relsPart);
  if (text === undefined) return [];
  const rels: Relationship[] = [];
  parseXml(relsPart, text, {
    open(tag) {
      if (tag.local !== "Relationship") return;
      const type = attr(tag, "Type") ?? "";
      const target = attr(tag, "Target") ?? "";
      const external = attr(tag, "TargetMode") === "External";
      rels.push({
        id: attr(tag, "Id") ?? "",
        type,
        kind: type.slice(type.lastIndexOf("/") + 1),
        target,
        ...(external ? {} : { part: resolveTarget(source, target) }),
      });
    },
  });
  return rels;
}

/** A relationship target as a part name: absolute targets from the package root, relative ones from the source's folder. */
export function resolveTarget(source: string, target: string): string {
  const t = decodeURIComponentSafe(target.replace(/\\/g, "/"));
  const base = t.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    // A target with a bare `%` is taken literally, as Excel does.
    return s;
  }
}

/** A target for `part` written relative to `source`'s folder (`xl/workbook.xml`, `xl/worksheets/s.xml` → `worksheets/s.xml`). */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}
