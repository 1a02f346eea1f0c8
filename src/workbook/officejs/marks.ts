import { parseRange, rangeAddress, type Rect } from "../../core/a1";
import { LiaisonError } from "../../core/errors";
import { MARK_SIGNATURE, MARK_STYLE, markFormula, type Mark } from "../port";
import { checkRowMarks, planRowMarks } from "../live-marks";
import { jsonBytes, MAX_WRITE_BYTES } from "./batches";
import { areasOf } from "./rects";

/**
 * The add-in's marks: custom conditional formats whose formula carries MARK_SIGNATURE and is
 * always TRUE, so the format shows on every cell it applies to. A conditional format changes no
 * value, no number format, no fill or font of the cell itself, no data validation and no other
 * conditional format; deleting it restores the sheet exactly.
 *
 * A cell flagged with several severities is marked once, with the highest (error > warning >
 * info): each (sheet, severity) gets its own cells, never overlapping, so no priority or
 * stopIfTrue games decide what shows. A user's own conditional formats keep working under ours
 * (stopIfTrue stays off); where both set a fill, ours — added at the top priority — shows.
 *
 * Syncs: (1) sheet names and protection; (2) the conditional formats of every sheet; (3) the
 * deletions and additions — whatever the number of marks, except that the additions are cut
 * into batches of MAX_WRITE_BYTES of addresses (past ~200,000 scattered cells).
 */

/**
 * Longest address list given to one `Worksheet.getRanges` call. Office documents no limit but
 * fails on lists of about 8,200 characters (office-js issue #5198); 2,000 keeps well clear.
 */
export const MAX_AREAS_ADDRESS = 2000;

type Severity = Mark["severity"];
const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

/** Per sheet (as the marks name it), per severity: the address lists to mark, each ≤ MAX_AREAS_ADDRESS. */
export interface MarkPlan {
  readonly sheet: string;
  readonly bySeverity: ReadonlyMap<Severity, readonly string[]>;
}

/** Validates and groups the marks; throws LiaisonError `invalidAddress` before anything is touched. */
export function planMarks(marks: readonly Mark[]): MarkPlan[] {
  // sheet (lower case) → cell key → highest severity
  const sheets = new Map<string, { name: string; cells: Map<string, { row: number; col: number; severity: Severity }> }>();
  for (const m of marks) {
    const r = parseRange(m.cell);
    const single = r !== undefined && r.top === r.bottom && r.left === r.right;
    if (!single || (r.sheet !== undefined && r.sheet.toLowerCase() !== m.sheet.toLowerCase()))
      throw new LiaisonError("invalidAddress", { address: m.cell });
    if (!SEVERITY_ORDER.includes(m.severity)) throw new TypeError(`unknown severity ${JSON.stringify(m.severity)}`);
    const key = m.sheet.toLowerCase();
    let entry = sheets.get(key);
    if (!entry) sheets.set(key, (entry = { name: m.sheet, cells: new Map() }));
    const cellKey = `${r.top}:${r.left}`;
    const prev = entry.cells.get(cellKey);
    if (!prev || SEVERITY_ORDER.indexOf(m.severity) < SEVERITY_ORDER.indexOf(prev.severity))
      entry.cells.set(cellKey, { row: r.top, col: r.left, severity: m.severity });
  }
  return [...sheets.values()].map(({ name, cells }) => {
    const bySeverity = new Map<Severity, string[]>();
    for (const severity of SEVERITY_ORDER) {
      const own = [...cells.values()].filter((c) => c.severity === severity);
      if (own.length > 0) bySeverity.set(severity, addressLists(mergeCells(own)));
    }
    return { sheet: name, bySeverity };
  });
}

/**
 * Cells → few rectangles: runs of consecutive rows in a column, then side-by-side columns with
 * the same run. Findings cluster by column (a rule checks a column), so lists stay short.
 */
