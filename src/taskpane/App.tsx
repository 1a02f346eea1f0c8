import { FluentProvider, Spinner, Tab, TabList, Text, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { Suspense, useCallback, useMemo, useState } from "react";
import { type Lang, translator } from "../core/i18n";
import { taskpaneMessages } from "../core/i18n/messages/taskpane";
import type { RangeRef, WorkbookPort } from "../workbook/port";
import { PaneContext, type PaneEnv, type PaneHost, type WorkbookChange } from "./context";
import { TABS } from "./tabs";

export interface AppProps {
  readonly port: WorkbookPort;
  readonly host: PaneHost;
  readonly lang: Lang;
  /** The preview's grid selection; leave undefined inside Excel (the adapter reads the live one). */
  readonly selection?: RangeRef | null;
  /** Called after every action that changed the workbook (the preview re-renders its grid). */
  readonly onWorkbookChanged?: (change: WorkbookChange) => void;
  /** The active worksheet's name where the selection does not tell it (inside Excel). */
  readonly activeSheet?: () => Promise<string | undefined>;
}

const useStyles = makeStyles({
  provider: { height: "100%", display: "flex", flexDirection: "column", backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { display: "block", marginBottom: tokens.spacingVerticalXS },
  body: { flex: 1, overflowY: "auto", padding: tokens.spacingHorizontalL },
});

/** The task pane: the same component inside Excel (Office.js port) and on the preview page (ExcelJS port). */
export function App({ port, host, lang, selection, onWorkbookChanged, activeSheet }: AppProps) {
  const styles = useStyles();
  const [tab, setTab] = useState<string>(TABS[0].id);
  const [revision, setRevision] = useState(0);
  const t = useMemo<PaneEnv["t"]>(() => translator(taskpaneMessages, lang), [lang]);
  const workbookChanged = useCallback(
    (change: WorkbookChange) => {
      setRevision((r) => r + 1);
      onWorkbookChanged?.(change);
    },
    [onWorkbookChanged],
  );
  const sheetOfSelection = useCallback(async () => selection?.sheet, [selection]);
  const env = useMemo<PaneEnv>(
    () => ({ port, host, lang, t, selection, activeSheet: activeSheet ?? sheetOfSelection, revision, workbookChanged }),
    [port, host, lang, t, selection, activeSheet, sheetOfSelection, revision, workbookChanged],
  );
  const current = TABS.find((x) => x.id === tab) ?? TABS[0];
  const panelId = `liaison-panel-${current.id}`;

  return (
    <FluentProvider theme={webLightTheme} className={styles.provider} lang={lang}>
      <PaneContext.Provider value={env}>
        <header className={styles.header}>
          <Text as="h1" size={400} weight="semibold" className={styles.title}>
            {t("appTitle")}
          </Text>
          <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(String(data.value))} aria-label={t("tabsLabel")}>
            {TABS.map((x) => (
              <Tab key={x.id} value={x.id} id={`liaison-tab-${x.id}`} aria-controls={`liaison-panel-${x.id}`}>
                {t(x.label)}
              </Tab>
            ))}
          </TabList>
        </header>
        <main className={styles.body} role="tabpanel" id={panelId} aria-labelledby={`liaison-tab-${current.id}`}>
          <Suspense fallback={<Spinner label={t("loading")} />}>
            <current.Component />
          </Suspense>
        </main>
      </PaneContext.Provider>
    </FluentProvider>
  );
}
