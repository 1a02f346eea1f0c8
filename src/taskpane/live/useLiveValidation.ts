import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { isLiaisonError } from "../../core/errors";
import type { Lang } from "../../core/i18n";
import type { LiveMode } from "../../core/live/mode";
import type { LiveSnapshot } from "../../app/live/pane-session";
import type { CheckRunner, LiveHandle } from "../../app/runner";
import { hostPreferenceStore, loadLiveMode, saveLiveMode, type PreferenceStore } from "./preference";

export type LiveStatus = "off" | "starting" | "on" | "error";

/** What the tabs see of live validation (PaneEnv.live). */
export interface LiveController {
  readonly mode: LiveMode;
  /** Changes the mode and stores it as the person's preference. */
  setMode(mode: LiveMode): void;
  readonly status: LiveStatus;
  /** The failure that stopped the start (status `error`), or the last failed re-check (status `on`). */
  readonly error?: unknown;
  /** Findings and tables of the live session; undefined while none runs. */
  readonly snapshot?: LiveSnapshot;
  /** The stored preference could not be read (`unreadable`) or the last choice not saved (`unsaved`). */
  readonly preferenceProblem?: "unreadable" | "unsaved";
  /** Starts the session again (after an error, or when the workbook's settings changed). */
  restart(): void;
}

export interface LiveHookOptions {
  /** Where the session runs (next to the port inside Excel; the preview: in its workbook's worker). */
  readonly runner: CheckRunner;
  readonly lang: Lang;
  /** Workbook changes made through the pane: the session starts again from the new state (settings, new tables). */
  readonly revision: number;
  /** Which workbook the port shows (the preview opens files): a new one starts the session again. */
  readonly workbook?: number;
  /** Marks changed (the preview redraws its grid). Not the pane's own `workbookChanged`: that would restart the session. */
  readonly onMarksChanged?: () => void;
  /** Defaults to the host's localStorage (preference.ts). */
  readonly store?: { readonly store: PreferenceStore | undefined; readonly key: string };
}

/**
 * Live validation for the whole pane (it lives in <App>, so it goes on whatever tab is open):
 * one session while the mode is not `off`, started again when the port, the language, the mode or
 * the workbook (through the pane) changes, and stopped when the pane goes away — on unmount and
 * on `pagehide` (the pane closed, the page unloaded), where React may not get to unmount.
 */
export function useLiveValidation({ runner, lang, revision, workbook, onMarksChanged, store }: LiveHookOptions): LiveController {
  const storage = useMemo(() => store ?? hostPreferenceStore(), [store]);
  const initial = useMemo(() => loadLiveMode(storage.store, storage.key), [storage]);
  const [mode, setModeState] = useState<LiveMode>(initial.mode);
  const [preferenceProblem, setPreferenceProblem] = useState<"unreadable" | "unsaved" | undefined>(initial.problem);
  const [status, setStatus] = useState<LiveStatus>(initial.mode === "off" ? "off" : "starting");
  const [error, setError] = useState<unknown>(undefined);
  const [snapshot, setSnapshot] = useState<LiveSnapshot | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const marksChanged = useRef(onMarksChanged);
  marksChanged.current = onMarksChanged;
  // Sessions start one after another: a new one waits until the previous has stopped listening.
  const stopping = useRef<Promise<void>>(Promise.resolve());
  // Set when the person turns live validation on: that start writes the live tables' marks.
  const markNextStart = useRef(false);

  useEffect(() => {
    if (mode === "off") {
      setStatus("off");
      setSnapshot(undefined);
      setError(undefined);
      return undefined;
    }
    let current = true;
    let session: LiveHandle | undefined;
    const report = (e: unknown) => {
      if (!isLiaisonError(e)) console.error(e);
    };
    setStatus("starting");
    setError(undefined);
    const markAtStart = markNextStart.current;
    markNextStart.current = false;
    const start = async () => {
      await stopping.current;
      if (!current) return;
      // The session (engine, calendar, Chinese conversion) is loaded by the runner when live
      // validation actually starts, so the pane's first paint stays within its budget.
      session = await runner.startLive({
        mode,
        lang,
        markAtStart,
        onChange: (s) => {
          if (!current) return;
          setSnapshot(s);
          setError(undefined);
          marksChanged.current?.();
        },
        onError: (e) => {
          report(e);
          if (current) setError(e);
        },
      });
      if (current) setStatus("on");
    };
    const started = start().catch((e: unknown) => {
      report(e);
      if (!current) return;
      setStatus("error");
      setError(e);
      setSnapshot(undefined);
    });

    // Stops once the start has settled (a start still reading is stopped when it ends), exactly once.
    const stop = () => {
      current = false;
      stopping.current = started
        .then(async () => {
          const s = session;
          session = undefined;
          await s?.stop();
        })
        .catch((e: unknown) => report(e));
    };
    window.addEventListener("pagehide", stop);
    return () => {
      window.removeEventListener("pagehide", stop);
      stop();
    };
  }, [runner, lang, mode, revision, workbook, attempt]);

  const setMode = useCallback(
    (next: LiveMode) => {
      if (next !== mode) markNextStart.current = next !== "off";
      setModeState(next);
      setPreferenceProblem(saveLiveMode(storage.store, next, storage.key) ? undefined : "unsaved");
    },
    [storage, mode],
  );
  const restart = useCallback(() => setAttempt((n) => n + 1), []);
  const shown = mode === "off" ? undefined : snapshot;
  return useMemo(
    () => ({ mode, setMode, status, error, snapshot: shown, preferenceProblem, restart }),
    [mode, setMode, status, error, shown, preferenceProblem, restart],
  );
}
