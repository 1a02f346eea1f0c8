import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { LiaisonError } from "../../core/errors";
import { translator } from "../../core/i18n";
import { findingsPaneMessages } from "../../core/i18n/messages/findings-pane";
import { findingText, type ReportFinding } from "../../core/report";
import type { TableScope } from "../../app/port";
import { ErrorBar } from "../components/ErrorBar";
import { FindingsPanel } from "../components/FindingsPanel";
import { usePane } from "../context";
import { LiveError, LiveStatus } from "../live/LiveStatus";
import { countBySeverity, mergeLiveFindings } from "../live/merge";
import { useAsyncAction } from "../useAsyncAction";
import type { ValidationProgress, ValidationResult } from "../../app/validate/run";
import { useValidation } from "../validation/useValidation";

type ScopeChoice = "all" | "sheet" | "current";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  // In a row where there is room, wrapping onto more lines in a narrow pane (270–320 px).
  scopes: { flexWrap: "wrap" },
  progress: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  progressBar: { flex: 1 },
  summary: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  empty: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, padding: tokens.spacingVerticalM, textAlign: "center" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Tab 校验: check the tables against the manual's rules, mark the cells, list the findings. */
export function ValidateTab() {
  const { port, runner, lang, t, activeSheet, workbookChanged, live } = usePane();
  const styles = useStyles();
  const [scope, setScope] = useState<ScopeChoice>("all");
  const [notice, setNotice] = useState<"cleared" | null>(null);
  const validation = useValidation(runner, lang);
  const { state } = validation;
  const running = state.status === "running";
  // The last check's findings, with the live tables' findings as the live session has them now.
  const report = state.status === "done" ? state.result.report : undefined;
  // Memoised: a merge is a sort of every finding (12,000 at 50,000 rows), and a new list makes the
  // findings panel count, filter and group again; only a new check or live snapshot changes it.
  const findings = useMemo(() => mergeLiveFindings(report, live.snapshot), [report, live.snapshot]);

  const start = useAsyncAction<[], void>(async () => {
    setNotice(null);
    const target = await scopeOf(scope, activeSheet);
    const result = await validation.run(target);
    // Marks changed (the preview redraws its grid; inside Excel nothing to do).
    if (result) workbookChanged({});
  });
  const clear = useAsyncAction<[], void>(async () => {
    await port.clearMarks();
    setNotice("cleared");
    workbookChanged({});
  });

  return (
    <div className={styles.root}>
      <Caption1>{t("validateIntro")}</Caption1>
      <LiveStatus />
      <LiveError />
      <Field label={t("scopeLabel")}>
        <RadioGroup
          layout="horizontal"
          className={styles.scopes}
          value={scope}
          onChange={(_, d) => setScope(d.value as ScopeChoice)}
          disabled={running}
        >
          <Radio value="all" label={t("scopeAll")} />
          <Radio value="sheet" label={t("scopeSheet")} />
          <Radio value="current" label={t("scopeCurrent")} />
        </RadioGroup>
      </Field>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabled={running || clear.busy}
          icon={running ? <Spinner size="extra-tiny" /> : undefined}
          onClick={() => void start.run()}
          data-testid="validate-button"
        >
          {t("validateButton")}
        </Button>
        <Button disabled={running || clear.busy} onClick={() => void clear.run()} data-testid="clear-marks-button">
          {t("clearMarksButton")}
        </Button>
      </div>

      {state.status === "running" && state.showProgress && <RunProgress progress={state.progress} onCancel={validation.cancel} />}
      {validation.settingsProblems.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="settings-problems">
          <MessageBarBody>
            <MessageBarTitle>{t("settingsProblemsTitle")}</MessageBarTitle>
            <ul className={styles.list}>
              {validation.settingsProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {start.error !== undefined && <ErrorBar error={start.error} />}
      {state.status === "error" && <ErrorBar error={state.error} />}
      {clear.error !== undefined && !clear.busy && <ErrorBar error={clear.error} />}
      {state.status === "cancelled" && (
        <MessageBar intent="info">
          <MessageBarBody>{t("validateCancelled")}</MessageBarBody>
        </MessageBar>
      )}
      {notice === "cleared" && !running && (
        <MessageBar intent="success">
          <MessageBarBody role="status">{t("marksCleared")}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "done" && <Outcome result={state.result} findings={findings} cleared={notice === "cleared"} />}
      {state.status !== "done" && findings.length > 0 && <FindingsPanel findings={findings} />}
    </div>
  );
}

async function scopeOf(choice: ScopeChoice, activeSheet: () => Promise<string | undefined>): Promise<TableScope> {
  if (choice === "all") return { kind: "all" };
  if (choice === "current") return { kind: "current" };
  const sheet = await activeSheet();
  if (!sheet) throw new LiaisonError("noActiveSheet");
  return { kind: "sheet", sheet };
}

function RunProgress({ progress, onCancel }: { progress: ValidationProgress; onCancel: () => void }) {
  const { t, lang } = usePane();
  // Written as the summary writes them (50,000, not 50000).
  const n = (x: number): string => x.toLocaleString(lang);
  const styles = useStyles();
  const check = progress.check;
  const value = progress.phase === "checking" && check && check.rows > 0 ? check.rowsDone / check.rows : undefined;
  const label =
    progress.phase === "settings"
      ? t("phaseSettings")
      : progress.phase === "reading"
        ? t("phaseReading")
        : progress.phase === "marking"
          ? t("phaseMarking")
          : t("phaseChecking", {
              tablesDone: n(check?.tablesDone ?? 0),
              tables: n(check?.tables ?? 0),
              rowsDone: n(check?.rowsDone ?? 0),
              rows: n(check?.rows ?? 0),
            });
  return (
    <Field validationMessage={label} validationState="none" data-testid="validate-progress">
      <div className={styles.progress}>
        <ProgressBar className={styles.progressBar} value={value} thickness="large" />
        {/* Marks are written in one command: too late to cancel once it started. */}
        <Button size="small" onClick={onCancel} disabled={progress.phase === "marking"} data-testid="cancel-button">
          {t("cancelButton")}
        </Button>
      </div>
    </Field>
  );
}

/**
 * `findings`: the report's, merged with live validation's (the summary counts them). `cleared`:
 * 清除标记 ran since — the count of marked cells is no longer true, so the summary says so instead.
 */
function Outcome({ result, findings, cleared }: { result: ValidationResult; findings: readonly ReportFinding[]; cleared: boolean }) {
  const { t, lang } = usePane();
  const tf = translator(findingsPaneMessages, lang);
  const n = (x: number): string => x.toLocaleString(lang);
  const styles = useStyles();
  const { report } = result;
  if (report.tables.length === 0) {
    return (
      <div className={styles.empty} data-testid="validate-empty">
        <Body1>{t("noTablesToCheck")}</Body1>
      </div>
    );
  }
  const rows = report.tables.reduce((n, x) => n + x.rows, 0);
  const summary = countBySeverity(findings);
  return (
    <>
      <div className={styles.summary} role="status" data-testid="validate-summary" data-ran-in={result.ranIn}>
        <Subtitle2>{t("summaryLine", { error: n(summary.error), warning: n(summary.warning), info: n(summary.info) })}</Subtitle2>
        <Caption1>
          {cleared
            ? tf("summaryDetailCleared", { tables: report.tables.length, rows: n(rows), today: report.today })
            : t("summaryDetail", { tables: report.tables.length, rows: n(rows), today: report.today, marked: n(result.marked) })}
        </Caption1>
      </div>
      {report.calendar.provisional && (
        <MessageBar intent="warning" layout="multiline" data-testid="calendar-provisional">
          <MessageBarBody>
            <MessageBarTitle>{t("provisionalTitle")}</MessageBarTitle>
            {((f) => (f ? findingText(f, lang) : t("provisionalBody")))(report.findings.find((f) => f.rule === "calendar"))}
          </MessageBarBody>
        </MessageBar>
      )}
      {findings.length === 0 ? (
        <div className={styles.empty} data-testid="validate-empty">
          <Subtitle2>{t("noFindings")}</Subtitle2>
          <Caption1>{t("noFindingsDetail")}</Caption1>
        </div>
      ) : (
        <FindingsPanel findings={findings} />
      )}
    </>
  );
}
