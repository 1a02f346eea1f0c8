import { createContext, useContext } from "react";
import type { Lang, Params } from "../core/i18n";
import type { TaskpaneKey } from "../core/i18n/messages/taskpane";
import type { RangeRef, WorkbookPort } from "../app/port";
import type { CheckRunner } from "../app/runner";
import type { LiveController } from "./live/useLiveValidation";

/** Where the pane runs: inside Excel (Office.js) or on the browser preview page (ExcelJS). */
export type PaneHost = "office" | "preview";

/** What changed after a port action, so a host can refresh its view (the preview's grid). */
export interface WorkbookChange {
  /** The sheet the action wrote to; the preview shows it, as Excel activates it. */
  readonly sheet?: string;
}

/** Everything a tab needs, passed down once by <App> instead of through every component's props. */
export interface PaneEnv {
  readonly port: WorkbookPort;
  /** Where 校验 and the 看板 run their checks (next to the port; the preview: in its workbook's worker). */
  readonly runner: CheckRunner;
  readonly host: PaneHost;
  readonly lang: Lang;
  readonly t: (key: TaskpaneKey, params?: Params) => string;
  /**
   * The selection to act on. Undefined inside Excel: the Office adapter reads the live selection
   * itself. On the preview page it is the grid's selection (null when nothing is selected).
   */
  readonly selection?: RangeRef | null;
  /**
   * The name of the active worksheet (validation scope 当前工作表). On the preview page it is the
   * selection's sheet; inside Excel the host asks Office.
   */
  readonly activeSheet: () => Promise<string | undefined>;
  /**
   * Which workbook the port shows (0 unless the host can show another: the preview opens files).
   * The tabs start afresh for a new one; `workbookNow` tells, when a tab goes, whether it was for
   * another workbook (its unsaved work then belongs to a workbook that is gone).
   */
  readonly workbook: number;
  readonly workbookNow: () => number;
  /** Counts workbook changes made through the pane, so lists can reload after each one. */
  readonly revision: number;
  readonly workbookChanged: (change: WorkbookChange) => void;
  /** Live validation (实时校验), running for the whole pane whatever tab is open. */
  readonly live: LiveController;
}

export const PaneContext = createContext<PaneEnv | null>(null);

export function usePane(): PaneEnv {
  const env = useContext(PaneContext);
  if (!env) throw new Error("usePane: no <App> above this component");
  return env;
}
