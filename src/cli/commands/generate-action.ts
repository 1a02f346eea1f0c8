import type { DocumentModel } from "../../core/documents";
import { isLiaisonError } from "../../core/errors";
import type { Lang } from "../../core/i18n";
import { renderDocx } from "../../render/docx";
import { checkUserTemplate, fillUserTemplate } from "../../render/docx/user-template";
import { OoxmlWorkbook } from "../../workbook/ooxml/workbook";
import { generateFile, generateSheets, type Generated, type RunOptions } from "../../app/generate";
import { copyExtensionFits } from "../copy-type";
import type { CliContext } from "../context";
import { CliError } from "../errors";
import { readInputFile, writeOutputFile } from "../io";
import type { GenerateArgs } from "./generate";
import { docxToPdf, findSoffice } from "./generate-pdf";

// Loaded only when the command runs (see run.ts): docx is slow to load.

/**
 * `liaison generate`: the rows `--rows` of the table on `--sheet` become documents, as the add-in
 * makes them from a selection.
 * - `.xlsx` (`.xlsm` …, the input's own type): a copy of the workbook with one new sheet per
 *   document and the register 文书登记 extended, written by patching the original package — every
 *   other part (charts, pivots, macros, pictures, comments) carried over byte for byte.
 * - `.docx` / `.pdf`: the documents alone — Liaison's layout, or the company's own Word template
 *   (`--template`) — and their numbers recorded in the input workbook's register, as the add-in
 *   records a Word download: a number is given out once, whichever way it went out. The register
 *   is the only change to the input (patched as the copies are: nothing else of it changes), written after the documents are ready and before they are
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
  const book = await loadWorkbook(a.file, ctx);
  // A copy keeps its package's type: an .xlsm copied to .xlsx would not open in Excel.
  if (a.outKind === "xlsx") copyExtensionFits(book, a.out);
  // The one place a real clock is read: flags win over the workbook's settings, which win over now.
  const opts: Omit<RunOptions, "confirm"> = {
    kind: a.kind,
    lang: ctx.lang,
    target: { sheet: a.sheet, rows: a.rows },
    ...(a.today !== undefined ? { today: a.today } : {}),
    ...(a.now !== undefined ? { now: a.now } : {}),
    instant: new Date(),
    onSettingsProblems: (problems) => {
      for (const message of problems) ctx.err(ctx.t("settingsWarning", { message }));
    },
  };
  const said = (g: Generated): void => {
    for (const s of g.skipped) ctx.err(ctx.t("skippedRow", { reason: s.reason }));
    for (const r of g.repeats) ctx.err(ctx.t("repeatNotice", { message: r.message }));
  };

  if (a.outKind === "xlsx") {
    // The copy is the original package patched: new sheets and register lines, every other part as it was.
    const { generated, sheets } = await generateSheets(book, opts);
    said(generated);
    const copy = book.toBuffer();
    await writeOutputFile(a.out, copy.bytes);
    ctx.out(
      ctx.t("documentsWrittenXlsx", {
        file: a.out,
        count: sheets.length,
        numbers: numberList(generated.documents, ctx.lang),
        sheets: sheets.map((s) => `“${s}”`).join("、"),
      }),
    );
    if (copy.signatureInvalidated) ctx.err(ctx.t("signatureInvalidated", { file: a.out }));
    return 0;
  }

  // Everything that can refuse happens before the first write: the template, the rendering, the PDF.
  const word = (docs: readonly DocumentModel[]): Promise<Uint8Array> =>
    template !== undefined ? Promise.resolve(fillUserTemplate(template, docs)) : renderDocx(docs, { lang: ctx.lang });
  const file = await generateFile(book, {
    ...opts,
    render: async (documents) => {
      const all = await word(documents);
      if (a.outKind !== "pdf") return all;
      const each = documents.length > 1 ? await Promise.all(documents.map((d) => word([d]))) : [all];
      return docxToPdf(all, each);
    },
  });
  // Never undefined: nothing asks to confirm a repeat here.
  if (!file) throw new Error("generateFile returned nothing without a confirm");
  said(file.generated);
  // The register lines go into the input workbook, patched: its charts, pivots, macros… stay.
  const patched = book.toBuffer();
  await writeOutputFile(a.file, patched.bytes);
  await writeOutputFile(a.out, file.bytes);
  ctx.out(
    ctx.t("documentsWrittenWord", {
      file: a.out,
      count: file.generated.documents.length,
      numbers: numberList(file.generated.documents, ctx.lang),
      book: a.file,
    }),
  );
  if (patched.signatureInvalidated) ctx.err(ctx.t("signatureInvalidatedInput", { file: a.file }));
  return 0;
}

async function loadWorkbook(file: string, ctx: CliContext): Promise<OoxmlWorkbook> {
  const bytes = await readInputFile(file);
  try {
    // Clear words for what is not an .xlsx (.xls, .xlsb, .ods …) come from the reader.
    return OoxmlWorkbook.load(bytes);
  } catch (e) {
    // Name the file in the one line: "book.xlsx：无法读取该文件……".
    if (isLiaisonError(e)) throw new CliError("fileError", { file, message: e.describe(ctx.lang) });
    throw e;
  }
}

const numberList = (docs: readonly DocumentModel[], lang: Lang): string => docs.map((d) => d.number).join(lang === "en-US" ? ", " : "、");
