import { dayFromSerial, isoDate, isoDateTime, minuteFromSerial } from "../core/cells/civil";
import { isExcelDate, isExcelError, type RawCell } from "../core/cells/types";

/**
 * How the preview grid shows a cell: close to Excel for the formats the templates use, without
 * pretending to implement Excel's whole number-format language. Dates as `yyyy-mm-dd`, date-times
 * as `yyyy-mm-dd hh:mm`, times as `hh:mm`; numbers with the format's decimals, thousands
 * separator and percent; otherwise up to 11 significant digits like Excel's General.
 */
export interface CellText {
  readonly text: string;
  /** Numbers and dates align right, as in Excel; text and booleans left/centre. */
  readonly align: "left" | "right" | "center";
}

const EMPTY: CellText = { text: "", align: "left" };

export function cellText(raw: RawCell, numFmt: string | undefined): CellText {
  if (raw === null) return EMPTY;
  if (typeof raw === "string") return { text: raw, align: "left" };
  if (typeof raw === "boolean") return { text: raw ? "TRUE" : "FALSE", align: "center" };
  if (isExcelError(raw)) return { text: raw.code, align: "center" };
  if (isExcelDate(raw)) return { text: dateText(raw.serial, numFmt ?? ""), align: "right" };
  return { text: numberText(raw, numFmt ?? "General"), align: "right" };
}

function dateText(serial: number, numFmt: string): string {
  // Strip quoted literals and brackets so that e.g. "[$-804]" or "时" in quotes do not count.
  const f = numFmt
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .toLowerCase();
  const hasTime = /[hs]|上午|下午|am\/pm|时|分/.test(f);
  // `m` is minutes beside h or s, months otherwise (a lone "mmm" is a month name).
  const hasDate = /[yd]|年|月|日/.test(f) || (/m/.test(f) && !hasTime);
  if (hasTime && !hasDate) return isoDateTime(minuteFromSerial(serial)).slice(11);
  if (hasTime) return isoDateTime(minuteFromSerial(serial));
  return isoDate(dayFromSerial(serial));
}

function numberText(n: number, numFmt: string): string {
  const section = numFmt
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "");
  if (numFmt === "General" || numFmt === "" || !/[0#?]/.test(section)) return generalNumber(n);
  const percent = section.includes("%");
  const value = percent ? n * 100 : n;
  const decimals = /\.([0#?]+)/.exec(section)?.[1].length ?? 0;
  const grouped = /[0#?],[0#?]/.test(section);
  const text = value.toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouped,
  });
  return percent ? `${text}%` : text;
}

function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  return String(Number(n.toPrecision(11)));
}
