export { settingsSchema, DEFAULT_SETTINGS, type Settings, type SettingKey } from "./schema";
export { parseSettings, type ParsedSettings } from "./parse";
export {
  settingsToRows,
  settingsFromRows,
  settingLabel,
  SETTING_ROW_KEYS,
  SETTING_KIND,
  type SettingKind,
  type SettingRowKey,
  type SettingValue,
} from "./rows";
export { workingHoursOf, calendarOptionsOf, calendarOf } from "./derived";
export { settingsSheetRows, SETTINGS_HEADER_ROW } from "./sheet";
