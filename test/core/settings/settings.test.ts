import { DEFAULT_SETTINGS, settingsSchema } from "../../../src/core/settings/schema";
import { parseSettings } from "../../../src/core/settings/parse";
import { settingsFromRows, settingsToRows, settingLabel, SETTING_ROW_KEYS } from "../../../src/core/settings/rows";
import { calendarOf, workingHoursOf } from "../../../src/core/settings/derived";
import { excelDate } from "../../../src/core/cells/types";
import { parseIsoDate } from "../../../src/core/cells/civil";
import fc from "fast-check";

describe("defaults (manual.md §4)", () => {
  it("are the manual's values", () => {
    expect(DEFAULT_SETTINGS).toEqual({
      threshold: 80,
      consecutivePeriods: 2,
      minQuotes: 3,
      workingHours: { start: "09:00", end: "18:00" },
      responseHours: { inHours: 2, offHours: 4 },
      rectificationWorkdays: 15,
      confirmWorkdays: 2,
      updateIntervalMinutes: 60,
      holidays: [],
      workdays: [],
      issuingDepartment: "采购部",
      companyName: "",
      contactName: "",
      contactPhone: "",
      reviewer: "",
      noticePrefix: "ZG",
    });
  });
  it("are frozen", () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS.holidays)).toBe(true);
    expect(() => (DEFAULT_SETTINGS.holidays as string[]).push("2024-01-01")).toThrow();
  });
  it("derive working hours in minutes", () => {
    expect(workingHoursOf(DEFAULT_SETTINGS)).toEqual({ start: 540, end: 1080 });
  });
});

describe("parseSettings", () => {
  it("keeps good values", () => {
    const { settings, problems } = parseSettings({
      threshold: 85,
      holidays: ["2024-10-14"],
      workingHours: { start: "08:30", end: "17:30" },
      today: "2024-10-08",
    });
    expect(problems).toEqual([]);
    expect(settings.threshold).toBe(85);
    expect(settings.holidays).toEqual(["2024-10-14"]);
    expect(settings.workingHours).toEqual({ start: "08:30", end: "17:30" });
    expect(settings.today).toBe("2024-10-08");
    expect(settings.minQuotes).toBe(3);
  });
  it("falls back per value and reports each problem, never throwing", () => {
    const { settings, problems } = parseSettings({
      threshold: "八十",
      minQuotes: 0,
      workingHours: { start: "25:00", end: "18:00" },
      holidays: ["2024-10-14", "2024-02-30", 7],
      colour: "red",
    });
    expect(settings.threshold).toBe(80);
    expect(settings.minQuotes).toBe(3);
    expect(settings.workingHours).toEqual({ start: "09:00", end: "18:00" });
    expect(settings.holidays).toEqual(["2024-10-14"]);
    expect(problems).toEqual([
      "未知的设置项“colour”，已忽略",
      "设置“合格线（分）”的值“八十”无效，已使用默认值“80”",
      "设置“最少报价数”的值“0”无效，已使用默认值“3”",
      "设置“上班时间”的值“25:00”无效，已使用默认值“09:00”",
      "设置“自定义节假日”的值“2024-02-30”无效，已使用默认值“”",
      "设置“自定义节假日”的值“7”无效，已使用默认值“”",
    ]);
  });
  it("a start after the end falls back as a pair", () => {
    const { settings, problems } = parseSettings({ workingHours: { start: "19:00", end: "18:00" } }, "en-US");
    expect(settings.workingHours).toEqual({ start: "09:00", end: "18:00" });
    expect(problems).toEqual(['The setting "Working hours" has an invalid value "19:00–18:00"; the default "09:00–18:00" is used']);
  });
  it("a day both holiday and workday is dropped from both", () => {
    const { settings, problems } = parseSettings({ holidays: ["2024-10-14", "2024-10-15"], workdays: ["2024-10-15"] });
    expect(settings.holidays).toEqual(["2024-10-14"]);
    expect(settings.workdays).toEqual([]);
    expect(problems).toEqual(["日期 2024-10-15 同时列为节假日和调休工作日，已忽略该日期"]);
    expect(() => calendarOf(settings)).not.toThrow();
  });
  it("non-objects give defaults", () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(parseSettings("threshold=80").problems).toEqual(["设置内容无法读取，已全部使用默认值"]);
    expect(parseSettings([1, 2]).settings).toEqual(DEFAULT_SETTINGS);
  });
  it("never throws and always yields valid settings (property)", () => {
    fc.assert(
      fc.property(fc.anything(), fc.dictionary(fc.constantFrom(...Object.keys(settingsSchema.shape), "x"), fc.anything()), (a, b) => {
        for (const input of [a, b]) {
          const { settings } = parseSettings(input);
          expect(settingsSchema.safeParse(settings).success).toBe(true);
          expect(() => calendarOf(settings)).not.toThrow();
          expect(() => workingHoursOf(settings)).not.toThrow();
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("settings as rows", () => {
  it("round-trips", () => {
    const s = parseSettings({
      threshold: 75.5,
      holidays: ["2024-10-14", "2024-10-15"],
      workdays: ["2024-10-19"],
      reviewer: "王总",
      now: "2024-10-08 09:30",
    }).settings;
    const rows = settingsToRows(s);
    expect(rows.map(([k]) => k)).toEqual([...SETTING_ROW_KEYS]);
    expect(rows).toContainEqual(["holidays", "2024-10-14, 2024-10-15"]);
    expect(rows).toContainEqual(["workingHours.start", "09:00"]);
    expect(rows).toContainEqual(["today", ""]);
    expect(settingsFromRows(rows)).toEqual({ settings: s, problems: [] });
    expect(settingsFromRows(settingsToRows(DEFAULT_SETTINGS))).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });
  it("reads what a person types into a settings sheet", () => {
    const { settings, problems } = settingsFromRows([
      ["设置项", "值", "说明"],
      ["合格线（分）", "８５"],
      ["workingHours.start", excelDate(0.354166666667)], // a time cell 08:30
      ["holidays", excelDate(45579)], // a date cell: 2024-10-14
      ["holidays", "2024/10/15、2024年10月16日"],
      ["today", excelDate(45573)],
      ["minQuotes", "三"],
      ["", ""],
      ["nonsense", 1],
    ]);
    expect(settings.threshold).toBe(85);
    expect(settings.workingHours.start).toBe("08:30");
    expect(settings.holidays).toEqual(["2024-10-14", "2024-10-15", "2024-10-16"]);
    expect(settings.today).toBe("2024-10-08");
    expect(settings.minQuotes).toBe(3);
    expect(problems).toEqual(["未知的设置项“nonsense”，已忽略", "设置“最少报价数”的值“三”无效，已使用默认值“3”"]);
  });
  it("labels exist in both languages for every key", () => {
    for (const key of SETTING_ROW_KEYS) {
      expect(settingLabel(key, "zh-CN")).not.toBe("");
      expect(settingLabel(key, "en-US")).toMatch(/[A-Za-z]/);
    }
  });
  it("user holidays reach the calendar", () => {
    const { settings } = parseSettings({ holidays: ["2024-10-14"], workdays: ["2024-10-13"] });
    const cal = calendarOf(settings);
    expect(cal.isWorkday(parseIsoDate("2024-10-14")!)).toBe(false);
    expect(cal.isWorkday(parseIsoDate("2024-10-13")!)).toBe(true);
  });
});
