import { createRoot } from "react-dom/client";
import { LANGS, pickLang, translator } from "../core/i18n";
import { taskpaneMessages } from "../core/i18n/messages/taskpane";
import { App } from "./App";
import { storedLang } from "./language";
import { readyFor } from "../app/traditional";
import { lazyPort } from "./lazy-port";
import { loadTheme, themeKindOf } from "./theme";

/** Entry of taskpane.html (inside Excel). office.js is loaded by the page from Microsoft's CDN. */
const container = document.getElementById("container");
if (!container) throw new Error("taskpane.html has no #container");
const root = createRoot(container);

/** Without Office there is no display language to go by: say it in both languages, the host's first. */
function noOffice(tag?: string): void {
  const first = pickLang(tag);
  const langs = [first, ...LANGS.filter((l) => l !== first)];
  root.render(
    <div style={{ padding: 16 }}>
      {langs.map((lang) => (
        <p key={lang} lang={lang} style={{ marginTop: 0 }}>
          {translator(taskpaneMessages, lang)("noOffice")}
        </p>
      ))}
    </div>,
  );
}

/** The active worksheet's name (validation scope 当前工作表): one small Excel.run, no adapter needed. */
function activeSheet(): Promise<string> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet().load("name");
    await context.sync();
    return sheet.name;
  });
}

if (typeof Office === "undefined") {
  // office.js did not load (offline, blocked, or the page was opened outside Office).
  noOffice();
} else {
  void Office.onReady(async (info) => {
    if (info.host !== Office.HostType.Excel) {
      noOffice(Office.context?.displayLanguage);
      return;
    }
    const port = lazyPort(async () => {
      const { OfficeWorkbook } = await import(/* webpackChunkName: "officejs-adapter" */ "../workbook/officejs/adapter");
      return new OfficeWorkbook();
    });
    // Excel on the web partitions the add-in's storage per host page (undefined on desktop).
    const partition = Office.context.partitionKey || undefined;
    // The person's own choice (中文 / English in the pane's header) wins over Office's display language.
    const lang = storedLang(partition) ?? pickLang(Office.context.displayLanguage);
    // Excel has no theme-changed event (OfficeThemeChanged is Outlook's): the theme is read when
    // the pane opens; after a change of Office theme the pane follows the next time it opens.
    const theme = await loadTheme(themeKindOf(Office.context.officeTheme));
    // 繁體中文 (Office in zh-TW, zh-HK, zh-MO, or chosen before): its texts before the first paint.
    await readyFor(lang);
    root.render(<App port={port} host="office" lang={lang} storagePartition={partition} theme={theme} activeSheet={activeSheet} />);
    // Start loading the adapter now, so the first click does not wait for it.
    port.preload().catch((e: unknown) => console.error(e));
  });
}
