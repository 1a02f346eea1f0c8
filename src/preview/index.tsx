import { createRoot } from "react-dom/client";
import { DEFAULT_LANG, pickLang } from "../core/i18n";
import { PreviewApp } from "./PreviewApp";

/**
 * Entry of preview.html. The product speaks Chinese first: the page is in Chinese unless
 * `?lang=en-US` asks otherwise (the browser's language is not used: most test browsers say en-US).
 */
const container = document.getElementById("container");
if (!container) throw new Error("preview.html has no #container");
const param = new URLSearchParams(window.location.search).get("lang");
const lang = param ? pickLang(param) : DEFAULT_LANG;
document.documentElement.lang = lang;
createRoot(container).render(<PreviewApp lang={lang} />);
