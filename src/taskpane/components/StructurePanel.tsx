import { Body1, Button, Caption1, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useId } from "react";
import type { StructureResult } from "../../app/port";
import { usePane } from "../context";
import { templateLabel } from "../template-label";
import { useAsyncAction } from "../useAsyncAction";
import { ErrorBar } from "./ErrorBar";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
  heading: { margin: 0 },
});

/** "结构化选中区域": turns a recognised plain range into an Excel table without changing values. */
export function StructurePanel() {
  const { port, t, lang, selection, host, workbookChanged } = usePane();
  const styles = useStyles();
  const headingId = useId();
  const structure = useCallback(async (): Promise<StructureResult> => {
    // Inside Excel the adapter reads the live selection; the preview passes its grid selection
    // (and the ExcelJS adapter rejects a missing one with a clear message).
    const result = await port.structureRange(selection ?? undefined);
    workbookChanged({ sheet: result.sheet });
    return result;
  }, [port, selection, workbookChanged]);
  const action = useAsyncAction<[], StructureResult>(structure);

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {t("structureTitle")}
      </Subtitle2>
      <Body1>{t("structureIntro")}</Body1>
      {host === "preview" && (
        <Caption1 data-testid="structure-selection">
          {selection ? t("structureSelection", { range: `${selection.sheet}!${selection.address}` }) : t("structureNoSelection")}
        </Caption1>
      )}
      <Button
        appearance="primary"
        disabled={action.busy}
        icon={action.busy ? <Spinner size="extra-tiny" /> : undefined}
        onClick={() => void action.run()}
      >
        {t("structureButton")}
      </Button>
      {!action.busy && action.result && (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>
            {t("structureDone", { ...action.result, template: templateLabel(action.result.templateId, lang) })}
          </MessageBarBody>
        </MessageBar>
      )}
      {!action.busy && action.error !== undefined && <ErrorBar error={action.error} />}
    </section>
  );
}
