import type { DocumentModel } from "../../core/documents";
import { translator, type Lang } from "../../core/i18n";
import { documentsPaneMessages } from "../../core/i18n/messages/documents-pane";

/**
 * "下载 Word": the documents rendered to one .docx and handed to the browser as a download. The
 * renderer (and the `docx` package) is loaded with import() on first use, so it is a chunk of its
 * own that neither the pane's first script nor the 文书 tab's chunk carries.
 */

/** `ZG-2024Q2-001.docx` for one document, `文书-2024-10-08.docx` for several. */
export function wordFileName(docs: readonly Pick<DocumentModel, "number">[], today: string, lang: Lang): string {
  if (docs.length === 1) return `${docs[0].number}.docx`;
  return translator(documentsPaneMessages, lang)("wordFileMany", { date: today });
}

/** Renders the documents and starts the download; resolves with the file name once the browser has it. */
export async function downloadWord(docs: readonly DocumentModel[], today: string, lang: Lang): Promise<string> {
  const { renderDocx, DOCX_MIME } = await import(/* webpackChunkName: "render-docx" */ "../../render/docx");
  const bytes = await renderDocx(docs, { lang });
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
