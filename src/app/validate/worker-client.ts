import type { Report } from "../../core/report";
import { ValidationCancelled } from "./cancel";
import type { Checker, CheckHooks } from "./checker";
import { deserializeError } from "./errors";
import type { CheckJob, CheckRequest, WorkerReply } from "./protocol";

let nextId = 1;

/**
 * Runs the check in a fresh Web Worker (webpack bundles worker.ts as its own chunk, core only).
 * One worker per run: cancelling terminates it, which stops the check mid-table at once, and no
 * stale reply can reach a later run. Every failure — the check's, the worker script's, a message
 * that cannot be cloned — rejects the promise; none is dropped.
 */
export const checkInWorker: Checker = (job: CheckJob, { onProgress, signal }: CheckHooks): Promise<Report> =>
  new Promise<Report>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new ValidationCancelled());
      return;
    }
    const worker = new Worker(new URL("./worker.ts", import.meta.url), { name: "liaison-validation" });
    const id = nextId++;
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener("abort", onAbort);
    };
    const onAbort = () => {
      finish();
      reject(new ValidationCancelled());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.id !== id) return;
      if (reply.type === "progress") {
        onProgress?.({ tablesDone: reply.tablesDone, tables: reply.tables, rowsDone: reply.rowsDone, rows: reply.rows });
      } else if (reply.type === "result") {
        finish();
        resolve(reply.report);
      } else {
        finish();
        reject(deserializeError(reply.error));
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      finish();
      event.preventDefault();
      reject(new Error(`validation worker failed: ${event.message || "the worker script could not run"}`));
    };
    worker.onmessageerror = () => {
      finish();
      reject(new Error("validation worker: a message could not be read"));
    };
    const request: CheckRequest = { type: "check", id, job };
    worker.postMessage(request);
  });
