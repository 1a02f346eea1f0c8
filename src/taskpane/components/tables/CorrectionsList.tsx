import { Badge, Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CORRECTIONS_SHEET } from "../../../core/layout/corrections-sheet";
import type { TaskpaneKey } from "../../../core/i18n/messages/taskpane";
import type { CorrectionState, LayoutCorrection } from "../../../app/layout-port";
import { usePane } from "../../context";
import { correctionKey } from "./layout-view";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  stale: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** The corrections the workbook stores, each with whether it applied, and its undo. */
export function CorrectionsList(props: {
  corrections: readonly CorrectionState[];
  unreadable: readonly number[];
  storedSheet?: string;
  busy: boolean;
  onUndo: (c: LayoutCorrection) => void;
}) {
  const { t } = usePane();
  const styles = useStyles();
  if (props.corrections.length === 0 && props.unreadable.length === 0) return null;
  return (
    <div className={styles.root} data-testid="corrections">
      <Text weight="semibold">{t("correctionsTitle", { n: props.corrections.length })}</Text>
      <Caption1>{t("correctionsIntro", { sheet: props.storedSheet ?? CORRECTIONS_SHEET })}</Caption1>
      <ul className={styles.list}>
        {props.corrections.map((s) => {
          const c = s.correction;
          const where =
            c.row === undefined
              ? t("correctionLine", { sheet: c.sheet, headerRow: c.headerRow })
              : t("correctionLineRow", { sheet: c.sheet, headerRow: c.headerRow, row: c.row });
          const what = t(`correction.${c.kind}` as TaskpaneKey);
          return (
            <li key={correctionKey(s)} className={styles.item} data-testid="correction">
              <Text size={200}>
                {what} · {where}
              </Text>
              <Badge appearance="tint" color={s.status === "applied" ? "success" : "warning"}>
                {s.status === "applied" ? t("correctionApplied") : t("correctionStale")}
              </Badge>
              <Button
                size="small"
                appearance="subtle"
                disabled={props.busy}
                aria-label={t("correctionUndoLabel", { what: `${what} · ${where}` })}
                onClick={() => props.onUndo(c)}
              >
                {t("correctionUndo")}
              </Button>
            </li>
          );
        })}
      </ul>
      {props.unreadable.length > 0 && (
        <Caption1 className={styles.stale}>{t("correctionsUnreadable", { rows: props.unreadable.join(t("listSeparator")) })}</Caption1>
      )}
    </div>
  );
}
