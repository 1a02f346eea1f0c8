import { isDateFormat } from "../../core/cells/number-format";
import { attr, parseXml } from "./xml";

/**
 * The number format of each cell style (`<c s="N">` indexes `cellXfs`), reduced to what reading
 * needs: whether a number in that style is a date. Custom formats come from `<numFmts>`; the
 * built-in ids are ECMA-376 §18.8.30's, with the zh-CN forms of the East Asian ids 27–36 and 50–58
 * (Excel stores only the id and shows the local form).
 */

const BUILTIN: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

export interface CellStyles {
  /** Whether style index `s` shows numbers as dates (false for an unknown index). */
  isDate(s: number): boolean;
}

export function readStyles(part: string, text: string | undefined): CellStyles {
  if (text === undefined) return { isDate: () => false };
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  parseXml(part, text, {
    open(tag) {
      if (tag.local === "numFmt") custom.set(Number(attr(tag, "numFmtId")), attr(tag, "formatCode") ?? "");
      else if (tag.local === "cellXfs") inCellXfs = true;
      else if (tag.local === "xf" && inCellXfs) xfFormats.push(Number(attr(tag, "numFmtId") ?? 0));
    },
    close(tag) {
      if (tag.local === "cellXfs") inCellXfs = false;
    },
  });
  const dates = xfFormats.map((id) => isDateFormat(custom.get(id) ?? BUILTIN[id]));
  return { isDate: (s) => dates[s] === true };
}
