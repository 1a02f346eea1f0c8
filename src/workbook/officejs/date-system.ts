/**
 * Whether the workbook counts dates from 1904 (`Workbook.use1904DateSystem`, ExcelApi 1.16:
 * https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-use1904datesystem-member).
 * Queued with a reader's first batch (no sync of its own); read after that sync. Below ExcelApi
 * 1.16 the host cannot say, and the workbook is taken to use the 1900 system, Excel's default.
 */
/** The property as ExcelApi 1.16 has it (this project's office-js typings predate it). */
interface WorkbookDateSystem {
  load(property: "use1904DateSystem"): WorkbookDateSystem;
  readonly use1904DateSystem?: boolean;
}

export function queueDateSystem(context: Excel.RequestContext): () => boolean {
  if (!hostSupports("1.16")) return () => false;
  const wb = (context.workbook as unknown as WorkbookDateSystem).load("use1904DateSystem");
  return () => wb.use1904DateSystem === true;
}

function hostSupports(version: string): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?(n: string, v: string): boolean } } } }).Office;
  return office?.context?.requirements?.isSetSupported?.("ExcelApi", version) === true;
}
