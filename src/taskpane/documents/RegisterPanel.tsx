import { Badge, Body1, Button, Caption1, Link, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useId } from "react";
import { clockOf } from "../../app/clock";
import { loadSettings } from "../../app/settings";
import { openNotices, type RegisterEntry } from "../../core/documents";
import { ErrorBar } from "../components/ErrorBar";
import { usePane } from "../context";
import { useAsyncAction } from "../useAsyncAction";
import { REGISTER_SHOWN, recentEntries } from "./register-view";
import { useDocumentsText } from "./useDocumentsText";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  head: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  line: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  number: { fontWeight: tokens.fontWeightSemibold, fontFamily: tokens.fontFamilyMonospace },
});

/**
 * The register 文书登记: the corrective notices still open (the 整改 loop: notice → 回执 → 整改 →
 * 复核, deadline passed flagged), then its last entries, newest first; reloads after every change
 * the pane made. "Today" is the workbook's (a fixed 今天 in the settings wins, as for the check).
 */
export function RegisterPanel() {
  const { port, revision, lang } = usePane();
  const d = useDocumentsText();
  const styles = useStyles();
  const headingId = useId();
  const load = useAsyncAction<[], { entries: RegisterEntry[]; today: number }>(
    async () => {
      const entries = await port.readRegister();
      const { settings } = await loadSettings(port, lang);
      return { entries, today: clockOf(settings, new Date()).today };
    },
    { whileBusy: "rerun" },
  );
  const go = useAsyncAction<[string], void>((sheet) => port.selectCell(sheet, "A1"));
  const { run } = load;
  useEffect(() => {
    void run();
  }, [run, port, revision]);

  const entries = load.result?.entries;
  const open = load.result ? openNotices(load.result.entries, load.result.today) : [];
  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="register">
      <div className={styles.head}>
        <Subtitle2 as="h2" id={headingId} className={styles.heading}>
          {d("registerTitle")}
        </Subtitle2>
        <Button size="small" disabled={load.busy} icon={load.busy ? <Spinner size="extra-tiny" /> : undefined} onClick={() => void run()}>
          {d("registerRefresh")}
        </Button>
      </div>
      {entries !== undefined && (
        <div data-testid="open-notices">
          <Subtitle2 as="h3" className={styles.heading}>
            {d("openTitle")}
          </Subtitle2>
          <Caption1 as="p">{d("openIntro")}</Caption1>
          {open.length === 0 ? (
            <Body1>{d("openNone")}</Body1>
          ) : (
            <ul className={styles.list}>
              {open.map(({ entry, overdue }) => (
                <li key={entry.number} className={styles.item}>
                  <div className={styles.line}>
                    <span className={styles.number}>{entry.number}</span>
                    {overdue && (
                      <Badge appearance="filled" color="danger" size="small">
                        {d("openOverdue")}
                      </Badge>
                    )}
                  </div>
                  <Caption1>
                    {d("openLine", { recipient: entry.recipient || "—", due: entry.dueDate || "—", status: entry.status || "—" })}
                  </Caption1>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <Caption1>{d("registerIntro", { n: REGISTER_SHOWN })}</Caption1>
      {load.error !== undefined && !load.busy && <ErrorBar error={load.error} />}
      {go.error !== undefined && !go.busy && <ErrorBar error={go.error} />}
      {entries === undefined && load.error === undefined && <Body1>{d("registerNotLoaded")}</Body1>}
      {entries !== undefined && entries.length === 0 && <Body1>{d("registerEmpty")}</Body1>}
      {entries !== undefined && entries.length > 0 && (
        <>
          <ul className={styles.list} aria-labelledby={headingId}>
            {recentEntries(entries).map((e) => (
              <li key={e.number} className={styles.item}>
                <div className={styles.line}>
                  <span className={styles.number}>{e.number}</span>
                  <Badge appearance="tint" color="informative" size="small">
                    {d(`kind.${e.kind}`)}
                  </Badge>
                  {e.documentSheet !== "" && (
                    <Link as="button" onClick={() => void go.run(e.documentSheet)} aria-label={d("goToSheet", { sheet: e.documentSheet })}>
                      {e.documentSheet}
                    </Link>
                  )}
                </div>
                <Caption1>
                  {d("source", { sheet: e.sourceSheet, rows: e.sourceRows })} · {e.createdAt}
                </Caption1>
              </li>
            ))}
          </ul>
          <Caption1>{d("registerCount", { n: entries.length })}</Caption1>
        </>
      )}
    </section>
  );
}
