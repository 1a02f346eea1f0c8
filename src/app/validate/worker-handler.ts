import { checkTables } from "../../core/check";
import { serializeError } from "./errors";
import { isCheckRequest, type WorkerReply } from "./protocol";

/**
 * The worker's whole logic, apart from `self`: takes one message, runs the check, posts progress
 * after every table, then the report — or the error, never dropping it. Kept free of worker
 * globals so that tests call it directly.
 */
export function handleWorkerMessage(data: unknown, post: (reply: WorkerReply) => void): void {
  if (!isCheckRequest(data)) {
    const id =
      typeof data === "object" && data !== null && typeof (data as { id?: unknown }).id === "number" ? (data as { id: number }).id : -1;
    post({ type: "error", id, error: { name: "TypeError", message: "validation worker: unexpected message" } });
    return;
  }
  const { id, job } = data;
  const rows = job.tables.reduce((n, t) => n + t.body.length, 0);
  let rowsDone = 0;
  try {
    const report = checkTables({
      ...job,
      onTable: (done, total) => {
        rowsDone += job.tables[done - 1]?.body.length ?? 0;
        post({ type: "progress", id, tablesDone: done, tables: total, rowsDone, rows });
      },
    });
    post({ type: "result", id, report });
  } catch (e) {
    post({ type: "error", id, error: serializeError(e) });
  }
}
