import { LiaisonError, isLiaisonError } from "../../core/errors";

/**
 * A workbook opened read-only (Excel on the web in view mode, a file another person has open, a
 * read-only file). Excel does not say so in its errors — a write then fails with a general error
 * code that varies by platform — so a write that fails is followed by one question to Excel,
 * `Workbook.readOnly` (ExcelApi 1.8), and reported as LiaisonError `workbookReadOnly` when it is.
 * Not checked before writing: Excel for Windows/Mac lets a person edit a workbook opened read-only
 * (it cannot be saved under its name), and the add-in's writes then succeed as well.
 * Nothing is half-written: in a read-only workbook the first write of a command already fails.
 */
export async function writing<T>(write: () => Promise<T>, isReadOnly: () => Promise<boolean> = workbookIsReadOnly): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isLiaisonError(error)) throw error;
    let readOnly: boolean;
    try {
      readOnly = await isReadOnly();
    } catch (probeError) {
      // The write's own error matters more to the person; the probe's travels with it.
      if (typeof error === "object" && error !== null) Object.assign(error, { readOnlyProbeError: probeError });
      throw error;
    }
    if (readOnly) throw Object.assign(new LiaisonError("workbookReadOnly"), { cause: error });
    throw error;
  }
}

export function workbookIsReadOnly(): Promise<boolean> {
  return Excel.run(async (context) => {
    const workbook = context.workbook.load("readOnly");
    await context.sync();
    return workbook.readOnly;
  });
}
