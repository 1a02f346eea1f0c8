import { type Lang, localize } from "../core/i18n";
import type { TemplateDef } from "../core/templates/types";

// Type-only imports here: the catalogue itself is loaded lazily (useTemplates.ts, template-label.ts).

/** The template's name and purpose in the pane's language. */
export function templateName(def: TemplateDef, lang: Lang): string {
  return lang === "en-US" ? def.en : localize(def.name, lang);
}

export function templatePurpose(def: TemplateDef, lang: Lang): string {
  return lang === "en-US" ? def.purposeEn : localize(def.purpose, lang);
}

/**
 * The gallery's search: every word of the query (split on spaces) must occur, case-insensitively,
 * in the template's names (both languages, whatever the pane's), purpose, source or column names —
 * a clerk who types 总分 finds 供应商评估表 by its column.
 */
export function matchesTemplate(def: TemplateDef, query: string, lang: Lang, source: string): boolean {
  const words = query
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== "");
  if (words.length === 0) return true;
  const haystack = [
    def.name,
    def.en,
    templatePurpose(def, lang),
    def.purpose,
    def.purposeEn,
    source,
    def.source,
    ...def.columns.flatMap((c) => [c.name, c.en]),
  ]
    .join("\n")
    .toLowerCase();
  return words.every((w) => haystack.includes(w));
}
