import { getTemplate } from "../../../src/core/templates";
import { columnLayout } from "../../../src/core/templates/layout";
import { OfficeWorkbook } from "../../../src/workbook/officejs/adapter";
import { charsToPoints } from "../../../src/workbook/officejs/formats";
import { PAYLOAD_LIMIT_BYTES, type WorkbookModel } from "../../doubles/excel-double";
import { expectLiaison, useExcelDouble } from "./setup";

const double = useExcelDouble("Data");
const port = new OfficeWorkbook();

/**
 * An action-items list typed by hand under a merged title: a date serial shown as a number, text
 * that looks like a date (`05-20`) or a formula (`=1+1`), numbers, a column of no template (备注).
 */
function seed(model: WorkbookModel): void {
  const s = model.sheet("Data");
  s.seed("A1", [["行动项跟踪"]]).merge("A1:D1");
  s.seed(
    "A2",
    [
      ["事项内容", "负责人", "截止日期", "状态", "完成日期", "备注"],
      ["=1+1", "张伟", 45561, "已完成", "05-20", "x"],
      ["整理 00123", "刘强", 45565, "进行中", null, 12.5],
      ["评估", null, "无", "未开始", 45570, true],
      ["最后", "王芳", null, null, null, null],
    ],
    [
      [null, null, null, null, null, null],
      ["@", null, null, null, null, null],
      [null, null, "yyyy/m/d", null, null, "0.0"],
      [null, null, null, null, "yyyy-mm-dd", null],
      [null, null, null, null, null, null],
    ],
  );
  // A person's own validation on one status cell: Excel would refuse a rule over mixed validations.
  s.ensure(4, 3).validation = { rule: { list: { inCellDropDown: true, source: "x,y" } } };
}

const everything = (model: WorkbookModel) => model.sheet("Data").values("A1:H12");

