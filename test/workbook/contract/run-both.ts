import { LiaisonError } from "../../../src/core/errors";
import type { WorkbookModel } from "../../doubles/excel-double";
import { useExcelDouble } from "../officejs/setup";
import { viaExcelJs, viaOffice, type Subject, type WorkbookSetup } from "./adapters";

/** What a step gave: its value, or the LiaisonError key it was refused with (anything else is a bug and throws). */
export type Outcome<T> = { readonly ok: T } | { readonly refused: string; readonly params: Readonly<Record<string, unknown>> };

export async function outcome<T>(p: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: await p };
  } catch (e) {
    if (e instanceof LiaisonError) return { refused: e.key, params: { ...e.params } };
    throw e;
  }
}

/**
 * Runs `scenario` once per adapter on the same workbook and returns both results: the ExcelJS
 * adapter's, and the Office adapter's on the strict double. Tests expect them equal, then pin
 * what they must be. Call at the top of a describe (it installs the double around each test).
 */
export function bothAdapters(): <T>(setup: WorkbookSetup, scenario: (s: Subject) => Promise<T>) => Promise<{ exceljs: T; officejs: T }> {
  const double = useExcelDouble("Blank");
  return async (setup, scenario) => {
    const exceljs = await scenario(await viaExcelJs(setup));
    const model: WorkbookModel = double.model;
    const office = viaOffice(model, setup);
    if (setup.sheets.length > 0) model.deleteSheet(model.sheet("Blank"));
    const officejs = await scenario(office);
    return { exceljs, officejs };
  };
}
