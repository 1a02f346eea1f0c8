import { Body1, Button, Caption1, MessageBar, MessageBarBody, Spinner, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { reportText, stepLine } from "../../app/self-test/report";
import { runSelfTest, type SelfTestResult } from "../../app/self-test/run";
import { translator } from "../../core/i18n";
import { selfTestMessages } from "../../core/i18n/messages/self-test";
import { OfficeSelfTestProbe, type OfficeHost } from "../../workbook/officejs/self-test-probe";
import { usePane } from "../context";
import { useAsyncAction } from "../useAsyncAction";
import { ErrorBar } from "./ErrorBar";

/**
 * Settings → Self-test (loaded on demand: not part of the pane's first chunk). Runs the self-test
 * in this Excel and lists each step; the same text, with host facts, can be copied to support.
 */

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  fail: { color: tokens.colorPaletteRedForeground1 },
  skip: { color: tokens.colorNeutralForeground3 },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
});

/** Shanghai time, `YYYY-MM-DD HH:mm` (the register's format). */
function nowText(): string {
  const parts = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date());
  return parts.replace(",", "");
}

export default function SelfTestPanel() {
  const { port, lang } = usePane();
  const t = translator(selfTestMessages, lang);
  const styles = useStyles();
  const [copied, setCopied] = useState(false);
  const [copyError, setCopyError] = useState<unknown>(undefined);
  const [when, setWhen] = useState("");
  const test = useAsyncAction<[], SelfTestResult>(async () => {
    setCopied(false);
    const at = nowText();
    setWhen(at);
    return runSelfTest(port, new OfficeSelfTestProbe(Office as unknown as OfficeHost), { createdAt: at });
  });
  const result = test.result;
  const text = result ? reportText(result, lang, when) : "";
  const failed = result ? result.steps.filter((s) => s.status === "fail").length : 0;

  return (
    <section className={styles.root} data-testid="self-test">
      <Caption1>{t("intro")}</Caption1>
      <div className={styles.buttons}>
        <Button
          type="button"
          disabled={test.busy}
          onClick={() => void test.run()}
          icon={test.busy ? <Spinner size="extra-tiny" /> : undefined}
        >
          {test.busy ? t("running") : t("run")}
        </Button>
        {result && (
          <Button
            type="button"
            disabled={test.busy}
            onClick={() => {
              setCopyError(undefined);
              navigator.clipboard.writeText(text).then(
                () => setCopied(true),
                (e: unknown) => setCopyError(e), // shown, never dropped: the text below can still be copied by hand
              );
            }}
          >
            {copied ? t("copied") : t("copy")}
          </Button>
        )}
      </div>
      {test.error !== undefined && !test.busy && <ErrorBar error={test.error} />}
      {copyError !== undefined && <ErrorBar error={copyError} />}
      {result && (
        <>
          <MessageBar intent={failed === 0 ? "success" : "error"}>
            <MessageBarBody role="status">{failed === 0 ? t("allPassed") : t("someFailed", { n: failed })}</MessageBarBody>
          </MessageBar>
          <ul className={styles.list}>
            {result.steps.map((s) => (
              <li
                key={s.id}
                className={s.status === "fail" ? styles.fail : s.status === "skip" ? styles.skip : undefined}
                data-status={s.status}
              >
                <Body1>{stepLine(s, lang)}</Body1>
              </li>
            ))}
          </ul>
          <Textarea readOnly resize="vertical" value={text} aria-label={t("reportTitle")} />
        </>
      )}
    </section>
  );
}
