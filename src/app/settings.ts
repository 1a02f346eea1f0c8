import type { Lang } from "../core/i18n";
import { settingsFromRows, type Settings } from "../core/settings";
import type { ValidationPort } from "./port";

/** What loading the settings needs of a workbook: its settings sheet, read. */
export type SettingsReader = Pick<ValidationPort, "readSettings">;

export interface LoadedSettings {
  readonly settings: Settings;
  /** A bad value fell back to its default (or a key is unknown): one line each, in `lang`, to show. */
  readonly problems: string[];
  /** False when the workbook has no settings sheet (every value is its default, no problem). */
  readonly stored: boolean;
}

/**
 * The workbook's settings with their problems — the one way every front end (校验, live
 * validation, the 设置 tab, documents, reminders, `liaison check`) reads them. A workbook without
 * a settings sheet reads as the defaults with no problem; a bad value never stops a run, it falls
 * back to its default and is named in `problems`.
 */
export async function loadSettings(port: SettingsReader, lang: Lang): Promise<LoadedSettings> {
  const rows = await port.readSettings();
  if (rows === undefined) return { ...settingsFromRows([], lang), stored: false };
  return { ...settingsFromRows(rows, lang), stored: true };
}
