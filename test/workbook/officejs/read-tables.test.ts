import { excelDate, excelError } from "../../../src/core/cells/types";
import { MAX_CELLS_PER_BATCH } from "../../../src/workbook/officejs/batches";
import { OfficeWorkbook } from "../../../src/workbook/officejs/adapter";
import { SETTINGS_SHEET } from "../../../src/core/settings/sheet";
import type { WorkbookModel } from "../../doubles/excel-double";
import { expectLiaison, useExcelDouble } from "./setup";

const double = useExcelDouble("Notes");
const port = new OfficeWorkbook();

/** An Excel table (with blank rows below its data), a plain range under a title, and a note sheet. */
function seed(model: WorkbookModel, plainRows = 3): void {
  model.sheet("Notes").seed("A1", [["随手记"], ["明天开会"]]);

  const tasks = model.addSheet("Tasks");
  tasks.seed(
    "B3",
    [
      ["事项内容", "负责人", "截止日期", "状态"],
      ["原型设计", "张伟", 45561, "已完成"],
      ["排期表", { error: "#N/A" }, 45565.5, "进行中"],
      [{ formula: "=1+1", value: 2 }, "刘强", "05-20", true],
      [null, null, null, null],
      [null, null, null, null],
    ],
    [
      [null, null, null, null],
      [null, null, "yyyy-mm-dd", null],
      [null, null, "yyyy-mm-dd hh:mm", null],
      [null, null, "@", null],
    ],
  );
  model.addTable("Tasks", "B3:E8", "Tasks");

  const scores = model.addSheet("评估");
  scores.seed("A1", [["2024Q2 供应商评估"]]).merge("A1:E1");
  scores.seed("A2", [["供应商名称", "评估周期", "产品质量", "交付及时性", "服务态度"]]);
  scores.seed(
    "A3",
    Array.from({ length: plainRows }, (_, i) => [`供应商${i}`, "2024Q2", 25, 20, i === plainRows - 1 ? null : 18]),
  );
}

describe("OfficeWorkbook.readTables", () => {
  it("reads every table's data rows as RawCells: dates, errors, cached formula results, text", async () => {
    const model = double.model;
    seed(model);
    const before = model.snapshot();
    const data = await port.readTables({ kind: "all" });
    expect(model.snapshot()).toEqual(before);

    expect(data.map((d) => [d.table.sheet, d.table.address])).toEqual([
      ["Tasks", "B3:E6"],
      ["评估", "A2:E5"],
    ]);
    expect(data[0].body).toEqual([
      ["原型设计", "张伟", excelDate(45561), "已完成"],
      ["排期表", excelError("#N/A"), excelDate(45565.5), "进行中"],
      [2, "刘强", "05-20", true],
    ]);
    expect(data[1].body).toEqual([
      ["供应商0", "2024Q2", 25, 20, 18],
      ["供应商1", "2024Q2", 25, 20, 18],
      ["供应商2", "2024Q2", 25, 20, null],
    ]);
    // Body rows line up with the table: as many rows as found, as many cells as columns.
    for (const d of data) {
      expect(d.body).toHaveLength(d.table.rows);
      for (const row of d.body) expect(row).toHaveLength(d.table.columns.length);
    }
  });

  it("scope sheet: only that sheet's tables; an unknown sheet is refused", async () => {
    seed(double.model);
    const data = await port.readTables({ kind: "sheet", sheet: "评估" });
    expect(data.map((d) => d.table.sheet)).toEqual(["评估"]);
    expect(data[0].body).toHaveLength(3);
    expect(await port.readTables({ kind: "sheet", sheet: "Notes" })).toEqual([]);
    await expectLiaison(port.readTables({ kind: "sheet", sheet: "Nope" }), "sheetNotFound");
  });

  it("scope current: the table or recognised range under the active cell", async () => {
    const model = double.model;
    seed(model);
    // Inside the Excel table, in one of its blank rows below the data.
    model.select("Tasks", "C8");
    let data = await port.readTables({ kind: "current" });
    expect(data.map((d) => d.table.tableName)).toEqual(["Tasks"]);
    expect(data[0].body).toHaveLength(3);

    // The header row of the plain range counts.
    model.select("评估", "D2:E4");
    data = await port.readTables({ kind: "current" });
    expect(data.map((d) => d.table.address)).toEqual(["A2:E5"]);

    for (const [sheet, cell] of [
      ["评估", "A1"], // the title above the header
      ["评估", "F3"], // right of the range
      ["评估", "A6"], // below its last row
      ["Notes", "A1"],
    ] as const) {
      model.select(sheet, cell);
      await expectLiaison(port.readTables({ kind: "current" }), "noTableAtSelection");
    }
  });

  it("takes as many syncs for 10 rows as for 1,000", async () => {
    const syncsFor = async (rows: number): Promise<number> => {
      const model = double.model;
      for (const s of [...model.sheets]) if (s.name !== "Notes") model.deleteSheet(s);
      seed(model, rows);
      model.resetStats();
      const data = await port.readTables({ kind: "all" });
      expect(data[1].body).toHaveLength(rows);
      return model.syncs;
    };
    const ten = await syncsFor(10);
    const thousand = await syncsFor(1000);
    expect(thousand).toBe(ten);
    expect(ten).toBe(3); // names, probes, then every sheet's cells; the bodies come from those (no further sync)
  });

  it("reads 100,000 rows in batches under 4 MB, one extra sync per MAX_CELLS_PER_BATCH cells", async () => {
    const model = double.model;
    seed(model, 100_000);
    model.resetStats();
    const data = await port.readTables({ kind: "all" });
    expect(data[1].body).toHaveLength(100_000);
    expect(data[1].body[99_999]).toEqual(["供应商99999", "2024Q2", 25, 20, null]);
    expect(model.maxBatchBytes).toBeLessThan(4_000_000);
    const cells = 3 * 4 + 100_000 * 5;
    expect(model.syncs).toBeLessThanOrEqual(4 + Math.ceil(cells / MAX_CELLS_PER_BATCH) + 1);
  });

  it("ignores the settings sheet", async () => {
    const model = double.model;
    // Even a settings sheet whose rows look like a table header is not a table to check.
    model.addSheet(SETTINGS_SHEET).seed("A1", [
      ["事项内容", "负责人", "截止日期", "状态"],
      ["a", "b", 45561, "进行中"],
    ]);
    expect(await port.readTables({ kind: "all" })).toEqual([]);
    expect(await port.findTables()).toEqual([]);
  });
});
