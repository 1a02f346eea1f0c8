import { dayFromSerial, dayFromYmd, isoDate, isoDateTime, isValidYmd, minuteFromSerial } from "../cells/civil";
import { translator, type Lang, DEFAULT_LANG, LANGS } from "../i18n";
import { settingsMessages } from "../i18n/messages/findings";
import { parseSettings, type ParsedSettings } from "./parse";
import type { Settings } from "./schema";

/**
 * Settings as a flat key/value list: one row per value, for a settings sheet (key, value, label)
 * or the add-in's document settings. Nested fields use dotted keys (`workingHours.start`); date
 * lists are one comma-separated cell. Reading accepts what a person types into such a sheet:
 * date cells, time cells, full-width digits, one date per row.
 */

export type SettingValue = string | number;

/** Flat keys in display order. */
export const SETTING_ROW_KEYS = [
  "threshold",
  "consecutivePeriods",
  "minQuotes",
  "workingHours.start",
  "workingHours.end",
  "responseHours.inHours",
  "responseHours.offHours",
  "rectificationWorkdays",
  "confirmWorkdays",
  "updateIntervalMinutes",
  "holidays",
  "workdays",
  "issuingDepartment",
  "companyName",
  "contactName",
  "contactPhone",
  "reviewer",
  "noticePrefix",
  "today",
  "now",
] as const;
export type SettingRowKey = (typeof SETTING_ROW_KEYS)[number];

/** How each flat key is written and read (the settings sheet, the pane's settings form). */
export type SettingKind = "number" | "clock" | "dates" | "text" | "date" | "datetime";
export const SETTING_KIND: Readonly<Record<SettingRowKey, SettingKind>> = {
  threshold: "number",
  consecutivePeriods: "number",
  minQuotes: "number",
  "workingHours.start": "clock",
  "workingHours.end": "clock",
  "responseHours.inHours": "number",
  "responseHours.offHours": "number",
  rectificationWorkdays: "number",
  confirmWorkdays: "number",
  updateIntervalMinutes: "number",
  holidays: "dates",
  workdays: "dates",
  issuingDepartment: "text",
  companyName: "text",
  contactName: "text",
  contactPhone: "text",
  reviewer: "text",
  noticePrefix: "text",
  today: "date",
  now: "datetime",
};

/** The label of a flat key in the user's language (for the settings sheet's third column). */
export function settingLabel(key: SettingRowKey, lang: Lang = DEFAULT_LANG): string {
  return translator(settingsMessages, lang)(`label.${key}`);
}

export function settingsToRows(s: Settings): [SettingRowKey, SettingValue][] {
  const rows: [SettingRowKey, SettingValue][] = [];
  for (const key of SETTING_ROW_KEYS) {
    const [head, sub] = key.split(".") as [keyof Settings, string | undefined];
    const top = s[head] as unknown;
    const v = sub === undefined ? top : (top as Record<string, unknown>)[sub];
    if (Array.isArray(v)) rows.push([key, v.join(", ")]);
    else if (typeof v === "number" || typeof v === "string") rows.push([key, v]);
    else rows.push([key, ""]); // an optional value that is not set
  }
  return rows;
}

/** Header words a settings sheet may carry in its first row; skipped silently. */
const HEADER_WORDS = new Set(["key", "setting", "settings", "设置项", "设置", "项目", "名称"]);

/**
 * A key or label as compared: lower case, brackets and colons in either width alike — a sheet typed
 * by hand may write `合格线(分)` where the label reads `合格线（分）`.
 */
const nameKey = (name: string): string =>
  name.trim().toLowerCase().replace(/（/g, "(").replace(/）/g, ")").replace(/：/g, ":").replace(/\s+/g, "");

/** Keys by themselves and by their labels in every language, so a sheet typed by hand is read. */
const KEY_BY_NAME: ReadonlyMap<string, SettingRowKey> = (() => {
  const m = new Map<string, SettingRowKey>();
  for (const key of SETTING_ROW_KEYS) {
    m.set(nameKey(key), key);
    for (const lang of LANGS) m.set(nameKey(settingLabel(key, lang)), key);
  }
  return m;
})();

