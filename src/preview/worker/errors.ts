import { transferHandlers, type TransferHandler } from "comlink";
import { deserializeError, serializeError } from "../../app/validate/errors";
import type { SerializedError } from "../../app/validate/protocol";

/**
 * Errors across the worker boundary keep what the pane needs: comlink's own handler sends an
 * Error's message and name only, so a LiaisonError would arrive as a plain Error and be shown as a
 * bug. Both sides install this handler (the page and the worker): a LiaisonError arrives as a
 * LiaisonError with its key and parameters, anything else as an Error with its message and stack.
 */
export function installErrorHandler(): void {
  const base = transferHandlers.get("throw");
  if (!base) throw new Error("comlink has no 'throw' transfer handler");
  const handler: TransferHandler<{ value: unknown }, SerializedError> = {
    canHandle: (value): value is { value: unknown } => base.canHandle(value),
    serialize: ({ value }) => [serializeError(value), []],
    deserialize: (serialized) => {
      throw deserializeError(serialized);
    },
  };
  transferHandlers.set("throw", handler);
}
