import { type Remote, proxy, releaseProxy, transfer, wrap } from "comlink";
import type { Rect } from "../../core/a1";
import type { RawCell } from "../../core/cells/types";
import type { LoadProgress } from "../../workbook/exceljs/load-hooks";
import type { RangeRef, SheetChange, TableData, TableScope, WorkbookPort } from "../../app/port";
import type { Mark } from "../../core/marks/mark";
import type { CheckRunner } from "../../app/runner";
import type { ValidationProgress } from "../../app/validate/run";
import type { LiveSnapshot } from "../../app/live/pane-session";
import { deserializeError } from "../../app/validate/errors";
import type { SerializedError } from "../../app/validate/protocol";
import { throwIfAborted } from "../../app/validate/cancel";
import { installErrorHandler } from "./errors";
import type { ForwardedOp, SheetSlice, SheetTab, WorkbookHost } from "./host";

/**
 * Rows (or marks) per message for big reads and writes: the page's thread clones each message as
 * one task, and 50,000 rows at once is a task of several hundred milliseconds; 2,000 rows is a few.
 */
const SLICE = 2000;

type ChangeListener = { readonly change: (c: SheetChange) => void; readonly error: (e: unknown) => void };

/**
 * The preview's WorkbookPort on the page's thread: every call goes to the ExcelJS adapter running
 * in a Web Worker (host.ts, through comlink) and its answer comes back, so parsing a file,
 * validation's reads, marks and edits never block the page. The pane uses it as any port.
 *
 * The selection is kept on both sides: here, for the page, and in the worker, for
 * `readTables({ kind: "current" })` and `readSelectedRows()`. Messages to one worker are handled
 * in the order sent, so a selection set before a read is the one that read sees. The page sets it
 * from its grid; `selectCell` (a finding clicked) tells `onCellSelected`, so the grid follows.
 */
export class RemoteWorkbook implements WorkbookPort {
  private current: RangeRef | undefined;
  private readonly selected = new Set<(range: RangeRef) => void>();
  private readonly listeners = new Set<ChangeListener>();
  private listening: Promise<void> | undefined;
  private nextRun = 1;

  /**
   * 校验 and the 看板 run in the worker, next to the rows (host.ts `validate`, `dashboard`): only
   * the options go there and only the report and figures come back. A run's callbacks are proxied;
   * 取消 sends `cancel`, and the worker's run rejects with ValidationCancelled (its class kept by
   * errors.ts) before writing any mark.
   */
  readonly runner: CheckRunner = {
    validate: async (opts) => {
      const { signal } = opts;
      throwIfAborted(signal);
      // Settings the pane is still writing land first (messages to the worker keep their order,
      // but the pane's write may not have been sent yet).
      await opts.settingsReady?.();
      throwIfAborted(signal);
      const run = this.nextRun++;
      const onAbort = () => void this.host.cancel(run).catch(this.onError);
      signal?.addEventListener("abort", onAbort, { once: true });
      // Each proxied callback has a message channel of its own, so its calls may arrive after the
      // run's answer: a progress step after the run ended would show the run as running again, so
      // late ones are dropped; the settings' problems are told once, by the call or by the answer.
      let settled = false;
      let problemsTold = false;
      const tellProblems = (problems: readonly string[]) => {
        if (problemsTold) return;
        problemsTold = true;
        opts.onSettingsProblems?.(problems);
      };
      try {
        const result = await this.host.validate(
          run,
          { scope: opts.scope, lang: opts.lang, file: opts.file, instant: opts.instant, clock: opts.clock, keepSaid: opts.keepSaid },
          proxy((p: ValidationProgress) => {
            if (!settled) opts.onProgress?.(p);
          }),
          proxy(tellProblems),
        );
        if (result.settingsProblems.length > 0) tellProblems(result.settingsProblems);
        return result;
      } finally {
        settled = true;
        signal?.removeEventListener("abort", onAbort);
      }
    },
    dashboard: (opts) => this.host.dashboard({ lang: opts.lang, instant: opts.instant, today: opts.today, file: opts.file }),
    startLive: async (opts) => {
      const live = this.nextRun++;
      // Calls may arrive after `stop` (their own channels): dropped then, as CheckRunner promises.
      let stopped = false;
      await this.host.startLive(
        live,
        { mode: opts.mode, lang: opts.lang, markAtStart: opts.markAtStart, debounceMs: opts.debounceMs },
        proxy((snapshot: LiveSnapshot) => {
          if (!stopped) opts.onChange(snapshot);
        }),
        proxy((error: SerializedError) => {
          if (!stopped) opts.onError(deserializeError(error));
        }),
      );
      return {
        stop: async () => {
          stopped = true;
          await this.host.stopLive(live);
        },
      };
    },
  };

