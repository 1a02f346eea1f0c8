import type { Lang } from "../core/i18n";
import type { TemplateDef } from "../core/templates/types";

// Type-only imports here: the catalogue itself is loaded lazily (useTemplates.ts, template-label.ts).

/** The template's name and purpose in the pane's language. */
export function templateName(def: TemplateDef, lang: Lang): string {
  return lang === "en-US" ? def.en : def.name;
}

export function templatePurpose(def: TemplateDef, lang: Lang): string {
  return lang === "en-US" ? def.purposeEn : def.purpose;
}
