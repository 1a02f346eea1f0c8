import { createRoot } from "react-dom/client";
import { DEFAULT_LANG, pickLang } from "../core/i18n";
import { storedLang } from "../taskpane/language";
import { readyFor } from "../app/traditional";
import { loadTheme } from "../taskpane/theme";
import { PreviewApp } from "./PreviewApp";

/**
 * Entry of preview.html. The product speaks Chinese first: the page is in Chinese unless
 * `?lang=en-US` asks otherwise or the person chose English in the pane's header before (the
 * browser's language is not used: most test browsers say en-US). `?theme=dark` shows the pane as
 * it looks under Office's dark themes.
 */
const container = document.getElementById("container");
if (!container) throw new Error("preview.html has no #container");
const params = new URLSearchParams(window.location.search);
const param = params.get("lang");
const lang = param ? pickLang(param) : (storedLang() ?? DEFAULT_LANG);
const root = createRoot(container);
document.documentElement.lang = lang;
void Promise.all([loadTheme(params.get("theme") === "dark" ? "dark" : "light"), readyFor(lang)]).then(([theme]) =>
  root.render(<PreviewApp lang={lang} theme={theme} />),
);
