import { DEFAULT_LANG, catalogLang, format, hasTraditional, localize, type Catalog, type Lang, type Params } from "../i18n";
import { findingMessages, fixHintMessages } from "../i18n/messages/findings";
import type { ColumnRef, FindingParams, MessageRef, ParamValue, Said } from "./finding";

/**
 * The one place a finding becomes a sentence: the findings catalog's template for its `key`, in
 * the reader's language, with its `params` filled in. The engine (for the report's `message`),
 * the pane, the ribbon's dialog, the CLI's text and the marked copy all render through here.
 *
 * Each template is split once into literal text and placeholder names, so a message is a few
 * concatenations (the engine may write hundreds of thousands). As `format`: an unknown
 * placeholder stays visible as `{name}`.
 */

/**
 * Messages a rule brings with it (`RuleDescriptor.messages` / `hints`), for a rule kept outside
 * the product's catalogs — the guide's example rule. The product's rules keep theirs in
 * findings.ts, where the catalog checks and the zh-TW conversion see them.
 */
const extraFindings: Catalog = { "zh-CN": {}, "en-US": {} };
const extraHints: Catalog = { "zh-CN": {}, "en-US": {} };

function extend(into: Catalog, base: Catalog, add: Catalog): void {
  for (const lang of ["zh-CN", "en-US"] as const) {
    for (const [key, text] of Object.entries(add[lang])) {
      const known = base[lang][key] ?? into[lang][key];
      if (known !== undefined && known !== text) throw new Error(`i18n: message "${key}" is already "${known}"`);
      (into[lang] as Record<string, string>)[key] = text;
    }
  }
}

/** Adds a rule's own finding messages and fix hints (a key may not change its text). */
export function addRuleMessages(messages: Catalog | undefined, hints: Catalog | undefined): void {
  if (messages) extend(extraFindings, findingMessages, messages);
  if (hints) extend(extraHints, fixHintMessages, hints);
}

function lookup(base: Catalog, extra: Catalog, key: string, lang: Lang): string | undefined {
  const l = catalogLang(lang);
  return base[l][key] ?? extra[l][key] ?? base[DEFAULT_LANG][key] ?? extra[DEFAULT_LANG][key];
}

/** A fix hint (`fixHintMessages`, or a rule's own) in `lang`. */
export function renderHint(key: string, params: Params, lang: Lang): string {
  const template = lookup(fixHintMessages, extraHints, key, lang);
  if (template === undefined) throw new Error(`i18n: missing message "${key}"`);
  return format(localize(template, lang), params);
}

type Compiled = readonly string[]; // even indices: literal text; odd indices: placeholder names
const compiledByLang = new Map<Lang, Map<string, Compiled>>();

function cacheOf(lang: Lang): Map<string, Compiled> {
  let cache = compiledByLang.get(lang);
  if (cache === undefined) {
    cache = new Map();
    // zh-TW before its table is installed reads as zh-CN: not kept, so it converts once installed.
    if (lang !== "zh-TW" || hasTraditional()) compiledByLang.set(lang, cache);
  }
  return cache;
}

function compiled(key: string, lang: Lang, cache: Map<string, Compiled> = cacheOf(lang)): Compiled {
  let parts = cache.get(key);
  if (parts === undefined) {
    const template = lookup(findingMessages, extraFindings, key, lang);
    if (template === undefined) throw new Error(`i18n: missing message "${key}"`);
    parts = localize(template, lang).split(/\{(\w+)\}/);
    cache.set(key, parts);
  }
  return parts;
}

/** A column's name as a message shows it: its English header in English, its Chinese name otherwise. */
export function columnName(ref: Pick<ColumnRef, "name" | "en">, lang: Lang): string {
  return lang === "en-US" ? ref.en : localize(ref.name, lang);
}

function isColumnRef(v: object): v is ColumnRef {
  return "column" in v;
}

function show(v: ParamValue, lang: Lang): string {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) {
    const list = v as readonly ColumnRef[];
    const sep = renderMessage("listSeparator", {}, lang);
    let out = "";
    for (let i = 0; i < list.length; i++) out += (i > 0 ? sep : "") + renderMessage("quoted", { col: list[i] }, lang);
    return out;
  }
  if (isColumnRef(v as object)) return columnName(v as ColumnRef, lang);
  const m = v as MessageRef;
  return renderMessage(m.message, m.params, lang);
}

/** A placeholder's value as text in `lang` (a column by its name in that language). */
export function showParam(v: ParamValue, lang: Lang): string {
  return typeof v === "string" ? v : show(v, lang);
}

/** The findings catalog's template of `key` in `lang`, split: even indices literal text, odd indices placeholder names. */
export function templateParts(key: string, lang: Lang): readonly string[] {
  return compiled(key, lang);
}

/** The findings catalog's message `key` with `params`, in `lang`. */
export function renderMessage(key: string, params: FindingParams, lang: Lang): string {
  return fill(compiled(key, lang), params, lang);
}

function fill(parts: Compiled, params: FindingParams, lang: Lang): string {
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    const v = params[name];
    out += (v === undefined ? `{${name}}` : typeof v === "string" ? v : show(v, lang)) + parts[i + 1];
  }
  return out;
}

/**
 * `renderMessage` for the engine's many findings: the language's templates looked up once per
 * table, and a message whose key and params object repeat (a rule's findings often share one
 * params object) made once. A class, not a closure made per table: V8 keeps what it learnt about
 * a method from one table to the next, not about a fresh closure.
 */
export class MessageRenderer {
  private readonly cache: Map<string, Compiled>;
  private lastKey = "";
  private lastParams: FindingParams | undefined;
  private lastText = "";

  constructor(private readonly lang: Lang) {
    this.cache = cacheOf(lang);
  }

  render(key: string, params: FindingParams): string {
    if (params === this.lastParams && key === this.lastKey) return this.lastText;
    this.lastText = fill(compiled(key, this.lang, this.cache), params, this.lang);
    this.lastKey = key;
    this.lastParams = params;
    return this.lastText;
  }
}

/** A finding's message in the reader's language. */
export function renderFinding(f: Said, lang: Lang): string {
  return renderMessage(f.key, f.params, lang);
}
