import { MAX_COLUMNS, MAX_ROWS } from "../../../src/core/a1";
import { areasOf } from "../../../src/workbook/officejs/rects";

describe("areasOf (RangeAreas.address as Excel writes it)", () => {
  it("reads every area, whole columns and whole rows included, whatever the sheet name", () => {
    expect(areasOf("Sheet1!A1:C1,'My, sheet'!E5,Sheet1!C:D, Sheet1!$2:$3")).toEqual([
      { top: 1, left: 0, bottom: 1, right: 2 },
      { top: 5, left: 4, bottom: 5, right: 4 },
      { top: 1, left: 2, bottom: MAX_ROWS, right: 3 },
      { top: 2, left: 0, bottom: 3, right: MAX_COLUMNS - 1 },
    ]);
    expect(areasOf("")).toEqual([]);
  });
});
