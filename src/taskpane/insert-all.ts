import type { TemplateDef } from "../core/templates/types";
import type { InsertResult, WorkbookPort } from "../workbook/port";

/** What "insert all" did: the sheets made, in order, and the error that stopped it, if one did. */
export interface InsertAllResult {
  readonly inserted: readonly InsertResult[];
  readonly total: number;
  readonly error?: unknown;
}

/**
 * Inserts every template on a new sheet each, in the gallery's order (the CLI's `template all`).
 * One port call per template: each is a complete, independent insert that never overwrites, so a
 * failure part-way leaves the sheets made so far intact, and the result says which were made and
 * why the rest were not (the error is returned, not swallowed: the caller shows it).
 */
export async function insertAll(
  port: WorkbookPort,
  templates: readonly TemplateDef[],
  examples: boolean,
  onProgress?: (done: number, total: number) => void,
): Promise<InsertAllResult> {
  const inserted: InsertResult[] = [];
  for (const def of templates) {
    onProgress?.(inserted.length, templates.length);
    try {
      inserted.push(await port.insertTemplate(def.id, { examples }));
    } catch (error) {
      console.error(error);
      return { inserted, total: templates.length, error };
    }
  }
  onProgress?.(inserted.length, templates.length);
  return { inserted, total: templates.length };
}