describe("OfficeWorkbook.structureRange", () => {
  it("turns the selection into a table without changing any value", async () => {
    const model = double.model;
    seed(model);
    model.select("Data", "A1:F8");
    const values = everything(model);
    model.resetStats();

    const result = await port.structureRange();
    expect(result).toEqual({ sheet: "Data", table: "ActionItems", templateId: "action-items", address: "A2:F6", rows: 4 });
    expect(model.syncs).toBe(5); // merged areas are asked once the table's rect is known (merged-areas.ts);
    expect(everything(model)).toEqual(values);
    const s = model.sheet("Data");
    for (const [, cols] of s.rows) for (const [, cell] of cols) expect(cell.formula).toBeUndefined();
    expect(model.table("ActionItems")?.rect).toEqual({ top: 2, left: 0, bottom: 6, right: 5 });

    expect(s.cell("C3").format).toBe("yyyy-mm-dd"); // the serial 45561 now shows as a date
    expect(s.cell("C4").format).toBe("yyyy/m/d"); // a date format of the person's stays
    expect(s.cell("C5")).toMatchObject({ value: "无", format: "General" }); // typed text is left alone
    expect(s.cell("C6").format).toBe("yyyy-mm-dd"); // empty: ready for the next date
    expect(s.cell("E3")).toMatchObject({ value: "05-20", format: "General" });
    expect(s.cell("D6").format).toBe("@");
    expect(s.cell("A3")).toMatchObject({ value: "=1+1", format: "@" });
    expect(s.cell("F4")).toMatchObject({ value: 12.5, format: "0.0" }); // no template column: untouched
    expect(s.cell("F6").format).toBe("General");

    const status = columnLayout(getTemplate("action-items").columns.find((c) => c.key === "status")!);
    for (const row of [3, 4, 5, 6])
      expect(s.cell(`D${row}`).validation?.rule).toEqual({ list: { inCellDropDown: true, source: status.list!.join(",") } });
    expect(s.cell("D7").validation).toBeUndefined();
    expect(s.columnWidth(0)).toBe(charsToPoints(32));
    expect(s.columnWidth(5)).toBe(48); // 备注 is no template column
  });

  it("takes a RangeRef target, keeps wider columns, and refuses a missing sheet or a bad address", async () => {
    const model = double.model;
    seed(model);
    model.sheet("Data").columnWidths.set(1, 200);
    const before = model.snapshot();
    await expectLiaison(port.structureRange({ sheet: "Nope", address: "A2:F6" }), "sheetNotFound");
    await expectLiaison(port.structureRange({ sheet: "Data", address: "A2:F" }), "invalidAddress");
    expect(model.snapshot()).toEqual(before);
    const result = await port.structureRange({ sheet: "data", address: "A2:F6" });
    expect(result).toMatchObject({ sheet: "Data", address: "A2:F6", rows: 4 });
    expect(model.sheet("Data").columnWidth(1)).toBe(200);
  });

  it("uses the same number of syncs for 10 and 4,000 rows; chunks 100,000 rows under 4 MB a batch", async () => {
    const counts: number[] = [];
    for (const n of [10, 4000, 100_000]) {
      const model = double.model;
      const name = `S${n}`;
      model
        .addSheet(name)
        .seed("A1", [
          ["事项内容", "负责人", "截止日期", "状态"],
          ...Array.from({ length: n }, (_, i) => [`事项${i}`, "张伟", 45561 + i, "进行中"]),
        ]);
      model.select(name, `A1:D${n + 1}`);
      model.resetStats();
      expect(await port.structureRange()).toMatchObject({ rows: n });
      counts.push(model.syncs);
      expect(model.maxBatchBytes).toBeLessThan(4 * 1024 * 1024);
    }
    expect(counts.slice(0, 2)).toEqual([5, 5]);
    // 400,004 cells read and 400,000 formatted, 20,000 cells a batch.
    expect(counts[2]).toBe(3 + 21 + 20);
  });

  it("reads long Chinese text in batches sized by content, under Excel on the web's 5 MB response limit", async () => {
    const model = double.model;
    const long = "需要在下周例会前完成供应商资质复核并同步采购部门与质量部门的负责人，确认整改措施已经落实到位。".repeat(3);
    const n = 5000; // 20,004 cells: one batch by count, ~7 MB of text
    model
      .addSheet("Long")
      .seed("A1", [
        ["事项内容", "负责人", "截止日期", "状态"],
        ...Array.from({ length: n }, (_, i) => [`${long}${i}`, long, long, "进行中"]),
      ]);
    model.select("Long", `A1:D${n + 1}`);
    model.resetStats();
    expect(await port.structureRange()).toMatchObject({ rows: n });
    // The first batch (20,000 cells by count) is refused by Excel; it is split and asked again, and
    // the next batches are sized by what came back: no second refusal.
    expect(model.batches.filter((b) => (b.responseBytes ?? 0) > PAYLOAD_LIMIT_BYTES)).toHaveLength(1);
    expect(model.sheet("Long").cell("A5001").value).toBe(`${long}4999`);
  });

  it("structures a header without data rows: Excel adds the body row below", async () => {
    const model = double.model;
    model.sheet("Data").seed("B2", [["事项内容", "负责人", "截止日期", "状态"]]);
    model.select("Data", "B2:E2");
    expect(await port.structureRange()).toEqual({
      sheet: "Data",
      table: "ActionItems",
      templateId: "action-items",
      address: "B2:E3",
      rows: 0,
    });
    expect(model.table("ActionItems")?.rect).toEqual({ top: 2, left: 1, bottom: 3, right: 4 });
    expect(model.sheet("Data").cell("E3").validation?.rule).toBeDefined();
  });

  /** A report sheet: 700 merged label cells (H1:I1 … H700:I700), then a list below them at K701. */
  function report(model: WorkbookModel): void {
    const s = model.sheet("Data");
    for (let r = 1; r <= 700; r++) s.seed(`H${r}`, [[`标签${r}`]]).merge(`H${r}:I${r}`);
    s.seed("K701", [
      ["事项内容", "负责人", "截止日期", "状态"],
      ["原型", "张伟", 45561, "进行中"],
    ]);
    model.select("Data", "K701:N702");
  }

  it("structures a range on a report sheet with more than 512 merged areas (Office's limit per question)", async () => {
    const model = double.model;
    report(model);
    await port.structureRange();
    expect(model.table("ActionItems")?.rect).toEqual({ top: 701, left: 10, bottom: 702, right: 13 });
  });

  it("still finds a merged area reaching in from above or the left when the sheet has more than 512", async () => {
    for (const merge of ["L690:L701", "J702:K702"]) {
      const model = double.model;
      model.sheet("Data").merges.length = 0;
      report(model);
      model.sheet("Data").merge(merge);
      const before = model.snapshot();
      await expectLiaison(port.structureRange(), "mergedCells");
      expect(model.snapshot()).toEqual(before);
    }
  });

  describe("refuses, changing nothing", () => {
    const cases: [string, (m: WorkbookModel) => void, Parameters<typeof expectLiaison>[1]][] = [
      ["whole columns", (m) => m.select("Data", "A:F"), "wholeColumnSelection"],
      ["whole rows", (m) => m.select("Data", "2:6"), "wholeColumnSelection"],
      ["an empty area", (m) => m.select("Data", "H20:J30"), "emptySelection"],
      ["blank cells inside the used range", (m) => m.select("Data", "A7:F8"), "emptySelection"],
      ["merged cells in the range", (m) => (m.sheet("Data").merge("B4:B5"), m.select("Data", "A2:F6")), "mergedCells"],
      ["a merged area reaching in from above", (m) => (m.sheet("Data").merge("F1:F3"), m.select("Data", "A2:F6")), "mergedCells"],
      ["a range inside a table", (m) => (m.addTable("Data", "A2:F6", "Mine"), m.select("Data", "B3:C4")), "alreadyTable"],
      [
        "a range overlapping a table",
        (m) => (m.sheet("Data").seed("G2", [["x"], [1]]), m.addTable("Data", "F2:G3", "Side"), m.select("Data", "A1:F8")),
        "alreadyTable",
      ],
      [
        "a header of no template",
        (m) => (
          m.sheet("Data").seed("H1", [
            ["苹果", "香蕉"],
            [1, 2],
          ]),
          m.select("Data", "H1:I2")
        ),
        "noTemplateMatch",
      ],
      ["a blank header cell", (m) => (m.sheet("Data").seed("C2", [[null]]), m.select("Data", "A2:F6")), "tableHeaderNotText"],
      ["a duplicate header cell", (m) => (m.sheet("Data").seed("F2", [["负责人"]]), m.select("Data", "A2:F6")), "tableHeaderNotText"],
    ];
    it.each(cases)("%s", async (_label, arrange, key) => {
      const model = double.model;
      seed(model);
      arrange(model);
      const before = model.snapshot();
      await expectLiaison(port.structureRange(), key);
      expect(model.snapshot()).toEqual(before);
    });
  });
});
