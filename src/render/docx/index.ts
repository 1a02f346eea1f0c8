/**
 * Word renderer of Liaison's documents: DocumentModel[] → one .docx, each document in its own
 * section (new page, its own footer with its number, page numbers restarting at 1).
 *
 * Runs in Node and in the browser (no Node APIs: `Packer.pack(..., "uint8array")` exists in both).
 * The task pane loads this module with `import()` so the docx package stays in its own chunk.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  TextRun,
  type ISectionOptions,
} from "docx";
import PizZip from "pizzip";
import type { DocumentModel } from "../../core/documents/model";
import { DEFAULT_LANG, translator, type Lang } from "../../core/i18n";
import { renderMessages } from "../../core/i18n/messages/render";
import { renderBlock, type BlockState, type BlockText } from "./blocks";
import { FONT, FONT_TABLE, LETTERHEAD_RED, LINE, MARGIN, PAGE, SIZE } from "./theme";
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
  const head: Paragraph[] = [];
  if (doc.letterhead) {
    // 红头: the company's name in red over a red rule (the 发文机关标志 companies imitate).
    head.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: 240, line: 440 },
        border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: LETTERHEAD_RED, space: 6 } },
        children: textRuns(doc.letterhead, {
          font: "title",
          size: SIZE.letterhead,
          bold: true,
          color: LETTERHEAD_RED,
          characterSpacing: 40,
        }),
      }),
    );
  }
  head.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: doc.subtitle ? 60 : 240, line: 400 },
      // Short titles (整改通知书) are letter-spaced, as printed notices set them.
      children: textRuns(doc.title, {
        font: "title",
        size: SIZE.title,
        bold: true,
        characterSpacing: [...doc.title].length <= 6 ? 80 : undefined,
      }),
    }),
  );
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
    // 主送: flush left, no indent, on its own line before the body.
    head.push(
      new Paragraph({
        spacing: { before: 0, after: 120, line: LINE.body },
        children: textRuns(doc.addressee),
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
  return withFontTable(await Packer.pack(document, "uint8array"));
}

const xmlAttr = (v: string): string => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * The `docx` package writes an empty font table; Word then knows nothing of a missing font but its
 * name. The table from FONT_TABLE describes each (other name, GB2312, PANOSE), as Word's own files
 * do, so Word and WPS substitute a like typeface.
 */
export function withFontTable(bytes: Uint8Array): Uint8Array {
  const zip = new PizZip(bytes);
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${xmlAttr(f.name)}">${f.altName ? `<w:altName w:val="${xmlAttr(f.altName)}"/>` : ""}` +
      `<w:panose1 w:val="${f.panose}"/><w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join("");
  zip.file(
    "word/fontTable.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
      `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`,
  );
  return zip.generate({ type: "uint8array", compression: "DEFLATE" });
}