  private constructor(
    private readonly worker: Worker,
    private readonly host: Remote<WorkbookHost>,
    /** Where failures of fire-and-forget messages (the selection) go: the page shows them. */
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts the workbook's worker (its own chunk, with ExcelJS). */
  static start(onError: (error: unknown) => void): RemoteWorkbook {
    installErrorHandler();
    const worker = new Worker(new URL("./workbook.worker.ts", import.meta.url), { name: "liaison-workbook" });
    // A worker script that cannot load or run answers no message: say so rather than spin forever.
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      onError(new Error(`workbook worker failed: ${event.message || "the worker script could not run"}`));
    });
    return new RemoteWorkbook(worker, wrap<WorkbookHost>(worker), onError);
  }

  /** Stops the worker (the page is going away or starts over). */
  close(): void {
    this.host[releaseProxy]();
    this.worker.terminate();
  }

  createSample(): Promise<SheetTab[]> {
    return this.host.createSample();
  }

  createBlank(sheetName: string): Promise<SheetTab[]> {
    return this.host.createBlank(sheetName);
  }

  /** Opens a file's bytes in the worker (handed over, not copied); `onProgress` hears it read. */
  open(bytes: Uint8Array, onProgress: (progress: LoadProgress) => void): Promise<SheetTab[]> {
    return this.host.open(transfer(bytes, [bytes.buffer]), proxy(onProgress));
  }

  tabs(): Promise<SheetTab[]> {
    return this.host.tabs();
  }

  /** The shape of `sheet` and its rows `from..to`, formatted in the worker. */
  slice(sheet: string, from: number, to: number): Promise<SheetSlice | undefined> {
    return this.host.slice(sheet, from, to);
  }

  toBuffer(): Promise<Uint8Array> {
    return this.host.toBuffer();
  }

  /** A person's edit of one cell (the grid's editor): the worker tells the `watchChanges` listeners. */
  setCellValue(sheet: string, address: string, text: string): Promise<void> {
    return this.host.setCellValue(sheet, address, text);
  }

  clearCells(sheet: string, rect: Rect): Promise<number> {
    return this.host.clearCells(sheet, rect);
  }

  /* The port's operations that cross as they are (host.ts FORWARDED). */
  readonly listSheets = this.forward("listSheets");
  readonly insertTemplate = this.forward("insertTemplate");
  readonly findTables = this.forward("findTables");
  readonly readLayout = this.forward("readLayout");
  readonly addLayoutCorrection = this.forward("addLayoutCorrection");
  readonly removeLayoutCorrection = this.forward("removeLayoutCorrection");
  readonly writeDashboard = this.forward("writeDashboard");
  readonly structureRange = this.forward("structureRange");
  readonly clearMarks = this.forward("clearMarks");
  readonly readSettings = this.forward("readSettings");
  readonly writeSettings = this.forward("writeSettings");
  readonly readSelectedRows = this.forward("readSelectedRows");
  readonly readRegister = this.forward("readRegister");
  readonly writeDocuments = this.forward("writeDocuments");
  readonly readWordTemplate = this.forward("readWordTemplate");
  readonly writeWordTemplate = this.forward("writeWordTemplate");

  get selection(): RangeRef | undefined {
    return this.current;
  }

  /** The grid's selection: kept, and sent to the worker. */
  set selection(range: RangeRef | undefined) {
    this.current = range;
    this.host.setSelection(range).catch(this.onError);
  }

  /** Calls `listener` when the port selects a cell (`selectCell`); returns the function that unsubscribes. */
  onCellSelected(listener: (range: RangeRef) => void): () => void {
    this.selected.add(listener);
    return () => void this.selected.delete(listener);
  }

  /** The tables' rows come in slices of SLICE rows, one message each, so no task on the page is long. */
  async readTables(scope: TableScope): Promise<TableData[]> {
    const { stage, tables } = await this.host.stageTables(scope);
    try {
      const out: TableData[] = [];
      for (const [i, { table, rows }] of tables.entries()) {
        const body: (readonly RawCell[])[] = [];
        for (let from = 0; from < rows; from += SLICE) body.push(...(await this.host.stagedRows(stage, i, from, from + SLICE)));
        out.push({ table, body });
      }
      return out;
    } finally {
      await this.host.unstage(stage);
    }
  }
  applyMarks(marks: readonly Mark[]): Promise<void> {
    if (marks.length <= SLICE) return this.forward("applyMarks")(marks);
    return this.sendMarks(marks).then((stage) => this.host.applyStagedMarks(stage));
  }
  updateMarks(sheet: string, rows: readonly number[], marks: readonly Mark[]): Promise<void> {
    if (marks.length <= SLICE) return this.forward("updateMarks")(sheet, rows, marks);
    return this.sendMarks(marks).then((stage) => this.host.updateStagedMarks(stage, sheet, rows));
  }
  async selectCell(sheet: string, cell: string): Promise<void> {
    const selected = await this.host.selectCell(sheet, cell);
    if (!selected) return;
    this.current = selected;
    // The page's grid follows, switching sheets as Excel does.
    for (const listener of [...this.selected]) listener(selected);
  }

  /**
   * A person's edits, as the worker's adapter reports them. One listener is registered in the
   * worker (on first use); it fans out here, each listener's failure to its own `onError`.
   */
  async watchChanges(listener: (change: SheetChange) => void, onError: (error: unknown) => void): Promise<() => Promise<void>> {
    this.listening ??= this.host.listenToChanges(proxy((change: SheetChange) => this.notify(change)));
    await this.listening;
    const entry: ChangeListener = { change: listener, error: onError };
    this.listeners.add(entry);
    return async () => void this.listeners.delete(entry);
  }

  /** A port operation that crosses as it is: its arguments there, its answer back. */
  private forward<K extends ForwardedOp>(op: K): (...args: Parameters<WorkbookPort[K]>) => Promise<Awaited<ReturnType<WorkbookPort[K]>>> {
    // `this.host` is read when called: fields are set before the constructor's parameters are.
    return (...args) => this.host.call(op, args) as Promise<Awaited<ReturnType<WorkbookPort[K]>>>;
  }

  /** Sends marks in slices; the worker holds them until the one command that writes them all. */
  private async sendMarks(marks: readonly Mark[]): Promise<number> {
    let stage: number | undefined;
    try {
      for (let from = 0; from < marks.length; from += SLICE) stage = await this.host.stageMarks(stage, marks.slice(from, from + SLICE));
    } catch (error) {
      if (stage !== undefined) await this.host.unstage(stage);
      throw error;
    }
    if (stage === undefined) throw new Error("no marks were sent");
    return stage;
  }

  private notify(change: SheetChange): void {
    for (const l of [...this.listeners]) {
      try {
        l.change(change);
      } catch (e) {
        l.error(e);
      }
    }
  }
}
