import { gridFromRows, gridFromDense, cellAt } from "../../../src/core/layout/snapshot";
import { locateTables } from "../../../src/core/layout/locate";
import { tableData } from "../../../src/core/layout/body";

describe("SheetGrid", () => {
  it("keeps only the rows that hold something, trimmed at their last non-empty cell", () => {
    const grid = gridFromRows(
      new Map([
        [1_048_576, ["x"]],
        [3, ["a", null, ""]],
        [2, [null, ""]],
      ]),
    );
    expect(grid.rowNumbers).toEqual([3, 1_048_576]);
    expect(grid.row(3)).toEqual(["a"]);
    expect(grid.row(2)).toEqual([]);
    expect(cellAt(grid, 1_048_576, 0)).toBe("x");
    expect(cellAt(grid, 5, 7)).toBeNull();
  });

  it("locates a plain range on a dense grid that starts below a title", () => {
    const grid = gridFromDense([["会议纪要待办"], ["待办事项", "负责人", "截止日期", "状态"], ["发报价", "王五", "2024-07-05", "进行中"]]);
    const [t] = locateTables([{ name: "S", grid, tables: [], merges: [] }]);
    expect(t).toMatchObject({ sheet: "S", templateId: "action-items", kind: "range", headerRow: 2, rows: 1, address: "A2:D3" });
  });
});

describe("tableData", () => {
  it("reads a found table's rows from the snapshot, padded to the table's width", () => {
    const sheet = {
      name: "S",
      grid: gridFromDense([["x"], [null, "待办事项", "负责人", "截止日期", "状态"], [null, "发报价", "王五"]]),
      tables: [],
      merges: [],
    };
    const [t] = locateTables([sheet]);
    expect(tableData(sheet, t).body).toEqual([["发报价", "王五", null, null]]);
  });
});
