import { Body1, Button, Caption1, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useId, useMemo } from "react";
import type { FoundTable } from "../../app/port";
import type { CorrectionRequest, LayoutCorrection, WorkbookLayout } from "../../app/layout-port";
import { usePane } from "../context";
import { useAsyncAction } from "../useAsyncAction";
import { ErrorBar } from "./ErrorBar";
import { CorrectionsList } from "./tables/CorrectionsList";
import { TableItem, type TableActions } from "./tables/TableItem";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  head: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** A change to the stored corrections: one added (by request) or one undone. */
type Edit = { readonly add: CorrectionRequest } | { readonly remove: LayoutCorrection };

/**
 * The tables as the locator understood them (readLayout): per table its sheet, template, header
 * rows, data range and skipped rows with the reason, and the corrections a person can make —
 * "这一行是数据", "表格到此为止", "这不是表格" — stored in the workbook, listed with their state and
 * undoable. Reloads after every change the pane made (insert, structure, a correction).
 */
export function TablesPanel() {
  const { port, t, revision, workbookChanged } = usePane();
  const styles = useStyles();
  const headingId = useId();
  const action = useAsyncAction<[], WorkbookLayout>(() => port.readLayout(), { whileBusy: "rerun" });
  const { run } = action;

  // Load on first show and after every change the pane made (insert, structure, correction).
  useEffect(() => {
    void run();
  }, [run, port, revision]);

  const edit = useAsyncAction<[Edit], void>(async (e) => {
    if ("add" in e) await port.addLayoutCorrection(e.add);
    else await port.removeLayoutCorrection(e.remove);
    // The list reloads (revision), the preview redraws; the next check reads the stored corrections.
    workbookChanged({});
  });
  const select = useAsyncAction<[string, string], void>((sheet, address) => port.selectCell(sheet, address), { whileBusy: "rerun" });
  const editRun = edit.run;
  const selectRun = select.run;

  const add = useCallback((req: CorrectionRequest) => void editRun({ add: req }), [editRun]);
  const actions: TableActions = useMemo(
    () => ({
      busy: edit.busy,
      select: (sheet, address) => void selectRun(sheet, address),
      rowIsData: (table: FoundTable, row) =>
        add({ kind: "row-is-data", sheet: table.sheet, headerRow: table.headerRow, firstColumn: table.firstColumn, row }),
      endsAt: (table: FoundTable, row) =>
        add({ kind: "table-ends", sheet: table.sheet, headerRow: table.headerRow, firstColumn: table.firstColumn, row }),
      notATable: (table: FoundTable) =>
        add({ kind: "not-a-table", sheet: table.sheet, headerRow: table.headerRow, firstColumn: table.firstColumn }),
    }),
    [edit.busy, selectRun, add],
  );

  const layout = action.result;
  const tables = layout?.tables;
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.head}>
        <Subtitle2 as="h2" id={headingId} className={styles.heading}>
          {t("tablesTitle")}
        </Subtitle2>
        <Button
          size="small"
          disabled={action.busy}
          icon={action.busy ? <Spinner size="extra-tiny" /> : undefined}
          onClick={() => void run()}
        >
          {t("tablesRefresh")}
        </Button>
      </div>
      <Caption1>{t("tablesIntro")}</Caption1>
      {action.error !== undefined && !action.busy && <ErrorBar error={action.error} />}
      {edit.error !== undefined && !edit.busy && <ErrorBar error={edit.error} />}
      {select.error !== undefined && !select.busy && <ErrorBar error={select.error} />}
      {edit.args !== undefined && !edit.busy && edit.error === undefined && (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>{t("correctionDone")}</MessageBarBody>
        </MessageBar>
      )}
      {tables === undefined && action.error === undefined && !action.busy && <Body1>{t("tablesNotLoaded")}</Body1>}
      {tables !== undefined && tables.length === 0 && <Body1 data-testid="tables-empty">{t("tablesEmpty")}</Body1>}
      {tables !== undefined && tables.length > 0 && (
        <>
          <Caption1 role="status">{t("tablesCount", { n: tables.length })}</Caption1>
          <ul className={styles.list} data-testid="tables-list">
            {tables.map((table) => (
              <TableItem key={`${table.sheet}!${table.address}`} table={table} actions={actions} />
            ))}
          </ul>
        </>
      )}
      {layout && (
        <CorrectionsList
          corrections={layout.corrections}
          unreadable={layout.unreadable}
          storedSheet={layout.storedSheet}
          busy={edit.busy}
          onUndo={(c) => void editRun({ remove: c })}
        />
      )}
    </section>
  );
}
