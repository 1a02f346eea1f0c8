import { Body1, Button, Caption1, Link, Spinner, Subtitle2, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useMemo } from "react";
import { clockOf } from "../../app/clock";
import { loadSettings } from "../../app/settings";
import { translator } from "../../core/i18n";
import { remindMessages, type RemindKey } from "../../core/i18n/messages/remind";
import { mailtoUrl, workbookReminder, type WorkbookReminder } from "../../core/remind";
import { ErrorBar } from "../components/ErrorBar";
import { usePane } from "../context";
import { useAsyncAction } from "../useAsyncAction";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  drafts: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  note: { color: tokens.colorNeutralForeground3 },
  preview: { fontFamily: tokens.fontFamilyMonospace, minHeight: "12em" },
});

type Done = { readonly kind: "copied" | "copyFailed" | "drafts"; readonly reminder: WorkbookReminder; readonly problem?: string };

/**
 * 催办消息 on the 文书 tab: the digest `liaison remind` sends, for the current workbook. “复制催办消息”
 * puts it on the clipboard for pasting into a chat; “发邮件” lists one `mailto:` draft per owner
 * (addressed from the workbook's 通讯录 when it has one). The robots are not called from here:
 * their webhooks and secrets do not belong in a shared workbook, and the pane says so.
 */
export function RemindPanel() {
  const { port, lang } = usePane();
  const styles = useStyles();
  const headingId = useId();
  const r = useMemo(() => translator(remindMessages, lang) as (key: RemindKey, params?: Record<string, string | number>) => string, [lang]);

  const build = async (): Promise<WorkbookReminder> => {
    const { settings } = await loadSettings(port, lang);
    // The pane's clock: the workbook's settings may fix today (as in the check), else Shanghai now.
    const clock = clockOf(settings, new Date());
    const [tables, sheets] = await Promise.all([port.readTables({ kind: "all" }), port.listSheets()]);
    return workbookReminder({ file: "", sheets, tables, settings, today: clock.today, now: clock.now, lang });
  };

  const action = useAsyncAction<["copy" | "drafts"], Done>(async (what) => {
    const reminder = await build();
    if (what === "drafts" || reminder.items.length === 0) return { kind: "drafts", reminder };
    try {
      await navigator.clipboard.writeText(reminder.text);
      return { kind: "copied", reminder };
    } catch (e) {
      // Office hosts may refuse the clipboard; the message is then shown for copying by hand.
      return { kind: "copyFailed", reminder, problem: e instanceof Error ? e.message : String(e) };
    }
  });
  const done = action.result;
  const [pressed] = action.args ?? [];

  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="remind">
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {r("pane.title")}
      </Subtitle2>
      <Caption1>{r("pane.intro")}</Caption1>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabled={action.busy}
          icon={action.busy && pressed === "copy" ? <Spinner size="extra-tiny" /> : undefined}
          onClick={() => void action.run("copy")}
        >
          {r("pane.copy")}
        </Button>
        <Button
          disabled={action.busy}
          icon={action.busy && pressed === "drafts" ? <Spinner size="extra-tiny" /> : undefined}
          onClick={() => void action.run("drafts")}
        >
          {r("pane.email")}
        </Button>
      </div>
      <Caption1 className={styles.note}>{r("pane.robots")}</Caption1>
      {action.busy && (
        <Caption1 role="status" aria-live="polite">
          {r("pane.busy")}
        </Caption1>
      )}
      {!action.busy && action.error !== undefined && <ErrorBar error={action.error} />}
      {!action.busy && done !== undefined && <Outcome done={done} r={r} styles={styles} />}
    </section>
  );
}

function Outcome({
  done,
  r,
  styles,
}: {
  done: Done;
  r: (key: RemindKey, params?: Record<string, string | number>) => string;
  styles: ReturnType<typeof useStyles>;
}) {
  const { reminder } = done;
  if (reminder.items.length === 0) return <Body1 role="status">{r("pane.nothing")}</Body1>;
  if (done.kind === "copied") return <Body1 role="status">{r("pane.copied", { n: reminder.items.length })}</Body1>;
  if (done.kind === "copyFailed") {
    return (
      <>
        <Body1 role="status">{r("pane.copyFailed", { message: done.problem ?? "" })}</Body1>
        <Textarea readOnly value={reminder.text} className={styles.preview} aria-label={r("pane.preview")} resize="vertical" />
      </>
    );
  }
  return (
    <>
      {!reminder.hasContacts && <Caption1 className={styles.note}>{r("pane.emailNoAddress")}</Caption1>}
      <ul className={styles.drafts}>
        {reminder.drafts.map((d) => (
          <li key={d.owner}>
            <Link href={mailtoUrl(d)} target="_blank" rel="noreferrer">
              {r("pane.emailTo", { owner: d.to !== undefined ? `${d.owner} <${d.to}>` : d.owner, n: d.count })}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
