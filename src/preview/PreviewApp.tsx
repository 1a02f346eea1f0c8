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
import type { XlsxWorkbook } from "../workbook/exceljs/adapter";
import type { RangeRef } from "../app/port";
import { editText } from "./cell-editor";
import { Grid } from "./Grid";
import { SAMPLE_RANGE, SAMPLE_SHEET, addSampleSheet } from "./sample";
import { type GridCell, type Selection, cellSelection, selectionRect } from "./selection";
import { buildSheetView } from "./sheet-view";

/** ExcelJS (with the adapter) is its own chunk: the page paints first, then loads it. */
const loadAdapter = () => import(/* webpackChunkName: "exceljs-adapter" */ "../workbook/exceljs/adapter");
type AdapterModule = Awaited<ReturnType<typeof loadAdapter>>;

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

interface Notice {
  readonly title: string;
  readonly error: unknown;
}

/**
 * The preview page: a stand-in for Excel (an .xlsx in memory, drawn as a grid) beside the very
 * same task pane that runs inside Excel, wired to the ExcelJS adapter. No network is needed.
 */
export function PreviewApp(props: { lang: Lang; theme?: Theme }) {
  const theme = props.theme ?? lightTheme();
  const styles = useStyles();
  // 中文 / English in the pane's header changes the language; the page's own chrome follows it.
  const [lang, setLang] = useState<Lang>(props.lang);
  const t = useMemo(() => translator(previewMessages, lang), [lang]);
  // The start-up effect reads the current translator without re-running (and reloading the workbook) on a language change.
  const tRef = useRef(t);
  tRef.current = t;
  const [adapter, setAdapter] = useState<AdapterModule | null>(null);
  const [book, setBook] = useState<XlsxWorkbook | null>(null);
  const [fileName, setFileName] = useState(t("defaultFile"));
  const [active, setActive] = useState<string>(SAMPLE_SHEET);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [revision, setRevision] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [nameBoxText, setNameBoxText] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  // Load the adapter and start with the sample sheet (built through ExcelJS, not a binary file).
  useEffect(() => {
    let live = true;
    loadAdapter().then(
      (m) => {
        if (!live) return;
        const start = m.XlsxWorkbook.create();
        addSampleSheet(start.workbook);
        const range = parseRange(SAMPLE_RANGE);
        if (!range) throw new Error(`bad sample range ${SAMPLE_RANGE}`);
        setAdapter(m);
        setBook(start);
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
    };
  }, []);

  const ws = book?.workbook.getWorksheet(active) ?? book?.workbook.worksheets[0];
  // `revision` is the signal that the workbook changed under the same objects.
  const view = useMemo(() => (ws ? buildSheetView(ws) : null), [ws, revision]);

  const rangeRef = useMemo<RangeRef | null>(
    () => (ws && selection ? { sheet: ws.name, address: rangeAddress(selectionRect(selection)) } : null),
    [ws, selection],
  );

  // The adapter keeps the "active cell" for the port (validation scope 当前表格, selectCell): the
  // grid's selection goes to it, and a cell the port selects (a finding clicked) comes back to
  // the grid, switching sheets as Excel does. Equal selections are not re-sent, so this settles.
  useEffect(() => {
    if (book && rangeRef) book.selection = rangeRef;
  }, [book, rangeRef]);
  useEffect(() => {
    if (!book) return undefined;
    return book.onSelectionChange((sel) => {
      const r = sel ? parseRange(sel.address) : undefined;
      if (!sel || !r) return;
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
      if (change.sheet && change.sheet !== ws?.name) showSheet(change.sheet);
    },
    [ws, showSheet],
  );

  const replaceBook = (next: XlsxWorkbook, name: string) => {
    setBook(next);
    setFileName(name);
    setNotice(null);
    showSheet(next.workbook.worksheets[0]?.name ?? "");
    setRevision((r) => r + 1);
  };

  const onOpen = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ""; // choosing the same file again must fire change again
    if (!file || !adapter) return;
    try {
      replaceBook(await adapter.XlsxWorkbook.load(await file.arrayBuffer()), file.name);
    } catch (error) {
      if (!isLiaisonError(error)) console.error(error);
      setNotice({ title: t("openFailed", { file: file.name }), error });
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

  const onNewBlank = () => {
    if (!adapter) return;
    const blank = adapter.XlsxWorkbook.create();
    // Excel never has a workbook without a sheet; neither does the preview.
    blank.workbook.addWorksheet(t("blankSheet"));
    replaceBook(blank, t("defaultFile"));
  };

  // Cell editing: every edit goes through the port as a person's typing (setCellValue tells the
  // live session, which re-checks the row), then the grid redraws.
  const tLive = useMemo(() => translator(liveMessages, lang), [lang]);
  const editTextOf = useCallback((cell: GridCell) => (ws ? editText(ws, cell) : ""), [ws]);
  const writeCells = useCallback(
    async (cells: readonly GridCell[], text: string) => {
      if (!book || !ws) return;
      for (const cell of cells) {
        const address = cellAddress(cell.col, cell.row);
        try {
          await book.setCellValue(ws.name, address, text);
        } catch (error) {
          if (!isLiaisonError(error)) console.error(error);
          setNotice({ title: tLive("editFailed", { cell: address }), error });
          break;
        }
      }
      setRevision((r) => r + 1);
    },
    [book, ws, tLive],
  );
  const onEdit = useCallback((cell: GridCell, text: string) => void writeCells([cell], text), [writeCells]);
  const onClear = useCallback(
    (rect: Rect) => {
      if (!view) return;
      // Only cells that hold something (a whole column selected is mostly empty).
      const cells: GridCell[] = [];
      for (let row = rect.top; row <= Math.min(rect.bottom, view.rowCount); row++)
        for (let col = rect.left; col <= Math.min(rect.right, view.columnCount - 1); col++)
          if (view.row(row)[col].text !== "") cells.push({ row, col });
      if (cells.length > 0) void writeCells(cells, "");
    },
    [view, writeCells],
  );
  const editLabel = useCallback((address: string) => tLive("editCell", { cell: address }), [tLive]);

  const nameBoxValue = nameBoxText ?? rangeRef?.address ?? "";
  const onNameBoxKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Escape") setNameBoxText(null);
    if (e.key !== "Enter") return;
    const r = parseRange(nameBoxValue);
    if (!r || !book) {
      setNotice({ title: t("badAddress", { address: nameBoxValue }), error: null });
      return;
    }
    if (r.sheet && book.workbook.getWorksheet(r.sheet)) setActive(r.sheet);
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
            <Button appearance="subtle" disabled={!adapter} onClick={() => fileInput.current?.click()}>
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
            <Button appearance="subtle" disabled={!book} onClick={() => void onDownload()}>
              {t("download")}
            </Button>
            <Button appearance="subtle" disabled={!adapter} onClick={onNewBlank}>
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
          {notice && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{notice.title}</MessageBarTitle>
                {describe(notice.error, lang, t("unexpectedError"))}
              </MessageBarBody>
            </MessageBar>
          )}
          {!book || !view || !ws ? (
            <div className={styles.center}>{notice ? null : <Spinner label={t("loading")} />}</div>
          ) : (
            <>
              <Grid
                view={view}
                sheetName={ws.name}
                label={t("gridLabel", { sheet: ws.name })}
                selection={selection}
                onSelect={setSelection}
                editTextOf={editTextOf}
                onEdit={onEdit}
                onClear={onClear}
                editLabel={editLabel}
              />
              <div className={styles.sheetTabs}>
                <TabList
                  size="small"
                  selectedValue={ws.name}
                  onTabSelect={(_, d) => showSheet(String(d.value))}
                  aria-label={t("sheetTabs")}
                  data-testid="sheet-tabs"
                >
                  {/* Hidden sheets (the settings sheet) have no tab, as in Excel. */}
                  {book.workbook.worksheets
                    .filter((sheet) => sheet.state === "visible" || sheet.state === undefined)
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
          {book ? (
            <App
              port={book}
              host="preview"
              lang={lang}
              onLangChange={setLang}
              theme={theme}
              selection={rangeRef}
              onWorkbookChanged={onWorkbookChanged}
            />
          ) : (
            <div className={styles.center}>{notice ? null : <Spinner />}</div>
          )}
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
