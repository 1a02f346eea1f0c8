import { useCallback, useEffect, useRef, useState } from "react";
import { isLiaisonError } from "../../core/errors";
import type { Lang } from "../../core/i18n";
import type { TableScope } from "../../app/port";
import type { CheckRunner } from "../../app/runner";
import { isValidationCancelled } from "../../app/validate/cancel";
import { settingsWritten } from "../settings-sync";
import type { ValidationProgress, ValidationResult } from "../../app/validate/run";

/** A run's progress is shown only when it lasts longer than this: quick checks do not flash a bar. */
export const PROGRESS_DELAY_MS = 1000;

export type ValidationState =
  | { readonly status: "idle" }
  | { readonly status: "running"; readonly progress: ValidationProgress; readonly showProgress: boolean }
  | { readonly status: "done"; readonly result: ValidationResult }
  | { readonly status: "cancelled" }
  | { readonly status: "error"; readonly error: unknown };

/**
 * The pane's side of a validation run: one at a time, cancellable (取消 aborts; a check in the
 * worker stops at once, and no mark is written), with the settings' problems kept apart so they
 * stay visible whatever the outcome.
 */
export function useValidation(runner: CheckRunner, lang: Lang) {
  const [state, setState] = useState<ValidationState>({ status: "idle" });
  const [settingsProblems, setSettingsProblems] = useState<readonly string[]>([]);
  const controller = useRef<AbortController | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    // The pane closed or the page went away while a check ran: stop it (the worker is terminated).
    // Marks are written in one command after the last cancellation point, so none are half-written.
    const leave = () => controller.current?.abort();
    window.addEventListener("pagehide", leave);
    return () => {
      mounted.current = false;
      window.removeEventListener("pagehide", leave);
      controller.current?.abort();
    };
  }, []);
  // The language changed during a run: its findings would come in the old language, so it is
  // cancelled (shown as cancelled; run it again). Past the cancellation points — the marks being
  // written — it completes, in the language it started in.
  const runLang = useRef(lang);
  useEffect(() => {
    if (runLang.current !== lang) controller.current?.abort();
    runLang.current = lang;
  }, [lang]);

  const run = useCallback(
    async (scope: TableScope): Promise<ValidationResult | undefined> => {
      if (controller.current) return undefined;
      const abort = new AbortController();
      controller.current = abort;
      let progress: ValidationProgress = { phase: "settings" };
      let showProgress = false;
      setSettingsProblems([]);
      setState({ status: "running", progress, showProgress });
      const timer = setTimeout(() => {
        showProgress = true;
        if (mounted.current && controller.current === abort) setState({ status: "running", progress, showProgress });
      }, PROGRESS_DELAY_MS);
      try {
        const result = await runner.validate({
          scope,
          lang,
          signal: abort.signal,
          settingsReady: settingsWritten,
          // The pane renders findings again when its language changes, without checking again.
          keepSaid: true,
          onSettingsProblems: (p) => mounted.current && setSettingsProblems(p),
          onProgress: (p) => {
            progress = p;
            if (mounted.current && !abort.signal.aborted) setState({ status: "running", progress, showProgress });
          },
        });
        if (mounted.current) setState({ status: "done", result });
        return result;
      } catch (error) {
        if (isValidationCancelled(error)) {
          if (mounted.current) setState({ status: "cancelled" });
          return undefined;
        }
        if (!isLiaisonError(error)) console.error(error);
        if (mounted.current) setState({ status: "error", error });
        return undefined;
      } finally {
        clearTimeout(timer);
        controller.current = null;
      }
    },
    [runner, lang],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, settingsProblems, run, cancel };
}
