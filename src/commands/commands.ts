/**
 * The ribbon's function file (commands.html): ExecuteFunction buttons of the 沟通协作 tab, which
 * run without opening the task pane. office.js is loaded by the page; the Office adapter and the
 * validation flow are the pane's own.
 */
import { pickLang } from "../core/i18n";
import { OfficeWorkbook } from "../workbook/officejs/adapter";
import { checkInWorker } from "../taskpane/validation/worker-client";
import { showResultDialog } from "./dialog";
import { runValidateCommand } from "./validate-command";

/** 校验: check every table, mark the cells, show the counts in a dialog. */
function validate(event: Office.AddinCommands.Event): void {
  void runValidateCommand(
    {
      port: new OfficeWorkbook(),
      lang: pickLang(Office.context.displayLanguage),
      show: showResultDialog,
      checkInWorker,
      log: (error) => console.error(error),
    },
    () => event.completed(),
  );
}

Office.onReady(() => {
  // Nothing to prepare: the handlers below are registered as soon as the script runs.
});
Office.actions.associate("validate", validate);
