import type { Report } from "../../core/report";
import type { CheckJob, CheckProgress } from "./protocol";

export interface CheckHooks {
  readonly onProgress?: (progress: CheckProgress) => void;
  /** Aborting stops the check; the promise then rejects with ValidationCancelled. */
  readonly signal?: AbortSignal;
}

/** Runs one check somewhere (a Web Worker, or a test's stand-in). */
export type Checker = (job: CheckJob, hooks: CheckHooks) => Promise<Report>;
