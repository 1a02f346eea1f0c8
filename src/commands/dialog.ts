import { dialogUrl, type ResultPayload } from "./result-payload";

/** The dialog page, next to the function file (same origin, as Office requires). */
const RESULT_PAGE = "validation-result.html";
/** DialogEventReceived code when the person closed the dialog with its X: a normal end. */
const DIALOG_CLOSED_BY_USER = 12006;
/**
 * How long the result dialog may stay open. A function command "times out after 5 minutes if it
 * hasn't completed by then" (manifest Action element, ExecuteFunction:
 * https://learn.microsoft.com/javascript/api/manifest/action; office-js-docs-pr #4840, #4855):
 * Office then reports an error to the person and, on the web, may leave the dialog unusable
 * (office-js #1452, #4983). So the dialog is closed by the add-in itself half a minute before, and
 * the command completes cleanly; the counts stay in the workbook (marks) and in the pane.
 */
export const MAX_DIALOG_MS = 270_000;

/**
 * Opens the result page in an Office dialog and resolves when the person closes it (its 关闭
 * button messages the parent; the X raises DialogEventReceived 12006) or when MAX_DIALOG_MS have
 * passed (the dialog is then closed here). Any other dialog failure rejects, with Office's code.
 */
export function showResultDialog(payload: ResultPayload, maxOpenMs: number = MAX_DIALOG_MS): Promise<void> {
  // The payload travels in the query (dialogUrl says why), not in the fragment.
  const url = dialogUrl(new URL(RESULT_PAGE, window.location.href), payload);
  return new Promise<void>((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { height: 45, width: 30, displayInIframe: true }, (opened) => {
      if (opened.status === Office.AsyncResultStatus.Failed) {
        reject(new Error(`displayDialogAsync failed (${opened.error.code}): ${opened.error.message}`));
        return;
      }
      const dialog = opened.value;
      let settled = false;
      const settle = (error?: Error): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(() => {
        dialog.close();
        settle();
      }, maxOpenMs);
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
        dialog.close();
        settle();
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
        const code = "error" in arg ? arg.error : DIALOG_CLOSED_BY_USER;
        settle(code === DIALOG_CLOSED_BY_USER ? undefined : new Error(`the result dialog failed (${code})`));
      });
    });
  });
}
