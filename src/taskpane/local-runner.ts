import type { WorkbookPort } from "../app/port";
import type { CheckRunner } from "../app/runner";

/**
 * The pane's runner inside Excel: the use cases on the pane's thread over the Office port, a big
 * check in its own Web Worker. Loaded with the first check, so the check engine stays out of the
 * pane's first script (the 校验 and 看板 tabs and live validation load the same chunk anyway).
 */
export function localRunner(port: WorkbookPort): CheckRunner {
  let loaded: Promise<CheckRunner> | undefined;
  const load = (): Promise<CheckRunner> =>
    (loaded ??= Promise.all([import("../app/runner"), import("../app/validate/worker-client")])
      .then(([r, w]) => r.runnerFor(port, w.checkInWorker))
      .catch((e: unknown) => {
        // A chunk that failed to load is asked for again by the next check.
        loaded = undefined;
        throw e;
      }));
  return {
    validate: async (opts) => (await load()).validate(opts),
    dashboard: async (opts) => (await load()).dashboard(opts),
    startLive: async (opts) => (await load()).startLive(opts),
  };
}
