import type { TaskpaneKey } from "../../core/i18n/messages/taskpane";
import { SETTING_KIND, SETTING_ROW_KEYS, settingsSchema, settingsToRows, type Settings, type SettingRowKey } from "../../core/settings";

/**
 * The settings form of the pane, as plain functions (tested without React): one text per flat
 * settings key (`workingHours.start`), turned into a Settings object and checked by the one
 * schema; every problem is tied to the field it concerns, with a hint saying what is allowed.
 */

export type SettingsForm = Readonly<Record<SettingRowKey, string>>;
export type FieldErrors = Partial<Record<SettingRowKey, TaskpaneKey>>;

type Kind = "number" | "clock" | "dates" | "text" | "optional";
/** The form's kind of a field: the settings' own kinds, with the optional fixed clock as free text. */
const kindOf = (key: SettingRowKey): Kind => {
  const kind = SETTING_KIND[key];
  return kind === "date" || kind === "datetime" ? "optional" : kind;
};

/** What each field accepts, shown under it when its value is refused. */
export const FIELD_HINT: Readonly<Record<SettingRowKey, TaskpaneKey>> = {
  threshold: "hint.threshold",
  consecutivePeriods: "hint.consecutivePeriods",
  minQuotes: "hint.minQuotes",
  "workingHours.start": "hint.clock",
  "workingHours.end": "hint.clock",
  "responseHours.inHours": "hint.hours",
  "responseHours.offHours": "hint.hours",
  rectificationWorkdays: "hint.rectificationWorkdays",
  confirmWorkdays: "hint.confirmWorkdays",
  updateIntervalMinutes: "hint.updateIntervalMinutes",
  holidays: "hint.dates",
  workdays: "hint.dates",
  issuingDepartment: "hint.text",
  companyName: "hint.text",
  contactName: "hint.text",
  contactPhone: "hint.text",
  reviewer: "hint.text",
  noticePrefix: "hint.noticePrefix",
  today: "hint.today",
  now: "hint.now",
};

/** The form's sections, in display order. */
export const FIELD_GROUPS: readonly { readonly title: TaskpaneKey; readonly keys: readonly SettingRowKey[] }[] = [
  { title: "settingsGroupRules", keys: ["threshold", "consecutivePeriods", "minQuotes"] },
  {
    title: "settingsGroupTime",
    keys: ["workingHours.start", "workingHours.end", "responseHours.inHours", "responseHours.offHours", "updateIntervalMinutes"],
  },
  {
    title: "settingsGroupDocuments",
    keys: [
      "rectificationWorkdays",
      "confirmWorkdays",
      "companyName",
      "issuingDepartment",
      "contactName",
      "contactPhone",
      "reviewer",
      "noticePrefix",
    ],
  },
  { title: "settingsGroupCalendar", keys: ["holidays", "workdays", "today", "now"] },
];

export const isListField = (key: SettingRowKey): boolean => kindOf(key) === "dates";
export const isOptionalField = (key: SettingRowKey): boolean => kindOf(key) === "optional";

export function formFromSettings(s: Settings): SettingsForm {
  const form = {} as Record<SettingRowKey, string>;
  for (const [key, value] of settingsToRows(s)) form[key] = String(value);
  return form;
}

const fullWidth = (s: string): string => s.replace(/[０-９．：－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

function valueOf(kind: Kind, text: string): unknown {
  const t = fullWidth(text.trim());
  switch (kind) {
    case "number":
      // Anything but a clean number stays text, so the schema refuses it (an empty field too).
      return /^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
    case "dates":
      return t === "" ? [] : t.split(/[,，、;；\s]+/).filter((x) => x !== "");
    case "optional":
      return t === "" ? undefined : t;
    default:
      return t;
  }
}

export type FormResult = { readonly ok: true; readonly settings: Settings } | { readonly ok: false; readonly errors: FieldErrors };

/** Reads the form through settingsSchema; on failure, the fields at fault with their hints. */
export function settingsFromForm(form: SettingsForm): FormResult {
  const input: Record<string, unknown> = {};
  for (const key of SETTING_ROW_KEYS) {
    const value = valueOf(kindOf(key), form[key] ?? "");
    if (value === undefined) continue;
    const [head, sub] = key.split(".");
    if (sub === undefined) input[head] = value;
    else input[head] = { ...((input[head] as Record<string, unknown> | undefined) ?? {}), [sub]: value };
  }
  const errors: Record<string, TaskpaneKey> = {};
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [head, sub] = issue.path.map(String);
      const keys: SettingRowKey[] =
        sub !== undefined && SETTING_ROW_KEYS.includes(`${head}.${sub}` as SettingRowKey)
          ? [`${head}.${sub}` as SettingRowKey]
          : SETTING_ROW_KEYS.includes(head as SettingRowKey)
            ? [head as SettingRowKey]
            : SETTING_ROW_KEYS.filter((k) => k.startsWith(`${head}.`)); // a rule on the pair (start < end)
      for (const key of keys) errors[key] = FIELD_HINT[key];
    }
  }
  // A day cannot be both a rest day and a working day (the calendar refuses it).
  const holidays = new Set(valueOf("dates", form.holidays ?? "") as string[]);
  if ((valueOf("dates", form.workdays ?? "") as string[]).some((d) => holidays.has(d))) {
    errors.holidays = "hint.dates";
    errors.workdays = "hint.dates";
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors: errors as FieldErrors };
  return { ok: true, settings: parsed.data };
}

/** The fields whose text differs between two forms (what a save changes), in form order. */
export function changedFields(before: SettingsForm, after: SettingsForm): SettingRowKey[] {
  return SETTING_ROW_KEYS.filter((key) => (before[key] ?? "").trim() !== (after[key] ?? "").trim());
}
