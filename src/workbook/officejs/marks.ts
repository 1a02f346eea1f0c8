import type { Rect } from "../../core/a1";
import { LiaisonError } from "../../core/errors";
import { addressLists as listsOf, mergeCells, planMarks } from "../../core/marks/plan";
import { SEVERITIES } from "../../core/rules/finding";
import type { Severity } from "../../core/rules/spec";
import { MARK_SIGNATURE, MARK_STYLE, markFormula, type Mark } from "../../core/marks/mark";
import { checkRowMarks, planRowMarks } from "../../core/marks/rows";
import { jsonBytes, MAX_WRITE_BYTES } from "./batches";
import { areasOf } from "./rects";

/**
 * The add-in's marks: custom conditional formats whose formula carries MARK_SIGNATURE and is
 * always TRUE, so the format shows on every cell it applies to. A conditional format changes no
 * value, no number format, no fill or font of the cell itself, no data validation and no other
 * conditional format; deleting it restores the sheet exactly.
 *
 * What to mark is decided in core (`core/marks/plan.ts`, shared with the ExcelJS adapter): each
 * cell once, with its highest severity, so the severities' areas never overlap. A user's own
 * conditional formats keep working under ours (stopIfTrue stays off); `add` puts a format "at the
 * top priority" (ConditionalFormatCollection.add,
 * https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection#excel-excel-conditionalformatcollection-add-member(1)),
 * so where both set a fill, ours shows.
 *
 * Deleting safely. A loaded conditional format is addressed by its priority, not by identity:
 * `ConditionalFormat.id` is "the priority of the conditional format in the current
 * ConditionalFormatCollection", and after priorities change "you have to re-fetch a new copy of
 * the object at that new priority location"
 * (https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-priority-member;
 * office-js #5222). Deleting several in one batch from the top down would make each later object
 * reach the format that moved up into its place — a user's rule — or fail with ItemNotFound
 * halfway through. So ours are deleted from the bottom up (descending priority): a deletion only
 * moves formats below it, and those are already done. Additions come after every deletion.
 *
 * Unreadable rules. Excel fails to read back some stacked or duplicated rules a person made
 * (office-js #6827, #6835). One such sheet must not stop the others: when the batch that reads
 * every sheet's formats fails, each sheet is read on its own (one sync per sheet, only then), the
 * marks of every readable sheet are done, and then `marksUnreadable` names the sheets left.
 *
 * Syncs: (1) sheet names and protection; (2) the conditional formats of every sheet (one per
 * sheet only when (2) fails); (3) the deletions and additions — whatever the number of marks,
 * except that the additions are cut into batches of MAX_WRITE_BYTES of addresses.
 */

/**
 * Longest address list given to one `Worksheet.getRanges` call. Office documents no limit but
 * fails on lists of about 8,200 characters (office-js issue #5198); 2,000 keeps well clear.
 */
export const MAX_AREAS_ADDRESS = 2000;

/** Comma-separated address lists of at most MAX_AREAS_ADDRESS characters (for `getRanges`). */
export const addressLists = (rects: readonly Rect[]): string[] => listsOf(rects, MAX_AREAS_ADDRESS, ",");

interface SheetFormats {
  readonly sheet: Excel.Worksheet;
  readonly formats: Excel.ConditionalFormatCollection;
}

interface Unreadable {
  readonly sheet: string;
  readonly error: unknown;
}

const FORMAT_PROPS = "items/type,items/customOrNullObject/rule/formula";

/** (1)+(2): every sheet with its protection state and conditional formats (type and custom formula). */
async function loadSheetFormats(context: Excel.RequestContext): Promise<{ readable: SheetFormats[]; unreadable: Unreadable[] }> {
  const sheets = context.workbook.worksheets.load("items/name,items/protection/protected");
  await context.sync();
  // The whole sheet's range: its collection holds every conditional format of the sheet.
  const all = sheets.items.map((sheet) => ({ sheet, formats: sheet.getRange().conditionalFormats.load(FORMAT_PROPS) }));
  try {
    await context.sync();
    return { readable: all, unreadable: [] };
  } catch (batchError) {
    // Some sheet's formats cannot be read (office-js #6827, #6835): find which, one sheet a batch.
    const readable: SheetFormats[] = [];
    const unreadable: Unreadable[] = [];
    for (const { sheet } of all) {
      const formats = sheet.getRange().conditionalFormats.load(FORMAT_PROPS);
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- fallback only, one sync per sheet (not per row) to isolate an unreadable sheet
        await context.sync();
        readable.push({ sheet, formats });
      } catch (error) {
        unreadable.push({ sheet: sheet.name, error });
      }
    }
    // The batch failed for a reason no single sheet reproduces: that is not ours to hide.
    if (unreadable.length === 0) throw batchError;
    return { readable, unreadable };
  }
}

/** Never swallowed: the sheets whose marks could not be updated, with Excel's own message. */
function unreadableError(unreadable: readonly Unreadable[]): LiaisonError {
  const detail = unreadable.map((u) => (u.error instanceof Error ? u.error.message : String(u.error))).join("; ");
  return new LiaisonError("marksUnreadable", { sheets: unreadable.map((u) => u.sheet).join("”“"), detail });
}

