import { LiaisonError } from "../../core/errors";
import type { ErrorKey } from "../../core/i18n/messages/errors";
import { ValidationCancelled } from "./cancel";
import type { SerializedError } from "./protocol";

/** An error as plain data, for postMessage (Error objects lose their class and fields on the way). */
export function serializeError(e: unknown): SerializedError {
  if (e instanceof LiaisonError)
    return { name: e.name, message: e.message, stack: e.stack, liaison: { key: e.key, params: { ...e.params } } };
  if (e instanceof Error) return { name: e.name, message: e.message, stack: e.stack };
  return { name: "Error", message: String(e) };
}

/**
 * Back to an Error on the pane's side: a LiaisonError again when it was one, so it is explained,
 * not shown as a bug; a ValidationCancelled again, so it is shown as cancelled.
 */
export function deserializeError(s: SerializedError): Error {
  if (s.liaison) return new LiaisonError(s.liaison.key as ErrorKey, s.liaison.params);
  // A run cancelled in a worker (the preview's 校验) is a cancellation on this side too, not a failure.
  if (s.name === "ValidationCancelled") return new ValidationCancelled();
  const e = new Error(s.message);
  e.name = s.name;
  if (s.stack) e.stack = s.stack;
  return e;
}
