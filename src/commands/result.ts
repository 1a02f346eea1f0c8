/**
 * Entry of validation-result.html, the dialog the 校验 ribbon command opens: shows the summary
 * carried in the URL's query (result-payload.ts). Plain DOM (no React): the dialog must appear at once.
 */
import { translator } from "../core/i18n";
import { commandsMessages } from "../core/i18n/messages/commands";
import { payloadFromLocation } from "./result-payload";
import { resultView } from "./result-lines";

const root = document.getElementById("result");
if (!root) throw new Error("validation-result.html has no #result");

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text; // text, never HTML: messages quote the user's cells
  if (className) node.className = className;
  return node;
}

const payload = payloadFromLocation(window.location.search, window.location.hash);
if (!payload) {
  root.append(el("p", translator(commandsMessages)("badPayload")));
} else {
  const view = resultView(payload);
  document.documentElement.lang = payload.lang;
  document.title = view.title;
  root.append(el("h1", view.title), el("div", view.headline, `headline ${view.tone}`));
  for (const line of view.lines) root.append(el("p", line));
  if (view.list.length > 0) {
    const ul = el("ul");
    for (const item of view.list) ul.append(el("li", item));
    root.append(ul);
  }
  const close = el("button", view.close);
  close.type = "button";
  close.addEventListener("click", () => {
    // Inside Office the function file closes the dialog; opened by hand, there is nothing to tell.
    if (typeof Office === "undefined") window.close();
    else void Office.onReady().then(() => Office.context.ui.messageParent("close"));
  });
  root.append(close);
  close.focus();
}
