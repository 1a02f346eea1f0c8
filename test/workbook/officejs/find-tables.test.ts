import { OfficeWorkbook } from "../../../src/workbook/officejs/adapter";
import type { WorkbookModel } from "../../doubles/excel-double";
import { useExcelDouble } from "./setup";

const double = useExcelDouble("Notes");
const port = new OfficeWorkbook();

/** A workbook with an Excel table, a plain range under a merged title, and a range above a table. */
function seed(model: WorkbookModel, plainRows: number): void {
  model.sheet("Notes").seed("A1", [["随手记"], ["明天开会"]]);

  const tasks = model.addSheet("Tasks");
  tasks.seed("B3", [
    ["事项内容", "负责人", "截止日期", "状态"],
    ["原型设计", "张伟", 45561, "已完成"],
    ["排期表", "刘强", 45565, "进行中"],
    ["宣传物料", "王芳", 45574, "未开始"],
    [null, null, null, null],
    [null, null, null, null],
  ]);
  model.addTable("Tasks", "B3:E8", "Tasks");

  const scores = model.addSheet("评估");
  scores.seed("A1", [["2024Q2 供应商评估"]]).merge("A1:E1");
  scores.seed("A2", [["供應商名稱", "評估週期", "產品質量", "交付及時性", "服務態度"]]);
  scores.seed(
    "A3",
    Array.from({ length: plainRows }, (_, i) => [`供应商${i}`, "2024Q2", 25, 20, i === plainRows - 1 ? null : 18]),
  );

  const mixed = model.addSheet("Mixed");
  mixed.seed("A1", [
    ["事项内容", "负责人", "截止日期", "状态"],
    ["a", "b", 45561, "进行中"],
    ["c", "d", 45562, "未开始"],
  ]);
  mixed.seed("A8", [
    ["供应商名称", "评估周期", "产品质量", "交付及时性"],
    ["甲", "2024Q1", 20, 20],
    ["乙", "2024Q1", 21, 22],
  ]);
  model.addTable("Mixed", "A8:D10", "Scores");
}

describe("OfficeWorkbook.findTables", () => {
  it("finds an Excel table, a plain range below a title row, and a range above a table", async () => {
    const model = double.model;
    seed(model, 5);
    model.resetStats();
    const before = model.snapshot();
    const found = await port.findTables();
    expect(model.snapshot()).toEqual(before);
    expect(model.syncs).toBe(3);
    expect(
      found.map(({ columns: _c, missingRequired: _m, dataRows: _d, headerRows: _h, merges: _g, range: _r, skippedRows: _s, ...t }) => t),
    ).toEqual([
      {
        sheet: "Tasks",
        templateId: "action-items",
        kind: "table",
        tableName: "Tasks",
        headerRow: 3,
        firstColumn: 1,
        rows: 3,
        address: "B3:E6",
      },
      { sheet: "评估", templateId: "supplier-evaluation", kind: "range", headerRow: 2, firstColumn: 0, rows: 5, address: "A2:E7" },
      { sheet: "Mixed", templateId: "action-items", kind: "range", headerRow: 1, firstColumn: 0, rows: 2, address: "A1:D3" },
      {
        sheet: "Mixed",
        templateId: "supplier-evaluation",
        kind: "table",
        tableName: "Scores",
        headerRow: 8,
        firstColumn: 0,
        rows: 2,
        address: "A8:D10",
      },
    ]);
    const plain = found[1];
    expect(plain.columns.map((c) => c.key)).toEqual(["supplierName", "period", "quality", "delivery", "service"]);
    expect(plain.columns[0].header).toBe("供應商名稱");
    expect(plain.missingRequired).toEqual(["价格合理性", "问题解决能力"]);
  });

  it("takes the same number of syncs whatever the sheet count, and one more per MAX_CELLS_PER_BATCH cells of data", async () => {
    const model = double.model;
    seed(model, 5000);
    for (let i = 0; i < 30; i++)
      model.addSheet(`S${i}`).seed("A1", [
        ["x", "y"],
        [1, 2],
      ]);
    model.resetStats();
    const found = await port.findTables();
    // Names, probes, then the cells: 评估's 5,002 × 5 cells are two payload chunks of at most
    // MAX_CELLS_PER_BATCH, each chunk that would overflow a batch starting a new one: two extra syncs.
    expect(model.syncs).toBe(5);
    expect(found.find((t) => t.sheet === "评估")?.rows).toBe(5000);
  });

  it("finds nothing in an empty workbook, in two syncs", async () => {
    expect(await port.findTables()).toEqual([]);
    expect(double.model.syncs).toBe(2);
  });

  it("lists the sheets in workbook order in one sync", async () => {
    seed(double.model, 1);
    double.model.resetStats();
    expect(await port.listSheets()).toEqual(["Notes", "Tasks", "评估", "Mixed"]);
    expect(double.model.syncs).toBe(1);
  });
});

describe("OfficeWorkbook.findTables and merged areas", () => {
  const d = useExcelDouble("Blank");
  it("reads a sheet with more merged areas than one getMergedAreasOrNullObject may return (512)", async () => {
    const ws = d.model.addSheet("评估");
    const rows: (string | number | null)[][] = [
      ["供应商名称", "评估周期", "产品质量", "交付及时性", "服务态度", "价格合理性", "问题解决能力", "总分"],
    ];
    for (let i = 0; i < 700; i++) {
      rows.push([`供应商${i}`, "2024Q1", 28, 22, 18, 12, 9, 89]);
      rows.push([null, "2024Q2", 28, 22, 18, 12, 9, 89]);
    }
    ws.seed("A1", rows);
    for (let i = 0; i < 700; i++) ws.merge(`A${2 + 2 * i}:A${3 + 2 * i}`);
    const [t] = await port.findTables();
    expect(t.rows).toBe(1400);
    expect(t.merges).toHaveLength(700);
  });
});
