import { trimCell } from "../cells/normalize";
import type { RawCell } from "../cells/types";
import { CORRECTION_KINDS, type CorrectionKind, type LayoutCorrection } from "./corrections";
import type { SheetSnapshot } from "./snapshot";

/**
 * Where a workbook keeps its layout corrections (docs/contract.md "Layout corrections"): a hidden
 * sheet `Liaison表格更正`, one correction per row under a fixed header row
 *
 *   工作表 | 表头行 | 表头 | 更正 | 行 | 行内容
 *
 * (sheet, header row, header text, the correction in words — 这一行是数据 / 表格到此为止 /
 * 这不是表格 —, the row and the row's text). Every front end already reads every sheet to locate
 * the tables, so the sheet is found there, by this header row (own-sheets.ts), not by its name:
 * no adapter needs another read. Text is written as text; numbers as numbers.
 *
 * A sheet of its own rather than rows on the settings sheet: the settings are rewritten whole
 * whenever the 设置 tab saves, and corrections are rewritten whole whenever one is added or
 * undone; kept apart, neither writer can drop the other's rows.
 */

export const CORRECTIONS_SHEET = "Liaison表格更正";
export const CORRECTIONS_HEADER = ["工作表", "表头行", "表头", "更正", "行", "行内容"] as const;

/** How each kind is written in the sheet (the reader also accepts the codes and the English words). */
const KIND_WORDS: Readonly<Record<CorrectionKind, readonly string[]>> = {
  "row-is-data": ["这一行是数据", "row-is-data", "This row is data"],
  "table-ends": ["表格到此为止", "table-ends", "The table ends here"],
  "not-a-table": ["这不是表格", "not-a-table", "This is not a table"],
};

export type CorrectionRow = readonly (string | number)[];

/** The sheet's content: the header row, then one row per correction. */
export function correctionsToRows(list: readonly LayoutCorrection[]): CorrectionRow[] {
  return [
    [...CORRECTIONS_HEADER],
    ...list.map((c) => [c.sheet, c.headerRow, c.header, KIND_WORDS[c.kind][0], c.row ?? "", c.rowText ?? ""]),
  ];
}

const text = (cell: RawCell | undefined): string => (typeof cell === "string" ? trimCell(cell) : "");
/** Cells keep their text as typed (a row's text is compared exactly), only the outer spaces go. */
const exact = (cell: RawCell | undefined): string =>
  typeof cell === "string" ? trimCell(cell) : typeof cell === "number" ? String(cell) : "";

function rowNumber(cell: RawCell | undefined): number | undefined {
  const n = typeof cell === "number" ? cell : typeof cell === "string" && /^\d+$/.test(cell.trim()) ? Number(cell.trim()) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 1048576 ? n : undefined;
}

function kindOf(cell: RawCell | undefined): CorrectionKind | undefined {
  const t = text(cell).toLowerCase();
  return CORRECTION_KINDS.find((k) => KIND_WORDS[k].some((w) => w.toLowerCase() === t));
}

export interface StoredCorrections {
  readonly corrections: LayoutCorrection[];
  /** Rows of the sheet (1-based) that hold something but no readable correction. */
  readonly unreadable: number[];
}

/** Reads the rows under the header row (row 1); a row that is not a correction is listed, never guessed. */
export function correctionsFromGrid(rows: readonly number[], row: (r: number) => readonly RawCell[]): StoredCorrections {
  const corrections: LayoutCorrection[] = [];
  const unreadable: number[] = [];
  for (const r of rows) {
    if (r === 1) continue;
    const cells = row(r);
    // Sheet names are taken as stored: Excel allows outer spaces in them.
    const sheet = typeof cells[0] === "string" && cells[0].trim() !== "" ? cells[0] : "";
    const headerRow = rowNumber(cells[1]);
    const header = exact(cells[2]);
    const kind = kindOf(cells[3]);
    const target = rowNumber(cells[4]);
    if (
      sheet === "" ||
      headerRow === undefined ||
      header === "" ||
      kind === undefined ||
      (kind !== "not-a-table" && target === undefined)
    ) {
      unreadable.push(r);
      continue;
    }
    corrections.push(
      kind === "not-a-table"
        ? { kind, sheet, headerRow, header }
        : { kind, sheet, headerRow, header, row: target, rowText: exact(cells[5]) },
    );
  }
  return { corrections, unreadable };
}

/** Whether a sheet is the corrections sheet, by its first row. */
export function isCorrectionsSheet(sheet: SheetSnapshot): boolean {
  const first = sheet.grid.row(1);
  return first.length === CORRECTIONS_HEADER.length && CORRECTIONS_HEADER.every((h, i) => text(first[i]) === h);
}

/** The corrections stored in the workbook: every corrections sheet among the snapshots, in order. */
export function storedCorrections(sheets: readonly SheetSnapshot[]): StoredCorrections & { readonly sheet?: string } {
  const corrections: LayoutCorrection[] = [];
  const unreadable: number[] = [];
  let name: string | undefined;
  for (const s of sheets) {
    if (!isCorrectionsSheet(s)) continue;
    name ??= s.name;
    const read = correctionsFromGrid(s.grid.rowNumbers, (r) => s.grid.row(r));
    corrections.push(...read.corrections);
    unreadable.push(...read.unreadable);
  }
  return { corrections, unreadable, ...(name !== undefined ? { sheet: name } : {}) };
}
