import { Body1, Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import { translator } from "../../core/i18n";
import { galleryMessages } from "../../core/i18n/messages/gallery";
import { TEMPLATES } from "../../core/templates";
import { ErrorBar } from "../components/ErrorBar";
import { usePane } from "../context";
import { type InsertAllResult, insertTemplates } from "../../app/insert-templates";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
  },
  title: { margin: 0 },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  result: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export interface FirstRunProps {
  /** The person skipped or finished: the pane hides the introduction. */
  readonly onClose: () => void;
  /** "去校验": the pane opens its 校验 tab. */
  readonly onGoValidate: () => void;
}

/**
 * The first-run introduction, after Microsoft's "value placemat" pattern for add-ins
 * (learn.microsoft.com/office/dev/add-ins/design/first-run-experience-patterns): what the add-in
 * does in one sentence, three steps, one call to action that shows it working on the manual's own
 * examples, and a way to skip. A chunk of its own: people who have seen it never download it.
 */
export default function FirstRun({ onClose, onGoValidate }: FirstRunProps) {
  const { port, lang, workbookChanged } = usePane();
  const styles = useStyles();
  const t = useMemo(() => translator(galleryMessages, lang), [lang]);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState(0);
  const [result, setResult] = useState<InsertAllResult | null>(null);
  const status = useRef<HTMLDivElement>(null);

  const tryExamples = async () => {
    setBusy(true);
    setResult(null);
    const outcome = await insertTemplates(
      port,
      TEMPLATES.map((tpl) => tpl.id),
      true,
      (done) => setProgress(done),
    );
    if (outcome.error !== undefined) console.error(outcome.error); // shown by the pane too; the console keeps its stack
    setBusy(false);
    setResult(outcome);
    // The first new sheet is shown (the preview activates it, as Excel would).
    const first = outcome.inserted[0];
    if (first) workbookChanged({ sheet: first.sheet });
    // The result replaces the buttons: keep it in view (the pane may be short).
    requestAnimationFrame(() => status.current?.scrollIntoView({ block: "nearest" }));
  };

  return (
    <section className={styles.root} aria-labelledby="liaison-intro-title" data-testid="first-run">
      <Text as="h2" id="liaison-intro-title" size={400} weight="semibold" className={styles.title}>
        {t("introTitle")}
      </Text>
      <Body1>{t("introValue")}</Body1>
      <Text weight="semibold" id="liaison-intro-steps">
        {t("introStepsLabel")}
      </Text>
      <ol className={styles.steps} aria-labelledby="liaison-intro-steps">
        <li>
          <Body1>{t("introStep1")}</Body1>
        </li>
        <li>
          <Body1>{t("introStep2")}</Body1>
        </li>
        <li>
          <Body1>{t("introStep3")}</Body1>
        </li>
      </ol>
      <div ref={status} className={styles.result}>
        {result === null ? (
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              disabled={busy}
              icon={busy ? <Spinner size="extra-tiny" /> : undefined}
              onClick={() => void tryExamples()}
              aria-describedby="liaison-intro-try-hint"
            >
              {busy ? t("insertAllProgress", { done: progress, total: TEMPLATES.length }) : t("introTry")}
            </Button>
            <Button appearance="secondary" disabled={busy} onClick={onClose}>
              {t("introSkip")}
            </Button>
          </div>
        ) : (
          <>
            {result.inserted.length > 0 && (
              <MessageBar intent="success" layout="multiline">
                <MessageBarBody role="status">{t("introTried", { n: result.inserted.length })}</MessageBarBody>
              </MessageBar>
            )}
            {result.error !== undefined && <ErrorBar error={result.error} />}
            <div className={styles.buttons}>
              {result.inserted.length > 0 && (
                <Button appearance="primary" onClick={onGoValidate}>
                  {t("introGoValidate")}
                </Button>
              )}
              <Button onClick={onClose}>{t("introClose")}</Button>
            </div>
          </>
        )}
      </div>
      {result === null && (
        <Text size={200} id="liaison-intro-try-hint">
          {t("introTryHint", { n: TEMPLATES.length })}
        </Text>
      )}
    </section>
  );
}
