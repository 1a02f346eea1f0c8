import type { FoundTable } from "../../src/core/layout/types";
import { dataCandidates, dataRange, rowAddress, skippedLines } from "../../src/taskpane/components/tables/layout-view";

/** What the 表格 tab shows of a table's layout (pure helpers of src/taskpane/components/tables). */

const table = (over: Partial<FoundTable> = {}): FoundTable => ({
  sheet: "周报",
  templateId: "work-report",
  kind: "range",
  headerRow: 2,
  firstColumn: 1,
  rows: 3,
  address: "B2:D9",
  dataRows: [3, 4, 9],
  columns: [
    { index: 0, header: "汇报人" },
    { index: 1, header: "部门" },
    { index: 2, header: "汇报周期" },
  ],
  missingRequired: [],
  ...over,
});

describe("the 表格 tab's layout view", () => {
  it("groups consecutive blank rows into one line, keeps every other skipped row on its own", () => {
    expect(
      skippedLines([
        { row: 5, reason: "blank" },
        { row: 6, reason: "blank" },
        { row: 7, reason: "total" },
        { row: 8, reason: "blank" },
        { row: 10, reason: "blank" },
        { row: 11, reason: "note" },
        { row: 12, reason: "note" },
      ]),
    ).toEqual([
      { from: 5, to: 6, reason: "blank" },
      { from: 7, to: 7, reason: "total" },
      { from: 8, to: 8, reason: "blank" },
      { from: 10, to: 10, reason: "blank" },
      { from: 11, to: 11, reason: "note" },
      { from: 12, to: 12, reason: "note" },
    ]);
  });

  it("offers “this row is data” on skipped rows but blank ones and those after the row that ended the table", () => {
    const skippedRows = [
      { row: 5, reason: "blank" },
      { row: 6, reason: "total" },
      { row: 7, reason: "header" },
      { row: 10, reason: "note" },
      { row: 11, reason: "signature" },
    ] as const;
    expect([...dataCandidates({ skippedRows })]).toEqual([6, 7, 10]);
    expect([...dataCandidates({ skippedRows: [{ row: 9, reason: "caption" }] })]).toEqual([9]);
  });

  it("addresses a row within the table's columns, and the data range from the first to the last data row", () => {
    expect(rowAddress(table(), 7)).toBe("B7:D7");
    expect(dataRange(table())).toBe("B3:D9");
    expect(dataRange(table({ dataRows: [], rows: 0 }))).toBeUndefined();
  });
});
