import type { CheckInput } from "../../core/check";
import type { Report } from "../../core/report";

/**
 * Messages between the validation flow and its Web Worker. Everything crosses by structured
 * clone: table cells (RawCell: strings, numbers, booleans, `{kind:"date"}` objects), settings and
 * the report are plain data. One request per worker; the client terminates the worker to cancel.
 */

/** What the worker needs for one check: CheckInput without the (uncloneable) callback. */
export type CheckJob = Omit<CheckInput, "onTable">;

export interface CheckRequest {
  readonly type: "check";
  readonly id: number;
  readonly job: CheckJob;
}

export interface CheckProgress {
  /** Tables checked so far, of `tables`. */
  readonly tablesDone: number;
  readonly tables: number;
  /** Data rows of the checked tables, of `rows` (a big table weighs more in the bar). */
  readonly rowsDone: number;
  readonly rows: number;
}

/** An error as it crosses the worker boundary; a LiaisonError keeps its key and params. */
export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly liaison?: { readonly key: string; readonly params: Readonly<Record<string, string | number>> };
}

export type WorkerReply =
  | ({ readonly type: "progress"; readonly id: number } & CheckProgress)
  | { readonly type: "result"; readonly id: number; readonly report: Report }
  | { readonly type: "error"; readonly id: number; readonly error: SerializedError };

export function isCheckRequest(data: unknown): data is CheckRequest {
  if (typeof data !== "object" || data === null) return false;
  const d = data as Partial<CheckRequest>;
  return d.type === "check" && typeof d.id === "number" && typeof d.job === "object" && d.job !== null && Array.isArray(d.job.tables);
}