export function mergeCells(cells: readonly { readonly row: number; readonly col: number }[]): Rect[] {
  const byColumn = new Map<number, number[]>();
  for (const { row, col } of cells) byColumn.set(col, [...(byColumn.get(col) ?? []), row]);
  const runs = new Map<string, { top: number; bottom: number; cols: number[] }>();
  for (const [col, rows] of byColumn) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    let top = sorted[0];
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
      const bottom = sorted[i - 1];
      const key = `${top}:${bottom}`;
      const run = runs.get(key) ?? { top, bottom, cols: [] };
      run.cols.push(col);
      runs.set(key, run);
      top = sorted[i];
    }
  }
  const rects: Rect[] = [];
  for (const { top, bottom, cols } of runs.values()) {
    cols.sort((a, b) => a - b);
    let left = cols[0];
    for (let i = 1; i <= cols.length; i++) {
      if (i < cols.length && cols[i] === cols[i - 1] + 1) continue;
      rects.push({ top, bottom, left, right: cols[i - 1] });
      left = cols[i];
    }
  }
  return rects.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Comma-separated address lists of at most MAX_AREAS_ADDRESS characters. */
export function addressLists(rects: readonly Rect[]): string[] {
  const lists: string[] = [];
  let current = "";
  for (const r of rects) {
    const a = rangeAddress(r);
    if (current !== "" && current.length + 1 + a.length > MAX_AREAS_ADDRESS) {
      lists.push(current);
      current = "";
    }
    current = current === "" ? a : `${current},${a}`;
  }
  if (current !== "") lists.push(current);
  return lists;
}

interface SheetFormats {
  readonly sheet: Excel.Worksheet;
  readonly formats: Excel.ConditionalFormatCollection;
}

/** (1)+(2): every sheet with its protection state and conditional formats (type and custom formula). */
async function loadSheetFormats(context: Excel.RequestContext): Promise<SheetFormats[]> {
  const sheets = context.workbook.worksheets.load("items/name,items/protection/protected");
  await context.sync();
  const out = sheets.items.map((sheet) => ({
    sheet,
    // The whole sheet's range: its collection holds every conditional format of the sheet.
    formats: sheet.getRange().conditionalFormats.load("items/type,items/customOrNullObject/rule/formula"),
  }));
  await context.sync();
  return out;
}

/** The add-in's own conditional formats among a sheet's (a user's are never returned). */
function ownMarks(formats: Excel.ConditionalFormatCollection): Excel.ConditionalFormat[] {
  return formats.items.filter((cf) => cf.type === "Custom" && cf.customOrNullObject.rule.formula.includes(MARK_SIGNATURE));
}

function assertEditable(sheet: Excel.Worksheet): void {
  if (sheet.protection.protected) throw new LiaisonError("sheetProtected", { sheet: sheet.name });
}

export async function clearMarks(context: Excel.RequestContext): Promise<void> {
  const sheets = await loadSheetFormats(context);
  const doomed = sheets.map((s) => ({ ...s, marks: ownMarks(s.formats) })).filter((s) => s.marks.length > 0);
  // Refuse before deleting anything: a protected sheet would fail halfway through the batch.
  for (const s of doomed) assertEditable(s.sheet);
  for (const s of doomed) for (const cf of s.marks) cf.delete();
  if (doomed.length > 0) await context.sync();
}

