import { useCallback, useEffect, useRef, useState } from "react";
import type { DashboardResult } from "../../app/dashboard/run";
import type { CheckRunner } from "../../app/runner";
import type { Lang } from "../../core/i18n";
import { settingsWritten } from "../settings-sync";

export type DashboardState =
  | { readonly status: "loading"; readonly last?: DashboardResult }
  | { readonly status: "done"; readonly result: DashboardResult }
  | { readonly status: "error"; readonly error: unknown };

/**
 * The 看板's figures for the pane: counted when the tab opens, again after every change the pane
 * made to the workbook (`revision`) and on 刷新. A count that finishes after a newer one started
 * is dropped, so the figures shown are always the latest asked for.
 */
export function useDashboard(runner: CheckRunner, lang: Lang, revision: number) {
  const [state, setState] = useState<DashboardState>({ status: "loading" });
  const [again, setAgain] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const run = ++latest.current;
    setState((s) => ({ status: "loading", last: s.status === "done" ? s.result : s.status === "loading" ? s.last : undefined }));
    (async () => {
      // A value just typed in 设置 (合格线) may still be on its way into the workbook: count with it.
      await settingsWritten();
      return runner.dashboard({ lang, instant: new Date() });
    })().then(
      (result) => {
        if (run === latest.current) setState({ status: "done", result });
      },
      (error: unknown) => {
        if (run !== latest.current) return;
        console.error(error);
        setState({ status: "error", error });
      },
    );
  }, [runner, lang, revision, again]);

  const refresh = useCallback(() => setAgain((n) => n + 1), []);
  return { state, refresh };
}
