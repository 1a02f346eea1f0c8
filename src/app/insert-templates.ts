import type { InsertResult, WorkbookPort } from "./port";

/** What inserting several templates did: the sheets made, in order, and the error that stopped it, if one did. */
export interface InsertAllResult {
  readonly inserted: readonly InsertResult[];
  readonly total: number;
  readonly error?: unknown;
}

/**
 * Inserts templates on a new sheet each, in the order given — the pane's "insert all", its first
 * run, and the CLI's `template` (`template all`). One port call per template: each is a complete,
 * independent insert that never overwrites, so a failure part-way leaves the sheets made so far
 * intact, and the result says which were made and why the rest were not (the error is returned,
 * not swallowed: the caller shows it, or throws it).
 */
export async function insertTemplates(
  port: Pick<WorkbookPort, "insertTemplate">,
  templateIds: readonly string[],
  examples: boolean,
  onProgress?: (done: number, total: number) => void,
): Promise<InsertAllResult> {
  const inserted: InsertResult[] = [];
  for (const id of templateIds) {
    onProgress?.(inserted.length, templateIds.length);
    try {
      inserted.push(await port.insertTemplate(id, { examples }));
    } catch (error) {
      return { inserted, total: templateIds.length, error };
    }
  }
  onProgress?.(inserted.length, templateIds.length);
  return { inserted, total: templateIds.length };
}
