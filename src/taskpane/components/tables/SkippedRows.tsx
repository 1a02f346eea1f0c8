import { Button, Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import type { FoundTable } from "../../../core/layout/types";
import type { TaskpaneKey } from "../../../core/i18n/messages/taskpane";
import { usePane } from "../../context";
import { dataCandidates, rowAddress, skippedLines } from "./layout-view";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  reason: { color: tokens.colorNeutralForeground2 },
});

/**
 * A table's skipped rows with the reason, each clickable (selects the row in Excel or on the
 * preview grid), each but a blank one with "这一行是数据".
 */
export function SkippedRows(props: {
  table: FoundTable;
  busy: boolean;
  onSelect: (address: string) => void;
  onRowIsData: (row: number) => void;
}) {
  const { t } = usePane();
  const styles = useStyles();
  const lines = skippedLines(props.table.skippedRows ?? []);
  const candidates = dataCandidates(props.table);
  if (lines.length === 0) return <Caption1>{t("tablesSkippedNone")}</Caption1>;
  return (
    <ul
      className={styles.list}
      aria-label={t("tablesSkippedTitle", { n: props.table.skippedRows?.length ?? 0 })}
      data-testid="skipped-rows"
    >
      {lines.map((line) => (
        <li key={line.from} className={styles.row} data-testid={`skipped-${line.from}`}>
          <Link as="button" title={t("tablesSelectRowTitle")} onClick={() => props.onSelect(rowAddress(props.table, line.from))}>
            {line.from === line.to ? t("tablesSkippedRow", { row: line.from }) : t("tablesSkippedRows", { from: line.from, to: line.to })}
          </Link>
          <Caption1 className={styles.reason}>{t(`reason.${line.reason}` as TaskpaneKey)}</Caption1>
          {candidates.has(line.from) && (
            <Button
              size="small"
              disabled={props.busy}
              aria-label={t("fixRowIsDataLabel", { row: line.from })}
              onClick={() => props.onRowIsData(line.from)}
            >
              {t("fixRowIsData")}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
