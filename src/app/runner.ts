import { loadDashboard, type DashboardOptions, type DashboardResult, type DashboardWorkbook } from "./dashboard/run";
import { startPaneLiveSession, type PaneLiveOptions, type PaneLivePort } from "./live/pane-session";
import type { Checker } from "./validate/checker";
import { runValidation, type ValidationOptions, type ValidationResult, type ValidationWorkbook } from "./validate/run";

/**
 * Where a front end's checks run. The use cases are the same everywhere (`runValidation`,
 * `loadDashboard`, `startPaneLiveSession`); a runner decides only on which thread they run:
 *  - `runnerFor(port, checker)` runs them next to the port, the check itself in `checker` (a Web
 *    Worker) when the tables are big: the task pane inside Excel, whose port is Office.js on the
 *    pane's thread;
 *  - the preview page's runner (src/preview/worker/remote-workbook.ts) runs the same functions in
 *    the Web Worker that holds its workbook, so 50,000 rows never cross to the page and back.
 */
export interface CheckRunner {
  /**
   * `runValidation` (app/validate/run.ts): the check, then the marks. As there, `onProgress` is
   * not called once the promise has settled, and the settings' problems are told before it does.
   */
  validate(opts: ValidationOptions): Promise<ValidationResult>;
  /** `loadDashboard` (app/dashboard/run.ts): the check, then the 看板's figures. */
  dashboard(opts: DashboardOptions): Promise<DashboardResult>;
  /**
   * `startPaneLiveSession` (app/live/pane-session.ts): live validation, until `stop`. After `stop`
   * has been called, `onChange` and `onError` are not called any more.
   */
  startLive(opts: LiveOptions): Promise<LiveHandle>;
}

/** A live session's options as a front end gives them (the runner knows the workbook). */
export type LiveOptions = Omit<PaneLiveOptions, "port">;

/** A live session as the front end that started it holds it. */
export interface LiveHandle {
  stop(): Promise<void>;
}

/** The use cases on this thread, over `port`; big checks in `checker` (options that name their own checker keep it). */
export function runnerFor(port: ValidationWorkbook & DashboardWorkbook & PaneLivePort, checker?: Checker): CheckRunner {
  return {
    validate: (opts) => runValidation(port, { checkInWorker: checker, ...opts }),
    dashboard: (opts) => loadDashboard(port, { checkInWorker: checker, ...opts }),
    startLive: (opts) => startPaneLiveSession({ ...opts, port }),
  };
}
