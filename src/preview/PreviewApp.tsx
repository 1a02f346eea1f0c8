import {
  Button,
  Caption1,
  FluentProvider,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Text,
  Toolbar,
  type Theme,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type ChangeEvent, type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type Rect, cellAddress, parseRange, rangeAddress } from "../core/a1";
import { isLiaisonError } from "../core/errors";
import { type Lang, translator } from "../core/i18n";
import { previewMessages } from "../core/i18n/messages/preview";
import { liveMessages } from "../core/i18n/messages/live";
import { App } from "../taskpane/App";
import type { WorkbookChange } from "../taskpane/context";
import { lightTheme } from "../taskpane/theme";
import type { RangeRef } from "../app/port";
import { Grid } from "./Grid";
import { OpeningProgress, ProgressStore } from "./open-progress";
import { SAMPLE_RANGE, SAMPLE_SHEET } from "./sample";
import { type GridCell, type Selection, cellSelection, selectionRect } from "./selection";
import { useSheetView } from "./use-sheet-view";
import type { SheetTab } from "./worker/host";
import { RemoteWorkbook } from "./worker/remote-workbook";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PANE_WIDTH = 380;

const useStyles = makeStyles({
  page: {
    height: "100vh",
    display: "grid",
    gridTemplateColumns: `minmax(0, 1fr) ${PANE_WIDTH}px`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  workbook: { display: "flex", flexDirection: "column", minWidth: 0, minHeight: 0 },
  titleBar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: "#217346",
    color: "#ffffff",
  },
  toolbar: { backgroundColor: tokens.colorNeutralBackground1, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  formulaBar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  nameBox: { width: "140px" },
  fx: { color: tokens.colorNeutralForeground3, fontStyle: "italic", padding: `0 ${tokens.spacingHorizontalS}` },
  contents: {
    flex: 1,
    minWidth: 0,
    overflow: "hidden",
    whiteSpace: "nowrap",
    textOverflow: "ellipsis",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    minHeight: "20px",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  sheetTabs: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowX: "auto",
    flexShrink: 0,
  },
  center: { flex: 1, display: "flex", alignItems: "center", justifyContent: "center" },
  pane: {
    minHeight: 0,
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow8,
    display: "flex",
    flexDirection: "column",
  },
  hidden: { display: "none" },
});

/** A file being opened: its name and size. */
interface Opening {
  readonly file: string;
  readonly size: number;
}

interface Notice {
  readonly title: string;
  readonly error: unknown;
}

/**
 * The preview page: a stand-in for Excel (an .xlsx in memory, drawn as a grid) beside the very
 * same task pane that runs inside Excel. The workbook (the ExcelJS adapter) lives in a Web Worker
 * and the pane talks to it through RemoteWorkbook, a WorkbookPort like any other; the grid asks
 * the worker for the rows in view. No network is needed.
 */
const tabListKeys = new WeakMap<readonly SheetTab[], number>();
let lastTabListKey = 0;
/** A number per list of sheets (the same list, the same number). */
function tabListKey(tabs: readonly SheetTab[]): number {
  let key = tabListKeys.get(tabs);
  if (key === undefined) tabListKeys.set(tabs, (key = ++lastTabListKey));
  return key;
}

export function PreviewApp(props: { lang: Lang; theme?: Theme }) {
  const theme = props.theme ?? lightTheme();
  const styles = useStyles();
  // 中文 / English in the pane's header changes the language; the page's own chrome follows it.
  const [lang, setLang] = useState<Lang>(props.lang);
  const t = useMemo(() => translator(previewMessages, lang), [lang]);
  // The start-up effect reads the current translator without re-running (and reloading the workbook) on a language change.
  const tRef = useRef(t);
  tRef.current = t;
  const [book, setBook] = useState<RemoteWorkbook | null>(null);
  const [opening, setOpening] = useState<Opening | null>(null);
  // How far it is read: a store of its own, so each step redraws the progress line only (not the pane and grid).
  const openProgress = useMemo(() => new ProgressStore(), []);
  const [fileName, setFileName] = useState(t("defaultFile"));
  /** Counts the workbooks shown (the sample, files opened, new ones): the pane's live validation follows. */
  const [workbookNo, setWorkbookNo] = useState(0);
  const [active, setActive] = useState<string>(SAMPLE_SHEET);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [revision, setRevision] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [nameBoxText, setNameBoxText] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  // Start the workbook's worker with the sample sheet (built through ExcelJS, not a binary file).
  useEffect(() => {
    let live = true;
    const remote = RemoteWorkbook.start((error) => {
      console.error(error);
      if (live) setNotice({ title: tRef.current("unexpectedError"), error });
    });
    remote.createSample().then(
      () => {
        if (!live) return;
        const range = parseRange(SAMPLE_RANGE);
        if (!range) throw new Error(`bad sample range ${SAMPLE_RANGE}`);
        setBook(remote);
        setActive(SAMPLE_SHEET);
        setSelection({ anchor: { row: range.top, col: range.left }, focus: { row: range.bottom, col: range.right } });
      },
      (error: unknown) => {
        console.error(error);
        if (live) setNotice({ title: tRef.current("loadFailed"), error });
      },
    );
    return () => {
      live = false;
      remote.close();
    };
  }, []);

  const onViewError = useCallback((error: unknown) => {
    if (!isLiaisonError(error)) console.error(error);
    setNotice({ title: tRef.current("unexpectedError"), error });
  }, []);
  // `revision` is the signal that the workbook changed: the sheet's shape and rows are read again.
  const { view, tabs, showRows, showTyped } = useSheetView(book, active, revision, onViewError);
  // The sheet shown: the one asked for once its rows have arrived (the old one stays until then).
  const shownSheet = view?.name;

  const rangeRef = useMemo<RangeRef | null>(
    () => (selection ? { sheet: active, address: rangeAddress(selectionRect(selection)) } : null),
    [active, selection],
  );

  // The worker keeps the "active cell" for the port (validation scope 当前表格, readSelectedRows):
  // the grid's selection goes to it, and a cell the port selects (a finding clicked) comes back to
  // the grid, switching sheets as Excel does.
  useEffect(() => {
    if (book && rangeRef) book.selection = rangeRef;
  }, [book, rangeRef]);
  useEffect(() => {
    if (!book) return undefined;
    return book.onCellSelected((sel) => {
      const r = parseRange(sel.address);
      if (!r) return;
      setActive(sel.sheet);
      setSelection({ anchor: { row: r.top, col: r.left }, focus: { row: r.bottom, col: r.right } });
    });
  }, [book]);

  const showSheet = useCallback((name: string) => {
    setActive(name);
    setSelection(cellSelection({ row: 1, col: 0 }));
  }, []);

  const onWorkbookChanged = useCallback(
    (change: WorkbookChange) => {
      setRevision((r) => r + 1);
      if (change.sheet && change.sheet !== active) showSheet(change.sheet);
    },
    [active, showSheet],
  );

  const replaceBook = (next: readonly SheetTab[], name: string) => {
    setFileName(name);
    setWorkbookNo((n) => n + 1);
    setNotice(null);
    showSheet(next.find((s) => s.visible)?.name ?? next[0]?.name ?? "");
    setRevision((r) => r + 1);
  };

  const onOpen = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ""; // choosing the same file again must fire change again
    if (!file || !book) return;
    openProgress.set(undefined);
    setOpening({ file: file.name, size: file.size });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const opened = await book.open(bytes, (progress) => openProgress.set(progress));
      replaceBook(opened, file.name);
    } catch (error) {
      if (!isLiaisonError(error)) console.error(error);
      setNotice({ title: t("openFailed", { file: file.name }), error });
    } finally {
      setOpening(null);
    }
  };

  const onDownload = async () => {
    if (!book) return;
    try {
      const bytes = await book.toBuffer();
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_MIME }));
      const a = document.createElement("a");
      a.href = url;
      a.download = fileName.endsWith(".xlsx") ? fileName : `${fileName}.xlsx`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      console.error(error);
      setNotice({ title: t("downloadFailed"), error });
    }
  };

  const onNewBlank = async () => {
    if (!book) return;
    try {
      // Excel never has a workbook without a sheet; neither does the preview.
      replaceBook(await book.createBlank(t("blankSheet")), t("defaultFile"));
    } catch (error) {
      console.error(error);
      setNotice({ title: t("unexpectedError"), error });
    }
  };

  // Cell editing: every edit goes through the port as a person's typing (setCellValue tells the
  // live session, which re-checks the row), then the grid redraws.
  const tLive = useMemo(() => translator(liveMessages, lang), [lang]);
  // The text a person edits: a number in full (the worker sends it where it differs from the shown text).
  const editTextOf = useCallback(
    (cell: GridCell) => {
      const c = view?.row(cell.row)[cell.col];
      return c ? (c.edit ?? c.text) : "";
    },
    [view],
  );
  const onEdit = useCallback(
    (cell: GridCell, text: string) => {
      if (!book || !shownSheet) return;
      const address = cellAddress(cell.col, cell.row);
      showTyped({ top: cell.row, bottom: cell.row, left: cell.col, right: cell.col }, text);
      book.setCellValue(shownSheet, address, text).then(
        () => setRevision((r) => r + 1),
        (error: unknown) => {
          if (!isLiaisonError(error)) console.error(error);
          setNotice({ title: tLive("editFailed", { cell: address }), error });
          setRevision((r) => r + 1);
        },
      );
    },
    [book, shownSheet, tLive, showTyped],
  );
  const onClear = useCallback(
    (rect: Rect) => {
      if (!book || !shownSheet) return;
      // The worker empties only the cells that hold something (a whole column selected is mostly empty).
      showTyped(rect, "");
      book.clearCells(shownSheet, rect).then(
        (n) => n > 0 && setRevision((r) => r + 1),
        (error: unknown) => {
          if (!isLiaisonError(error)) console.error(error);
          setNotice({ title: tLive("editFailed", { cell: rangeAddress(rect) }), error });
          setRevision((r) => r + 1);
        },
      );
    },
    [book, shownSheet, tLive, showTyped],
  );
  const editLabel = useCallback((address: string) => tLive("editCell", { cell: address }), [tLive]);

  // The pane re-renders when its own inputs change, not when rows arrive for the grid or a file's
  // progress moves: after a 50,000-row check, a render of the pane is the page's longest task.
  const pane = useMemo(
    () =>
      book ? (
        <App
          port={book}
          runner={book.runner}
          host="preview"
          lang={lang}
          onLangChange={setLang}
          theme={theme}
          selection={rangeRef}
          onWorkbookChanged={onWorkbookChanged}
          workbook={workbookNo}
        />
      ) : null,
    [book, lang, theme, rangeRef, onWorkbookChanged, workbookNo],
  );

  const nameBoxValue = nameBoxText ?? rangeRef?.address ?? "";
  const onNameBoxKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Escape") setNameBoxText(null);
    if (e.key !== "Enter") return;
    const r = parseRange(nameBoxValue);
    if (!r || !book) {
      setNotice({ title: t("badAddress", { address: nameBoxValue }), error: null });
      return;
    }
    const named = r.sheet ? tabs.find((s) => s.name.toLowerCase() === r.sheet?.toLowerCase()) : undefined;
    if (named) setActive(named.name);
    setSelection({ anchor: { row: r.top, col: r.left }, focus: { row: r.bottom, col: r.right } });
    setNameBoxText(null);
  };

  const activeText =
    view && selection && selection.anchor.row <= view.rowCount && selection.anchor.col < view.columnCount
      ? view.row(selection.anchor.row)[selection.anchor.col].text
      : "";

  return (
    // The stand-in for Excel stays light (Excel's cells stay white under its dark themes too);
    // `?theme=dark` shows the pane as it looks in a dark Office.
    <FluentProvider theme={lightTheme()} lang={lang}>
      <div className={styles.page}>
        <div className={styles.workbook}>
          <header className={styles.titleBar}>
            <Text weight="semibold">{fileName}</Text>
            <Caption1>{t("pageTitle")}</Caption1>
          </header>
          <Toolbar className={styles.toolbar} aria-label={t("toolbarLabel")}>
            <Button appearance="subtle" disabled={!book || opening !== null} onClick={() => fileInput.current?.click()}>
              {t("open")}
            </Button>
            <input
              ref={fileInput}
              className={styles.hidden}
              type="file"
              accept={`.xlsx,${XLSX_MIME}`}
              aria-label={t("open")}
              data-testid="open-input"
              onChange={(e) => void onOpen(e)}
            />
            <Button appearance="subtle" disabled={!book || opening !== null} onClick={() => void onDownload()}>
              {t("download")}
            </Button>
            <Button appearance="subtle" disabled={!book || opening !== null} onClick={() => void onNewBlank()}>
              {t("newBlank")}
            </Button>
          </Toolbar>
          <div className={styles.formulaBar}>
            <Input
              className={styles.nameBox}
              size="small"
              aria-label={t("nameBox")}
              title={t("nameBoxHint")}
              data-testid="name-box"
              value={nameBoxValue}
              onChange={(_, d) => setNameBoxText(d.value)}
              onKeyDown={onNameBoxKey}
              onBlur={() => setNameBoxText(null)}
            />
            <span className={styles.fx} aria-hidden="true">
              fx
            </span>
            <div className={styles.contents} aria-label={t("formulaBar")} role="textbox" aria-readonly="true">
              {activeText}
            </div>
          </div>
          {opening && <OpeningProgress file={opening.file} size={opening.size} store={openProgress} lang={lang} text={t} />}
          {notice && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{notice.title}</MessageBarTitle>
                {describe(notice.error, lang, t("unexpectedError"))}
              </MessageBarBody>
            </MessageBar>
          )}
          {!book || !view ? (
            <div className={styles.center}>{notice ? null : <Spinner label={t("loading")} />}</div>
          ) : (
            <>
              <Grid
                view={view}
                sheetName={view.name}
                label={t("gridLabel", { sheet: view.name })}
                selection={selection}
                onSelect={setSelection}
                editTextOf={editTextOf}
                onEdit={onEdit}
                onClear={onClear}
                editLabel={editLabel}
                onRowsShown={showRows}
              />
              <div className={styles.sheetTabs}>
                {/* Keyed by the list of sheets: another file's tabs (or a sheet added) are new ones.
                    Kept, the selected tab's indicator would slide from the old tab, measuring both
                    in the middle of drawing the new sheet (a forced layout: ≈ 20 ms of a 50,000-row
                    open). The list keeps its identity while the sheets stay the same. */}
                <TabList
                  key={tabListKey(tabs)}
                  size="small"
                  selectedValue={view.name}
                  onTabSelect={(_, d) => showSheet(String(d.value))}
                  aria-label={t("sheetTabs")}
                  data-testid="sheet-tabs"
                >
                  {/* Hidden sheets (the settings sheet) have no tab, as in Excel. */}
                  {tabs
                    .filter((sheet) => sheet.visible)
                    .map((sheet) => (
                      <Tab key={sheet.id} value={sheet.name}>
                        {sheet.name}
                      </Tab>
                    ))}
                </TabList>
              </div>
            </>
          )}
        </div>
        <aside className={styles.pane} aria-label={t("paneLabel")}>
          {book ? pane : <div className={styles.center}>{notice ? null : <Spinner />}</div>}
        </aside>
      </div>
    </FluentProvider>
  );
}

/** A LiaisonError says what to do; anything else is a bug, shown with its message. */
function describe(error: unknown, lang: Lang, unexpected: string): string {
  if (error === null || error === undefined) return "";
  if (isLiaisonError(error)) return error.describe(lang);
  return `${unexpected}: ${error instanceof Error ? error.message : String(error)}`;
}
