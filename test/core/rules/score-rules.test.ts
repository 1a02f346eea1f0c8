import { supplierEvaluation } from "../../../src/core/templates/supplier-evaluation";
import { excelError } from "../../../src/core/cells/types";
import { check, cells, withRules, type Row } from "./fixtures";

const PARTS = ["quality", "delivery", "service", "price", "problemSolving"];
const tpl = withRules(supplierEvaluation, [
  { kind: "sum", total: "total", parts: PARTS },
  { kind: "threshold", column: "total", parts: PARTS },
  { kind: "consecutive", key: "supplierName", period: "period", column: "total", parts: PARTS },
]);

/** A row whose five items add up to `total` (quality carries the difference). */
function scored(supplierName: string, period: string, total: number | null, extra: Partial<Row> = {}): Row {
  const rest = 22 + 18 + 13 + 9; // delivery, service, price, problemSolving
  const quality = total === null ? 25 : total - rest;
  return { supplierName, period, quality, delivery: 22, service: 18, price: 13, problemSolving: 9, total, ...extra };
}

describe("threshold", () => {
  it("reproduces contract.md's example finding exactly", () => {
    const f = check(tpl, [scored("甲", "2024Q1", 85), scored("乙", "2024Q1", 79)], { headerRow: 2 });
    expect(f).toEqual([
      {
        sheet: "供应商评估表",
        row: 4,
        column: "总分",
        cell: "H4",
        rule: "threshold",
        severity: "warning",
        message: "总分79，低于合格线80，应发出整改通知书",
        // What the message says, for rendering in another language: the column as its key and names.
        key: "threshold",
        params: { col: { column: "total", name: "总分", en: "Total" }, total: "79", threshold: "80" },
      },
    ]);
  });

  it.each([
    [79, true],
    [79.5, true],
    [80, false],
    [80.5, false],
  ])("total %d below 80: %s", (total, below) => {
    const f = check(tpl, [scored("甲", "2024Q1", total)]);
    expect(cells(f, "threshold")).toEqual(below ? ["H2 threshold"] : []);
    if (below) expect(f[0].message).toBe(`总分${total}，低于合格线80，应发出整改通知书`);
  });

  it("follows the threshold setting", () => {
    expect(cells(check(tpl, [scored("甲", "2024Q1", 84)], { settings: { threshold: 85 } }), "threshold")).toEqual(["H2 threshold"]);
  });

  it("uses the sum of the items when 总分 is empty, and lands on the total cell", () => {
    const f = check(tpl, [scored("甲", "2024Q1", null, { quality: 13 })]); // 13+22+18+13+9 = 75
    expect(f.map((x) => [x.cell, x.rule, x.message])).toEqual([["H2", "threshold", "总分75，低于合格线80，应发出整改通知书"]]);
  });

  it("lands on the row's first cell when the sheet has no 总分 column", () => {
    const keys = supplierEvaluation.columns.map((c) => c.key).filter((k) => k !== "total");
    const f = check(tpl, [scored("甲", "2024Q1", 75)], { keys });
    expect(f.map((x) => `${x.cell} ${x.column} ${x.rule}`)).toEqual(["A2 总分 threshold"]);
  });

  it("does not judge an unreadable total (八十 is a type error, not a score)", () => {
    const f = check(tpl, [scored("甲", "2024Q1", null, { total: "八十" }), scored("乙", "2024Q1", null, { total: excelError("#N/A") })]);
    expect(cells(f)).toEqual(["H2 type", "H3 type"]);
  });

  it("speaks English when asked", () => {
    const f = check(tpl, [scored("甲", "2024Q1", 79)], { lang: "en-US" });
    expect(f[0].column).toBe("总分");
    expect(f[0].message).toBe("Total 79 is below the pass mark 80: a corrective-action notice is due");
  });
});

