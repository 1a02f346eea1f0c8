import { Badge, Body1, Button, Caption1, Spinner, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useId } from "react";
import type { FoundTable } from "../../app/port";
import { usePane } from "../context";
import { templateLabel } from "../template-label";
import { useAsyncAction } from "../useAsyncAction";
import { ErrorBar } from "./ErrorBar";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  head: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  line: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** The tables found by template (findTables): sheet, template, rows, kind; reloads after each change. */
export function TablesPanel() {
  const { port, t, revision } = usePane();
  const styles = useStyles();
  const headingId = useId();
  const action = useAsyncAction<[], FoundTable[]>(() => port.findTables(), { whileBusy: "rerun" });
  const { run } = action;

  // Load on first show and after every change the pane made (insert, structure).
  useEffect(() => {
    void run();
  }, [run, port, revision]);

  const tables = action.result;
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
      {tables === undefined && action.error === undefined && !action.busy && <Body1>{t("tablesNotLoaded")}</Body1>}
      {tables !== undefined && tables.length === 0 && <Body1 data-testid="tables-empty">{t("tablesEmpty")}</Body1>}
      {tables !== undefined && tables.length > 0 && (
        <>
          <Caption1 role="status">{t("tablesCount", { n: tables.length })}</Caption1>
          <ul className={styles.list} data-testid="tables-list">
            {tables.map((table) => (
              <TableItem key={`${table.sheet}!${table.address}`} table={table} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function TableItem({ table }: { table: FoundTable }) {
  const { t, lang } = usePane();
  const styles = useStyles();
  return (
    <li className={styles.item}>
      <div className={styles.line}>
        <Text weight="semibold">{templateLabel(table.templateId, lang)}</Text>
        <Badge appearance="tint" color={table.kind === "table" ? "brand" : "warning"}>
          {table.kind === "table" ? t("kindTable") : t("kindRange")}
        </Badge>
      </div>
      <Caption1>
        {table.tableName
          ? t("tablesLineNamed", { sheet: table.sheet, address: table.address, table: table.tableName, rows: table.rows })
          : t("tablesLine", { sheet: table.sheet, address: table.address, rows: table.rows })}
      </Caption1>
      {table.missingRequired.length > 0 && (
        <Caption1 className={styles.warn}>{t("tablesMissing", { columns: table.missingRequired.join(t("listSeparator")) })}</Caption1>
      )}
    </li>
  );
}
