import { Button, Caption1, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { DocumentKind } from "../../core/documents";
import type { StoredWordTemplate } from "../../core/documents/word-template-store";
import { ErrorBar } from "../components/ErrorBar";
import { usePane } from "../context";
import { useAsyncAction } from "../useAsyncAction";
import { useDocumentsText } from "./useDocumentsText";
import { checkTemplate } from "./word";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  line: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  hidden: { display: "none" },
});

/**
 * The company's own Word template for one kind of document, kept in the workbook (hidden sheet,
 * see core `word-template-store.ts`) so everyone who opens the file uses it. A template is checked
 * before it is kept: a placeholder Liaison cannot fill is named and nothing is stored.
 */
export function TemplatePanel({ kind }: { kind: DocumentKind }) {
  const { port, revision } = usePane();
  const d = useDocumentsText();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const load = useAsyncAction<[], StoredWordTemplate | undefined>(() => port.readWordTemplate(kind), { whileBusy: "rerun" });
  const save = useAsyncAction<[File | undefined], string>(async (file) => {
    if (!file) {
      await port.writeWordTemplate(kind, undefined);
      return d("templateRemoved");
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    await checkTemplate(bytes, kind);
    await port.writeWordTemplate(kind, { name: file.name, bytes });
    return d("templateSaved", { name: file.name });
  });
  const { run } = load;
  useEffect(() => {
    void run();
  }, [run, port, revision, save.result]);

  const current = load.result;
  return (
    <div className={styles.root} role="group" aria-label={d("templateTitle")} data-testid={`template-${kind}`}>
      <Caption1>{current ? d("templateInUse", { name: current.name }) : d("templateNone")}</Caption1>
      <div className={styles.line}>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          aria-label={d("templateUpload")}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void save.run(file);
          }}
        />
        <Button
          size="small"
          disabled={save.busy}
          icon={save.busy ? <Spinner size="extra-tiny" /> : undefined}
          onClick={() => input.current?.click()}
        >
          {current ? d("templateReplace") : d("templateUpload")}
        </Button>
        {current && (
          <Button size="small" appearance="subtle" disabled={save.busy} onClick={() => void save.run(undefined)}>
            {d("templateRemove")}
          </Button>
        )}
      </div>
      {!current && <Caption1>{d("templateHelp", { example: d(`templateExample.${kind}`) })}</Caption1>}
      {!save.busy && save.result !== undefined && <Caption1 role="status">{save.result}</Caption1>}
      {!save.busy && save.error !== undefined && <ErrorBar error={save.error} />}
      {!load.busy && load.error !== undefined && <ErrorBar error={load.error} />}
    </div>
  );
}
