import type { WorkbookPort } from "../app/port";
import type { CheckRunner } from "../app/runner";
import { lazyObject } from "./lazy-port";

/**
 * The pane's runner inside Excel: the use cases on the pane's thread over the Office port, a big
 * check in its own Web Worker. Loaded with the first check, so the check engine stays out of the
 * pane's first script (the 校验 and 看板 tabs and live validation load the same chunk anyway); a
 * chunk that failed to load is asked for again by the next check (lazyObject).
 */
export function localRunner(port: WorkbookPort): CheckRunner {
  return lazyObject(
    () =>
      Promise.all([import("../app/runner"), import("../app/validate/worker-client")]).then(([r, w]) => r.runnerFor(port, w.checkInWorker)),
    "the check runner",
  );
}
