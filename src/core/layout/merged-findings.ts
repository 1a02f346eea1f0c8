import { cellAddress, columnIndex, type Rect } from "../a1";
import type { Finding } from "../rules/finding";
import { MergeSweep } from "./merge-sweep";

const A1 = /^([A-Z]+)(\d+)$/;

/**
 * contract.md "Table layout": a finding about a merged area is reported once, at its top-left
 * cell. Every cell of the area reads as the area's value, so a rule may speak of each of them:
 * such findings move to the top-left cell and only the first per (cell, rule) stays. The result
 * is in row, then column order (the order validateTable gives).
 */
export function collapseMerged(findings: readonly Finding[], merges: readonly Rect[] | undefined): Finding[] {
  if (!merges || merges.length === 0 || findings.length === 0) return [...findings];
  // The areas of each finding's row, by a sweep over the findings in row order.
  const sweep = new MergeSweep(merges);
  const byRow = new Map<number, readonly Rect[]>();
  for (const row of [...new Set(findings.map((f) => f.row))].sort((a, b) => a - b)) {
    const here = sweep.at(row);
    if (here.length > 0) byRow.set(row, [...here]);
  }
  if (byRow.size === 0) return [...findings];
  const seen = new Set<string>();
  const out: { f: Finding; col: number }[] = [];
  let moved = false;
  for (const f of findings) {
    const m = A1.exec(f.cell);
    const col = m ? columnIndex(m[1]) : 0;
    const area = byRow.get(f.row)?.find((a) => col >= a.left && col <= a.right);
    let g = f;
    if (area && (area.top !== f.row || area.left !== col)) {
      g = { ...f, row: area.top, cell: cellAddress(area.left, area.top) };
      moved = true;
    }
    const key = `${g.cell}\u0000${g.rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ f: g, col: area ? area.left : col });
  }
  if (moved) out.sort((a, b) => a.f.row - b.f.row || a.col - b.col);
  return out.map((x) => x.f);
}
