import { catalogLang, format, localize, type Lang, type Params, DEFAULT_LANG } from "./i18n";
import { errorMessages, type ErrorKey } from "./i18n/messages/errors";

/**
 * Bad input from the user or the workbook: the operation stopped before changing anything.
 * Front ends show `describe(lang)` (task pane message bar, CLI stderr with exit 2). Anything that
 * is not a LiaisonError is a bug and is shown as such, never swallowed.
 */
export class LiaisonError extends Error {
  constructor(
    readonly key: ErrorKey,
    readonly params: Params = {},
  ) {
    super(format(errorMessages[DEFAULT_LANG][key], params));
    this.name = "LiaisonError";
  }

  describe(lang: Lang = DEFAULT_LANG): string {
    return format(localize(errorMessages[catalogLang(lang)][this.key], lang), this.params);
  }
}

export function isLiaisonError(e: unknown): e is LiaisonError {
  return e instanceof LiaisonError;
}
