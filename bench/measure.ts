/** Timing helpers: the bench reports medians of repeated runs, never a single sample. */

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error("median of nothing");
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A full collection. Needs `node --expose-gc` (scripts/bench.mjs passes it). */
export function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("bench: run node with --expose-gc (use `npm run bench`)");
  gc();
}

/** V8 sweeps after a full collection on background threads; on a 2-core machine they would compete with the timed run. */
const SETTLE_MS = 100;

/**
 * A collection and a short pause before a timed run, so that garbage left by the previous
 * contender is not collected on the next one's clock.
 */
export async function settle(): Promise<void> {
  collect();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

/** Milliseconds `fn` takes, after `settle`; `sink` keeps its result alive so it is not optimised away. */
export async function timeOnce<T>(fn: () => T, sink: (result: T) => void): Promise<number> {
  await settle();
  const t0 = performance.now();
  const result = fn();
  const ms = performance.now() - t0;
  sink(result);
  return ms;
}

export interface Contender {
  readonly name: string;
  readonly run: () => unknown;
}

export interface Timings {
  /** Per contender, every timed run in ms. */
  readonly samples: ReadonlyMap<string, readonly number[]>;
}

/**
 * Warm-up runs of every contender (JIT, inline caches), then `reps` rounds in which each runs once,
 * in an order rotated every round: a burst of load elsewhere on the machine hits all of them
 * alike, which keeps the ratios meaningful on a busy 2-core machine.
 */
export async function interleaved(
  contenders: readonly Contender[],
  reps: number,
  warmups: number,
  sink: (r: unknown) => void,
): Promise<Timings> {
  for (let w = 0; w < warmups; w++) for (const c of contenders) sink(c.run());
  const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < contenders.length; i++) {
      const c = contenders[(i + r) % contenders.length];
      samples.get(c.name)!.push(await timeOnce(c.run, sink));
    }
  }
  return { samples };
}
