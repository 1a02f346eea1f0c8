import type * as ExcelJS from "exceljs";
import { type Rect, cellAddress } from "../../core/a1";
import { LiaisonError } from "../../core/errors";
import type { RawCell } from "../../core/cells/types";
import { XlsxWorkbook } from "../../workbook/exceljs/adapter";
import type { LoadProgress } from "../../workbook/exceljs/load-hooks";
import type { DashboardOptions, DashboardResult } from "../../app/dashboard/run";
import { runnerFor, type LiveHandle, type LiveOptions } from "../../app/runner";
import type { LiveSnapshot } from "../../app/live/pane-session";
import { readyFor } from "../../app/traditional";
import type { Checker } from "../../app/validate/checker";
import { serializeError } from "../../app/validate/errors";
import type { SerializedError } from "../../app/validate/protocol";
import type { ValidationOptions, ValidationProgress, ValidationResult } from "../../app/validate/run";
import type { FoundTable, RangeRef, SheetChange, TableData, TableScope, WorkbookPort } from "../../app/port";
import type { Mark } from "../../core/marks/mark";
import { addSampleSheet } from "../sample";
import { type SheetMeta, type SheetView, type ViewCell, buildSheetView, metaOf } from "../sheet-view";

/** How often a file being opened reports its progress to the page. */
const PROGRESS_MS = 100;

/**
 * The port operations the page forwards as they are (`WorkbookHost.call`), and whether each may
 * change the workbook. The others cross in a shape of their own: big reads and writes in slices
 * (`stageTables`, `stageMarks`), the selection, a person's edits and their change events.
 */
export const FORWARDED = {
  listSheets: "reads",
  insertTemplate: "changes",
  findTables: "reads",
  readLayout: "reads",
  addLayoutCorrection: "changes",
  removeLayoutCorrection: "changes",
  writeDashboard: "changes",
  structureRange: "changes",
  readTables: "reads",
  applyMarks: "changes",
  updateMarks: "changes",
  clearMarks: "changes",
  readSettings: "reads",
  writeSettings: "changes",
  readSelectedRows: "reads",
  readRegister: "reads",
  writeDocuments: "changes",
  readWordTemplate: "reads",
  writeWordTemplate: "changes",
} as const satisfies Partial<Record<keyof WorkbookPort, "reads" | "changes">>;

export type ForwardedOp = keyof typeof FORWARDED;

/** A validation run's options as they cross to the worker: the plain data (callbacks and the signal stay on the page). */
export type RemoteValidationOptions = Pick<ValidationOptions, "scope" | "lang" | "file" | "instant" | "clock" | "keepSaid">;

/** Live validation's options as they cross to the worker (the callbacks come proxied). */
export type RemoteLiveOptions = Pick<LiveOptions, "mode" | "lang" | "markAtStart" | "debounceMs">;

/** The 看板's options as they cross to the worker. */
export type RemoteDashboardOptions = Pick<DashboardOptions, "lang" | "instant" | "today" | "file">;

/** A sheet as its tab shows it. */
export interface SheetTab {
  readonly id: number;
  readonly name: string;
  /** Hidden sheets (the settings sheet) have no tab, as in Excel. */
  readonly visible: boolean;
}

/** A sheet's shape and some of its rows, read together so they always belong to the same state of the workbook. */
export interface SheetSlice {
  readonly tabs: readonly SheetTab[];
  readonly meta: SheetMeta;
  /** Rows `from`… of `meta`, 1-based. */
  readonly from: number;
  readonly rows: readonly (readonly ViewCell[])[];
}

/**
 * The preview's workbook, held where it cannot block the page: this object lives in a Web Worker
 * (workbook.worker.ts exposes it) and the page talks to it through RemoteWorkbook. It wraps the
 * ExcelJS adapter — every port operation is the adapter's own — and adds what the page's grid
 * needs: the sheets' tabs, a sheet's shape and the rows in view, a person's edits.
 *
 * Formatted rows are kept per sheet until the workbook changes; every operation that may change
 * it drops them.
 */
export class WorkbookHost {
  private book: XlsxWorkbook = XlsxWorkbook.create();
  private readonly views = new Map<string, SheetView>();
  private listener: ((change: SheetChange) => void) | undefined;
  /** Results and arguments too big for one message, held while the page fetches or sends them in slices. */
  private readonly staged = new Map<number, { tables?: TableData[]; marks?: Mark[] }>();
  private nextStage = 1;
  private unwatch: (() => Promise<void>) | undefined;
  /** Validation runs under way, by the page's run number, so 取消 reaches the right one. */
  private readonly runs = new Map<number, AbortController>();
  /** Live sessions, by the page's number for them. */
  private readonly lives = new Map<number, LiveHandle>();

  /**
   * @param checks.checker where big checks run: the validation Web Worker, started from this
   * worker (workbook.worker.ts); without one (tests in Node) they run on this thread.
   * @param checks.workerThreshold rows above which a check goes to `checker` (default: the pane's).
   */
  constructor(private readonly checks: { readonly checker?: Checker; readonly workerThreshold?: number } = {}) {}

