/**
 * Undoing a half-done command. Office applies a batch operation by operation, so a failure late
 * in a batch (a bug, or the workbook changing under us) can leave a new sheet behind. Called only
 * for a name the command saw free a moment before, so a sheet of that name is the one it added.
 */
export async function removeSheetAfterFailure(context: Excel.RequestContext, sheetName: string, failure: unknown): Promise<void> {
  try {
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
    await context.sync();
    if (sheet.isNullObject) return;
    sheet.delete();
    await context.sync();
  } catch (cleanup) {
    // Both errors matter: the first says what went wrong, the second that the sheet is still there.
    throw new AggregateError([failure, cleanup], `Removing the half-built sheet "${sheetName}" failed after an error`);
  }
}
