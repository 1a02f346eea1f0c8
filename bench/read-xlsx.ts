import * as ExcelJS from "exceljs";

/**
 * The baseline of part 2, run as its own process: ExcelJS merely reading the bench workbook
 * (`new ExcelJS.Workbook().xlsx.readFile`), nothing else. Prints the rows it saw, so a broken
 * file cannot pass for a fast one.
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error("usage: read-xlsx <file.xlsx>");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows = wb.worksheets.reduce((n, ws) => n + ws.actualRowCount, 0);
  process.stdout.write(`${JSON.stringify({ rows })}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
