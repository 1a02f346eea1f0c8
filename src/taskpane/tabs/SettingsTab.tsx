import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type FormEvent, lazy, Suspense, useEffect, useMemo, useRef, useState } from "react";
import { translator } from "../../core/i18n";
import { selfTestMessages } from "../../core/i18n/messages/self-test";
import { settingsPaneMessages } from "../../core/i18n/messages/settings-pane";
import { DEFAULT_SETTINGS, settingLabel, settingsToRows, type SettingRowKey } from "../../core/settings";
import { loadSettings } from "../../app/settings";
import { ErrorBar } from "../components/ErrorBar";
import { LiveSetting } from "../live/LiveSetting";
import { usePane } from "../context";
import { keepDraft, queueSettingsWrite, settingsWritten, takeDraft } from "../settings-sync";
import { useAsyncAction } from "../useAsyncAction";
import {
  FIELD_GROUPS,
  type FieldErrors,
  type SettingsForm,
  changedFields,
  formFromSettings,
  isListField,
  isOptionalField,
  settingsFromForm,
} from "../validation/settings-form";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    margin: 0,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}` },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
  // Where the eye is: the save status and the buttons stay at the bottom of the visible pane.
  footer: {
    position: "sticky",
    bottom: `calc(-1 * ${tokens.spacingHorizontalL})`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} 0 ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** What the last save did, for the status line (and its 撤销). */
type Outcome =
  | { readonly kind: "saved"; readonly changed: readonly SettingRowKey[]; readonly before: SettingsForm; readonly after: SettingsForm }
  | { readonly kind: "defaults"; readonly before: SettingsForm }
  | { readonly kind: "undone" }
  | { readonly kind: "draft"; readonly n: number }
  | null;

/** The self-test (设置 → 自检) is a chunk of its own, loaded when asked for: the first paint does not carry it. */
const SelfTestPanel = lazy(() => import(/* webpackChunkName: "self-test" */ "../components/SelfTestPanel"));

/** 自检 inside Excel: a heading and a button that loads the panel. */
function SelfTestSection() {
  const { host, lang } = usePane();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  if (host !== "office") return null; // the self-test exercises Excel itself; the preview page has none
  const t = translator(selfTestMessages, lang);
  return (
    <fieldset className={styles.group} data-testid="self-test-section">
      <legend className={styles.legend}>
        <Subtitle2>{t("title")}</Subtitle2>
      </legend>
      {open ? (
        <Suspense fallback={<Spinner size="tiny" label={t("title")} />}>
          <SelfTestPanel />
        </Suspense>
      ) : (
        <Button type="button" onClick={() => setOpen(true)}>
          {t("title")}
        </Button>
      )}
    </fieldset>
  );
}

/** A valid value is saved this long after the last keystroke (one write per pause, not per key). */
const SAVE_DELAY_MS = 500;

/**
 * Tab 设置: the workbook's settings (manual.md §4 defaults), checked field by field.
 *
 * Nothing typed here is lost: a value is saved into the workbook as soon as the form is valid
 * (half a second after the last keystroke, at once when the tab is left), with 撤销 to take the
 * save back; an invalid value is never saved, stays marked, and is kept when the person opens
 * another tab and comes back. We chose saving over a "leave without saving?" prompt: the pane
 * cannot hold the person back when Excel closes it, and a prompt at every tab change is a
 * question with no good answer. Reads of the settings (校验, live validation) wait for pending
 * writes (settings-sync.ts).
 */
export function SettingsTab() {
  const { port, lang, t, workbookChanged, workbook, workbookNow } = usePane();
  const ts = useMemo(() => translator(settingsPaneMessages, lang), [lang]);
  const styles = useStyles();
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  // The form as last saved (or loaded): what "changed" and 撤销 are measured against.
  const saved = useRef<SettingsForm | null>(null);
  // A valid form waiting for its save (the delay), and the form on screen, for the unmount flush.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const current = useRef<SettingsForm | null>(null);
  current.current = form;

  const load = useAsyncAction<[], string[]>(async () => {
    await settingsWritten();
    const { settings, problems } = await loadSettings(port, lang);
    const loaded = formFromSettings(settings);
    saved.current = loaded;
    const draft = takeDraft(workbook);
    if (draft) {
      const read = settingsFromForm(draft);
      setForm(draft);
      setErrors(read.ok ? {} : read.errors);
      setOutcome({ kind: "draft", n: read.ok ? 0 : Object.keys(read.errors).length });
    } else {
      setForm(loaded);
      setErrors({});
    }
    return problems;
  });
  const save = useAsyncAction<[SettingsForm, "edit" | "defaults" | "undo"], void>(async (next, why) => {
    const read = settingsFromForm(next);
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    const before = saved.current ?? next;
    const after = formFromSettings(read.settings);
    await queueSettingsWrite(() => port.writeSettings(settingsToRows(read.settings)));
    saved.current = after;
    if (why === "undo") setOutcome({ kind: "undone" });
    else if (why === "defaults") setOutcome({ kind: "defaults", before });
    else setOutcome({ kind: "saved", changed: changedFields(before, after), before, after });
    workbookChanged({});
  });
  const { run: runLoad } = load;
  const { run: runSave } = save;
  useEffect(() => {
    void runLoad();
  }, [runLoad, port]);
  // Leaving the tab: a save still waiting is made now; a form that cannot be saved is kept as a draft.
  // Unless the tab goes because another workbook is shown (the preview opened a file): the work
  // was for the one before, which is gone, and must not land in the new one.
  useEffect(
    () => () => {
      const form = current.current;
      if (workbookNow() !== workbook) {
        clearTimeout(timer.current);
        timer.current = undefined;
        return;
      }
      if (timer.current !== undefined) {
        clearTimeout(timer.current);
        timer.current = undefined;
        if (form) void runSave(form, "edit");
        return;
      }
      if (form && saved.current && changedFields(saved.current, form).length > 0 && !settingsFromForm(form).ok) keepDraft(form, workbook);
    },
    [runSave, workbook, workbookNow],
  );

  if (!form) {
    return load.error !== undefined ? <ErrorBar error={load.error} /> : <Spinner label={t("settingsLoading")} />;
  }

  const schedule = (next: SettingsForm, why: "edit" | "defaults" | "undo", delay: number, force = false) => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
    const read = settingsFromForm(next);
    setErrors(read.ok ? {} : read.errors);
    if (!read.ok || (!force && saved.current && changedFields(saved.current, next).length === 0)) return;
    if (delay === 0) {
      void runSave(next, why);
      return;
    }
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void runSave(next, why);
    }, delay);
  };
  const set = (key: SettingRowKey, value: string) => {
    const next = { ...form, [key]: value };
    setForm(next);
    schedule(next, "edit", SAVE_DELAY_MS);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    schedule(form, "edit", 0, true);
  };
  const undo = (to: SettingsForm) => {
    setForm(to);
    schedule(to, "undo", 0);
  };
  const invalid = Object.values(errors).filter(Boolean).length;
  const problems = load.result ?? [];

  return (
    <form className={styles.root} onSubmit={onSubmit} noValidate data-testid="settings-form">
      <LiveSetting />
      <Caption1>
        {t("settingsIntro")} {ts("autosaveNote")}
      </Caption1>
      {problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("settingsProblemsTitle")}</MessageBarTitle>
            <ul className={styles.list}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {FIELD_GROUPS.map((group) => (
        <fieldset key={group.title} className={styles.group}>
          <legend className={styles.legend}>
            <Subtitle2>{t(group.title)}</Subtitle2>
          </legend>
          {group.keys.map((key) => {
            const error = errors[key];
            const hint = isListField(key) ? t("settingsDatesHint") : isOptionalField(key) ? t("settingsOptionalHint") : undefined;
            return (
              <Field
                key={key}
                label={settingLabel(key, lang)}
                size="small"
                validationState={error ? "error" : "none"}
                validationMessage={error ? t(error) : undefined}
                hint={hint}
              >
                {isListField(key) ? (
                  <Textarea size="small" resize="vertical" value={form[key]} onChange={(_, d) => set(key, d.value)} data-key={key} />
                ) : (
                  <Input size="small" value={form[key]} onChange={(_, d) => set(key, d.value)} data-key={key} />
                )}
              </Field>
            );
          })}
        </fieldset>
      ))}
      <div className={styles.footer}>
        {invalid > 0 && (
          <MessageBar intent="error">
            <MessageBarBody>{ts("invalidNotSaved", { n: invalid })}</MessageBarBody>
          </MessageBar>
        )}
        {save.error !== undefined && !save.busy && <ErrorBar error={save.error} />}
        <SaveStatus outcome={outcome} busy={save.busy} ts={ts} onUndo={undo} />
        <div className={styles.buttons}>
          <Button type="submit" appearance="primary" disabled={save.busy} icon={save.busy ? <Spinner size="extra-tiny" /> : undefined}>
            {t("settingsSave")}
          </Button>
          <Button
            type="button"
            disabled={save.busy}
            onClick={() => {
              const defaults = formFromSettings(DEFAULT_SETTINGS);
              setForm(defaults);
              schedule(defaults, "defaults", 0);
            }}
          >
            {t("settingsReset")}
          </Button>
        </div>
      </div>
      <SelfTestSection />
    </form>
  );
}

interface SaveStatusProps {
  readonly outcome: Outcome;
  readonly busy: boolean;
  readonly ts: ReturnType<typeof translator>;
  readonly onUndo: (to: SettingsForm) => void;
}

/** What the last save did, in words, with 撤销 where there is something to take back. */
function SaveStatus({ outcome, busy, ts, onUndo }: SaveStatusProps) {
  const { lang, t } = usePane();
  if (busy) return <Caption1 role="status">{ts("saving")}</Caption1>;
  if (!outcome) return null;
  if (outcome.kind === "draft") {
    return outcome.n > 0 ? (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{ts("draftKept", { n: outcome.n })}</MessageBarBody>
      </MessageBar>
    ) : null;
  }
  if (outcome.kind === "undone") {
    return (
      <MessageBar intent="info">
        <MessageBarBody role="status">{ts("undone")}</MessageBarBody>
      </MessageBar>
    );
  }
  const show = (v: string) => (v.trim() === "" ? ts("empty") : v.trim());
  const text =
    outcome.kind === "defaults"
      ? ts("savedDefaults")
      : outcome.changed.length === 1 && outcome.changed[0] !== undefined
        ? `${t("settingsSaved")} ${ts("savedOne", {
            label: settingLabel(outcome.changed[0], lang),
            from: show(outcome.before[outcome.changed[0]]),
            to: show(outcome.after[outcome.changed[0]]),
          })}`
        : outcome.changed.length === 0
          ? t("settingsSaved")
          : `${t("settingsSaved")} ${ts("savedMany", { n: outcome.changed.length })}`;
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody role="status" data-testid="settings-status">
        {text}
      </MessageBarBody>
      {(outcome.kind === "defaults" || outcome.changed.length > 0) && (
        <MessageBarActions>
          <Button size="small" onClick={() => onUndo(outcome.before)}>
            {ts("undo")}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
