/**
 * Every user-visible string lives in a message catalog: one file per area under `messages/`,
 * each holding both languages side by side so that a missing translation is a visible gap (a
 * test compares the key sets). Simplified Chinese is the default; English follows.
 */
export type Lang = "zh-CN" | "en-US";
export const LANGS: readonly Lang[] = ["zh-CN", "en-US"];
export const DEFAULT_LANG: Lang = "zh-CN";

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
    const template = catalog[lang][key] ?? catalog[DEFAULT_LANG][key];
    if (template === undefined) throw new Error(`i18n: missing message "${key}"`);
    return format(template, params);
  };
}

/** Picks a supported language from an Office/BCP-47 tag such as `zh-CN`, `zh-TW`, `en-GB`. */
export function pickLang(tag: string | undefined | null): Lang {
  if (!tag) return DEFAULT_LANG;
  return tag.toLowerCase().startsWith("en") ? "en-US" : DEFAULT_LANG;
}
