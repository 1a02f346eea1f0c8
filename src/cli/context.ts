import type { Lang, Params } from "../core/i18n";
import type { CliKey } from "../core/i18n/messages/cli";

/** What a command needs from the outside world; `main.ts` fills it from `process`, tests may fake it. */
export interface CliContext {
  readonly lang: Lang;
  /** Message from the CLI catalog in `lang`. */
  readonly t: (key: CliKey, params?: Params) => string;
  /** Writes one line (a newline is added) to stdout / stderr. */
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Whether stdout is a terminal (decides the default `--format` of check). */
  readonly stdoutIsTTY: boolean;
}
