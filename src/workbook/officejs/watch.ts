import { MAX_ROWS, parseRange } from "../../core/a1";
import { REGISTER_SHEET } from "../../core/documents/model";
import { type SheetChange } from "../../app/port";
import { SETTINGS_SHEET } from "../../core/settings/sheet";

/**
 * Live validation in Excel: the person's edits come from `worksheets.onChanged` (ExcelApi 1.9,
 * every sheet, sheets added later too); the add-in's own writes must not come back as edits.
 *
 * Own writes: while this runtime watches, every command that writes (marks, settings, templates,
 * structuring, documents) runs `quietly`, which turns the runtime's events off
 * (`context.runtime.enableEvents`, ExcelApi 1.8) in the same batch as its first write and back on
 * in a `finally` (one sync more). Excel then raises nothing to this add-in for them — robust where
 * a flag could not be: events arrive later than the write, and a flag cannot tell them from a
 * person's edit in between. Commands may overlap, so a count keeps events off until the last one
 * ends. The price: a person's edit made during those few hundred milliseconds is not heard (the
 * next edit of that row, or a Check, catches it). `enableEvents` covers this runtime only: the
 * ribbon commands run in their own runtime (manifest FunctionFile), so as a second guard an event
 * that names this add-in as its trigger (`triggerSource` "ThisLocalAddin", ExcelApi 1.14, where
 * the host reports it) is ignored. Marks never cause events (format changes do not raise
 * `onChanged`), so no re-check can trigger another.
 *
 * Co-authors: an edit with `source` "Remote" is ignored. The marks are part of the document and
 * reach every co-author; if each person's add-in also re-checked the others' edits, two add-ins
 * would rewrite the same sheet's mark formats at once and could duplicate or drop marks. Each
 * person's add-in marks that person's edits; a Check covers everything.
 */

let quietCommands = 0;
/** Live subscriptions in this runtime: with none, there is no one to keep quiet for. */
let watchers = 0;

/**
 * Runs an add-in write with the runtime's events off while someone in this runtime watches
 * changes; events come back on when the last overlapping write ends. That costs one sync more;
 * with nobody watching, the write runs as it is (same syncs as ever).
 */
export async function quietly<T>(context: Excel.RequestContext, write: () => Promise<T>): Promise<T> {
  if (watchers === 0 && quietCommands === 0) return write();
  quietCommands++;
  context.runtime.enableEvents = false; // queued: applied with the write's first sync, before its changes
  const restore = async (): Promise<void> => {
    quietCommands--;
    if (quietCommands > 0) return;
    context.runtime.enableEvents = true;
    await context.sync();
  };
  let result: T;
  try {
    result = await write();
  } catch (error) {
    // Not swallowed: a failure to restore is attached to the write's own error, which matters more to the person.
    await restore().catch((restoreError: unknown) => {
      if (typeof error === "object" && error !== null) Object.assign(error, { restoreError });
    });
    throw error;
  }
  await restore();
  return result;
}

/** Above this many rows a change is treated as "everything" (a whole column pasted or cleared). */
export const MAX_LISTED_ROWS = 10_000;

const SHIFTING = new Set(["RowInserted", "RowDeleted", "CellInserted", "CellDeleted", "ColumnInserted", "ColumnDeleted"]);

/**
 * Sheets only the add-in writes (the settings sheet, the register 文书登记): never a person's
 * edit to re-check. On hosts below ExcelApi 1.14 an event has no `triggerSource`
 * (https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs#excel-excel-worksheetchangedeventargs-triggersource-member),
 * and the ribbon's commands run in their own runtime, where this pane's `enableEvents` does not
 * reach: their writes (register lines; new document sheets, which hold no table to check) would
 * otherwise come back here as edits.
 */
const ADDIN_SHEETS = new Set([SETTINGS_SHEET.toLowerCase(), REGISTER_SHEET.toLowerCase()]);

/** The rows an event names, or `all` when rows moved or are too many to list; undefined: not a person's local edit. */
export function changeOf(
  sheet: string,
  event: Pick<Excel.WorksheetChangedEventArgs, "address" | "changeType" | "source"> & { triggerSource?: string },
): SheetChange | undefined {
  if (event.source === "Remote" || event.triggerSource === "ThisLocalAddin") return undefined;
  if (ADDIN_SHEETS.has(sheet.toLowerCase())) return undefined;
  if (SHIFTING.has(event.changeType)) return { sheet, rows: [], all: true };
  const rect = parseRange(event.address);
  if (!rect) return { sheet, rows: [], all: true };
  const count = rect.bottom - rect.top + 1;
  if (count > MAX_LISTED_ROWS || rect.bottom >= MAX_ROWS) return { sheet, rows: [], all: true };
  return { sheet, rows: Array.from({ length: count }, (_, i) => rect.top + i), all: false };
}

/**
 * Subscribes to every sheet's changes. An event names its sheet by id; the name is looked up in a
 * batch of its own (one sync) — in order, so changes reach the listener in the order made.
 */
export async function watchChanges(
  listener: (change: SheetChange) => void,
  onError: (error: unknown) => void,
): Promise<() => Promise<void>> {
  let chain: Promise<void> = Promise.resolve();
  const handle = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
    const sheet = await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(event.worksheetId).load("name");
      await context.sync();
      return ws.isNullObject ? undefined : ws.name;
    });
    if (sheet === undefined) return; // the sheet is gone: nothing left to check
    const change = changeOf(sheet, event);
    if (change) listener(change);
  };
  const registration = await Excel.run(async (context) => {
    const result = context.workbook.worksheets.onChanged.add(async (event) => {
      if (event.source === "Remote" || (event as { triggerSource?: string }).triggerSource === "ThisLocalAddin") return;
      chain = chain.then(() => handle(event)).catch(onError);
      await chain;
    });
    await context.sync();
    return result;
  });
  watchers++;
  let removed = false;
  return async () => {
    if (removed) return;
    removed = true;
    watchers--;
    // A handler is removed in the context that added it.
    await Excel.run(registration.context, async (context) => {
      registration.remove();
      await context.sync();
    });
  };
}
