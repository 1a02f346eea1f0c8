import { parseRange } from "../../core/a1";
import { LiaisonError } from "../../core/errors";

/**
 * Clicking a finding: activates its sheet and selects its cell (a range address works too).
 * Two syncs: (1) does the sheet exist, is it visible; (2) activate and select. A hidden sheet
 * cannot be activated, and unhiding it would change the workbook, so that is refused instead.
 */
export async function selectCell(context: Excel.RequestContext, sheetName: string, cell: string): Promise<void> {
  const r = parseRange(cell);
  if (!r || (r.sheet !== undefined && r.sheet.toLowerCase() !== sheetName.toLowerCase()))
    throw new LiaisonError("invalidAddress", { address: cell });
  const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName).load("name,visibility");
  await context.sync();
  if (sheet.isNullObject) throw new LiaisonError("sheetNotFound", { sheet: sheetName });
  if (sheet.visibility !== "Visible") throw new LiaisonError("sheetHidden", { sheet: sheet.name });
  // Without its sheet part: the address is resolved on `sheet`.
  sheet.activate();
  sheet.getRange(cell.slice(cell.lastIndexOf("!") + 1)).select();
  await context.sync();
}
