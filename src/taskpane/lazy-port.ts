import type { WorkbookPort } from "../workbook/port";

/**
 * A port whose adapter is loaded on demand (a separate chunk), so the task pane's first paint
 * does not wait for the adapter and what it pulls in (header recognition, Chinese conversion).
 * The first call — or `preload()`, which the pane calls right after rendering — starts the load;
 * a failed load is reported by every call and retried by the next one.
 */
export function lazyPort(load: () => Promise<WorkbookPort>): WorkbookPort & { preload(): Promise<WorkbookPort> } {
  let pending: Promise<WorkbookPort> | undefined;
  const get = (): Promise<WorkbookPort> => {
    pending ??= load().catch((e: unknown) => {
      pending = undefined;
      throw e;
    });
    return pending;
  };
  return {
    preload: get,
    listSheets: async () => (await get()).listSheets(),
    insertTemplate: async (id, options) => (await get()).insertTemplate(id, options),
    findTables: async () => (await get()).findTables(),
    structureRange: async (target) => (await get()).structureRange(target),
  };
}
