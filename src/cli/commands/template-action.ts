import { insertTemplates } from "../../app/insert-templates";
import { XlsxWorkbook } from "../../workbook/exceljs/adapter";
import type { CliContext } from "../context";
import { writeOutputFile } from "../io";
import type { TemplateArgs } from "./template";

// Loaded only when the command runs (see run.ts): ExcelJS takes a third of a second to load,
// which `--help` and argument errors need not wait for.

/**
 * Builds a new workbook, one sheet per template, and writes it to `--out`. An existing file at
 * `--out` is replaced (the usual meaning of an output option); `template` reads no input, so
 * there is no input to protect.
 */
export async function runTemplate(a: TemplateArgs, ctx: CliContext): Promise<number> {
  const book = XlsxWorkbook.create();
  const { inserted, error } = await insertTemplates(book, a.ids, a.examples);
  if (error !== undefined) throw error;
  const results = inserted.map((r, i) => ({ id: a.ids[i], ...r }));
  await writeOutputFile(a.out, await book.toBuffer());
  ctx.out(ctx.t("templateWritten", { file: a.out, count: results.length }));
  for (const r of results) {
    ctx.out(ctx.t("templateLine", { id: r.id, sheet: r.sheet, table: r.table, address: r.address, rows: r.rows }));
  }
  return 0;
}
