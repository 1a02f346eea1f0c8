import { excelDate, excelError } from "../../../src/core/cells/types";
import { toOfficeValue, toRawGrid } from "../../../src/workbook/officejs/cells";
import { areasOf } from "../../../src/workbook/officejs/rects";

describe("Office cells → RawCell", () => {
  it("reads dates by number format, errors by value type, empty as null", () => {
    const grid = toRawGrid(
      [[45432, 45432, "#N/A", "", "05-20", true, 0.5]],
      [["Double", "Double", "Error", "Empty", "String", "Boolean", "Double"]],
      [["yyyy-mm-dd", "0.00", "General", "General", "@", "General", "h:mm"]],
    );
    expect(grid).toEqual([[excelDate(45432), 45432, excelError("#N/A"), null, "05-20", true, excelDate(0.5)]]);
  });

  it("writes RawCells as Office values", () => {
    expect([null, "=x", 3, false, excelDate(45432), excelError("#REF!")].map(toOfficeValue)).toEqual(["", "=x", 3, false, 45432, "#REF!"]);
  });

  it("splits RangeAreas addresses, quoted sheet names with commas included", () => {
    expect(areasOf("Sheet1!A1:C1,'a, b'!E5:F6,Data!$H$2")).toEqual([
      { top: 1, left: 0, bottom: 1, right: 2 },
      { top: 5, left: 4, bottom: 6, right: 5 },
      { top: 2, left: 7, bottom: 2, right: 7 },
    ]);
    expect(areasOf("")).toEqual([]);
  });
});
