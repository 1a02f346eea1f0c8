import { REGISTER_SHEET } from "../../core/documents/model";
import { LiaisonError } from "../../core/errors";
import { uniqueSheetName } from "../../core/names";
import { planLayout } from "../layout-plan";
import type { DocumentToWrite } from "../../app/port";
import { numberInUse } from "../../core/documents/register-rows";
import { jsonBytes } from "./batches";
import { loadRegister, queueRegisterAppend, registerProbe } from "./register";
import { queueLayout } from "./sheet-layout-apply";

/**
 * Writes documents in one command (one `Excel.run`):
 *   sync 1 — sheet names and the register sheet (with its protection);
 *   syncs 2–3 — the register's extent and numbers (none without a register);
 *   then the refusals, before any change: a number already registered or repeated, a protected register;
 *   last sync — every document sheet (text format first, then text, merges, styles, widths,
 *   heights, page layout) and the register lines.
 * The syncs do not grow with the number of documents or fields: the documents share the last
 * batch, which is cut only when its requests would pass DOCUMENT_BATCH_BYTES (one more sync per
 * ~55 one-page documents). Should Office fail half-way, the sheets this command added are removed
 * before the error goes on.
 */

/**
 * Request budget of one batch of documents. Office refuses requests or responses over 5 MB
 * (`RequestPayloadSizeLimitExceeded`, Excel on the web:
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 * Counted with Office's JSON per operation (each names its object path and action, ~120 bytes —
 * the double's OP_OVERHEAD_BYTES), a one-page notice's batch costs ~80 KB, about 4× the estimate
 * below; 2.4 MB of estimate holds ~55 notices and keeps the real batch near 4 MB.
 */
export const DOCUMENT_BATCH_BYTES = 2_400_000;
/** Requests per byte of layout JSON, rounded up from the measured 3.6 (arguments alone). */
const REQUEST_BYTES_PER_LAYOUT_BYTE = 4;
export async function writeDocuments(context: Excel.RequestContext, docs: readonly DocumentToWrite[]): Promise<string[]> {
  const plans = docs.map((d) => (d.layout ? planLayout(d.layout) : undefined));
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/name");
  const tables = wb.tables.load("items/name");
  const probe = registerProbe(wb);
  await context.sync();
  const register = await loadRegister(context, probe);

  const inUse = numberInUse(
    register.entries.map((e) => e.number),
    docs.map((d) => d.entry),
  );
  if (inUse !== undefined) throw new LiaisonError("documentNumberInUse", { number: inUse });
  if (!probe.isNullObject && probe.protection.protected) throw new LiaisonError("sheetProtected", { sheet: probe.name });
  if (docs.length === 0) return [];

  const taken = [...sheets.items.map((s) => s.name), REGISTER_SHEET];
  const names = docs.map((d) => {
    if (!d.layout) return "";
    const name = uniqueSheetName(d.layout.sheetName, taken);
    taken.push(name);
    return name;
  });

  const added: string[] = [];
  try {
    let bytes = 0;
    for (let i = 0; i < docs.length; i++) {
      const layout = docs[i].layout;
      const plan = plans[i];
      if (!layout || !plan) continue;
      // Requests carry the text (values), a format per cell, styles by area and the page settings.
      const size = REQUEST_BYTES_PER_LAYOUT_BYTE * jsonBytes(layout);
      if (bytes > 0 && bytes + size > DOCUMENT_BATCH_BYTES) {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload chunk (batches.ts), not per document
        await context.sync();
        bytes = 0;
      }
      added.push(names[i]);
      queueLayout(wb.worksheets.add(names[i]), layout, plan);
      bytes += size;
    }
    if (probe.isNullObject) added.push(REGISTER_SHEET);
    queueRegisterAppend(
      wb,
      probe.isNullObject ? undefined : probe,
      register,
      docs.map((d, i) => ({ ...d.entry, documentSheet: names[i] })),
      tables.items.map((t) => t.name),
    );
    await context.sync();
  } catch (e) {
    await removeSheetsAfterFailure(context, added, e);
    throw e;
  }
  return names;
}

/** Removes the sheets this command added (names it saw free a moment before), in two syncs. */
async function removeSheetsAfterFailure(context: Excel.RequestContext, names: readonly string[], failure: unknown): Promise<void> {
  try {
    const probes = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
    await context.sync();
    for (const p of probes) if (!p.isNullObject) p.delete();
    await context.sync();
  } catch (cleanup) {
    // Both errors matter: the first says what went wrong, the second that sheets are still there.
    throw new AggregateError([failure, cleanup], `Removing the half-written document sheets failed after an error`);
  }
}
