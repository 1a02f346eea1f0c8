import type { Lang } from "../core/i18n";
import { findTemplate } from "../core/templates";
import { templateName } from "./templates-view";

/**
 * Display name of a template id; the id itself when unknown (a table found by a newer version).
 * Imports the catalogue statically: use it from lazily loaded tabs only, never from the first tab
 * or App (that would put the catalogue back into the pane's initial script).
 */
export function templateLabel(id: string, lang: Lang): string {
  const def = findTemplate(id);
  return def ? templateName(def, lang) : id;
}
