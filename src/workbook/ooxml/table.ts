import { parseRange } from "../../core/a1";
import type { ExcelTableInfo } from "../../core/layout/snapshot";
import { decodeXstring } from "./sheet";
import { attr, parseXml } from "./xml";

/** An Excel table part (`<table ref="A1:F20" headerRowCount="1" totalsRowCount="0">` and its column names). */
export function readTable(part: string, text: string): ExcelTableInfo | undefined {
  let info: { name: string; ref: string; header: boolean; totals: boolean } | undefined;
  const columnNames: string[] = [];
  parseXml(part, text, {
    open(tag) {
      if (tag.local === "table") {
        // headerRowCount defaults to 1 and totalsRowCount to 0 (ECMA-376 §18.5.1.2); Excel omits defaults.
        const header = attr(tag, "headerRowCount");
        const totals = attr(tag, "totalsRowCount");
        info = {
          name: attr(tag, "displayName") ?? attr(tag, "name") ?? "",
          ref: attr(tag, "ref") ?? "",
          header: header === undefined || Number(header) > 0,
          totals: totals !== undefined && Number(totals) > 0,
        };
      } else if (tag.local === "tableColumn") columnNames.push(decodeXstring(attr(tag, "name") ?? ""));
    },
  });
  if (!info) return undefined;
  const rect = parseRange(info.ref);
  if (!rect) return undefined;
  return {
    name: info.name,
    rect: { top: rect.top, left: rect.left, bottom: rect.bottom, right: rect.right },
    hasHeaderRow: info.header,
    hasTotalsRow: info.totals,
    columnNames,
  };
}