describe("sum", () => {
  it("flags a total that differs from the five items, on 总分", () => {
    const f = check(tpl, [scored("甲", "2024Q1", 90, { total: 88 })]); // items add to 90
    expect(f.map((x) => [x.cell, x.rule, x.severity, x.message])).toEqual([["H2", "sum", "error", "总分88与各项得分之和90不符"]]);
  });
  it("accepts decimals that add up, and skips rows with a missing item", () => {
    const f = check(tpl, [
      { supplierName: "甲", period: "2024Q1", quality: 24, delivery: 20, service: 16, price: 12, problemSolving: 7.5, total: 79.5 },
      { supplierName: "乙", period: "2024Q1", quality: 0.1, delivery: 0.2, service: 20, price: 15, problemSolving: 10, total: 45.3 },
      { supplierName: "丙", period: "2024Q1", quality: null, delivery: 20, service: 16, price: 12, problemSolving: 10, total: 90 },
    ]);
    expect(cells(f, "sum")).toEqual([]);
    expect(cells(f, "required")).toEqual(["C4 required"]);
  });
});

describe("range (from the column definitions)", () => {
  it("flags an item above its weight and a negative score", () => {
    const f = check(tpl, [
      scored("甲", "2024Q1", 90, { quality: 31, delivery: 20, total: 91 }),
      scored("乙", "2024Q1", 90, { service: -1, total: 71 }),
    ]);
    expect(f.filter((x) => x.rule === "range").map((x) => [x.cell, x.message])).toEqual([
      ["C2", "产品质量为31，超出范围0–30"],
      ["E3", "服务态度为-1，超出范围0–20"],
    ]);
  });
  it("accepts the bounds themselves", () => {
    const f = check(tpl, [
      { supplierName: "甲", period: "2024Q1", quality: 30, delivery: 25, service: 20, price: 15, problemSolving: 10, total: 100 },
    ]);
    expect(f).toEqual([]);
  });
});

describe("consecutive", () => {
  it("2023Q4 → 2024Q1 is consecutive: the 2024Q1 row is flagged", () => {
    const f = check(tpl, [scored("鑫达", "2023Q4", 78), scored("鑫达", "2024Q1", 77)]);
    expect(cells(f, "consecutive")).toEqual(["H3 consecutive"]);
    const c = f.find((x) => x.rule === "consecutive");
    expect(c?.severity).toBe("error");
    expect(c?.message).toBe("鑫达连续2期（2023Q4–2024Q1）总分低于合格线80，建议移出供应商名录");
  });

  it("2024Q1 → 2024Q3 is not consecutive", () => {
    expect(cells(check(tpl, [scored("鑫达", "2024Q1", 78), scored("鑫达", "2024Q3", 77)]), "consecutive")).toEqual([]);
  });

  it("works whatever the row order, per supplier, and flags each period completing a run", () => {
    const f = check(tpl, [
      scored("A", "2024Q3", 70), // row 2
      scored("B", "2024Q2", 70), // row 3: B alone
      scored("A", "2024Q1", 70), // row 4
      scored("A", "2024Q2", 75), // row 5
      scored("B", "2024Q3", 85), // row 6: B passes
      scored("A", "2024Q4", 90), // row 7: A passes
    ]);
    // A: Q1, Q2, Q3 below → Q2 (row 5) and Q3 (row 2) complete runs of 2.
    expect(cells(f, "consecutive")).toEqual(["H2 consecutive", "H5 consecutive"]);
    expect(f.find((x) => x.cell === "H2" && x.rule === "consecutive")?.message).toContain("连续3期（2024Q1–2024Q3）");
  });

  it("a pass in between breaks the run; the period setting is respected", () => {
    const rows = [scored("A", "2024Q1", 70), scored("A", "2024Q2", 85), scored("A", "2024Q3", 70), scored("A", "2024Q4", 70)];
    expect(cells(check(tpl, rows), "consecutive")).toEqual(["H5 consecutive"]);
    expect(cells(check(tpl, rows, { settings: { consecutivePeriods: 3 } }), "consecutive")).toEqual([]);
  });

  it("accepts the period as people write it (2024年第1季度)", () => {
    const f = check(tpl, [scored("A", "2023年第四季度", 70), scored("A", "2024 Q1", 70)]);
    expect(cells(f, "consecutive")).toEqual(["H3 consecutive"]);
  });
});
