import type { DocumentModel } from "../../core/documents";
import { isLiaisonError } from "../../core/errors";
import type { Lang } from "../../core/i18n";
import { renderDocx } from "../../render/docx";
import { checkUserTemplate, fillUserTemplate } from "../../render/docx/user-template";
import { XlsxWorkbook } from "../../workbook/exceljs/adapter";
import { openPackage, partsExcelJsDrops, type DroppedPart } from "../../workbook/ooxml/reader";
import { generateDocuments, registerOnly, writeGenerated } from "../../workbook/generate";
import type { CliContext } from "../context";
import { CliError } from "../errors";
import { readInputFile, writeOutputFile } from "../io";
import type { GenerateArgs } from "./generate";
import { docxToPdf, findSoffice } from "./generate-pdf";

// Loaded only when the command runs (see run.ts): ExcelJS and docx are slow to load.

/**
 * `liaison generate`: the rows `--rows` of the table on `--sheet` become documents, as the add-in
 * makes them from a selection.
 * - `.xlsx`: a copy of the workbook with one new sheet per document and the register 文书登记
 *   extended (the same adapter operation as inside Excel).
 * - `.docx` / `.pdf`: the documents alone — Liaison's layout, or the company's own Word template
 *   (`--template`) — and their numbers recorded in the input workbook's register, as the add-in
 *   records a Word download: a number is given out once, whichever way it went out. The register
 *   is the only change to the input, written after the documents are ready and before they are
 *   saved (a failed save then leaves a gap in the numbers, never a repeat).
 * A second notice for a supplier and period already registered is made, and said on stderr.
 * Skipped rows: one line each on stderr. Anything that stops the command (unknown sheet, rows on
 * no table, no qualifying row, a number in use, a bad template, no LibreOffice for a PDF) is a
 * LiaisonError or CliError: exit 2 with one line, nothing written.
 */
export async function runGenerateAction(a: GenerateArgs, ctx: CliContext): Promise<number> {
  // What can be refused without the workbook is refused first, alone: the template, LibreOffice.
  const template = a.template !== undefined ? await readInputFile(a.template) : undefined;
  if (template !== undefined) checkUserTemplate(template, a.kind);
  if (a.outKind === "pdf" && findSoffice() === undefined) throw new CliError("pdfNeedsLibreOffice", {});
  const { book, dropped } = await loadWorkbook(a.file, ctx);
  // Word and PDF record their numbers in the input workbook, which ExcelJS rewrites whole: a
  // workbook whose charts, pivots, macros… ExcelJS would drop is refused before anything is
  // written (nothing lost), with the way out (an .xlsx copy keeps the original untouched).
  if (a.outKind !== "xlsx" && dropped.length > 0)
    throw new CliError("registerWouldDropParts", { file: a.file, parts: partList(dropped, ctx) });
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
  for (const r of result.repeats) ctx.err(ctx.t("repeatNotice", { message: r.message }));

  const numbers = numberList(result.documents, ctx.lang);
  if (a.outKind === "xlsx") {
    if (dropped.length > 0) ctx.err(ctx.t("copyDropsParts", { parts: partList(dropped, ctx) }));
    const sheets = await writeGenerated(book, result);
    await writeOutputFile(a.out, await book.toBuffer());
    ctx.out(ctx.t("documentsWrittenXlsx", { file: a.out, count: sheets.length, numbers, sheets: sheets.map((s) => `“${s}”`).join("、") }));
    return 0;
  }

  // Everything that can refuse happens before the first write: the template, the rendering, the PDF.
  const word = (docs: readonly DocumentModel[]): Promise<Uint8Array> =>
    template !== undefined ? Promise.resolve(fillUserTemplate(template, docs)) : renderDocx(docs, { lang: ctx.lang });
  const all = await word(result.documents);
  let bytes = all;
  if (a.outKind === "pdf") {
    const each = result.documents.length > 1 ? await Promise.all(result.documents.map((d) => word([d]))) : [all];
    bytes = docxToPdf(all, each);
  }
  await registerOnly(book, result);
  await writeOutputFile(a.file, await book.toBuffer());
  await writeOutputFile(a.out, bytes);
  ctx.out(ctx.t("documentsWrittenWord", { file: a.out, count: result.documents.length, numbers, book: a.file }));
  return 0;
}

const partList = (dropped: readonly DroppedPart[], ctx: CliContext): string =>
  dropped.map((d) => ctx.t(`dropped.${d}`)).join(ctx.lang === "en-US" ? ", " : "、");

async function loadWorkbook(file: string, ctx: CliContext): Promise<{ book: XlsxWorkbook; dropped: DroppedPart[] }> {
  const bytes = await readInputFile(file);
  try {
    // The package is opened first for its clear words on what is not an .xlsx (.xls, .xlsb, .ods …)
    // and to say what an ExcelJS-written copy will not keep.
    const dropped = partsExcelJsDrops(openPackage(bytes));
    return { book: await XlsxWorkbook.load(bytes), dropped };
  } catch (e) {
    // Name the file in the one line: "book.xlsx：无法读取该文件……".
    if (isLiaisonError(e)) throw new CliError("fileError", { file, message: e.describe(ctx.lang) });
    throw e;
  }
}

const numberList = (docs: readonly DocumentModel[], lang: Lang): string => docs.map((d) => d.number).join(lang === "en-US" ? ", " : "、");
