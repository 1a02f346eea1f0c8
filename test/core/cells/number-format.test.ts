import { isDateFormat } from "../../../src/core/cells/number-format";

describe("isDateFormat", () => {
  it.each([
    "yyyy-mm-dd",
    "m/d/yy",
    "yyyy/m/d h:mm",
    "hh:mm:ss",
    "[h]:mm",
    'yyyy"年"m"月"d"日"',
    "[$-F800]dddd, mmmm dd, yyyy",
    "d-mmm",
    "yyyy年m月d日",
    "h:mm AM/PM",
    "[Red]yyyy-mm-dd",
  ])("%s is a date or time format", (f) => expect(isDateFormat(f)).toBe(true));
  it.each(["General", "@", "0", "0.00", "#,##0", "0%", "0.00E+00", '"Day "0', "#,##0.00_);[Red](#,##0.00)", '0" 天"', null, undefined, ""])(
    "%s is not",
    (f) => expect(isDateFormat(f)).toBe(false),
  );
});
