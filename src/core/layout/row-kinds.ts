import type { RawCell } from "../cells/types";
import { trimCell } from "../cells/normalize";

/**
 * What a row under a header is, by its text alone (contract.md "Table layout"): a totals row
 * (skipped), a note or a signature line (they end the table), or data. Blank rows and header rows
 * are decided by the locator, which knows the table's columns and header.
 */
export type RowKind = "total" | "note" | "signature" | "data";

/** 合计, 总计, 小计, Total — spaces and a trailing colon allowed (`合 计`, `合计:`). */
const TOTAL = /^(合计|合計|总计|總計|小计|小計|total|subtotal|grandtotal)[:：]?$/i;
/** 注:, 备注:, 说明:, 注意:, Note: at the start of the first non-empty cell. */
const NOTE = /^(注|备注|備註|说明|說明|注意|note)[:：]/i;
/** Labels of a signature line: `制表人:`, `制表:王五`, `审核:` `李经理`, `日期:`. */
const SIGNATURE_LABEL =
  /^(制表人|制表|製表人|製表|填表人|填报人|填報人|审核人|审核|審核人|審核|审批人|审批|審批人|審批|复核人|复核|覆核|签字|簽字|签名|簽名|日期)[:：](.*)$/i;

/** First characters of the words above (either case), to let data rows through without a regex. */
const STARTS = new Set([..."合总總小计計tTsSgG注备備说說nN制製填审審复覆签簽日"]);

const WHITESPACE = /[\s\u00a0\u3000]+/g;

function textKey(cell: RawCell): string | undefined {
  if (typeof cell !== "string") return undefined;
  return trimCell(cell).replace(WHITESPACE, "");
}

/**
 * The kind of a non-blank row from its non-empty cells, left to right (the whole row, so that a
 * 合计 or a note in a column left of the table's first column still counts).
 */
export function rowKind(cells: readonly RawCell[]): RowKind {
  let first = -1;
  for (let c = 0; c < cells.length; c++) {
    if (!isEmpty(cells[c])) {
      first = c;
      break;
    }
  }
  if (first < 0) return "data";
  const cell = cells[first];
  // Most rows are data: their first character starts none of the words below.
  if (typeof cell !== "string" || !STARTS.has(trimCell(cell).charAt(0))) return "data";
  const k = textKey(cell);
  if (k === undefined) return "data";
  if (TOTAL.test(k)) return "total";
  if (NOTE.test(k)) return "note";
  return isSignature(cells, first) ? "signature" : "data";
}

/** Every non-empty cell is a label, or the name right after a label whose colon ends its cell. */
function isSignature(cells: readonly RawCell[], first: number): boolean {
  let labels = 0;
  let expectName = false;
  for (let c = first; c < cells.length; c++) {
    const cell = cells[c];
    if (isEmpty(cell)) continue;
    const k = textKey(cell);
    const m = k === undefined ? null : SIGNATURE_LABEL.exec(k);
    if (m) {
      labels++;
      expectName = m[2] === "";
      // `制表人: 王五 审核: 李经理` in one cell: the rest may hold further labels; it is a name either way.
    } else if (expectName) expectName = false;
    else return false;
  }
  return labels > 0;
}

export function isEmpty(cell: RawCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && trimCell(cell) === "");
}
