import type { Params } from "../core/i18n";
import type { CliKey } from "../core/i18n/messages/cli";

/**
 * Something the person running `liaison` can fix: a bad argument or a file that cannot be read or
 * written. Printed as one line on stderr, exit 2, no stack. `usage` names the command whose
 * `--help` the line points to (set for argument errors only).
 */
export class CliError extends Error {
  constructor(
    readonly key: CliKey,
    readonly params: Params = {},
    readonly usage?: string,
  ) {
    super(key);
    this.name = "CliError";
  }
}

export function isCliError(e: unknown): e is CliError {
  return e instanceof CliError;
}
