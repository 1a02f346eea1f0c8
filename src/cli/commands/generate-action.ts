import type { DocumentModel } from "../../core/documents";
import { isLiaisonError } from "../../core/errors";
import { renderDocx } from "../../render/docx";
import { XlsxWorkbook } from "../../workbook/exceljs/adapter";
import { openPackage, partsExcelJsDrops, type DroppedPart } from "../../workbook/ooxml/reader";
import { generateDocuments, writeGenerated } from "../../workbook/generate";
import type { CliContext } from "../context";
import { CliError } from "../errors";
import { readInputFile, writeOutputFile } from "../io";
import type { GenerateArgs } from "./generate";

// Loaded only when the command runs (see run.ts): ExcelJS and docx are slow to load.

/**
 * `liaison generate`: the rows `--rows` of the table on `--sheet` become documents, as the add-in
 * makes them from a selection. `.xlsx`: a copy of the workbook with one new sheet per document and
 * the register 文书登记 extended (the same adapter operation as inside Excel). `.docx`: the
 * documents alone; a Word file has no register, so its numbers continue the workbook's register but
 * are not logged anywhere (said on stderr). Skipped rows: one line each on stderr. Anything that
 * stops the command (unknown sheet, rows on no table, no qualifying row, a number in use) is a
 * LiaisonError or CliError: exit 2 with one line, nothing written. The input file is only read.
 */
export async function runGenerateAction(a: GenerateArgs, ctx: CliContext): Promise<number> {
  const { book, dropped } = await loadWorkbook(a.file, ctx);
  // The one place a real clock is read: flags win over the workbook's settings, which win over now.
  const result = await generateDocuments(book, {
    kind: a.kind,
    lang: ctx.lang,
    target: { sheet: a.sheet, rows: a.rows },
    ...(a.today !== undefined ? { today: a.today } : {}),
    ...(a.now !== undefined ? { now: a.now } : {}),
    instant: new Date(),
    onSettingsProblems: (problems) => {
      for (const message of problems) ctx.err(ctx.t("settingsWarning", { message }));
    },
  });
  for (const s of result.skipped) ctx.err(ctx.t("skippedRow", { reason: s.reason }));

  const numbers = numberList(result.documents);
  if (a.outKind === "docx") {
    await writeOutputFile(a.out, await renderDocx(result.documents, { lang: ctx.lang }));
    ctx.out(ctx.t("documentsWrittenDocx", { file: a.out, count: result.documents.length, numbers }));
  } else {
    if (dropped.length > 0)
      ctx.err(ctx.t("copyDropsParts", { parts: dropped.map((d) => ctx.t(`dropped.${d}`)).join(ctx.lang === "zh-CN" ? "、" : ", ") }));
    const sheets = await writeGenerated(book, result);
    await writeOutputFile(a.out, await book.toBuffer());
    ctx.out(ctx.t("documentsWrittenXlsx", { file: a.out, count: sheets.length, numbers, sheets: sheets.map((s) => `“${s}”`).join("、") }));
  }
  return 0;
}

async function loadWorkbook(file: string, ctx: CliContext): Promise<{ book: XlsxWorkbook; dropped: DroppedPart[] }> {
  const bytes = await readInputFile(file);
  try {
    // The package is opened first for its clear words on what is not an .xlsx (.xls, .xlsb, .ods …)
    // and to say what an ExcelJS-written copy will not keep.
    const dropped = partsExcelJsDrops(openPackage(bytes));
    return { book: await XlsxWorkbook.load(bytes), dropped };
  } catch (e) {
    // Name the file in the one line: "book.xlsx:无法读取该文件……".
    if (isLiaisonError(e)) throw new CliError("fileError", { file, message: e.describe(ctx.lang) });
    throw e;
  }
}

const numberList = (docs: readonly DocumentModel[]): string => docs.map((d) => d.number).join(", ");
