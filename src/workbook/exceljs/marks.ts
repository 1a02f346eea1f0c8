import type * as ExcelJS from "exceljs";
import { parseRange, rangeAddress, type Rect } from "../../core/a1";
import { LiaisonError } from "../../core/errors";
import { mergeCells, planMarks, type CellRef } from "../../core/marks/plan";
import { SEVERITIES, type Severity } from "../../core/rules";
import { MARK_SIGNATURE, MARK_STYLE, markFormula, type Mark } from "../../core/marks/mark";
import { findSheet } from "./settings-store";
import { checkRowMarks, planRowMarks } from "../../core/marks/rows";

/**
 * Marks as conditional formats: one per sheet and severity, over the flagged cells, with an
 * always-true formula that carries MARK_SIGNATURE. They change no value and no cell style, so
 * removing them restores a sheet exactly; and because the signature travels in the file, marks
 * made in an earlier session (or by the add-in in Excel) are found and removed too.
 */

/** The shapes of ExcelJS's conditional-formatting model that are read here (its typings are loose). */
interface CfRule {
  type?: string;
  formulae?: unknown[];
  priority?: number;
}
interface CfBlock {
  ref: string;
  rules: CfRule[];
}

const blocksOf = (ws: ExcelJS.Worksheet): CfBlock[] => (ws as unknown as { conditionalFormattings: CfBlock[] }).conditionalFormattings;

/** True for a rule the add-in made: its formula names the signature (in a file it has no leading `=`). */
export function isMarkRule(rule: CfRule): boolean {
  return Array.isArray(rule.formulae) && rule.formulae.some((f) => typeof f === "string" && f.includes(MARK_SIGNATURE));
}

/** ExcelJS writes a rule's formula as the OOXML `<formula>` text, which has no leading `=`. */
const fileFormula = (severity: Severity): string => markFormula(severity).replace(/^=/, "");

const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;

function markStyle(severity: Severity): Partial<ExcelJS.Style> {
  const s = MARK_STYLE[severity];
  // A conditional format's solid fill takes its colour from bgColor (Excel's dxf convention).
  return { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(s.fill) } }, font: { color: { argb: argb(s.font) } } };
}

/** Removes the add-in's rules from every sheet; blocks of the user's own are left as they are (same objects). */
export function clearMarks(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    const blocks = blocksOf(ws);
    if (!blocks.some((b) => b.rules.some(isMarkRule))) continue;
    const kept: CfBlock[] = [];
    for (const b of blocks) {
      if (!b.rules.some(isMarkRule)) kept.push(b);
      else {
        const rules = b.rules.filter((r) => !isMarkRule(r));
        if (rules.length > 0) kept.push({ ...b, rules }); // a block someone else mixed with ours
      }
    }
    // Assigned rather than filtered through removeConditionalFormatting: a rebuilt mixed block keeps its place.
    (ws as unknown as { conditionalFormattings: CfBlock[] }).conditionalFormattings = kept;
  }
}

/**
 * Replaces the add-in's marks with `marks`. What to mark is planned in core (`core/marks/plan.ts`,
 * shared with the Office.js adapter): each cell once, with its highest severity; every mark is
 * validated and every sheet found before the first change. The marks' priority comes after every
 * existing rule of the sheet, so the user's own conditional formats keep theirs.
 */
export function applyMarks(wb: ExcelJS.Workbook, marks: readonly Mark[]): void {
  const plan = planMarks(marks).map((p) => {
    const ws = findSheet(wb, p.sheet);
    if (!ws) throw new LiaisonError("sheetNotFound", { sheet: p.sheet });
    return { ws, bySeverity: p.bySeverity };
  });

  clearMarks(wb);
  for (const { ws, bySeverity } of plan) {
    const blocks = blocksOf(ws);
    let priority = blocks.reduce((p, b) => Math.max(p, ...b.rules.map((r) => (typeof r.priority === "number" ? r.priority : 0))), 0);
    for (const severity of SEVERITIES) {
      const rects = bySeverity.get(severity);
      if (!rects) continue;
      ws.addConditionalFormatting({
        ref: sqrefOf(rects),
        rules: [{ type: "expression", formulae: [fileFormula(severity)], style: markStyle(severity), priority: ++priority }],
      } as ExcelJS.ConditionalFormattingOptions);
    }
  }
}

/** Rectangles as an OOXML `sqref`: space-separated areas (`H4:H9 C2 C5`). */
export const sqrefOf = (rects: readonly Rect[]): string => rects.map(rangeAddress).join(" ");

/** The cells as an OOXML `sqref`, neighbouring cells merged into areas (core's `mergeCells`). */
export function sqref(cells: readonly CellRef[]): string {
  return sqrefOf(mergeCells(cells));
}

/** The severity a mark rule stands for (its formula names it), or undefined for another rule. */
function markSeverity(rule: CfRule): Severity | undefined {
  if (!isMarkRule(rule)) return undefined;
  const text = (rule.formulae ?? []).find((f): f is string => typeof f === "string" && f.includes(MARK_SIGNATURE)) ?? "";
  return SEVERITIES.find((s) => text.includes(`${MARK_SIGNATURE}:${s}"`));
}

/**
 * Live validation: replaces the marks on `rows` of one sheet with `marks`, leaving every other
 * row's marks and every rule of the user's as they are. Only the severities whose cells change
 * are rewritten (one block each, as `applyMarks` makes them).
 */
export function updateMarks(wb: ExcelJS.Workbook, sheet: string, rows: readonly number[], marks: readonly Mark[]): void {
  const ws = findSheet(wb, sheet);
  if (!ws) throw new LiaisonError("sheetNotFound", { sheet });
  const fresh = checkRowMarks(ws.name, rows, marks);
  const blocks = blocksOf(ws);
  const current = new Map<Severity, Rect[]>();
  for (const b of blocks) {
    for (const rule of b.rules) {
      const severity = markSeverity(rule);
      if (!severity) continue;
      const areas = b.ref
        .split(/\s+/)
        .filter(Boolean)
        .map((a) => parseRange(a));
      const list = current.get(severity) ?? [];
      for (const a of areas) if (a) list.push({ top: a.top, left: a.left, bottom: a.bottom, right: a.right });
      current.set(severity, list);
    }
  }
  const plan = planRowMarks(current, rows, fresh);
  if (plan.changed.size === 0) return;

  const kept: CfBlock[] = [];
  for (const b of blocks) {
    const rules = b.rules.filter((r) => {
      const severity = markSeverity(r);
      return severity === undefined || !plan.changed.has(severity);
    });
    if (rules.length === b.rules.length) kept.push(b);
    else if (rules.length > 0) kept.push({ ...b, rules });
  }
  (ws as unknown as { conditionalFormattings: CfBlock[] }).conditionalFormattings = kept;
  let priority = kept.reduce((p, b) => Math.max(p, ...b.rules.map((r) => (typeof r.priority === "number" ? r.priority : 0))), 0);
  for (const severity of SEVERITIES) {
    const cells = plan.cells.get(severity);
    if (!plan.changed.has(severity) || !cells) continue;
    ws.addConditionalFormatting({
      ref: sqref(cells),
      rules: [{ type: "expression", formulae: [fileFormula(severity)], style: markStyle(severity), priority: ++priority }],
    } as ExcelJS.ConditionalFormattingOptions);
  }
}
