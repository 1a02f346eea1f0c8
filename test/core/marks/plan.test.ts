import { parseRange, rangeAddress } from "../../../src/core/a1";
import { LiaisonError } from "../../../src/core/errors";
import { addressLists, mergeCells, planMarks, type MarkInput } from "../../../src/core/marks/plan";
import type { Severity } from "../../../src/core/rules";

const cellsOf = (...addresses: string[]) =>
  addresses.map((a) => {
    const r = parseRange(a);
    if (!r) throw new Error(a);
    return { row: r.top, col: r.left };
  });

const addresses = (plan: ReturnType<typeof planMarks>): Record<string, Record<string, string[]>> =>
  Object.fromEntries(plan.map((p) => [p.sheet, Object.fromEntries([...p.bySeverity].map(([s, rects]) => [s, rects.map(rangeAddress)]))]));

describe("core mark planner", () => {
  it("merges runs of rows, then equal runs of neighbouring columns", () => {
    const cells = cellsOf("B2", "B3", "B4", "C2", "C3", "C4", "E2", "B6", "D9", "D10", "D10");
    expect(mergeCells(cells).map(rangeAddress)).toEqual(["B2:C4", "E2", "B6", "D9:D10"]);
  });

  it("keeps the highest severity of a cell, whatever the order, and never overlaps severities", () => {
    const plan = planMarks([
      { sheet: "S", cell: "a1", severity: "info" },
      { sheet: "S", cell: "A1", severity: "warning" },
      { sheet: "s", cell: "$A$1", severity: "error" },
      { sheet: "S", cell: "A2", severity: "info" },
      { sheet: "S", cell: "A3", severity: "warning" },
    ]);
    expect(addresses(plan)).toEqual({ S: { error: ["A1"], warning: ["A3"], info: ["A2"] } });
  });

  it("accepts a cell that names the mark's own sheet and refuses another sheet, a range or a bad severity", () => {
    expect(addresses(planMarks([{ sheet: "Tasks", cell: "'tasks'!B2", severity: "error" }]))).toEqual({ Tasks: { error: ["B2"] } });
    const bad = (m: MarkInput): unknown => {
      try {
        planMarks([m]);
      } catch (e) {
        return e instanceof LiaisonError ? e.key : e;
      }
      return "accepted";
    };
    expect(bad({ sheet: "Tasks", cell: "Other!B2", severity: "error" })).toBe("invalidAddress");
    expect(bad({ sheet: "Tasks", cell: "B2:B3", severity: "error" })).toBe("invalidAddress");
    expect(bad({ sheet: "Tasks", cell: "B2", severity: "fatal" as Severity })).toBe("invalidSeverity");
  });

  it("plans 100,000 marks of one column into one area, and a scattered column into one area per cell", () => {
    const column = Array.from({ length: 100_000 }, (_, i): MarkInput => ({ sheet: "S", cell: `C${i + 2}`, severity: "error" }));
    expect(addresses(planMarks(column))).toEqual({ S: { error: ["C2:C100001"] } });
    const scattered = Array.from({ length: 100_000 }, (_, i): MarkInput => ({ sheet: "S", cell: `D${2 * i + 2}`, severity: "warning" }));
    const rects = planMarks(scattered)[0].bySeverity.get("warning") ?? [];
    expect(rects).toHaveLength(100_000);
  });

  it("cuts address lists at the length given, with the separator given, without losing an area", () => {
    const rects = Array.from({ length: 500 }, (_, i) => ({ top: 2 * i + 1, bottom: 2 * i + 1, left: 27, right: 27 }));
    const lists = addressLists(rects, 300, " ");
    expect(lists.length).toBeGreaterThan(1);
    for (const l of lists) expect(l.length).toBeLessThanOrEqual(300);
    expect(lists.join(" ").split(" ")).toEqual(rects.map(rangeAddress));
  });
});
