import { FluentProvider, Spinner, Text, type Theme, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, lazy, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { type Lang, translator } from "../core/i18n";
import { taskpaneMessages } from "../core/i18n/messages/taskpane";
import type { RangeRef, WorkbookPort } from "../app/port";
import type { CheckRunner } from "../app/runner";
import { LanguageMenu } from "./components/LanguageMenu";
import { localRunner } from "./local-runner";
import { PaneTabs } from "./components/PaneTabs";
import { PaneContext, type PaneEnv, type PaneHost, type WorkbookChange } from "./context";
import { firstRunSeen, markFirstRunSeen } from "./first-run/seen";
import { storeLang } from "./language";
import { readyFor } from "../app/traditional";
import { useLiveValidation } from "./live/useLiveValidation";
import { TABS } from "./tabs";
import { lightTheme } from "./theme";

export interface AppProps {
  readonly port: WorkbookPort;
  /**
   * Where 校验 and the 看板 run their checks. Default: next to `port`, a big check in its own Web
   * Worker (inside Excel). The preview page passes its workbook worker's runner.
   */
  readonly runner?: CheckRunner;
  readonly host: PaneHost;
  /**
   * The language to start in: the stored choice, else Office's display language (inside Excel) or
   * the page's (preview). 中文 / English in the header changes it; a new value from the host wins again.
   */
  readonly lang: Lang;
  /** Told after the person picks another language (the preview page's own chrome follows). */
  readonly onLangChange?: (lang: Lang) => void;
  /** Where the choice is kept: Office's storage partition key inside Excel on the web. */
  readonly storagePartition?: string;
  /** Light or dark after Office's theme (theme.ts: loadTheme); light by default. */
  readonly theme?: Theme;
  /** The preview's grid selection; leave undefined inside Excel (the adapter reads the live one). */
  readonly selection?: RangeRef | null;
  /** Called after every action that changed the workbook (the preview re-renders its grid). */
  readonly onWorkbookChanged?: (change: WorkbookChange) => void;
  /**
   * Which workbook the port shows, where that can change under the pane (the preview opens
   * files): a new one starts live validation again, on the new workbook's tables and settings.
   */
  readonly workbook?: number;
  /** The active worksheet's name where the selection does not tell it (inside Excel). */
  readonly activeSheet?: () => Promise<string | undefined>;
}

/** The first-run introduction: a chunk of its own, downloaded only the one time it is shown. */
const FirstRun = lazy(() => import(/* webpackChunkName: "first-run" */ "./first-run/FirstRun"));

const useStyles = makeStyles({
  // The pane never scrolls sideways: Excel's pane can be as narrow as 320 px.
  provider: {
    height: "100%",
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titleRow: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    paddingLeft: tokens.spacingHorizontalXS,
  },
  // A long title (English, narrow pane) wraps rather than losing its end.
  title: { display: "block", margin: 0, minWidth: 0, overflowWrap: "anywhere" },
  body: { flex: 1, minWidth: 0, overflowY: "auto", overflowX: "hidden", padding: tokens.spacingHorizontalL },
});

/** The task pane: the same component inside Excel (Office.js port) and on the preview page (ExcelJS port). */
export function App(props: AppProps) {
  const { port, host, selection, onWorkbookChanged, activeSheet, onLangChange, storagePartition, theme } = props;
  const ownRunner = useMemo(() => localRunner(port), [port]);
  const workbook = props.workbook ?? 0;
  // The workbook as of the latest render, for a tab's clean-up that runs after its workbook went.
  const latestWorkbook = useRef(workbook);
  useLayoutEffect(() => {
    latestWorkbook.current = workbook;
  }, [workbook]);
  const workbookNow = useCallback(() => latestWorkbook.current, []);
  const runner = props.runner ?? ownRunner;
  const styles = useStyles();
  const [tab, setTab] = useState<string>(TABS[0].id);
  // Shown once: the first time the pane opens for this person (first-run/seen.ts), until skipped.
  const [intro, setIntro] = useState(() => !firstRunSeen(storagePartition));
  useEffect(() => {
    if (intro) markFirstRunSeen(storagePartition);
  }, [intro, storagePartition]);
  // Not in the way (Microsoft's first-run guidance): the introduction belongs to the first tab and
  // goes for good the first time the person opens another one — they have found their way.
  const selectTab = useCallback((next: string) => {
    setTab(next);
    if (next !== TABS[0].id) setIntro(false);
  }, []);
  // The language is the pane's state: every tab reads it from the context and re-renders with it.
  const [lang, setLang] = useState<Lang>(props.lang);
  const [hostLang, setHostLang] = useState<Lang>(props.lang);
  if (props.lang !== hostLang) {
    // The host changed it (the preview's ?lang, a re-render from Office): adopt it during render.
    setHostLang(props.lang);
    setLang(props.lang);
  }
  const changeLang = useCallback(
    (next: Lang) => {
      // 繁體 needs its table first (a small chunk); until it is there the pane stays as it is.
      readyFor(next).then(
        () => {
          setLang(next);
          storeLang(next, storagePartition);
          onLangChange?.(next);
        },
        (e: unknown) => console.error("Liaison: could not load the Traditional Chinese texts.", e),
      );
    },
    [onLangChange, storagePartition],
  );
  // The page's language follows, so screen readers and the browser's CJK font choice do too.
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
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
  const marksChanged = useCallback(() => onWorkbookChanged?.({}), [onWorkbookChanged]);
  const live = useLiveValidation({ runner, lang, revision, workbook, onMarksChanged: marksChanged });
  const env = useMemo<PaneEnv>(
    () => ({
      port,
      runner,
      host,
      lang,
      t,
      selection,
      activeSheet: activeSheet ?? sheetOfSelection,
      workbook,
      workbookNow,
      revision,
      workbookChanged,
      live,
    }),
    [port, runner, host, lang, t, selection, activeSheet, sheetOfSelection, workbook, workbookNow, revision, workbookChanged, live],
  );
  const current = TABS.find((x) => x.id === tab) ?? TABS[0];
  const panelId = `liaison-panel-${current.id}`;

  return (
    <FluentProvider theme={theme ?? lightTheme()} className={styles.provider} lang={lang}>
      <PaneContext.Provider value={env}>
        <header className={styles.header}>
          <div className={styles.titleRow}>
            <Text as="h1" size={300} weight="semibold" className={styles.title}>
              {t("appTitle")}
            </Text>
            <LanguageMenu onChange={changeLang} />
          </div>
          <PaneTabs tabs={TABS} selected={tab} onSelect={selectTab} />
        </header>
        <main className={styles.body} role="tabpanel" id={panelId} aria-labelledby={`liaison-tab-${current.id}`}>
          {intro && current.id === TABS[0].id && (
            <Suspense fallback={null}>
              <FirstRun
                onClose={() => setIntro(false)}
                onGoValidate={() => {
                  setIntro(false);
                  setTab("validate");
                }}
              />
            </Suspense>
          )}
          <Suspense fallback={<Spinner label={t("loading")} />}>
            {/* A new workbook (the preview opened a file) gets the tab afresh: no findings,
                settings or tables of the one before. */}
            <current.Component key={workbook} />
          </Suspense>
        </main>
      </PaneContext.Provider>
    </FluentProvider>
  );
}
