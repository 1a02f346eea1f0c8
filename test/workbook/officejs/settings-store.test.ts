import { DEFAULT_SETTINGS, settingsFromRows, settingLabel, settingsToRows, type Settings } from "../../../src/core/settings";
import { OfficeWorkbook } from "../../../src/workbook/officejs/adapter";
import { SETTINGS_SHEET } from "../../../src/core/settings/sheet";
import { expectLiaison, useExcelDouble } from "./setup";

const double = useExcelDouble("Tasks");
const port = new OfficeWorkbook();

const custom: Settings = {
  ...DEFAULT_SETTINGS,
  threshold: 85,
  workingHours: { start: "08:30", end: "17:30" },
  holidays: ["2024-10-01", "2024-10-02"],
  reviewer: "=1+1", // text that must stay text
  noticePrefix: "ZG",
  today: "2024-09-30",
};

describe("OfficeWorkbook settings", () => {
  it("reads nothing (undefined) from a workbook without the settings sheet", async () => {
    const model = double.model;
    const before = model.snapshot();
    expect(await port.readSettings()).toBeUndefined();
    expect(model.snapshot()).toEqual(before);
    expect(model.syncs).toBe(1);
  });

  it("writes a hidden key/value sheet, as text, and reads the same settings back", async () => {
    const model = double.model;
    model.select("Tasks", "B2");
    await port.writeSettings(settingsToRows(custom));
    expect(model.syncs).toBe(2);

    const sheet = model.sheet(SETTINGS_SHEET);
    expect(sheet.visibility).toBe("Hidden");
    expect(model.activeSheet.name).toBe("Tasks"); // the user stays where they were
    expect(model.selection.rect).toEqual({ top: 2, left: 1, bottom: 2, right: 1 });
    const rows = settingsToRows(custom);
    expect(sheet.values(`A1:B${rows.length + 1}`)).toEqual([["键", "值"], ...rows]);
    expect(sheet.usedRect(true)).toEqual({ top: 1, left: 0, bottom: rows.length + 1, right: 1 });
    const reviewer = rows.findIndex(([k]) => k === "reviewer") + 2;
    expect(sheet.cell(`B${reviewer}`)).toMatchObject({ value: "=1+1", format: "@" });
    expect(sheet.cell(`B${reviewer}`).formula).toBeUndefined();
    const start = rows.findIndex(([k]) => k === "workingHours.start") + 2;
    expect(sheet.cell(`B${start}`)).toMatchObject({ value: "08:30", format: "@" }); // not a time serial
    const threshold = rows.findIndex(([k]) => k === "threshold") + 2;
    expect(sheet.cell(`B${threshold}`)).toMatchObject({ value: 85, format: "General" });

    model.resetStats();
    const raw = await port.readSettings();
    expect(model.syncs).toBe(2);
    const parsed = settingsFromRows(raw ?? []);
    expect(parsed).toEqual({ settings: custom, problems: [] });
  });

  it("rewrites the sheet (shorter lists leave no old rows) and hides it again", async () => {
    const model = double.model;
    await port.writeSettings(settingsToRows(custom));
    const sheet = model.sheet(SETTINGS_SHEET);
    sheet.visibility = "Visible"; // someone unhid it and typed beside it
    sheet.seed("A40", [["threshold", 99]]);
    await port.writeSettings([["threshold", 70]]);
    expect(sheet.visibility).toBe("Hidden");
    expect(sheet.usedRect(true)).toEqual({ top: 1, left: 0, bottom: 2, right: 1 });
    expect(settingsFromRows((await port.readSettings()) ?? []).settings).toEqual({ ...DEFAULT_SETTINGS, threshold: 70 });
    expect(model.sheets.map((s) => s.name)).toEqual(["Tasks", SETTINGS_SHEET]);
  });

  it("reads a sheet typed by hand: date and time cells, labels, one holiday per row", async () => {
    const model = double.model;
    model.addSheet(SETTINGS_SHEET).seed(
      "A1",
      [
        ["键", "值", "说明"],
        ["threshold", "90", "typed as text"],
        ["workingHours.start", 0.375, null],
        ["holidays", 45566, null],
        ["holidays", "2024/10/3", null],
        ["today", 45565, null],
        [settingLabel("minQuotes", "zh-CN"), 4, null],
      ],
      [
        [null, null, null],
        [null, "@", null],
        [null, "h:mm", null],
        [null, "yyyy-mm-dd", null],
        [null, "@", null],
        [null, "yyyy-mm-dd", null],
        [null, null, null],
      ],
    );
    const parsed = settingsFromRows((await port.readSettings()) ?? []);
    expect(parsed.problems).toEqual([]);
    expect(parsed.settings).toMatchObject({
      threshold: 90,
      workingHours: { start: "09:00", end: "18:00" },
      holidays: ["2024-10-01", "2024-10-03"],
      minQuotes: 4,
      today: "2024-09-30",
    });
  });

  it("an empty settings sheet gives the defaults", async () => {
    double.model.addSheet(SETTINGS_SHEET);
    expect(settingsFromRows((await port.readSettings()) ?? []).settings).toEqual(DEFAULT_SETTINGS);
  });

  it("refuses a protected settings sheet and changes nothing", async () => {
    const model = double.model;
    await port.writeSettings(settingsToRows(custom));
    model.sheet(SETTINGS_SHEET).protected = true;
    const before = model.snapshot();
    await expectLiaison(port.writeSettings([["threshold", 70]]), "sheetProtected");
    expect(model.snapshot()).toEqual(before);
  });
});
