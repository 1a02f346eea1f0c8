/**
 * Coalescing of edits: every change adds rows to its key (a table, or a sheet); a key's rows are
 * handed to `run` once no change has come for `ms`. Runs of one key never overlap — changes that
 * arrive while a run is busy wait for the next — so two re-checks of a table cannot race to write
 * its marks. Different keys are independent.
 */

export interface Timer {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** The host's timer (browser or Node); tests pass a fake one. */
export const hostTimer: Timer = {
  set: (callback, ms) => globalThis.setTimeout(callback, ms),
  clear: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Batch {
  /** Excel rows changed, ascending, each once (empty when `all`). */
  readonly rows: number[];
  /** Some change could not be told by rows (rows inserted or deleted, a whole column): re-check everything under the key. */
  readonly all: boolean;
}

export interface DebouncerOptions<K> {
  readonly ms: number;
  readonly run: (key: K, batch: Batch) => Promise<void> | void;
  /** Where a failed run's error goes (the debouncer itself never drops one). */
  readonly onError: (error: unknown, key: K) => void;
  readonly timer?: Timer;
}

export interface Debouncer<K> {
  /** Adds changed rows (or `all`) to the key and restarts its quiet period. */
  add(key: K, rows: Iterable<number>, all?: boolean): void;
  /** Runs every pending key now (not waiting for the quiet period); resolves when all runs are done. */
  flush(): Promise<void>;
  /** Drops pending changes and stops the timers; runs already started finish. */
  cancel(): void;
  /** Keys with changes waiting or running. */
  readonly pending: number;
}

interface Slot {
  rows: Set<number>;
  all: boolean;
  handle: unknown;
  running: Promise<void> | undefined;
  /** A change arrived during a run: start again when it ends. */
  again: boolean;
}

export function createDebouncer<K>(options: DebouncerOptions<K>): Debouncer<K> {
  const { ms, run, onError } = options;
  const timer = options.timer ?? hostTimer;
  if (!(ms >= 0)) throw new RangeError(`debounce: bad delay ${ms}`);
  const slots = new Map<K, Slot>();

  const start = (key: K, slot: Slot): Promise<void> => {
    if (slot.handle !== undefined) timer.clear(slot.handle);
    slot.handle = undefined;
    if (slot.running) {
      slot.again = true;
      return slot.running;
    }
    const batch: Batch = { rows: slot.all ? [] : [...slot.rows].sort((a, b) => a - b), all: slot.all };
    slot.rows = new Set();
    slot.all = false;
    slot.running = (async () => {
      try {
        await run(key, batch);
      } catch (e) {
        onError(e, key);
      }
    })().then(() => {
      slot.running = undefined;
      if (slot.again) {
        slot.again = false;
        schedule(key, slot);
      } else if (slot.handle === undefined && slot.rows.size === 0 && !slot.all) slots.delete(key);
    });
    return slot.running;
  };

  const schedule = (key: K, slot: Slot): void => {
    if (slot.handle !== undefined) timer.clear(slot.handle);
    slot.handle = timer.set(() => {
      slot.handle = undefined;
      void start(key, slot);
    }, ms);
  };

  return {
    add(key, rows, all = false) {
      let slot = slots.get(key);
      if (!slot) slots.set(key, (slot = { rows: new Set(), all: false, handle: undefined, running: undefined, again: false }));
      for (const row of rows) slot.rows.add(row);
      slot.all ||= all;
      if (slot.running) slot.again = true;
      else schedule(key, slot);
    },
    async flush() {
      const runs: Promise<void>[] = [];
      for (const [key, slot] of slots) {
        if (slot.handle !== undefined || slot.rows.size > 0 || slot.all) runs.push(start(key, slot));
        else if (slot.running) runs.push(slot.running);
      }
      await Promise.all(runs);
      // Changes that came in during those runs.
      if ([...slots.values()].some((s) => s.rows.size > 0 || s.all)) await this.flush();
    },
    cancel() {
      for (const slot of slots.values()) {
        if (slot.handle !== undefined) timer.clear(slot.handle);
        slot.handle = undefined;
        slot.rows.clear();
        slot.all = false;
        slot.again = false;
      }
    },
    get pending() {
      return slots.size;
    },
  };
}
