/**
 * Every user-visible string lives in a message catalog: one file per area under `messages/`,
 * each holding both languages side by side so that a missing translation is a visible gap (a
 * test compares the key sets). Simplified Chinese is the default; English follows.
 */
export type CatalogLang = "zh-CN" | "en-US";
export type Lang = CatalogLang | "zh-TW";
export const LANGS: readonly CatalogLang[] = ["zh-CN", "en-US"];
/**
 * The languages the pane speaks: the catalogs' two, and 繁體中文 (zh-TW), which has no catalog of
 * its own — it is the zh-CN text converted at build time (scripts/build-zh-tw.mjs), installed with
 * `installTraditional` once the pane has loaded that table.
 */
export const UI_LANGS: readonly Lang[] = ["zh-CN", "zh-TW", "en-US"];
export const DEFAULT_LANG: CatalogLang = "zh-CN";

/** The catalog a language reads: zh-TW reads zh-CN's, converted. */
export function catalogLang(lang: Lang): CatalogLang {
  return lang === "zh-TW" ? "zh-CN" : lang;
}

let toTaiwan: Readonly<Record<string, string>> | undefined;

/** Installs the simplified → traditional table (zh-tw.generated.ts), loaded lazily by the pane. */
export function installTraditional(table: Readonly<Record<string, string>>): void {
  toTaiwan = table;
}

/** Whether zh-TW text is available (the table is installed); until then zh-TW reads as zh-CN. */
export function hasTraditional(): boolean {
  return toTaiwan !== undefined;
}

/**
 * A simplified-Chinese interface text (a catalog message, a template's name) as the reader of
 * `lang` reads it: converted for zh-TW, as is otherwise. Text that is not the interface's (a sheet
 * name, a cell value) is not in the table and comes back unchanged.
 */
export function localize(text: string, lang: Lang): string {
  return lang === "zh-TW" ? (toTaiwan?.[text] ?? text) : text;
}

export type Dict = Readonly<Record<string, string>>;
export interface Catalog {
  readonly "zh-CN": Dict;
  readonly "en-US": Dict;
}

export type Params = Readonly<Record<string, string | number>>;

/** Replaces `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** A translator bound to one catalog: `t("key", { n: 3 })`. Throws on an unknown key (a bug, not user input). */
export function translator(catalog: Catalog, lang: Lang = DEFAULT_LANG) {
  return (key: string, params?: Params): string => {
    const template = catalog[catalogLang(lang)][key] ?? catalog[DEFAULT_LANG][key];
    if (template === undefined) throw new Error(`i18n: missing message "${key}"`);
    return format(localize(template, lang), params);
  };
}

/**
 * Picks a supported language from an Office/BCP-47 tag such as `zh-CN`, `zh-TW`, `en-GB`:
 * Traditional Chinese for Taiwan, Hong Kong and Macau (and any `zh-Hant`), English for `en-*`.
 */
export function pickLang(tag: string | undefined | null): Lang {
  if (!tag) return DEFAULT_LANG;
  const t = tag.toLowerCase();
  if (t.startsWith("en")) return "en-US";
  if (/^zh-(tw|hk|mo|hant)\b/.test(t)) return "zh-TW";
  return DEFAULT_LANG;
}
