/**
 * Word renderer of Liaison's documents: DocumentModel[] → one .docx, each document in its own
 * section (new page, its own footer with its number, page numbers restarting at 1).
 *
 * Runs in Node and in the browser (no Node APIs: `Packer.pack(..., "uint8array")` exists in both).
 * The task pane loads this module with `import()` so the docx package stays in its own chunk.
 */
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, SectionType, TextRun, type ISectionOptions } from "docx";
import type { DocumentModel } from "../../core/documents/model";
import { DEFAULT_LANG, translator, type Lang } from "../../core/i18n";
import { renderMessages } from "../../core/i18n/messages/render";
import { renderBlock, type BlockState, type BlockText } from "./blocks";
import { FONT, LINE, MARGIN, PAGE, SIZE } from "./theme";
import { chineseNumeral, runProps, textRuns } from "./text";

export interface RenderDocxOptions {
  /** Language of the renderer's own strings (cut line, page counter, heading numerals). */
  readonly lang?: Lang;
}

/** The .docx MIME type, for downloads and Office.js file dialogs. */
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function blockText(lang: Lang): BlockText {
  const t = translator(renderMessages, lang);
  return {
    colon: t("colon"),
    cutLine: t("cutLine"),
    emptyTable: t("emptyTable"),
    headingNumber: (n) => t("headingNumber", { n: lang === "zh-CN" ? chineseNumeral(n) : n }),
  };
}

/**
 * The footer line: the document's footer text (which carries its number; the number is put in
 * front when it does not) and "第 X 页 / 共 Y 页". Page numbers restart in every section, so each
 * document counts from 1. The total is NUMPAGES when the file holds one document and SECTIONPAGES
 * when it holds several (each document counts its own pages). The two agree for one document,
 * and NUMPAGES is also the one other programs understand (LibreOffice 7 leaves SECTIONPAGES blank).
 */
function footer(doc: DocumentModel, lang: Lang, alone: boolean): Footer {
  const t = translator(renderMessages, lang);
  const text =
    doc.footer === "" ? doc.number : doc.footer.includes(doc.number) ? doc.footer : doc.number + t("footerSeparator") + doc.footer;
  const style = { size: SIZE.footer };
  const counter = t("pageCounter")
    .split(/(\{page\}|\{total\})/)
    .filter((part) => part !== "")
    .map((part) =>
      part === "{page}"
        ? new TextRun({ ...runProps(style), children: [PageNumber.CURRENT] })
        : part === "{total}"
          ? new TextRun({ ...runProps(style), children: [alone ? PageNumber.TOTAL_PAGES : PageNumber.TOTAL_PAGES_IN_SECTION] })
          : new TextRun({ ...runProps(style), text: part }),
    );
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [...textRuns(text + t("footerSeparator"), style), ...counter],
      }),
    ],
  });
}

function section(doc: DocumentModel, lang: Lang, t: BlockText, alone: boolean): ISectionOptions {
  const state: BlockState = { headings: 0 };
  const head: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: doc.subtitle ? 60 : 240, line: 400 },
      // Short titles (整改通知书) are letter-spaced, as printed notices set them.
      children: textRuns(doc.title, {
        font: "heading",
        size: SIZE.title,
        bold: true,
        characterSpacing: [...doc.title].length <= 6 ? 80 : undefined,
      }),
    }),
  ];
  if (doc.subtitle) {
    head.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: 240, line: LINE.body },
        children: textRuns(doc.subtitle, { size: SIZE.subtitle }),
      }),
    );
  }
  if (doc.addressee) {
    head.push(
      new Paragraph({
        spacing: { before: 0, after: 120, line: LINE.body },
        children: textRuns(doc.addressee, { bold: true }),
      }),
    );
  }
  return {
    properties: {
      type: SectionType.NEXT_PAGE,
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: MARGIN,
        pageNumbers: { start: 1 },
      },
    },
    footers: { default: footer(doc, lang, alone) },
    children: [...head, ...doc.blocks.flatMap((b) => renderBlock(b, state, t))],
  };
}

/** One .docx holding `docs` in order, each starting on a new page. */
export async function renderDocx(docs: readonly DocumentModel[], opts: RenderDocxOptions = {}): Promise<Uint8Array> {
  // Callers pass the documents they just built; none at all is a bug upstream, not user input.
  if (docs.length === 0) throw new Error("renderDocx: no documents to render");
  const lang = opts.lang ?? DEFAULT_LANG;
  const t = blockText(lang);
  const document = new Document({
    creator: "Liaison",
    title: docs.length === 1 ? docs[0].title : docs.map((d) => d.number).join(", "),
    styles: {
      default: {
        document: {
          run: { font: FONT.body, size: SIZE.body, language: { value: lang === "zh-CN" ? "zh-CN" : "en-US", eastAsia: "zh-CN" } },
          paragraph: { spacing: { line: LINE.body } },
        },
      },
    },
    sections: docs.map((d) => section(d, lang, t, docs.length === 1)),
  });
  return Packer.pack(document, "uint8array");
}
