/**
 * The ribbon's function file (commands.html): ExecuteFunction buttons of the 沟通协作 tab (校验
 * and the three 生成… document buttons), which run without opening the task pane. office.js is
 * loaded by the page; the Office adapter, the validation flow and the documents flow are the pane's own.
 */
import { pickLang } from "../core/i18n";
import { OfficeWorkbook } from "../workbook/officejs/adapter";
import { checkInWorker } from "../app/validate/worker-client";
import type { DocumentKind } from "../core/documents";
import { showResultDialog } from "./dialog";
import { runGenerateCommand } from "./generate-command";
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

/** 生成会议纪要 / 生成整改通知书 / 生成催办通知: documents from the selected rows, then the result dialog. */
function generate(kind: DocumentKind): (event: Office.AddinCommands.Event) => void {
  return (event) => {
    void runGenerateCommand(
      kind,
      {
        port: new OfficeWorkbook(),
        lang: pickLang(Office.context.displayLanguage),
        show: showResultDialog,
        log: (error) => console.error(error),
      },
      () => event.completed(),
    );
  };
}

Office.onReady(() => {
  // Nothing to prepare: the handlers below are registered as soon as the script runs.
});
Office.actions.associate("validate", validate);
Office.actions.associate("generateMinutes", generate("minutes"));
Office.actions.associate("generateNotice", generate("notice"));
Office.actions.associate("generateReminder", generate("reminder"));
