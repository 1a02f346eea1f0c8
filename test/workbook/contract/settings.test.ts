import { loadSettings } from "../../../src/app/settings";
import { DEFAULT_SETTINGS, settingsToRows } from "../../../src/core/settings";
import { SETTINGS_SHEET } from "../../../src/core/settings/sheet";
import { ACTION_HEADER } from "../officejs/documents-fixtures";
import type { WorkbookSetup } from "./adapters";
import { bothAdapters } from "./run-both";

/**
 * contract: settings through both adapters — a workbook without the settings sheet, a write read
 * back, and a sheet edited by hand with bad values: the same rows, the same settings and the same
 * problems (app/settings `loadSettings`, the one way every front end reads them).
 */
const run = bothAdapters();

const TABLE = { name: "待办", rows: [ACTION_HEADER, ["发报价", "王五", "2024-07-05", "进行中"]] };

describe("settings: both adapters agree", () => {
  it("no settings sheet: no rows, the defaults, no problem", async () => {
    const r = await run({ sheets: [TABLE] }, async (s) => ({
      rows: await s.port.readSettings(),
      loaded: await loadSettings(s.port, "zh-CN"),
    }));
    expect(r.officejs).toEqual(r.exceljs);
    expect(r.exceljs).toEqual({ rows: undefined, loaded: { settings: DEFAULT_SETTINGS, problems: [], stored: false } });
  });

  it("written, then read back: the same settings, `=1+1` kept as text, the sheet added last", async () => {
    const settings = { ...DEFAULT_SETTINGS, threshold: 85, holidays: ["2024-10-01", "2024-10-02"] };
    const r = await run({ sheets: [TABLE] }, async (s) => {
      await s.port.writeSettings([...settingsToRows(settings), ["note", "=1+1"]]);
      return { sheets: await s.port.listSheets(), rows: await s.port.readSettings(), loaded: await loadSettings(s.port, "en-US") };
    });
    expect(r.officejs).toEqual(r.exceljs);
    expect(r.exceljs.sheets).toEqual(["待办", SETTINGS_SHEET]);
    expect(r.exceljs.rows).toContainEqual(["note", "=1+1"]);
    expect(r.exceljs.loaded.settings).toEqual(settings);
    expect(r.exceljs.loaded.problems).toEqual(['Unknown setting "note" ignored']);
  });

  it("edited by hand with bad values: each falls back to its default, with the same problems", async () => {
    const setup: WorkbookSetup = {
      sheets: [
        TABLE,
        {
          name: SETTINGS_SHEET,
          rows: [
            ["键", "值"],
            ["threshold", "八十"],
            ["minQuotes", 0],
            [null, null],
            ["consecutivePeriods", 3],
            ["颜色", "红"],
          ],
        },
      ],
    };
    const r = await run(setup, async (s) => ({ rows: await s.port.readSettings(), loaded: await loadSettings(s.port, "zh-CN") }));
    expect(r.officejs).toEqual(r.exceljs);
    expect(r.exceljs.loaded.stored).toBe(true);
    expect(r.exceljs.loaded.settings).toEqual({ ...DEFAULT_SETTINGS, consecutivePeriods: 3 });
    expect(r.exceljs.loaded.problems).toHaveLength(3);
  });
});
