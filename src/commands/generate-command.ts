import type { DocumentKind } from "../core/documents";
import { isLiaisonError } from "../core/errors";
import { translator, type Lang } from "../core/i18n";
import { documentsPaneMessages } from "../core/i18n/messages/documents-pane";
import { generateSheets, type SheetsResult, type SheetsWorkbook } from "../app/generate";
import type { ResultPayload } from "./result-payload";

export interface GenerateCommandDeps {
  readonly port: SheetsWorkbook;
  readonly lang: Lang;
  /** Shows the result to the person (the dialog); resolves when it is closed. */
  readonly show: (payload: ResultPayload) => Promise<void>;
  readonly instant?: Date;
  /** Where a failure that cannot be shown (the dialog itself failed) is reported. */
  readonly log: (error: unknown) => void;
}

/**
 * A 生成… ribbon button (会议纪要, 整改通知书, 催办通知): the pane's "生成工作表" flow on the current
 * selection — sheets and register lines written, the first document shown — then the outcome in
 * the result dialog: the documents made and the rows skipped with their reasons, or the error.
 * `completed` (Office's event.completed) is called exactly once whatever happens, after the
 * dialog closed, as for 校验.
 */
export async function runGenerateCommand(kind: DocumentKind, deps: GenerateCommandDeps, completed: () => void): Promise<void> {
  try {
    let payload: ResultPayload;
    try {
      payload = payloadOfSheets(kind, await generateSheets(deps.port, { kind, lang: deps.lang, instant: deps.instant }), deps.lang);
    } catch (error) {
      deps.log(error);
      payload = payloadOfGenerateError(kind, error, deps.lang);
    }
    await deps.show(payload);
  } catch (error) {
    deps.log(error);
  } finally {
    completed();
  }
}

/** Items listed in the dialog at most, and characters per item: the payload travels in the dialog's URL. */
const MAX_LIST = 6;
const MAX_TEXT = 120;
const cut = (s: string): string => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s);

/** The documents made (numbers, sheets), then the skipped rows with their reasons. */
export function payloadOfSheets(kind: DocumentKind, r: SheetsResult, lang: Lang): ResultPayload {
  const d = translator(documentsPaneMessages, lang);
  const document = d(`kind.${kind}`);
  const sep = d("listSeparator");
  const { documents, skipped, settingsProblems } = r.generated;
  const lines = [
    d("dialogNumbers", { list: documents.map((x) => x.number).join(sep) }),
    d("dialogSheets", { list: r.sheets.join(sep) }),
    d("dialogRegistered"),
  ].map(cut);
  if (settingsProblems.length > 0) lines.push(cut(d("settingsProblems", { list: settingsProblems.join(sep) })));
  const list = skipped.slice(0, MAX_LIST).map((s) => cut(s.reason));
  if (skipped.length > MAX_LIST) list.push(d("dialogMore", { n: skipped.length - MAX_LIST }));
  if (skipped.length > 0) lines.push(d("dialogSkipped", { n: skipped.length }));
  return {
    kind: "message",
    lang,
    title: d("dialogTitle", { document }),
    headline: d("dialogDone", { count: documents.length, document }),
    tone: skipped.length > 0 ? "warning" : "ok",
    lines,
    list,
  };
}

/** Nothing was generated: a LiaisonError's explanation (what to select), or the bug's name and message. */
export function payloadOfGenerateError(kind: DocumentKind, error: unknown, lang: Lang): ResultPayload {
  const d = translator(documentsPaneMessages, lang);
  const document = d(`kind.${kind}`);
  const message = isLiaisonError(error) ? error.describe(lang) : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    kind: "message",
    lang,
    title: d("dialogTitle", { document }),
    headline: d("dialogFailed", { document }),
    tone: "error",
    lines: [cut(message)],
    list: [],
  };
}
