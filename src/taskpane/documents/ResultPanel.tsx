import {
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ErrorBar } from "../components/ErrorBar";
import { usePane } from "../context";
import { useAsyncAction } from "../useAsyncAction";
import type { Outcome } from "./outcome";
import { useDocumentsText } from "./useDocumentsText";
import { downloadWord } from "./word";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignSelf: "stretch" },
  table: { borderCollapse: "collapse", width: "100%" },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  td: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, verticalAlign: "top" },
  number: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: "nowrap" },
  caption: { textAlign: "left" },
  skipped: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * The outcome of one 文书 button: the documents (编号, and for sheets the sheet, a link that goes
 * there), the rows skipped with their reasons, settings problems, and for sheets a Word download
 * of exactly those documents (same, registered, numbers).
 */
export function ResultPanel({ outcome }: { outcome: Exclude<Outcome, { op: "cancelled" }> }) {
  const { port, lang } = usePane();
  const d = useDocumentsText();
  const styles = useStyles();
  const generated = outcome.op === "sheets" ? outcome.result.generated : outcome.generated;
  const sheets = outcome.op === "sheets" ? outcome.result.sheets : undefined;
  const docName = d(`kind.${outcome.kind}`);
  const go = useAsyncAction<[string], void>((sheet) => port.selectCell(sheet, "A1"));
  // The same, registered documents again (no new numbers), in the company's template when there is one.
  const word = useAsyncAction<[], string>(async () =>
    downloadWord(generated.documents, generated.today, lang, (await port.readWordTemplate(outcome.kind))?.bytes),
  );

  return (
    <div className={styles.root} data-testid={`result-${outcome.kind}`}>
      <MessageBar intent="success" layout="multiline" role="status">
        <MessageBarBody>
          {outcome.op === "sheets"
            ? d("sheetsDone", { count: generated.documents.length, document: docName })
            : outcome.template !== undefined
              ? d("wordDoneTemplate", {
                  file: outcome.file,
                  template: outcome.template,
                  count: generated.documents.length,
                  document: docName,
                })
              : d("wordDone", { file: outcome.file, count: generated.documents.length, document: docName })}
        </MessageBarBody>
      </MessageBar>
      <table className={styles.table} data-testid="documents-list">
        <caption className={styles.caption}>
          <Caption1>{d("documentsLabel")}</Caption1>
        </caption>
        <thead>
          <tr>
            <th className={styles.th} scope="col">
              {d("colNumber")}
            </th>
            {sheets && (
              <th className={styles.th} scope="col">
                {d("colSheet")}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {generated.documents.map((doc, i) => (
            <tr key={doc.number}>
              <td className={`${styles.td} ${styles.number}`}>{doc.number}</td>
              {sheets && (
                <td className={styles.td}>
                  <Link as="button" onClick={() => void go.run(sheets[i])} aria-label={d("goToSheet", { sheet: sheets[i] })}>
                    {sheets[i]}
                  </Link>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {outcome.op === "sheets" && (
        <div>
          <Button
            size="small"
            disabled={word.busy}
            icon={word.busy ? <Spinner size="extra-tiny" /> : undefined}
            onClick={() => void word.run()}
          >
            {d("wordOfThese")}
          </Button>
        </div>
      )}
      {!word.busy && word.result !== undefined && <Caption1 role="status">{d("wordOfTheseDone", { file: word.result })}</Caption1>}
      {!word.busy && word.error !== undefined && <ErrorBar error={word.error} />}
      {!go.busy && go.error !== undefined && <ErrorBar error={go.error} />}
      {outcome.op === "sheets" && outcome.result.showError !== undefined && <ErrorBar error={outcome.result.showError} />}
      {generated.skipped.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="skipped">
          <MessageBarBody>
            <MessageBarTitle>{d("skippedTitle", { n: generated.skipped.length })}</MessageBarTitle>
            <ul className={styles.skipped}>
              {generated.skipped.map((s) => (
                <li key={s.row}>{s.reason}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {generated.settingsProblems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{d("settingsProblems", { list: generated.settingsProblems.join(d("listSeparator")) })}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
