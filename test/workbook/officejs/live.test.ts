import { rangeAddress } from "../../../src/core/a1";
import { OfficeWorkbook } from "../../../src/workbook/officejs/adapter";
import { changeOf } from "../../../src/workbook/officejs/watch";
import { type SheetChange } from "../../../src/app/port";
import { MARK_SIGNATURE, type Mark } from "../../../src/core/marks/mark";
import type { ConditionalFormatModel, SheetModel } from "../../doubles/excel-double";
import { expectLiaison, useExcelDouble } from "./setup";

const double = useExcelDouble("Tasks", "Other");
const port = new OfficeWorkbook();

const ours = (s: SheetModel): ConditionalFormatModel[] => s.conditionalFormats.filter((cf) => cf.formula?.includes(MARK_SIGNATURE));
/** The sheet's marks as severity → cells, whatever formats carry them. */
function markedCells(s: SheetModel): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const cf of ours(s)) {
    const severity = /liaison-mark:(\w+)/.exec(cf.formula ?? "")?.[1] ?? "?";
    for (const r of cf.ranges)
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++)
          (out[severity] ??= []).push(rangeAddress({ top: row, bottom: row, left: col, right: col }));
  }
  for (const k of Object.keys(out)) out[k].sort();
  return out;
}

const mark = (cell: string, severity: Mark["severity"], sheet = "Tasks"): Mark => ({
  sheet,
  cell,
  severity,
  message: `${severity} ${cell}`,
});

describe("OfficeWorkbook.updateMarks", () => {
  it("replaces exactly the given rows' marks; other rows, sheets and the user's formats stay", async () => {
    const model = double.model;
    const tasks = model.sheet("Tasks");
    tasks.seedConditionalFormat("Custom", "A2:D9", { formula: '=$D2="x"', fill: "#00FF00" });
    const before = [
      mark("B2", "error"),
      mark("B3", "error"),
      mark("B4", "error"),
      mark("C3", "warning"),
      mark("C5", "info"),
      mark("D6", "warning"),
      mark("A1", "warning", "Other"),
    ];
    await port.applyMarks(before);
    const other = structuredClone(model.sheet("Other").conditionalFormats);
    const user = structuredClone(tasks.conditionalFormats.filter((cf) => !cf.formula?.includes(MARK_SIGNATURE)));

    // Rows 3 and 5 re-checked: B3 now a warning, C3 and C5 clean, a new info on D5.
    await port.updateMarks("Tasks", [3, 5], [mark("B3", "warning"), mark("D5", "info"), mark("D5", "error")]);
    expect(markedCells(tasks)).toEqual({ error: ["B2", "B4", "D5"], warning: ["B3", "D6"] });
    expect(model.sheet("Other").conditionalFormats).toEqual(other);
    expect(tasks.conditionalFormats.filter((cf) => !cf.formula?.includes(MARK_SIGNATURE))).toEqual(user);

    // Same cells as applying the merged marks from scratch.
    const incremental = markedCells(tasks);
    await port.applyMarks([mark("B2", "error"), mark("B4", "error"), mark("D5", "error"), mark("B3", "warning"), mark("D6", "warning")]);
    expect(markedCells(tasks)).toEqual(incremental);
  });

  it("clears the rows when there are no new marks, and does nothing when nothing changes", async () => {
    const model = double.model;
    await port.applyMarks([mark("B2", "error"), mark("B3", "error")]);
    await port.updateMarks("Tasks", [3], []);
    expect(markedCells(model.sheet("Tasks"))).toEqual({ error: ["B2"] });
    const snapshot = model.snapshot();
    model.resetStats();
    await port.updateMarks("Tasks", [7, 8], []);
    expect(model.snapshot()).toEqual(snapshot);
    expect(model.batches.every((b) => b.ops > 0)).toBe(true);
  });

  it("costs the same syncs for 2 rows or 2,000", async () => {
    const model = double.model;
    const count = async (rows: number) => {
      const all = Array.from({ length: rows }, (_, i) => i + 2);
      await port.applyMarks(all.flatMap((r) => [mark(`A${r}`, "error"), mark(`C${r}`, "warning")]));
      model.resetStats();
      await port.updateMarks(
        "Tasks",
        all.filter((r) => r % 2 === 0),
        all.filter((r) => r % 2 === 0).map((r) => mark(`B${r}`, "info")),
      );
      return model.syncs;
    };
    const small = await count(3);
    const big = await count(2000);
    expect(big).toBe(small);
    expect(small).toBe(4);
    const cells = markedCells(model.sheet("Tasks"));
    expect(cells.info).toHaveLength(1000);
    expect(cells.error).toHaveLength(1000);
  });

  it("refuses bad input before changing anything", async () => {
    const model = double.model;
    await port.applyMarks([mark("B2", "error")]);
    const snapshot = model.snapshot();
    await expectLiaison(port.updateMarks("Nope", [2], []), "sheetNotFound");
    await expectLiaison(port.updateMarks("Tasks", [2], [mark("B3", "error")]), "invalidAddress"); // not a re-checked row
    await expectLiaison(port.updateMarks("Tasks", [2], [mark("B2", "error", "Other")]), "invalidAddress");
    expect(model.snapshot()).toEqual(snapshot);
    model.sheet("Tasks").protected = true;
    const locked = model.snapshot();
    await expectLiaison(port.updateMarks("Tasks", [2], []), "sheetProtected");
    expect(model.snapshot()).toEqual(locked);
  });
});

