import { parseRange } from "../core/a1";
import type { DashboardCell } from "../core/dashboard/sheet";

/**
 * The 看板's cells as one rectangular block from A1, as both adapters write it: values (empty
 * cells "") and, per cell, the number format that keeps text as text (`@`) and figures as
 * numbers (`General`) so that the charts can plot them.
 */
export interface DashboardGrid {
  readonly values: DashboardCell[][];
  readonly formats: string[][];
  readonly bold: boolean[][];
}

export function dashboardGrid(
  cells: readonly { readonly address: string; readonly value: DashboardCell; readonly bold: boolean }[],
): DashboardGrid {
  const placed = cells.map((c) => {
    const r = parseRange(c.address);
    if (!r) throw new Error(`dashboardGrid: "${c.address}" is not a cell`);
    return { row: r.top - 1, col: r.left, c };
  });
  const rows = Math.max(1, ...placed.map((p) => p.row + 1));
  const cols = Math.max(1, ...placed.map((p) => p.col + 1));
  const values: DashboardCell[][] = Array.from({ length: rows }, () => Array<DashboardCell>(cols).fill(""));
  const formats: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill("@"));
  const bold: boolean[][] = Array.from({ length: rows }, () => Array<boolean>(cols).fill(false));
  for (const { row, col, c } of placed) {
    values[row][col] = c.value;
    formats[row][col] = typeof c.value === "number" ? "General" : "@";
    bold[row][col] = c.bold;
  }
  return { values, formats, bold };
}
