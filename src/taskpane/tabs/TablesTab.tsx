import { Divider, makeStyles, tokens } from "@fluentui/react-components";
import { StructurePanel } from "../components/StructurePanel";
import { TablesPanel } from "../components/TablesPanel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

/** Tab 表格: structure a typed range, and list the tables the workbook already has. */
export function TablesTab() {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <StructurePanel />
      <Divider />
      <TablesPanel />
    </div>
  );
}