  /** A new workbook holding the sample sheet (built through ExcelJS, not a binary file). */
  async createSample(): Promise<SheetTab[]> {
    const book = XlsxWorkbook.create();
    addSampleSheet(book.workbook);
    return this.replace(book);
  }

  /** A new workbook with one empty sheet (Excel never has a workbook without a sheet). */
  async createBlank(sheetName: string): Promise<SheetTab[]> {
    const book = XlsxWorkbook.create();
    book.workbook.addWorksheet(sheetName);
    return this.replace(book);
  }

  /**
   * Reads .xlsx bytes (LiaisonError for anything else); `onProgress` hears the worksheet parts go
   * by — at most every PROGRESS_MS, and at each part's start and end, so the page redraws a few
   * times a second rather than once per 16 KB of XML.
   */
  async open(bytes: Uint8Array, onProgress?: (progress: LoadProgress) => void): Promise<SheetTab[]> {
    let last = 0;
    const throttled = (p: LoadProgress) => {
      const now = Date.now();
      if (p.done !== 0 && p.done !== p.total && now - last < PROGRESS_MS) return;
      last = now;
      onProgress?.(p);
    };
    return this.replace(await XlsxWorkbook.load(bytes, { onProgress: onProgress ? throttled : undefined }));
  }

  /** Person's changes are told to `listener` (one listener: the page's RemoteWorkbook, which fans them out). */
  async listenToChanges(listener: (change: SheetChange) => void): Promise<void> {
    this.listener = listener;
  }

  tabs(): SheetTab[] {
    return this.book.workbook.worksheets.map((ws) => ({
      id: ws.id,
      name: ws.name,
      visible: ws.state === "visible" || ws.state === undefined,
    }));
  }

  /**
   * The shape of `sheet` (the first sheet when there is none of that name) and its rows
   * `from..to` (clipped to the view's rows).
   */
  slice(sheet: string, from: number, to: number): SheetSlice | undefined {
    const view = this.view(sheet);
    if (!view) return undefined;
    const first = Math.max(1, from);
    const last = Math.min(view.rowCount, to);
    const rows: (readonly ViewCell[])[] = [];
    for (let r = first; r <= last; r++) rows.push(view.row(r));
    return { tabs: this.tabs(), meta: metaOf(view), from: first, rows };
  }

  /** The bytes of the workbook as it is now (what 下载 saves). */
  async toBuffer(): Promise<Uint8Array> {
    return this.book.toBuffer();
  }

  /** A person typed `text` into a cell (the grid's editor). */
  async setCellValue(sheet: string, address: string, text: string): Promise<void> {
    this.views.clear();
    await this.book.setCellValue(sheet, address, text);
  }

  /** Delete on a selection: empties the cells of `rect` that hold something, one person's edit each; returns how many. */
  async clearCells(sheet: string, rect: Rect): Promise<number> {
    const ws = this.sheet(sheet);
    if (!ws) throw new LiaisonError("sheetNotFound", { sheet });
    const cells: string[] = [];
    const bottom = Math.min(rect.bottom, ws.rowCount);
    for (let r = rect.top; r <= bottom; r++) {
      const row = ws.findRow(r);
      if (!row) continue;
      for (let c = rect.left; c <= Math.min(rect.right, ws.columnCount - 1); c++) {
        const v = row.findCell(c + 1)?.value;
        if (v !== null && v !== undefined && v !== "") cells.push(cellAddress(c, r));
      }
    }
    for (const address of cells) await this.setCellValue(ws.name, address, "");
    return cells.length;
  }

  setSelection(range: RangeRef | undefined): void {
    this.book.selection = range;
  }

  /**
   * 校验 where the rows are: `runValidation` over this worker's workbook (the same use case the
   * pane runs inside Excel), so the tables never travel to the page. `run` is the page's number for
   * it (`cancel`); the callbacks are the page's, proxied.
   */
  async validate(
    run: number,
    opts: RemoteValidationOptions,
    onProgress?: (progress: ValidationProgress) => void,
    onSettingsProblems?: (problems: readonly string[]) => void,
  ): Promise<ValidationResult> {
    const abort = new AbortController();
    this.runs.set(run, abort);
    try {
      // A zh-TW run writes its findings in Traditional Chinese: this worker needs the table too.
      await readyFor(opts.lang);
      return await this.changing(() =>
        this.runner().validate({
          ...opts,
          workerThreshold: this.checks.workerThreshold,
          signal: abort.signal,
          onProgress,
          onSettingsProblems,
        }),
      );
    } finally {
      this.runs.delete(run);
    }
  }

  /** 取消 of run `run`: it stops at its next cancellation point and writes no mark. */
  cancel(run: number): void {
    this.runs.get(run)?.abort();
  }

  /** The 看板's figures, counted here for the same reason as `validate`. */
  async dashboard(opts: RemoteDashboardOptions): Promise<DashboardResult> {
    await readyFor(opts.lang);
    return this.runner().dashboard(opts);
  }

