import { Badge, Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { FoundTable } from "../../../core/layout/types";
import { usePane } from "../../context";
import { templateLabel } from "../../template-label";
import { EndsAtForm } from "./EndsAtForm";
import { dataRange } from "./layout-view";
import { SkippedRows } from "./SkippedRows";

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  line: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
});

export interface TableActions {
  readonly busy: boolean;
  readonly select: (sheet: string, address: string) => void;
  readonly rowIsData: (table: FoundTable, row: number) => void;
  readonly endsAt: (table: FoundTable, row: number) => void;
  readonly notATable: (table: FoundTable) => void;
}

/** One table as the locator understood it: where, which template, header rows, data range, skipped rows; and its corrections. */
export function TableItem({ table, actions }: { table: FoundTable; actions: TableActions }) {
  const { t, lang } = usePane();
  const styles = useStyles();
  const headerRows = table.headerRows ?? 1;
  const data = dataRange(table);
  return (
    <li className={styles.item} data-testid="table-item">
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
      <Caption1>
        {headerRows > 1
          ? t("tablesHeaderRows", { from: table.headerRow, to: table.headerRow + headerRows - 1 })
          : t("tablesHeaderRow", { row: table.headerRow })}
        {" · "}
        {data ? t("tablesDataRange", { range: data, rows: table.rows }) : t("tablesNoData")}
      </Caption1>
      {table.missingRequired.length > 0 && (
        <Caption1 className={styles.warn}>{t("tablesMissing", { columns: table.missingRequired.join(t("listSeparator")) })}</Caption1>
      )}
      <Text size={200} weight="semibold">
        {t("tablesSkippedTitle", { n: table.skippedRows?.length ?? 0 })}
      </Text>
      <SkippedRows
        table={table}
        busy={actions.busy}
        onSelect={(address) => actions.select(table.sheet, address)}
        onRowIsData={(row) => actions.rowIsData(table, row)}
      />
      <div className={styles.actions}>
        <EndsAtForm table={table} busy={actions.busy} onEndsAt={(row) => actions.endsAt(table, row)} />
        <Button
          size="small"
          disabled={actions.busy}
          aria-label={t("fixNotATableLabel", { sheet: table.sheet, row: table.headerRow })}
          onClick={() => actions.notATable(table)}
        >
          {t("fixNotATable")}
        </Button>
      </div>
    </li>
  );
}
