import type { z } from "zod";
import { translator, type Lang, DEFAULT_LANG } from "../i18n";
import { settingsMessages } from "../i18n/messages/findings";
import { DEFAULT_SETTINGS, isoDaySchema, settingsSchema, workingHoursSchema, responseHoursSchema, type Settings } from "./schema";

/**
 * Reading stored settings. They come from the user's workbook (a settings sheet or the document's
 * settings), so nothing here throws: an invalid value falls back to its default and the problem
 * is reported in the user's language, for the task pane or the CLI to show.
 */

export interface ParsedSettings {
  readonly settings: Settings;
  readonly problems: string[];
}

type Shape = typeof settingsSchema.shape;
const SHAPE: Shape = settingsSchema.shape;

/** Fields holding an object: their sub-fields fall back one by one. */
const NESTED: Readonly<Record<string, z.ZodObject>> = {
  workingHours: workingHoursSchema,
  responseHours: responseHoursSchema,
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A value as shown in a problem message: short, and never an object dump. */
export function showValue(v: unknown): string {
  let s: string;
  if (typeof v === "string") s = v;
  else if (Array.isArray(v)) s = v.map(showValue).join(", ");
  else if (isPlainObject(v)) s = JSON.stringify(v);
  else s = String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

export function parseSettings(input: unknown, lang: Lang = DEFAULT_LANG): ParsedSettings {
  const t = translator(settingsMessages, lang);
  const problems: string[] = [];
  if (input === undefined || input === null) return { settings: copyDefaults(), problems };
  if (!isPlainObject(input)) {
    problems.push(t("notObject"));
    return { settings: copyDefaults(), problems };
  }
  const label = (key: string) => t(`label.${key}`);
  const out: Record<string, unknown> = {};

  for (const key of Object.keys(input)) {
    if (!Object.prototype.hasOwnProperty.call(SHAPE, key)) problems.push(t("unknownKey", { key }));
  }

  for (const key of Object.keys(SHAPE) as (keyof Shape)[]) {
    const value = input[key];
    if (value === undefined) continue;
    const nested = NESTED[key];
    if (nested && isPlainObject(value)) {
      // Sub-field by sub-field: a bad start time keeps a good end time.
      const defaults = DEFAULT_SETTINGS[key] as unknown as Record<string, unknown>;
      const merged: Record<string, unknown> = {};
      for (const sub of Object.keys(nested.shape)) {
        const subValue = value[sub];
        if (subValue === undefined) {
          merged[sub] = defaults[sub];
          continue;
        }
        const r = (nested.shape as Record<string, z.ZodType>)[sub].safeParse(subValue);
        if (r.success) merged[sub] = r.data;
        else {
          merged[sub] = defaults[sub];
          problems.push(
            t("invalidValue", { label: label(`${key}.${sub}`), value: showValue(subValue), default: showValue(defaults[sub]) }),
          );
        }
      }
      const whole = SHAPE[key].safeParse(merged);
      if (whole.success) out[key] = whole.data;
      else {
        // Valid parts that do not fit together (start after end): the whole pair falls back.
        problems.push(
          t("invalidValue", {
            label: label(key),
            value: showValue(Object.values(merged).join("–")),
            default: Object.values(defaults).join("–"),
          }),
        );
      }
      continue;
    }
    if ((key === "holidays" || key === "workdays") && Array.isArray(value)) {
      // Keep the good dates of a list, report the bad ones.
      const good: string[] = [];
      for (const item of value) {
        const r = isoDaySchema.safeParse(item);
        if (r.success) good.push(r.data);
        else problems.push(t("invalidValue", { label: label(key), value: showValue(item), default: "" }));
      }
      out[key] = [...new Set(good)].sort();
      continue;
    }
    const r = SHAPE[key].safeParse(value);
    if (r.success) out[key] = r.data;
    else problems.push(t("invalidValue", { label: label(key), value: showValue(value), default: showValue(DEFAULT_SETTINGS[key] ?? "") }));
  }

  // A day cannot be both a rest day and a working day; the calendar would refuse it.
  const holidays = (out.holidays as string[] | undefined) ?? [];
  const workdays = new Set((out.workdays as string[] | undefined) ?? []);
  const both = holidays.filter((d) => workdays.has(d));
  if (both.length > 0) {
    for (const d of both) problems.push(t("conflict", { date: d }));
    out.holidays = holidays.filter((d) => !both.includes(d));
    out.workdays = [...workdays].filter((d) => !both.includes(d));
  }

  return { settings: settingsSchema.parse(out), problems };
}

function copyDefaults(): Settings {
  return settingsSchema.parse({});
}
