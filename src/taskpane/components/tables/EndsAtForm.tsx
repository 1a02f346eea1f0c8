import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { FoundTable } from "../../../core/layout/types";
import { dataRowsOf } from "../../../core/layout/types";
import { usePane } from "../../context";

const useStyles = makeStyles({
  form: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  input: { width: "7em" },
});

/**
 * "表格到此为止": the last data row, typed as a row number (a table may have thousands of rows,
 * too many for a list). Only a data row of this table is accepted; the core checks it again.
 */
export function EndsAtForm(props: { table: FoundTable; busy: boolean; onEndsAt: (row: number) => void }) {
  const { t } = usePane();
  const styles = useStyles();
  const rows = dataRowsOf(props.table);
  const [text, setText] = useState("");
  const [bad, setBad] = useState(false);
  if (rows.length < 2) return null;
  const submit = (): void => {
    const row = Number(text.trim());
    if (!Number.isInteger(row) || !rows.includes(row)) {
      setBad(true);
      return;
    }
    setBad(false);
    props.onEndsAt(row);
  };
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field
        label={t("fixEndsAtRow")}
        validationMessage={bad ? t("fixBadRow") : undefined}
        validationState={bad ? "error" : "none"}
        size="small"
      >
        <Input
          className={styles.input}
          size="small"
          inputMode="numeric"
          value={text}
          placeholder={String(rows[rows.length - 1])}
          onChange={(_, d) => setText(d.value)}
        />
      </Field>
      <Button
        size="small"
        type="submit"
        disabled={props.busy || text.trim() === ""}
        aria-label={t("fixEndsAtLabel", { sheet: props.table.sheet, row: props.table.headerRow })}
      >
        {t("fixEndsAt")}
      </Button>
    </form>
  );
}
