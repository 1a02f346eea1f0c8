import { useMemo } from "react";
import { translator, type Params } from "../../core/i18n";
import { documentsPaneMessages, type DocumentsPaneKey } from "../../core/i18n/messages/documents-pane";
import { usePane } from "../context";

/** The 文书 tab's own catalog (documents-pane.ts) in the pane's language. */
export function useDocumentsText(): (key: DocumentsPaneKey, params?: Params) => string {
  const { lang } = usePane();
  return useMemo(() => translator(documentsPaneMessages, lang), [lang]);
}
