import {
  Badge,
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo } from "react";
import { translator } from "../../core/i18n";
import { type LiveKey, liveMessages } from "../../core/i18n/messages/live";
import { ErrorBar } from "../components/ErrorBar";
import { usePane } from "../context";

/** The live catalog's translator for the pane's current language. */
export function useLiveT(): (key: LiveKey, params?: Record<string, string | number>) => string {
  const { lang } = usePane();
  return useMemo(() => translator(liveMessages, lang), [lang]);
}

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/**
 * The 校验 tab's line about live validation: on (with how many tables it follows), starting, off,
 * or failed — a failure is shown with its message and a button to start again, never hidden.
 */
export function LiveStatus() {
  const { live } = usePane();
  const t = useLiveT();
  const styles = useStyles();
  if (live.status === "off")
    return (
      <Caption1 data-testid="live-status" data-status="off">
        {t("liveOffNote")}
      </Caption1>
    );
  if (live.status === "starting")
    return (
      <div className={styles.row} data-testid="live-status" data-status="starting">
        <Spinner size="extra-tiny" label={t("liveStarting")} />
      </div>
    );
  if (live.status === "error")
    return (
      <MessageBar intent="error" layout="multiline" data-testid="live-status" data-status="error">
        <MessageBarBody>
          <MessageBarTitle>{t("liveFailed")}</MessageBarTitle>
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={live.restart}>
            {t("liveRetry")}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  return (
    // data-rechecks: re-checks since the start, so a test (or a person in the DOM) can tell an edit was re-checked.
    <div className={styles.row} data-testid="live-status" data-status="on" data-rechecks={live.snapshot?.rechecks ?? 0} role="status">
      <Badge appearance="tint" color="success" shape="rounded">
        {t("liveOn")}
      </Badge>
      <Caption1>{t("liveOnDetail", { tables: live.snapshot?.tables.length ?? 0 })}</Caption1>
    </div>
  );
}

/** The error behind a failed start or re-check (below LiveStatus), explained as any other. */
export function LiveError() {
  const { live } = usePane();
  return live.error !== undefined ? <ErrorBar error={live.error} /> : null;
}