  /**
   * Live validation where the rows are: `startPaneLiveSession` over this worker's workbook, so a
   * re-check reads and checks the edited sheet's tables here, and only the findings go to the page
   * (`onChange`). `live` is the page's number for it (`stopLive`).
   */
  async startLive(
    live: number,
    opts: RemoteLiveOptions,
    onChange: (snapshot: LiveSnapshot) => void,
    onError: (error: SerializedError) => void,
  ): Promise<void> {
    await readyFor(opts.lang);
    // A session writes marks (at its start and after each edit): the formatted rows go then.
    const session = await this.runner().startLive({
      ...opts,
      onChange: (snapshot) => {
        this.views.clear();
        onChange(snapshot);
      },
      // As data: an Error passed to the page's function would lose its class (a LiaisonError its key).
      onError: (error) => onError(serializeError(error)),
    });
    this.views.clear();
    this.lives.set(live, session);
  }

  /** Stops live session `live` (a number it never had, or had and stopped, changes nothing). */
  async stopLive(live: number): Promise<void> {
    const session = this.lives.get(live);
    this.lives.delete(live);
    await session?.stop();
  }

  /**
   * A port operation the page forwards as it is (remote-workbook.ts): the adapter's own, and the
   * formatted rows dropped when it may change the workbook.
   */
  async call<K extends ForwardedOp>(op: K, args: Parameters<WorkbookPort[K]>): Promise<Awaited<ReturnType<WorkbookPort[K]>>> {
    const method = this.book[op] as unknown as (...a: Parameters<WorkbookPort[K]>) => Promise<Awaited<ReturnType<WorkbookPort[K]>>>;
    const run = () => method.apply(this.book, args);
    return FORWARDED[op] === "changes" ? this.changing(run) : run();
  }

  /** `readTables`, kept here: the page fetches the bodies in slices (`stagedRows`) and then `unstage`s. */
  async stageTables(scope: TableScope): Promise<{ stage: number; tables: { table: FoundTable; rows: number }[] }> {
    const tables = await this.book.readTables(scope);
    const stage = this.nextStage++;
    this.staged.set(stage, { tables });
    return { stage, tables: tables.map((t) => ({ table: t.table, rows: t.body.length })) };
  }
  stagedRows(stage: number, table: number, from: number, to: number): readonly (readonly RawCell[])[] {
    const tables = this.staged.get(stage)?.tables;
    if (!tables?.[table]) throw new Error(`no staged table ${stage}/${table}`);
    return tables[table].body.slice(from, to);
  }
  /** Marks sent in slices, applied at once by `applyStagedMarks` / `updateStagedMarks` (one command, as the port promises). */
  stageMarks(stage: number | undefined, marks: readonly Mark[]): number {
    const id = stage ?? this.nextStage++;
    const entry = this.staged.get(id) ?? {};
    this.staged.set(id, entry);
    entry.marks ??= [];
    for (const m of marks) entry.marks.push(m);
    return id;
  }
  applyStagedMarks(stage: number): Promise<void> {
    return this.call("applyMarks", [this.takeMarks(stage)]);
  }
  updateStagedMarks(stage: number, sheet: string, rows: readonly number[]): Promise<void> {
    return this.call("updateMarks", [sheet, rows, this.takeMarks(stage)]);
  }
  unstage(stage: number): void {
    this.staged.delete(stage);
  }
  /** Validates and selects; returns the selection as the adapter spells it (the sheet's own name). */
  async selectCell(sheet: string, cell: string): Promise<RangeRef | undefined> {
    await this.book.selectCell(sheet, cell);
    return this.book.selection;
  }
  private async replace(book: XlsxWorkbook): Promise<SheetTab[]> {
    // Live sessions follow the workbook they started on: they end with it (the page starts new ones).
    const lives = [...this.lives.values()];
    this.lives.clear();
    await Promise.all(lives.map((s) => s.stop()));
    await this.unwatch?.();
    this.book = book;
    this.views.clear();
    this.unwatch = await book.watchChanges(
      (change) => this.listener?.(change),
      // The adapter's ChangeHub reports a listener's own failure here; the page's listener is a
      // message send, so this is a bug worth the console.
      (error) => console.error(error),
    );
    return this.tabs();
  }

  /** The use cases over the workbook shown now (another file opened is another workbook). */
  private runner() {
    return runnerFor(this.book, this.checks.checker);
  }

  private takeMarks(stage: number): Mark[] {
    const marks = this.staged.get(stage)?.marks;
    this.staged.delete(stage);
    if (!marks) throw new Error(`no staged marks ${stage}`);
    return marks;
  }

  private async changing<T>(act: () => Promise<T>): Promise<T> {
    try {
      return await act();
    } finally {
      this.views.clear();
    }
  }

  private sheet(name: string): ExcelJS.Worksheet | undefined {
    return this.book.workbook.getWorksheet(name);
  }

  private view(name: string): SheetView | undefined {
    const ws = this.sheet(name) ?? this.book.workbook.worksheets[0];
    if (!ws) return undefined;
    let view = this.views.get(ws.name);
    if (!view) this.views.set(ws.name, (view = buildSheetView(ws)));
    return view;
  }
}
