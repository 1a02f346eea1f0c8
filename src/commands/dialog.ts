import { dialogUrl, type ResultPayload } from "./result-payload";

/** The dialog page, next to the function file (same origin, as Office requires). */
const RESULT_PAGE = "validation-result.html";
/** DialogEventReceived code when the person closed the dialog with its X: a normal end. */
const DIALOG_CLOSED_BY_USER = 12006;

/**
 * Opens the result page in an Office dialog and resolves when the person closes it (its 关闭
 * button messages the parent; the X raises DialogEventReceived 12006). Any other dialog failure
 * rejects, with Office's code.
 */
export function showResultDialog(payload: ResultPayload): Promise<void> {
  // The payload travels in the query (dialogUrl says why), not in the fragment.
  const url = dialogUrl(new URL(RESULT_PAGE, window.location.href), payload);
  return new Promise<void>((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { height: 45, width: 30, displayInIframe: true }, (opened) => {
      if (opened.status === Office.AsyncResultStatus.Failed) {
        reject(new Error(`displayDialogAsync failed (${opened.error.code}): ${opened.error.message}`));
        return;
      }
      const dialog = opened.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
        dialog.close();
        resolve();
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
        const code = "error" in arg ? arg.error : DIALOG_CLOSED_BY_USER;
        if (code === DIALOG_CLOSED_BY_USER) resolve();
        else reject(new Error(`the result dialog failed (${code})`));
      });
    });
  });
}
