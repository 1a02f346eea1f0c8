import type * as ExcelJS from "exceljs";
import { REGISTER_SHEET } from "../../core/documents/model";
import { LiaisonError } from "../../core/errors";
import { uniqueSheetName } from "../../core/names";
import { planLayout } from "../layout-plan";
import type { DocumentToWrite } from "../../app/port";
import { numberInUse } from "../../core/documents/register-rows";
import { appendRegister, readRegister } from "./register";
import { applyLayout } from "./sheet-layout-apply";

/**
 * Adds one sheet per document (a fresh, unique name: an existing sheet is never touched) and logs
 * each in the register. Everything that can refuse — a number already registered or repeated, an
 * unreadable register, a malformed layout — is checked before the first change; should ExcelJS
 * still fail half-way (a bug), the sheets added so far are removed again before the error goes on.
 */
export function writeDocuments(wb: ExcelJS.Workbook, docs: readonly DocumentToWrite[]): string[] {
  const inUse = numberInUse(
    readRegister(wb).map((e) => e.number),
    docs.map((d) => d.entry),
  );
  if (inUse !== undefined) throw new LiaisonError("documentNumberInUse", { number: inUse });
  const plans = docs.map((d) => (d.layout ? planLayout(d.layout) : undefined));

  const taken = [...wb.worksheets.map((ws) => ws.name), REGISTER_SHEET];
  const names = docs.map((d) => {
    if (!d.layout) return "";
    const name = uniqueSheetName(d.layout.sheetName, taken);
    taken.push(name);
    return name;
  });
  if (docs.length === 0) return [];

  const before = new Set(wb.worksheets.map((ws) => ws.id));
  try {
    docs.forEach((d, i) => {
      const plan = plans[i];
      if (d.layout && plan) applyLayout(wb.addWorksheet(names[i]), d.layout, plan);
    });
    appendRegister(
      wb,
      docs.map((d, i) => ({ ...d.entry, documentSheet: names[i] })),
    );
  } catch (e) {
    for (const ws of [...wb.worksheets]) if (!before.has(ws.id)) wb.removeWorksheet(ws.id);
    throw e;
  }
  return names;
}
