import { existsSync, promises as fs, type Stats } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { runCheckJob } from "./check-job";
import { CHECK_WORKER_TAG, type CheckJob, type CheckJobResult } from "./protocol";

/**
 * Checks many workbooks in parallel: worker threads (node:worker_threads), as many as the machine
 * has cores (`os.availableParallelism()`), never more than there are files; `LIAISON_WORKERS=n`
 * sets the number (n = 1 to compare, as docs/performance.md does). Reading and checking a
 * workbook is CPU-bound (unzip, XML, rules), so threads scale with cores.
 *
 * The workers run dist/cli/check-worker.cjs, built next to liaison.cjs. Run from the sources
 * (the unit tests), there is no such file and the jobs run in this thread, one at a time — same
 * code (check-job.ts), no threads.
 *
 * A file being written is not checked: its size or modification time must not change while it is
 * read. A file modified in the last QUIET_MS is first watched for that long; a file that changes
 * between the stat before the read and the stat after it is reported as being written.
 */

export const QUIET_MS = 1000;

export interface PoolJob {
  readonly path: string;
  readonly name: string;
}

export interface PoolOptions {
  readonly job: Omit<CheckJob, "id" | "path" | "name">;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Message for a file that was being written (it names no file: the caller adds it). */
  readonly beingWritten: string;
}

export interface PoolResult {
  /** In the order of `jobs`. */
  readonly results: CheckJobResult[];
  /** Threads used (0: in this thread). */
  readonly workers: number;
}

const WORKER_SCRIPT = path.join(__dirname, "check-worker.cjs");

export function workerCount(files: number, env: PoolOptions["env"]): number {
  const forced = Number(env.LIAISON_WORKERS);
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  const wanted = Number.isInteger(forced) && forced >= 1 ? forced : cores;
  return Math.max(1, Math.min(wanted, files));
}

export async function checkMany(jobs: readonly PoolJob[], opts: PoolOptions): Promise<PoolResult> {
  const results: CheckJobResult[] = new Array<CheckJobResult>(jobs.length);
  const threads = existsSync(WORKER_SCRIPT) && jobs.length > 1 ? workerCount(jobs.length, opts.env) : 0;
  const workers = Array.from({ length: threads }, () => new Worker(WORKER_SCRIPT, { workerData: CHECK_WORKER_TAG }));
  let next = 0;
  const run = async (first: Worker | undefined): Promise<void> => {
    let worker = first;
    while (next < jobs.length) {
      const id = next++;
      const job: CheckJob = { ...opts.job, id, path: jobs[id].path, name: jobs[id].name };
      try {
        results[id] = await guarded(job, worker, opts.beingWritten);
      } catch (e) {
        // The worker died (out of memory on one huge file, say): that file fails as a bug, the
        // others go on in a fresh worker.
        results[id] = { id, ok: false, message: `${job.path}: ${e instanceof Error ? e.message : String(e)}`, bug: true, warnings: [] };
        if (worker) {
          void worker.terminate();
          worker = new Worker(WORKER_SCRIPT, { workerData: CHECK_WORKER_TAG });
          workers.push(worker);
        }
      }
    }
  };
  try {
    await Promise.all(threads === 0 ? [run(undefined)] : workers.map((w) => run(w)));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { results, workers: threads };
}

/** The job, with the being-written checks around it. */
async function guarded(job: CheckJob, worker: Worker | undefined, beingWritten: string): Promise<CheckJobResult> {
  const notQuiet = (): CheckJobResult => ({ id: job.id, ok: false, message: beingWritten, bug: false, warnings: [] });
  let before = await statOrUndefined(job.path);
  if (before && Date.now() - before.mtimeMs < QUIET_MS) {
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    const again = await statOrUndefined(job.path);
    if (changed(before, again)) return notQuiet();
    before = again;
  }
  const result = worker ? await onWorker(worker, job) : await runCheckJob(job);
  if (before && changed(before, await statOrUndefined(job.path))) return notQuiet();
  return result;
}

function onWorker(worker: Worker, job: CheckJob): Promise<CheckJobResult> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      worker.off("message", onMessage);
      worker.off("error", onError);
    };
    const onMessage = (r: CheckJobResult): void => {
      cleanup();
      resolve(r);
    };
    // A worker that dies (out of memory on one huge file) fails that job, as a bug line.
    const onError = (e: Error): void => {
      cleanup();
      reject(e);
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.postMessage(job);
  });
}

const changed = (a: Stats, b: Stats | undefined): boolean => !b || a.size !== b.size || a.mtimeMs !== b.mtimeMs;

async function statOrUndefined(p: string): Promise<Stats | undefined> {
  try {
    return await fs.stat(p);
  } catch {
    // Gone or unreadable: the job's own read reports it with the right words.
    return undefined;
  }
}
