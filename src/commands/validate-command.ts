import type { Lang } from "../core/i18n";
import type { Checker } from "../app/validate/checker";
import { runValidation, type ValidationWorkbook } from "../app/validate/run";
import { payloadOfError, payloadOfResult, type ResultPayload } from "./result-payload";

export interface ValidateCommandDeps {
  readonly port: ValidationWorkbook;
  readonly lang: Lang;
  /** Shows the result to the person (the dialog); resolves when it is closed. */
  readonly show: (payload: ResultPayload) => Promise<void>;
  readonly checkInWorker?: Checker;
  readonly instant?: Date;
  /** Where a failure that cannot be shown (the dialog itself failed) is reported. */
  readonly log: (error: unknown) => void;
}

/**
 * The 校验 ribbon button: the pane's validation flow over every table, marks written, then the
 * outcome shown in a dialog — a summary, or the error. `completed` (Office's event.completed) is
 * called exactly once, whatever happens, after the dialog closed: Office would otherwise keep the
 * button busy, and on some hosts completing first would close the dialog with the function file.
 */
export async function runValidateCommand(deps: ValidateCommandDeps, completed: () => void): Promise<void> {
  try {
    let payload: ResultPayload;
    try {
      const result = await runValidation(deps.port, {
        scope: { kind: "all" },
        lang: deps.lang,
        checkInWorker: deps.checkInWorker,
        instant: deps.instant,
      });
      payload = payloadOfResult(result, deps.lang);
    } catch (error) {
      deps.log(error);
      payload = payloadOfError(error, deps.lang);
    }
    await deps.show(payload);
  } catch (error) {
    // The dialog could not be shown: the console of the function file is all that is left.
    deps.log(error);
  } finally {
    completed();
  }
}
