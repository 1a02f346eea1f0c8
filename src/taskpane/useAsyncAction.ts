import { useCallback, useEffect, useRef, useState } from "react";
import { isLiaisonError } from "../core/errors";

export interface AsyncActionState<A extends readonly unknown[], R> {
  readonly busy: boolean;
  /** Arguments of the last run (e.g. which template), so the outcome can be shown beside it. */
  readonly args?: A;
  readonly result?: R;
  /** The last failure; shown by <ErrorBar>, never dropped. */
  readonly error?: unknown;
}

export interface AsyncActionOptions {
  /**
   * What a run asked for while one is in progress does. `ignore` (default) drops it: actions that
   * change the workbook must not run twice from a double click. `rerun` runs once more afterwards
   * with the latest arguments: for reads such as the tables list, where the newest answer counts.
   */
  readonly whileBusy?: "ignore" | "rerun";
}

/**
 * Runs one port action at a time: `busy` is true while it runs (buttons are disabled and show a
 * spinner), then the result or the error is kept for display.
 */
export function useAsyncAction<A extends readonly unknown[], R>(
  action: (...args: A) => Promise<R>,
  { whileBusy = "ignore" }: AsyncActionOptions = {},
): AsyncAction<A, R> {
  const [state, setState] = useState<AsyncActionState<A, R>>({ busy: false });
  const running = useRef(false);
  const pending = useRef<A | null>(null);
  // `run` stays the same function for the component's life (effects may depend on it) and calls
  // the latest `action`, which usually is a fresh closure on every render.
  const latest = useRef(action);
  latest.current = action;
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run: (...args: A) => Promise<void> = useCallback(
    async (...args: A): Promise<void> => {
      if (running.current) {
        if (whileBusy === "rerun") pending.current = args;
        return;
      }
      running.current = true;
      setState({ busy: true, args });
      try {
        const result = await latest.current(...args);
        if (mounted.current) setState({ busy: false, args, result });
      } catch (error) {
        // A LiaisonError is bad input explained to the user; anything else is a bug: keep its
        // stack in the console for developers as well as showing it in the pane.
        if (!isLiaisonError(error)) console.error(error);
        if (mounted.current) setState({ busy: false, args, error });
      } finally {
        running.current = false;
      }
      const again = pending.current;
      pending.current = null;
      if (again && mounted.current) await run(...again);
    },
    [whileBusy],
  );

  const reset = useCallback(() => setState({ busy: false }), []);
  return { ...state, run, reset };
}

export type AsyncAction<A extends readonly unknown[], R> = AsyncActionState<A, R> & {
  readonly run: (...args: A) => Promise<void>;
  readonly reset: () => void;
};
