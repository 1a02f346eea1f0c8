import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type FormEvent, lazy, Suspense, useEffect, useState } from "react";
import { translator } from "../../core/i18n";
import { selfTestMessages } from "../../core/i18n/messages/self-test";
import { DEFAULT_SETTINGS, settingLabel, settingsFromRows, settingsToRows, type SettingRowKey } from "../../core/settings";
import { ErrorBar } from "../components/ErrorBar";
import { LiveSetting } from "../live/LiveSetting";
import { usePane } from "../context";
import { useAsyncAction } from "../useAsyncAction";
import {
  FIELD_GROUPS,
  type FieldErrors,
  type SettingsForm,
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
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Outcome = "saved" | "reset" | null;

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

/** Tab 设置: the workbook's settings (manual.md §4 defaults), checked field by field, saved into the workbook. */
export function SettingsTab() {
  const { port, lang, t, workbookChanged } = usePane();
  const styles = useStyles();
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<Outcome>(null);

  const load = useAsyncAction<[], string[]>(async () => {
    const rows = await port.readSettings();
    const { settings, problems } = settingsFromRows(rows ?? [], lang);
    setForm(formFromSettings(settings));
    setErrors({});
    return problems;
  });
  const save = useAsyncAction<[SettingsForm], void>(async (current) => {
    const read = settingsFromForm(current);
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    await port.writeSettings(settingsToRows(read.settings));
    setErrors({});
    setForm(formFromSettings(read.settings));
    setOutcome("saved");
    workbookChanged({});
  });
  const { run: runLoad } = load;
  useEffect(() => {
    void runLoad();
  }, [runLoad, port]);

  if (!form) {
    return load.error !== undefined ? <ErrorBar error={load.error} /> : <Spinner label={t("settingsLoading")} />;
  }

  const set = (key: SettingRowKey, value: string) => {
    setForm({ ...form, [key]: value });
    setOutcome(null);
    if (errors[key]) setErrors({ ...errors, [key]: undefined });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    void save.run(form);
  };
  const invalid = Object.values(errors).filter(Boolean).length;
  const problems = load.result ?? [];

  return (
    <form className={styles.root} onSubmit={onSubmit} noValidate data-testid="settings-form">
      <LiveSetting />
      <Caption1>{t("settingsIntro")}</Caption1>
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
      {invalid > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>{t("settingsInvalid", { n: invalid })}</MessageBarBody>
        </MessageBar>
      )}
      {save.error !== undefined && !save.busy && <ErrorBar error={save.error} />}
      {outcome && (
        <MessageBar intent={outcome === "saved" ? "success" : "info"}>
          <MessageBarBody role="status">{outcome === "saved" ? t("settingsSaved") : t("settingsResetDone")}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={save.busy} icon={save.busy ? <Spinner size="extra-tiny" /> : undefined}>
          {t("settingsSave")}
        </Button>
        <Button
          type="button"
          disabled={save.busy}
          onClick={() => {
            setForm(formFromSettings(DEFAULT_SETTINGS));
            setErrors({});
            setOutcome("reset");
          }}
        >
          {t("settingsReset")}
        </Button>
      </div>
      <SelfTestSection />
    </form>
  );
}
