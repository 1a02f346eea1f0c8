import type { DocumentKind, DocumentModel } from "../../core/documents";
import { translator, type Lang } from "../../core/i18n";
import { documentsPaneMessages } from "../../core/i18n/messages/documents-pane";

/**
 * Word files in the pane. The renderers (`docx`, and docxtemplater with PizZip for a company's own
 * template) are loaded with import() on first use, so each is a chunk of its own that neither the
 * pane's first script nor the 文书 tab's chunk carries.
 */

/** The .docx MIME type (kept here so the pane need not load the renderer to name it). */
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** `ZG-2024Q2-001.docx` for one document, `文书-2024-10-08.docx` for several. */
export function wordFileName(docs: readonly Pick<DocumentModel, "number">[], today: string, lang: Lang): string {
  if (docs.length === 1) return `${docs[0].number}.docx`;
  return translator(documentsPaneMessages, lang)("wordFileMany", { date: today });
}

/** The documents as one .docx: Liaison's layout, or `template` (the company's own) filled in. */
export async function renderWord(docs: readonly DocumentModel[], lang: Lang, template?: Uint8Array): Promise<Uint8Array> {
  if (template) {
    const { fillUserTemplate } = await import(/* webpackChunkName: "user-template" */ "../../render/docx/user-template");
    return fillUserTemplate(template, docs);
  }
  const { renderDocx } = await import(/* webpackChunkName: "render-docx" */ "../../render/docx");
  return renderDocx(docs, { lang });
}

/** Checks a company template before it is kept: a LiaisonError names any placeholder Liaison cannot fill. */
export async function checkTemplate(bytes: Uint8Array, kind: DocumentKind): Promise<void> {
  const { checkUserTemplate } = await import(/* webpackChunkName: "user-template" */ "../../render/docx/user-template");
  checkUserTemplate(bytes, kind);
}

/** Renders already registered documents again (the sheets' "下载这些文书的 Word"): no new numbers. */
export async function downloadWord(docs: readonly DocumentModel[], today: string, lang: Lang, template?: Uint8Array): Promise<string> {
  const file = wordFileName(docs, today, lang);
  saveBlob(new Blob([(await renderWord(docs, lang, template)) as BlobPart], { type: DOCX_MIME }), file);
  return file;
}

/** Hands bytes to the browser as a download; returns the file name. */
export function saveWord(bytes: Uint8Array, docs: readonly DocumentModel[], today: string, lang: Lang): string {
  const file = wordFileName(docs, today, lang);
  saveBlob(new Blob([bytes as BlobPart], { type: DOCX_MIME }), file);
  return file;
}

/** The usual anchor download (Excel on the web, WebView2 and the preview page all honour it). */
function saveBlob(blob: Blob, file: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = file;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
