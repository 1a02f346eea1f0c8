import { translator } from "../core/i18n";
import { commandsMessages } from "../core/i18n/messages/commands";
import { taskpaneMessages } from "../core/i18n/messages/taskpane";
import type { ResultPayload } from "./result-payload";

export interface ResultView {
  readonly title: string;
  readonly headline: string;
  readonly tone: "ok" | "warning" | "error";
  readonly lines: readonly string[];
  readonly list: readonly string[];
  readonly close: string;
}

/** The result dialog's text for a payload (pure: the page only puts it into the DOM). */
export function resultView(p: ResultPayload): ResultView {
  const t = translator(commandsMessages, p.lang);
  const pane = translator(taskpaneMessages, p.lang);
  if (p.kind === "message") return { title: p.title, headline: p.headline, tone: p.tone, lines: p.lines, list: p.list, close: t("close") };
  if (p.kind === "error") {
    return {
      title: t("failedTitle"),
      headline: t("failedTitle"),
      tone: "error",
      lines: [t("failed", { message: p.message })],
      list: [],
      close: t("close"),
    };
  }
  const lines: string[] = [];
  if (p.tables === 0) lines.push(t("noTables"));
  else {
    lines.push(t("detail", { tables: p.tables, rows: p.rows, today: p.today, marked: p.marked }));
    const total = p.summary.error + p.summary.warning + p.summary.info;
    if (total === 0) lines.push(t("noFindings"));
    else lines.push(t("byRule", { list: p.rules.map(([rule, n]) => `${pane(`rule.${rule}`)} ${n}`).join(t("listSeparator")) }));
    if (p.provisional) lines.push(t("provisional"));
    if (total > 0) lines.push(t("more"));
  }
  if (p.settingsProblems.length > 0) lines.push(t("settingsProblems"));
  return {
    title: t("resultTitle"),
    headline: p.tables === 0 ? t("resultTitle") : t("summary", p.summary),
    tone: p.summary.error > 0 ? "error" : p.summary.warning > 0 || p.tables === 0 ? "warning" : "ok",
    lines,
    list: p.settingsProblems,
    close: t("close"),
  };
}
