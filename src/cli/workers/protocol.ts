import type { DayNumber, MinuteNumber } from "../../core/cells/types";
import type { Lang } from "../../core/i18n";
import type { RemindItem } from "../../core/remind";
import type { Report } from "../../core/report";

/** Messages between the pool (main thread) and a check worker: plain data, structured-cloned. */

export interface CheckJob {
  readonly id: number;
  /** Path to read. */
  readonly path: string;
  /** The name the report gives the file (relative to the folder it was found in). */
  readonly name: string;
  readonly today?: DayNumber;
  readonly now?: MinuteNumber;
  readonly lang: Lang;
  /** Also collect the reminder items (liaison remind). */
  readonly remind: boolean;
}

export type CheckJobResult =
  | {
      readonly id: number;
      readonly ok: true;
      readonly report: Report;
      readonly items: readonly RemindItem[];
      /** Lines the check wrote to stderr (settings warnings), printed by the main thread. */
      readonly warnings: readonly string[];
    }
  | {
      readonly id: number;
      readonly ok: false;
      /** One line for people, naming the file. */
      readonly message: string;
      /** True when it is a bug rather than a file that cannot be read. */
      readonly bug: boolean;
      readonly warnings: readonly string[];
    };

/** `workerData` of a check worker. */
export const CHECK_WORKER_TAG = "liaison-check-worker";
