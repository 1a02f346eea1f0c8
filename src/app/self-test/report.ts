import { translator, type Lang } from "../../core/i18n";
import { selfTestMessages } from "../../core/i18n/messages/self-test";
import type { SelfTestResult, StepResult } from "./run";

/** One line per step, in the pane's language: `[PASS] Insert a template — Inserted A1:I4 …`. */
export function stepLine(step: StepResult, lang: Lang): string {
  const t = translator(selfTestMessages, lang);
  const parts = [t(`step.${step.id}`)];
  if (step.note) {
    const params = { ...step.note.params };
    // A skipped step names the step it waited for by its id: shown by its name.
    if (typeof params.step === "string") params.step = t(`step.${params.step}`);
    parts.push(t(step.note.key, params));
  }
  if (step.error) parts.push(step.error);
  return `[${t(step.status)}] ${parts.join(" — ")}`;
}

/** The whole result as plain text a person can paste into a support request. */
export function reportText(result: SelfTestResult, lang: Lang, when: string): string {
  const t = translator(selfTestMessages, lang);
  const h = result.host;
  const failed = result.steps.filter((s) => s.status === "fail").length;
  const lines = [
    `${t("reportTitle")} · ${when}`,
    h ? t("hostLine", { host: h.host, platform: h.platform, version: h.version, language: h.language }) : t("noHost"),
    ...(h ? [t("apiLine", { sets: h.apiSets.join(", ") })] : []),
    failed === 0 ? t("allPassed") : t("someFailed", { n: failed }),
    "",
    ...result.steps.map((s) => stepLine(s, lang)),
  ];
  return lines.join("\n");
}
