/**
 * Retries with exponential backoff: after a failure worth retrying, wait `baseMs`, 2×, 4× …
 * (at most `maxMs`, or what the server asked for with Retry-After, up to `maxMs` too), at most
 * `retries` times. The last outcome is returned; `onRetry` reports each wait.
 */

export interface RetryPolicy {
  readonly retries: number;
  readonly baseMs: number;
  readonly maxMs: number;
  readonly sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  retries: 3,
  baseMs: 1000,
  maxMs: 30_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export type Attempt<R> =
  { readonly ok: true; readonly value?: R } | { readonly ok: false; readonly retry: boolean; readonly waitMs?: number };

export async function withRetry<A extends Attempt<unknown>>(
  attempt: () => Promise<A>,
  policy: RetryPolicy,
  onRetry: (last: A, waitMs: number, retry: number) => void,
): Promise<A> {
  let last = await attempt();
  for (let n = 1; n <= policy.retries && !last.ok && last.retry; n++) {
    const backoff = Math.min(policy.baseMs * 2 ** (n - 1), policy.maxMs);
    const wait = Math.min(Math.max(backoff, last.waitMs ?? 0), policy.maxMs);
    onRetry(last, wait, n);
    await policy.sleep(wait);
    last = await attempt();
  }
  return last;
}