/** The add-in's own conditional formats among a sheet's (a user's are never returned), lowest priority first. */
function ownMarks(formats: Excel.ConditionalFormatCollection): Excel.ConditionalFormat[] {
  // items are in priority order (highest first); reversed, each deletion moves only formats already deleted.
  return formats.items.filter((cf) => cf.type === "Custom" && cf.customOrNullObject.rule.formula.includes(MARK_SIGNATURE)).reverse();
}

function assertEditable(sheet: Excel.Worksheet): void {
  if (sheet.protection.protected) throw new LiaisonError("sheetProtected", { sheet: sheet.name });
}

export async function clearMarks(context: Excel.RequestContext): Promise<void> {
  const { readable, unreadable } = await loadSheetFormats(context);
  const doomed = readable.map((s) => ({ ...s, marks: ownMarks(s.formats) })).filter((s) => s.marks.length > 0);
  // Refuse before deleting anything: a protected sheet would fail halfway through the batch.
  for (const s of doomed) assertEditable(s.sheet);
  for (const s of doomed) for (const cf of s.marks) cf.delete();
  if (doomed.length > 0) await context.sync();
  if (unreadable.length > 0) throw unreadableError(unreadable);
}

export async function applyMarks(context: Excel.RequestContext, marks: readonly Mark[]): Promise<void> {
  const plan = planMarks(marks);
  const { readable, unreadable } = await loadSheetFormats(context);
  const skipped = new Set(unreadable.map((u) => u.sheet.toLowerCase()));

  // Everything is checked before the first change.
  const targets = plan
    .filter((p) => !skipped.has(p.sheet.toLowerCase()))
    .map((p) => {
      const s = readable.find((x) => x.sheet.name.toLowerCase() === p.sheet.toLowerCase());
      if (!s) throw new LiaisonError("sheetNotFound", { sheet: p.sheet });
      return { sheet: s.sheet, plan: p };
    });
  const old = readable.map((s) => ({ ...s, marks: ownMarks(s.formats) })).filter((s) => s.marks.length > 0);
  for (const s of old) assertEditable(s.sheet);
  for (const t of targets) assertEditable(t.sheet);

  for (const s of old) for (const cf of s.marks) cf.delete();
  const writer = new MarkWriter(context);
  for (const { sheet, plan: p } of targets) {
    // Lowest severity first, so that errors end up at the top priority.
    for (const severity of [...SEVERITIES].reverse()) {
      const rects = p.bySeverity.get(severity);
      if (rects) for (const address of addressLists(rects)) await writer.add(sheet, address, severity);
    }
  }
  if (old.length > 0 || targets.length > 0) await context.sync();
  if (unreadable.length > 0) throw unreadableError(unreadable);
}

/** Queues mark formats, syncing only when a batch reaches MAX_WRITE_BYTES of addresses. */
class MarkWriter {
  private bytes = 0;
  constructor(private readonly context: Excel.RequestContext) {}

  async add(sheet: Excel.Worksheet, address: string, severity: Severity): Promise<void> {
    const size = jsonBytes(address);
    if (this.bytes > 0 && this.bytes + size > MAX_WRITE_BYTES) {
      await this.context.sync(); // one sync per payload chunk (batches.ts), not per mark
      this.bytes = 0;
    }
    const cf = sheet.getRanges(address).conditionalFormats.add("Custom");
    cf.custom.rule.formula = markFormula(severity);
    cf.custom.format.fill.color = MARK_STYLE[severity].fill;
    cf.custom.format.font.color = MARK_STYLE[severity].font;
    this.bytes += size;
  }
}

/** The severity a mark format stands for (its formula names it). */
function severityOf(cf: Excel.ConditionalFormat): Severity | undefined {
  const formula = cf.customOrNullObject.rule.formula;
  return SEVERITIES.find((s) => formula.includes(`${MARK_SIGNATURE}:${s}"`));
}

/**
 * Live validation: replaces the marks on `rows` of one sheet with `marks`; every other row's
 * marks and every format of the user's stay. The cells a severity's marks cover are read back
 * from its formats (`ConditionalFormat.getRanges`, ExcelApi 1.9), the re-checked rows taken out,
 * the new cells put in, and only the severities that change are rewritten (same cells → same
 * formats as `applyMarks` would make). Deletions go bottom-up, as in `applyMarks`.
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
  const formats = sheet.getRange().conditionalFormats.load(FORMAT_PROPS);
  try {
    await context.sync();
  } catch (error) {
    throw unreadableError([{ sheet: sheet.name, error }]);
  }
  const own = ownMarks(formats).map((cf) => ({ cf, severity: severityOf(cf), areas: cf.getRanges().load("address") }));
  if (own.length > 0) await context.sync();

  const current = new Map<Severity, Rect[]>();
  for (const { severity, areas } of own) if (severity) current.set(severity, [...(current.get(severity) ?? []), ...areasOf(areas.address)]);
  const plan = planRowMarks(current, rows, fresh);
  if (plan.changed.size === 0) return;
  assertEditable(sheet);

  // A mark format whose severity cannot be told (edited by hand) goes too: its cells are unknown.
  for (const { cf, severity } of own) if (severity === undefined || plan.changed.has(severity)) cf.delete();
  const writer = new MarkWriter(context);
  for (const severity of [...SEVERITIES].reverse()) {
    const cells = plan.cells.get(severity);
    if (!plan.changed.has(severity) || !cells) continue;
    for (const address of addressLists(mergeCells(cells))) await writer.add(sheet, address, severity);
  }
  await context.sync();
}