describe("OfficeWorkbook.watchChanges", () => {
  const watch = async () => {
    const changes: SheetChange[] = [];
    const errors: unknown[] = [];
    const stop = await port.watchChanges(
      (c) => changes.push(c),
      (e) => errors.push(e),
    );
    return { changes, errors, stop };
  };

  it("a person's edit gives one change with its sheet and rows; unsubscribing stops it", async () => {
    const model = double.model;
    const w = await watch();
    model.userEdit("Tasks", "B3", [
      ["张伟", "2024-05-10"],
      ["李娜", ""],
    ]);
    await model.settleEvents();
    expect(w.changes).toEqual([{ sheet: "Tasks", rows: [3, 4], all: false }]);
    model.userChangeEvent("Other", "5:5", "RowInserted");
    await model.settleEvents();
    expect(w.changes[1]).toEqual({ sheet: "Other", rows: [], all: true });
    await w.stop();
    model.userEdit("Tasks", "A9", [["x"]]);
    await model.settleEvents();
    expect(w.changes).toHaveLength(2);
    expect(model.changeHandlers.size).toBe(0);
    expect(w.errors).toEqual([]);
  });

  it("the add-in's own writes raise no event at all while watching, and events are back on after", async () => {
    const model = double.model;
    model.sheet("Tasks").seed("A1", [
      ["事项内容", "负责人"],
      ["a", "b"],
    ]);
    const w = await watch();
    await port.applyMarks([mark("B2", "error")]);
    await port.updateMarks("Tasks", [2], [mark("A2", "warning")]);
    await port.writeSettings([["threshold", 85]]);
    await port.insertTemplate("action-items", { examples: true });
    await port.clearMarks();
    await model.settleEvents();
    expect(model.firedEvents).toEqual([]);
    expect(w.changes).toEqual([]);
    expect(model.eventsEnabled).toBe(true);

    model.userEdit("Tasks", "A2", [["c"]]);
    await model.settleEvents();
    expect(w.changes).toEqual([{ sheet: "Tasks", rows: [2], all: false }]);
    await w.stop();
  });

  it("the double raises events for value writes when events are on (so the test above can fail)", async () => {
    const model = double.model;
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Tasks").getRange("A2:B3").values = [
        ["1", "2"],
        ["3", "4"],
      ];
      await context.sync();
    });
    expect(model.firedEvents.map((e) => [e.address, e.triggerSource])).toEqual([["A2:B3", "ThisLocalAddin"]]);
    // With nobody watching, a write costs no extra sync and leaves events as they are.
    model.resetStats();
    await port.writeSettings([["threshold", 85]]);
    const unwatched = model.syncs;
    const w = await watch();
    model.resetStats();
    await port.writeSettings([["threshold", 86]]);
    expect(model.syncs).toBe(unwatched + 1);
    await w.stop();
  });

  it("without triggerSource (below ExcelApi 1.14), the ribbon's writes to the register and settings are not edits", async () => {
    const model = double.model;
    model.excelApiMinor = 13;
    model.userEdit("Tasks", "A2", [["x"]]);
    expect(model.firedEvents.at(-1)).not.toHaveProperty("triggerSource");
    for (const sheet of ["文书登记", "Liaison设置"])
      expect(changeOf(sheet, { address: "A5:F5", changeType: "RangeEdited", source: "Local" } as never)).toBeUndefined();
    expect(changeOf("Tasks", { address: "A5:F5", changeType: "RangeEdited", source: "Local" } as never)).toEqual({
      sheet: "Tasks",
      rows: [5],
      all: false,
    });
  });

  it("events from co-authors and from this add-in are not changes; whole columns and shifts are `all`", () => {
    expect(changeOf("S", { address: "B2", changeType: "RangeEdited", source: "Remote" } as never)).toBeUndefined();
    expect(
      changeOf("S", { address: "B2", changeType: "RangeEdited", source: "Local", triggerSource: "ThisLocalAddin" } as never),
    ).toBeUndefined();
    expect(changeOf("S", { address: "C:C", changeType: "RangeEdited", source: "Local" } as never)).toEqual({
      sheet: "S",
      rows: [],
      all: true,
    });
    expect(changeOf("S", { address: "B7:B8", changeType: "RowDeleted", source: "Local" } as never)).toEqual({
      sheet: "S",
      rows: [],
      all: true,
    });
    expect(changeOf("S", { address: "B7:D8", changeType: "RangeEdited", source: "Local" } as never)).toEqual({
      sheet: "S",
      rows: [7, 8],
      all: false,
    });
  });

  it("remote edits reach no listener", async () => {
    const model = double.model;
    const w = await watch();
    model.userEdit("Tasks", "B3", [["x"]], "Remote");
    await model.settleEvents();
    expect(model.firedEvents).toHaveLength(1);
    expect(w.changes).toEqual([]);
    await w.stop();
  });
});