const fullWidthToAscii = (s: string): string => s.replace(/[０-９．：－／]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** A date cell of the workbook adapter (`{ kind: "date", serial }`). */
function serialOf(v: unknown): number | undefined {
  if (typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "date") {
    const serial = (v as { serial?: unknown }).serial;
    return typeof serial === "number" ? serial : undefined;
  }
  return undefined;
}

/** `2024-10-01`, `2024/10/1`, `2024.10.1`, `2024年10月1日` → ISO; anything else unchanged (reported later). */
function normaliseDateText(text: string): string {
  const t = fullWidthToAscii(text.trim());
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t);
  if (!m) return t;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? isoDate(dayFromYmd(y, mo, d)) : t;
}

function convert(kind: SettingKind, v: unknown): unknown {
  const serial = serialOf(v);
  switch (kind) {
    case "number": {
      if (typeof v !== "string") return v;
      const t = fullWidthToAscii(v.trim()).replace(/,/g, "");
      return /^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : v;
    }
    case "clock": {
      const fraction = serial ?? (typeof v === "number" ? v : undefined);
      if (fraction !== undefined && fraction >= 0) {
        const minutes = Math.round((fraction - Math.floor(fraction)) * 1440);
        const h = Math.floor(minutes / 60);
        const m = minutes % 60;
        return `${h < 10 ? "0" : ""}${h}:${m < 10 ? "0" : ""}${m}`;
      }
      return typeof v === "string" ? v.trim() : v;
    }
    case "date":
      if (serial !== undefined) return isoDate(dayFromSerial(serial));
      return typeof v === "string" ? normaliseDateText(v) : v;
    case "datetime":
      if (serial !== undefined) return isoDateTime(minuteFromSerial(serial));
      return typeof v === "string" ? fullWidthToAscii(v.trim()).replace(/\//g, "-") : v;
    case "text":
      return typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : v;
    case "dates":
      return v; // handled by the caller: lists accumulate
  }
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * Reads rows `[key, value, …]` (extra cells such as a label are ignored). Unknown keys and bad
 * values are reported in `problems` and fall back to the defaults; nothing throws.
 */
export function settingsFromRows(rows: readonly (readonly unknown[])[], lang: Lang = DEFAULT_LANG): ParsedSettings {
  const t = translator(settingsMessages, lang);
  const flat = new Map<SettingRowKey, unknown>();
  const lists: Record<"holidays" | "workdays", unknown[]> = { holidays: [], workdays: [] };
  const problems: string[] = [];

  for (const row of rows) {
    const rawKey = row[0];
    if (isBlank(rawKey)) continue;
    const name = String(rawKey).trim();
    const key = KEY_BY_NAME.get(nameKey(name));
    if (!key) {
      if (!HEADER_WORDS.has(name.toLowerCase())) problems.push(t("unknownKey", { key: name }));
      continue;
    }
    const value = row[1];
    if (isBlank(value)) continue;
    const kind = SETTING_KIND[key];
    if (kind === "dates") {
      const list = lists[key as "holidays" | "workdays"];
      const serial = serialOf(value);
      if (serial !== undefined) list.push(isoDate(dayFromSerial(serial)));
      else if (typeof value === "number") list.push(isoDate(dayFromSerial(value)));
      else if (typeof value === "string") {
        for (const token of value.split(/[,，、;；\s]+/)) if (token !== "") list.push(normaliseDateText(token));
      } else list.push(value);
      continue;
    }
    flat.set(key, convert(kind, value));
  }

  const input: Record<string, unknown> = {};
  for (const [key, value] of flat) {
    const [head, sub] = key.split(".");
    if (sub === undefined) input[head] = value;
    else input[head] = { ...((input[head] as Record<string, unknown> | undefined) ?? {}), [sub]: value };
  }
  if (lists.holidays.length > 0) input.holidays = lists.holidays;
  if (lists.workdays.length > 0) input.workdays = lists.workdays;

  const parsed = parseSettings(input, lang);
  return { settings: parsed.settings, problems: [...problems, ...parsed.problems] };
}
