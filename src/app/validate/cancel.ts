/** A validation run stopped by the user (取消): nothing was marked. Not an error to report. */
export class ValidationCancelled extends Error {
  constructor() {
    super("validation cancelled");
    this.name = "ValidationCancelled";
  }
}

export const isValidationCancelled = (e: unknown): e is ValidationCancelled => e instanceof ValidationCancelled;

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ValidationCancelled();
}
