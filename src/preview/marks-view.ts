import type * as ExcelJS from "exceljs";
import { parseRange } from "../core/a1";
import { MARK_SIGNATURE, type Mark } from "../core/marks/mark";

type Severity = Mark["severity"];
const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };
const SIGNATURE = new RegExp(`${MARK_SIGNATURE}:(error|warning|info)`);

interface CfBlock {
  ref?: string;
  rules?: { formulae?: unknown[] }[];
}

/**
 * The add-in's marks on a sheet, as Excel would show them: the conditional formats whose formula
 * carries MARK_SIGNATURE (always true), over their `sqref` areas, highest severity per cell. Keyed
 * `row:col` (1-based row, 0-based column), limited to the rows and columns the grid draws.
 */
export function marksOf(ws: ExcelJS.Worksheet, maxRow: number, maxCol: number): Map<string, Severity> {
  const out = new Map<string, Severity>();
  const blocks = (ws as unknown as { conditionalFormattings?: CfBlock[] }).conditionalFormattings ?? [];
  for (const block of blocks) {
    let severity: Severity | undefined;
    for (const rule of block.rules ?? []) {
      for (const f of rule.formulae ?? []) {
        const m = typeof f === "string" ? SIGNATURE.exec(f) : null;
        if (m && (!severity || RANK[m[1] as Severity] > RANK[severity])) severity = m[1] as Severity;
      }
    }
    if (!severity || !block.ref) continue;
    for (const area of block.ref.split(/\s+/)) {
      const r = parseRange(area);
      if (!r) continue;
      for (let row = r.top; row <= Math.min(r.bottom, maxRow); row++) {
        for (let col = r.left; col <= Math.min(r.right, maxCol); col++) {
          const key = `${row}:${col}`;
          const prev = out.get(key);
          if (!prev || RANK[severity] > RANK[prev]) out.set(key, severity);
        }
      }
    }
  }
  return out;
}