export async function applyMarks(context: Excel.RequestContext, marks: readonly Mark[]): Promise<void> {
  const plan = planMarks(marks);
  const sheets = await loadSheetFormats(context);

  // Everything is checked before the first change.
  const targets = plan.map((p) => {
    const s = sheets.find((x) => x.sheet.name.toLowerCase() === p.sheet.toLowerCase());
    if (!s) throw new LiaisonError("sheetNotFound", { sheet: p.sheet });
    return { sheet: s.sheet, plan: p };
  });
  const old = sheets.map((s) => ({ ...s, marks: ownMarks(s.formats) })).filter((s) => s.marks.length > 0);
  for (const s of old) assertEditable(s.sheet);
  for (const t of targets) assertEditable(t.sheet);

  for (const s of old) for (const cf of s.marks) cf.delete();
  let bytes = 0;
  for (const { sheet, plan: p } of targets) {
    // Lowest severity first, so that errors end up at the top priority.
    for (const severity of [...SEVERITY_ORDER].reverse()) {
      for (const address of p.bySeverity.get(severity) ?? []) {
        const size = jsonBytes(address);
        if (bytes > 0 && bytes + size > MAX_WRITE_BYTES) {
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload chunk (batches.ts), not per mark
          await context.sync();
          bytes = 0;
        }
        queueMark(sheet, address, severity);
        bytes += size;
      }
    }
  }
  if (old.length > 0 || targets.length > 0) await context.sync();
}

function queueMark(sheet: Excel.Worksheet, address: string, severity: Severity): void {
  const cf = sheet.getRanges(address).conditionalFormats.add("Custom");
  cf.custom.rule.formula = markFormula(severity);
  cf.custom.format.fill.color = MARK_STYLE[severity].fill;
  cf.custom.format.font.color = MARK_STYLE[severity].font;
}

/** The severity a mark format stands for (its formula names it). */
function severityOf(cf: Excel.ConditionalFormat): Severity | undefined {
  const formula = cf.customOrNullObject.rule.formula;
  return SEVERITY_ORDER.find((s) => formula.includes(`${MARK_SIGNATURE}:${s}"`));
}

/**
 * Live validation: replaces the marks on `rows` of one sheet with `marks`; every other row's
 * marks and every format of the user's stay. The cells a severity's marks cover are read back
 * from its formats (`ConditionalFormat.getRanges`, ExcelApi 1.9), the re-checked rows taken out,
 * the new cells put in, and only the severities that change are rewritten (same cells → same
 * formats as `applyMarks` would make).
 *
 * Syncs: (1) the sheet and its protection; (2) its conditional formats; (3) the areas of its mark
 * formats; (4) deletions and additions (cut into MAX_WRITE_BYTES batches past ~200,000 scattered
 * cells) — whatever the number of rows.
 */
export async function updateMarks(
  context: Excel.RequestContext,
  sheetName: string,
  rows: readonly number[],
  marks: readonly Mark[],
): Promise<void> {
  const fresh = checkRowMarks(sheetName, rows, marks);
  const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName).load("name,protection/protected");
  await context.sync();
  if (sheet.isNullObject) throw new LiaisonError("sheetNotFound", { sheet: sheetName });
  const formats = sheet.getRange().conditionalFormats.load("items/type,items/customOrNullObject/rule/formula");
  await context.sync();
  const own = ownMarks(formats).map((cf) => ({ cf, severity: severityOf(cf), areas: cf.getRanges().load("address") }));
  if (own.length > 0) await context.sync();

  const current = new Map<Severity, Rect[]>();
  for (const { severity, areas } of own) if (severity) current.set(severity, [...(current.get(severity) ?? []), ...areasOf(areas.address)]);
  const plan = planRowMarks(current, rows, fresh);
  if (plan.changed.size === 0) return;
  assertEditable(sheet);

  // A mark format whose severity cannot be told (edited by hand) goes too: its cells are unknown.
  for (const { cf, severity } of own) if (severity === undefined || plan.changed.has(severity)) cf.delete();
  let bytes = 0;
  for (const severity of [...SEVERITY_ORDER].reverse()) {
    const cells = plan.cells.get(severity);
    if (!plan.changed.has(severity) || !cells) continue;
    for (const address of addressLists(mergeCells(cells))) {
      const size = jsonBytes(address);
      if (bytes > 0 && bytes + size > MAX_WRITE_BYTES) {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload chunk (batches.ts), not per mark
        await context.sync();
        bytes = 0;
      }
      queueMark(sheet, address, severity);
      bytes += size;
    }
  }
  await context.sync();
}
