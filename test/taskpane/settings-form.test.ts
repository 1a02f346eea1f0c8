/** The settings form of the pane: what it shows, what it refuses (field by field), what it saves. */
import { DEFAULT_SETTINGS, SETTING_ROW_KEYS, settingsFromRows, settingsToRows } from "../../src/core/settings";
import { FIELD_GROUPS, formFromSettings, settingsFromForm, type SettingsForm } from "../../src/taskpane/validation/settings-form";

const defaults = formFromSettings(DEFAULT_SETTINGS);
const edit = (changes: Partial<Record<keyof SettingsForm, string>>): SettingsForm => ({ ...defaults, ...changes });

describe("settings form", () => {
  it("shows every settings key once, in a group", () => {
    expect(FIELD_GROUPS.flatMap((g) => g.keys).sort()).toEqual([...SETTING_ROW_KEYS].sort());
    expect(defaults.threshold).toBe("80");
    expect(defaults["workingHours.start"]).toBe("09:00");
    expect(defaults.today).toBe("");
  });

  it("reads the defaults back unchanged", () => {
    expect(settingsFromForm(defaults)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it("accepts edited values, full-width digits and date lists in any separator", () => {
    const r = settingsFromForm(
      edit({ threshold: "８５", minQuotes: " 4 ", holidays: "2025-01-02,2025-01-03\n2025-01-06", today: "2024-10-08", reviewer: "王五" }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings).toMatchObject({
      threshold: 85,
      minQuotes: 4,
      holidays: ["2025-01-02", "2025-01-03", "2025-01-06"],
      today: "2024-10-08",
      reviewer: "王五",
    });
    // What is saved reads back as the same settings, without problems.
    expect(settingsFromRows(settingsToRows(r.settings))).toEqual({ settings: r.settings, problems: [] });
  });

  it("ties each refused value to its field, with the hint of what is allowed", () => {
    const r = settingsFromForm(
      edit({ threshold: "一百", consecutivePeriods: "1", noticePrefix: "ZG-", today: "2024-13-01", "responseHours.inHours": "" }),
    );
    expect(r).toEqual({
      ok: false,
      errors: {
        threshold: "hint.threshold",
        consecutivePeriods: "hint.consecutivePeriods",
        noticePrefix: "hint.noticePrefix",
        today: "hint.today",
        "responseHours.inHours": "hint.hours",
      },
    });
  });

  it("marks both working-hour fields when the start is not before the end", () => {
    expect(settingsFromForm(edit({ "workingHours.start": "18:00", "workingHours.end": "09:00" }))).toEqual({
      ok: false,
      errors: { "workingHours.start": "hint.clock", "workingHours.end": "hint.clock" },
    });
  });

  it("refuses a bad date in a list and a day listed as both holiday and workday", () => {
    expect(settingsFromForm(edit({ workdays: "2024-09-29, 2024-02-30" }))).toEqual({ ok: false, errors: { workdays: "hint.dates" } });
    expect(settingsFromForm(edit({ holidays: "2025-01-02", workdays: "2025-01-02" }))).toEqual({
      ok: false,
      errors: { holidays: "hint.dates", workdays: "hint.dates" },
    });
  });
});
