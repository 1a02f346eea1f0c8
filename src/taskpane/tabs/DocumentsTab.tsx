import { Body1, Button, Caption1, Divider, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback } from "react";
import type { DocumentKind } from "../../core/documents";
import { ErrorBar } from "../components/ErrorBar";
import { usePane } from "../context";
import { DOCUMENT_KINDS, type Op, type Outcome } from "../documents/outcome";
import { RegisterPanel } from "../documents/RegisterPanel";
import { RemindPanel } from "../documents/RemindPanel";
import { ResultPanel } from "../documents/ResultPanel";
import { generateSheets, generateWordFile } from "../documents/run";
import { TemplatePanel } from "../documents/TemplatePanel";
import { useConfirmRepeats } from "../documents/useConfirmRepeats";
import { useDocumentsText } from "../documents/useDocumentsText";
import { saveWord } from "../documents/word";
import { useAsyncAction } from "../useAsyncAction";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: { margin: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  // The buttons name their document (the visible text is the accessible name, as speech input
  // needs): long in English, so they wrap inside a narrow pane instead of pushing it sideways.
  button: { maxWidth: "100%", whiteSpace: "normal", textAlign: "start" },
  note: { color: tokens.colorNeutralForeground3 },
});

/**
 * Tab 文书: documents from the selected rows. Each kind has "生成…工作表" (print-ready sheets, through
 * the flow the ribbon buttons share) and "下载…的 Word 文件" (a .docx in Liaison's layout or the
 * company's own template kept in the workbook); both record their numbers in the register, and
 * both ask first when a document repeats one sent before. The outcome shows under the kind that
 * made it; the register below reloads after every change.
 */
export function DocumentsTab() {
  const { port, lang, host, selection, workbookChanged } = usePane();
  const d = useDocumentsText();
  const styles = useStyles();

  const [confirm, asking] = useConfirmRepeats();
  const act = useCallback(
    async (op: Op, kind: DocumentKind): Promise<Outcome> => {
      if (op === "sheets") {
        const result = await generateSheets(port, { kind, lang, confirm });
        if (!result) return { op: "cancelled", kind };
        workbookChanged({ sheet: result.sheets[0] });
        return { op, kind, result };
      }
      const word = await generateWordFile(port, { kind, lang, confirm });
      if (!word) return { op: "cancelled", kind };
      workbookChanged({});
      const file = saveWord(word.bytes, word.generated.documents, word.generated.today, lang);
      return { op, kind, generated: word.generated, file, ...(word.template !== undefined ? { template: word.template } : {}) };
    },
    [port, lang, workbookChanged, confirm],
  );
  const action = useAsyncAction<[Op, DocumentKind], Outcome>(act);
  const [pressedOp, pressedKind] = action.args ?? [];

  return (
    <div className={styles.root}>
      <Body1>{d("intro")}</Body1>
      <Caption1 className={styles.note}>{d("wordNote")}</Caption1>
      {host === "preview" && (
        <Caption1 data-testid="documents-selection">
          {selection ? d("selection", { range: `${selection.sheet}!${selection.address}` }) : d("noSelection")}
        </Caption1>
      )}
      {DOCUMENT_KINDS.map((kind) => {
        const title = d(`kind.${kind}`);
        const spinning = (op: Op) => action.busy && pressedOp === op && pressedKind === kind;
        return (
          <section key={kind} className={styles.card} aria-labelledby={`liaison-doc-${kind}`} data-testid={`doc-${kind}`}>
            <Subtitle2 as="h2" id={`liaison-doc-${kind}`} className={styles.heading}>
              {title}
            </Subtitle2>
            <Caption1>{d(`from.${kind}`)}</Caption1>
            <div className={styles.buttons}>
              <Button
                appearance="primary"
                disabled={action.busy}
                className={styles.button}
                icon={spinning("sheets") ? <Spinner size="extra-tiny" /> : undefined}
                onClick={() => void action.run("sheets", kind)}
              >
                {d("generateSheets", { document: title })}
              </Button>
              <Button
                disabled={action.busy}
                className={styles.button}
                icon={spinning("word") ? <Spinner size="extra-tiny" /> : undefined}
                onClick={() => void action.run("word", kind)}
              >
                {d("downloadWord", { document: title })}
              </Button>
            </div>
            <TemplatePanel kind={kind} />
            {action.busy && pressedKind === kind && asking}
            {action.busy && pressedKind === kind && !asking && (
              <Caption1 role="status" aria-live="polite">
                {d("busy")}
              </Caption1>
            )}
            {!action.busy && pressedKind === kind && action.error !== undefined && <ErrorBar error={action.error} />}
            {!action.busy && action.result?.kind === kind && pressedKind === kind && action.result.op === "cancelled" && (
              <Caption1 role="status">{d("cancelled")}</Caption1>
            )}
            {!action.busy && action.result?.kind === kind && pressedKind === kind && action.result.op !== "cancelled" && (
              <ResultPanel key={resultKey(action.result)} outcome={action.result} />
            )}
          </section>
        );
      })}
      <RemindPanel />
      <Divider />
      <RegisterPanel />
    </div>
  );
}

/** A fresh panel (its own Word download state) for every new outcome. */
const resultKey = (o: Exclude<Outcome, { op: "cancelled" }>): string =>
  `${o.op}:${(o.op === "sheets" ? o.result.generated : o.generated).documents.map((x) => x.number).join(",")}`;
