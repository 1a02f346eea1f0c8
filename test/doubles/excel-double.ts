import { MAX_COLUMNS, MAX_ROWS, parseRange, rangeAddress, type Rect } from "../../src/core/a1";
import {
  assertColor,
  contains,
  intersects,
  matrix,
  officeAddress,
  OfficeDoubleError,
  readValue,
  valueType,
  WorkbookModel,
  type BatchRecord,
  type BordersModel,
  type ChartModel,
  type ChangedEventModel,
  type CellStyleModel,
  type ConditionalFormatModel,
  type PageLayoutModel,
  type SheetModel,
  type TableModel,
  type ValidationModel,
} from "./excel-model";

/**
 * A strict in-memory double of the Excel JavaScript API subset the Office.js adapter uses.
 *
 * It behaves like Office where it matters to an adapter:
 * - proxies queue work; property writes, method calls and loads take effect at `context.sync()`,
 *   in queue order; the first failing operation rejects the sync (earlier ones stay applied,
 *   later ones are dropped — a batch is not a transaction);
 * - reading a scalar property that was neither loaded (and synced) nor set locally throws
 *   `PropertyNotLoaded`; `isNullObject` is readable only after the sync that resolved the object;
 * - `getItem` of a missing item fails at sync with `ItemNotFound`; `*OrNullObject` gives a null object;
 * - real errors for invalid operations (sheet/table name in use or invalid, table over another
 *   table or over merged cells, array shape not matching the range, mixed validation …);
 * - `values` writes are typed like user input unless the cell is formatted as text (`@`);
 * - what Office's reference and issue tracker say real Excel does, each cited where modelled:
 *   conditional formats addressed by priority and shifting on delete, rules Excel cannot read
 *   back, the 512 merged-areas limit, 5 MB requests and responses (with Office's JSON per
 *   operation), visible views without hidden columns, `RangeAreas.address` as Excel writes it,
 *   no `triggerSource` below ExcelApi 1.14 and no `use1904DateSystem` below 1.16
 *   (`model.excelApiMinor`).
 *
 * Every sync is counted and each batch's size recorded (JSON bytes of the queued requests plus the
 * payload loaded back) on the model: `model.syncs`, `model.batches`, `model.maxBatchBytes`.
 * Anything outside the subset is absent, so an adapter calling it fails loudly.
 */

export { WorkbookModel, OfficeDoubleError } from "./excel-model";
export type {
  BatchRecord,
  ChangedEventModel,
  ChartModel,
  CellModel,
  CellStyleModel,
  ConditionalFormatModel,
  PageLayoutModel,
  SeedValue,
  SheetModel,
  TableModel,
} from "./excel-model";

/**
 * The longest address list `Worksheet.getRanges` accepts here. Office documents no limit, but
 * fails with InvalidArgument on lists of about 8,200 characters (office-js issue #5198).
 */
export const MAX_AREAS_ADDRESS = 8192;

/** Most merged areas `Range.getMergedAreasOrNullObject` returns (see there). */
export const MAX_MERGED_AREAS = 512;

interface Op {
  readonly request: unknown;
  run(): unknown;
}

type LoadSpec = string | string[] | { select?: string | string[] } | Record<string, unknown> | undefined;

function loadPaths(spec: LoadSpec): string[] {
  if (spec === undefined) return [];
  if (typeof spec === "string")
    return spec
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => loadPaths(s));
  if ("select" in spec) return loadPaths(spec.select as string | string[] | undefined);
  return Object.entries(spec)
    .filter(([, v]) => v === true)
    .map(([k]) => k);
}

const jsonBytes = (x: unknown): number => Buffer.byteLength(JSON.stringify(x) ?? "", "utf8");

/**
 * Excel on the web refuses a request or a response over 5 MB with `RequestPayloadSizeLimitExceeded`
 * / `ResponsePayloadSizeLimitExceeded` ("Error handling with the application-specific JavaScript
 * APIs", https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling;
 * "Resource limits": https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 * Checked on every host here (the strictest wins). The double counts decimal megabytes.
 */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/**
 * Office's batch JSON names every object path and action with ids, types and argument wrappers;
 * a queued operation costs about this much beyond its own arguments.
 */
export const OP_OVERHEAD_BYTES = 120;

export class DoubleContext {
  readonly workbook: WorkbookProxy;
  private queue: Op[] = [];

  constructor(readonly model: WorkbookModel) {
    this.workbook = new WorkbookProxy(this);
  }

  private _runtime?: RuntimeProxy;

  /** `context.runtime` (ExcelApi 1.8): `enableEvents` of the add-in's runtime. */
  get runtime(): RuntimeProxy {
    return (this._runtime ??= new RuntimeProxy(this, "runtime", () => this.model, false));
  }

  get pendingOps(): number {
    return this.queue.length;
  }

  _enqueue(op: Op): void {
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.model.syncs++;
    const request = ops.reduce((n, op) => n + jsonBytes(op.request) + OP_OVERHEAD_BYTES, 0);
    let response = 0;
    let failure: unknown;
    if (request > PAYLOAD_LIMIT_BYTES) {
      // Nothing of an oversized request runs.
      failure = new OfficeDoubleError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    } else {
      for (const op of ops) {
        try {
          const payload = op.run();
          response += OP_OVERHEAD_BYTES / 4 + (payload !== undefined ? jsonBytes(payload) : 0);
        } catch (e) {
          failure = e;
          break;
        }
      }
      if (failure === undefined && response > PAYLOAD_LIMIT_BYTES)
        failure = new OfficeDoubleError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    }
    const record: BatchRecord = { ops: ops.length, bytes: request + response, requestBytes: request, responseBytes: response };
    this.model.batches.push(record);
    await Promise.resolve();
    if (failure !== undefined) throw failure;
  }
}

type Scalars<T> = Record<string, (t: T, model: WorkbookModel) => unknown>;

abstract class ClientObject<T> {
  protected readonly _loaded = new Map<string, unknown>();
  private _t: T | null | undefined;
  private _resolved = false;

  constructor(
    readonly context: DoubleContext,
    protected readonly _path: string,
    private readonly _resolver: () => T | null,
    private readonly _orNull: boolean,
  ) {}

  /** The object's path in a request (how another object's call names it as an argument). */
  _requestPath(): string {
    return this._path;
  }

  /** Scalar properties this object can load. */
  protected abstract _scalars(): Scalars<T>;
  /** Navigation properties (for `load("format/columnWidth")`). */
  protected _nav(_name: string): ClientObject<unknown> | undefined {
    return undefined;
  }

  /** Queues the resolution of an object created by a method, so errors surface at that sync. */
  protected _queueResolve(): this {
    this.context._enqueue({ request: { path: this._path, op: "get" }, run: () => void this._resolve() });
    return this;
  }

  _preset(t: T): this {
    this._t = t;
    this._resolved = true;
    return this;
  }

  _resolve(): T | null {
    if (!this._resolved) {
      const t = this._resolver();
      if (t === null && !this._orNull) throw new OfficeDoubleError("ItemNotFound", `The requested resource doesn't exist (${this._path}).`);
      this._t = t;
      this._resolved = true;
    }
    return this._t as T | null;
  }

  _target(): T {
    const t = this._resolve();
    if (t === null) throw new OfficeDoubleError("InvalidOperation", `The object is a null object (${this._path}).`);
    return t;
  }

  get isNullObject(): boolean {
    if (!this._resolved)
      throw new OfficeDoubleError(
        "PropertyNotLoaded",
        `The property 'isNullObject' is not available before context.sync() (${this._path}).`,
      );
    return this._t === null;
  }

  protected _get<V>(name: string): V {
    if (!this._loaded.has(name))
      throw new OfficeDoubleError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context. (${this._path})`,
      );
    return this._loaded.get(name) as V;
  }

  protected _set(name: string, value: unknown, apply: (t: T) => void): void {
    this._loaded.set(name, value);
    this.context._enqueue({ request: { path: this._path, op: "set", prop: name, value }, run: () => apply(this._target()) });
  }

  protected _call(name: string, args: unknown[], apply: (t: T) => void): void {
    this.context._enqueue({ request: { path: this._path, op: "call", method: name, args }, run: () => apply(this._target()) });
  }

  /**
   * Loads `paths` (scalars and `nav/scalar` paths; none: every scalar) at once, inside a sync —
   * how the items of a loaded collection get their properties. A null object loads nothing.
   */
  _loadNow(paths: readonly string[]): Record<string, unknown> | undefined {
    const t = this._resolve();
    if (t === null) return undefined;
    const scalars = this._scalars();
    const own = paths.length === 0 ? Object.keys(scalars) : [];
    const nested = new Map<string, string[]>();
    for (const p of paths) {
      const [head, ...rest] = p.split("/");
      if (head in scalars && rest.length === 0) own.push(head);
      else {
        if (!this._nav(head)) throw new OfficeDoubleError("InvalidArgument", `Cannot load "${p}" on ${this._path}.`);
        const sub = nested.get(head) ?? [];
        if (rest.length > 0) sub.push(rest.join("/"));
        nested.set(head, sub);
      }
    }
    const payload: Record<string, unknown> = {};
    for (const name of own) {
      const v = structuredClone(scalars[name](t, this.context.model));
      this._loaded.set(name, v);
      payload[name] = v;
    }
    for (const [head, sub] of nested) payload[head] = (this._nav(head) as ClientObject<unknown>)._loadNow(sub);
    return payload;
  }

  /**
   * Queues the load of scalars and `nav/…` paths, all resolved at the sync. On a null object
   * nothing loads — its navigation properties are null objects too, as in Office.
   */
  load(spec?: LoadSpec): this {
    const scalars = this._scalars();
    const paths = loadPaths(spec);
    for (const p of paths) {
      const [head, ...rest] = p.split("/");
      if (!(head in scalars && rest.length === 0) && !this._nav(head))
        throw new OfficeDoubleError("InvalidArgument", `Cannot load "${p}" on ${this._path}.`);
    }
    this.context._enqueue({ request: { path: this._path, op: "load", props: paths }, run: () => this._loadNow(paths) });
    return this;
  }
}

// ---- workbook -----------------------------------------------------------------------------------

export class WorkbookProxy {
  private _worksheets?: WorksheetCollectionProxy;
  private _tables?: TableCollectionProxy;
  private _names?: NamedItemCollectionProxy;
  private _use1904?: boolean;

  constructor(readonly context: DoubleContext) {}

  /**
   * Only `use1904DateSystem` (ExcelApi 1.16) loads on the workbook; on an older host the property
   * does not exist and the batch fails with ApiNotFound.
   */
  load(spec: string): this {
    const paths = loadPaths(spec);
    for (const p of paths)
      if (p !== "use1904DateSystem") throw new OfficeDoubleError("InvalidArgument", `The double cannot load "${p}" on the workbook.`);
    const model = this.context.model;
    this.context._enqueue({
      request: { path: "workbook", op: "load", props: paths },
      run: () => {
        if (model.excelApiMinor < 16) throw new OfficeDoubleError("ApiNotFound", "The API you are trying to use could not be found.");
        this._use1904 = model.use1904DateSystem;
        return { use1904DateSystem: this._use1904 };
      },
    });
    return this;
  }

  get use1904DateSystem(): boolean {
    if (this._use1904 === undefined)
      throw new OfficeDoubleError("PropertyNotLoaded", "The property 'use1904DateSystem' is not available: load it first.");
    return this._use1904;
  }

  get worksheets(): WorksheetCollectionProxy {
    return (this._worksheets ??= new WorksheetCollectionProxy(this.context));
  }

  get tables(): TableCollectionProxy {
    return (this._tables ??= new TableCollectionProxy(this.context, "workbook.tables", () => null));
  }

  get names(): NamedItemCollectionProxy {
    return (this._names ??= new NamedItemCollectionProxy(this.context));
  }

  getSelectedRange(): RangeProxy {
    const model = this.context.model;
    return new RangeProxy(this.context, "workbook.getSelectedRange()", () => ({ ...model.selection }), false)._queueResolveRange();
  }

  /** Every area of the selection (ExcelApi 1.9), on the active sheet. */
  getSelectedRanges(): RangeAreasProxy {
    const model = this.context.model;
    return new RangeAreasProxy(
      this.context,
      "workbook.getSelectedRanges()",
      () => ({ sheet: model.selection.sheet, rects: model.selectedRects }),
      false,
    )._queueAreas();
  }

  getActiveCell(): RangeProxy {
    const model = this.context.model;
    return new RangeProxy(this.context, "workbook.getActiveCell()", () => model.activeCell, false)._queueResolveRange();
  }
}

/** `workbook.names`: only loading the names is supported. */
export class NamedItemCollectionProxy {
  private _items?: { readonly name: string }[];

  constructor(readonly context: DoubleContext) {}

  get items(): { readonly name: string }[] {
    if (!this._items) throw new OfficeDoubleError("PropertyNotLoaded", "The property 'items' is not available: load workbook.names first.");
    return this._items;
  }

  load(spec?: LoadSpec): this {
    const props = itemProps(spec, { name: () => "" });
    this.context._enqueue({
      request: { path: "workbook.names", op: "load", props },
      run: () => {
        this._items = this.context.model.names.map((name) => ({ name }));
        return this._items;
      },
    });
    return this;
  }
}

// ---- worksheets ---------------------------------------------------------------------------------

const sheetScalars: Scalars<SheetModel> = {
  name: (s) => s.name,
  id: (s) => s.id,
  position: (s, m) => m.sheets.indexOf(s),
  visibility: (s) => s.visibility,
};

export class WorksheetCollectionProxy extends ClientObject<WorkbookModel> {
  private _items?: WorksheetProxy[];

  constructor(context: DoubleContext) {
    super(context, "workbook.worksheets", () => context.model, false);
  }

  protected _scalars(): Scalars<WorkbookModel> {
    return {};
  }

  get items(): WorksheetProxy[] {
    if (!this._items) throw new OfficeDoubleError("PropertyNotLoaded", "The property 'items' is not available: load the collection first.");
    return this._items;
  }

  override load(spec?: LoadSpec): this {
    const paths = itemPaths(spec);
    this.context._enqueue({
      request: { path: this._path, op: "load", props: paths },
      run: () => {
        const model = this.context.model;
        const items = model.sheets.map((s, i) => new WorksheetProxy(this.context, `${this._path}[${i}]`, () => s, false)._preset(s));
        const payload = items.map((p) => p._loadNow(paths));
        this._items = items;
        return payload;
      },
    });
    return this;
  }

  add(name?: string): WorksheetProxy {
    const proxy = new WorksheetProxy(this.context, `${this._path}.add(${JSON.stringify(name)})`, () => null, false);
    this.context._enqueue({
      request: { path: this._path, op: "call", method: "add", args: [name] },
      run: () => void proxy._preset(this.context.model.createSheet(name)),
    });
    return proxy;
  }

  getItem(key: string): WorksheetProxy {
    const model = this.context.model;
    return new WorksheetProxy(
      this.context,
      `${this._path}.getItem(${JSON.stringify(key)})`,
      () => model.findSheet(key) ?? null,
      false,
    )._queue();
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    const model = this.context.model;
    return new WorksheetProxy(
      this.context,
      `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`,
      () => model.findSheet(key) ?? null,
      true,
    )._queue();
  }

  getActiveWorksheet(): WorksheetProxy {
    const model = this.context.model;
    return new WorksheetProxy(this.context, `${this._path}.getActiveWorksheet()`, () => model.activeSheet, false)._queue();
  }

  private _onChanged?: ChangedEventHandlers;

  /** `worksheets.onChanged` (ExcelApi 1.9): changes on any sheet. */
  get onChanged(): ChangedEventHandlers {
    return (this._onChanged ??= new ChangedEventHandlers(this.context));
  }
}

/** `OfficeExtension.EventHandlers`: a handler is registered (or removed) at the next sync. */
export class ChangedEventHandlers {
  constructor(readonly context: DoubleContext) {}

  add(handler: (event: ChangedEventModel) => unknown): { readonly context: DoubleContext; remove(): void } {
    if (typeof handler !== "function") throw new OfficeDoubleError("InvalidArgument", "The event handler must be a function.");
    const model = this.context.model;
    this.context._enqueue({
      request: { path: "workbook.worksheets.onChanged", op: "add" },
      run: () => void model.changeHandlers.add(handler),
    });
    const context = this.context;
    return {
      context,
      remove: () =>
        context._enqueue({
          request: { path: "workbook.worksheets.onChanged", op: "remove" },
          run: () => {
            if (!model.changeHandlers.delete(handler))
              throw new OfficeDoubleError("InvalidOperation", "The event handler is not registered.");
          },
        }),
    };
  }
}

/** `context.runtime`: only `enableEvents` is modelled. */
export class RuntimeProxy extends ClientObject<WorkbookModel> {
  protected _scalars(): Scalars<WorkbookModel> {
    return { enableEvents: (m) => m.eventsEnabled };
  }

  get enableEvents(): boolean {
    return this._get("enableEvents");
  }
  set enableEvents(v: boolean) {
    this._set("enableEvents", v, (m) => {
      if (typeof v !== "boolean") throw new OfficeDoubleError("InvalidArgument", "enableEvents must be a boolean.");
      m.eventsEnabled = v;
    });
  }
}

/** Paths to load on each item of a collection (`items/name`, `items/protection/protected`); none: all scalars. */
function itemPaths(spec: LoadSpec): string[] {
  const paths = loadPaths(spec).map((p) => p.replace(/^items\//, ""));
  return paths.includes("items") ? [] : paths;
}

/** Props to load on each item of a collection: `items/name`, `name`, or all scalars. */
function itemProps<T>(spec: LoadSpec, scalars: Scalars<T>): string[] {
  const paths = loadPaths(spec).map((p) => p.replace(/^items\//, ""));
  if (paths.length === 0 || paths.includes("items")) return Object.keys(scalars);
  for (const p of paths)
    if (!(p in scalars)) throw new OfficeDoubleError("InvalidArgument", `The double cannot load "${p}" on collection items.`);
  return paths;
}

export class WorksheetProxy extends ClientObject<SheetModel> {
  private _tables?: TableCollectionProxy;
  private _freezePanes?: FreezePanesProxy;
  private _pageLayout?: PageLayoutProxy;
  private _protection?: WorksheetProtectionProxy;

  protected _scalars(): Scalars<SheetModel> {
    return sheetScalars;
  }

  protected override _nav(name: string): ClientObject<unknown> | undefined {
    return name === "protection" ? (this.protection as ClientObject<unknown>) : undefined;
  }

  _queue(): this {
    return this._queueResolve();
  }

  /** Loads props synchronously (collection items, inside a sync). */
  _fill(props: string[]): Record<string, unknown> {
    const t = this._target();
    const out: Record<string, unknown> = {};
    for (const p of props) {
      const v = sheetScalars[p](t, this.context.model);
      this._loaded.set(p, v);
      out[p] = v;
    }
    return out;
  }

  get name(): string {
    return this._get("name");
  }
  get id(): string {
    return this._get("id");
  }
  get position(): number {
    return this._get("position");
  }
  get visibility(): string {
    return this._get("visibility");
  }
  set visibility(v: string) {
    this._set("visibility", v, (s) => this.context.model.setVisibility(s, v));
  }

  get protection(): WorksheetProtectionProxy {
    return (this._protection ??= new WorksheetProtectionProxy(this.context, `${this._path}.protection`, () => this._target(), false));
  }

  /** `getRanges("A1:B2, D5")`: areas separated by commas or semicolons, on this sheet. */
  getRanges(address?: string): RangeAreasProxy {
    return new RangeAreasProxy(
      this.context,
      `${this._path}.getRanges(${JSON.stringify(address ?? "")})`,
      () => {
        const sheet = this._target();
        if (address === undefined) return { sheet, rects: [{ top: 1, left: 0, bottom: MAX_ROWS, right: MAX_COLUMNS - 1 }] };
        const model = this.context.model;
        model.longestAreasAddress = Math.max(model.longestAreasAddress, address.length);
        if (address.length > MAX_AREAS_ADDRESS)
          throw new OfficeDoubleError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
        const rects = splitAreas(address).map((part) => {
          const r = parseRange(part);
          if (!r || (r.sheet !== undefined && r.sheet.toLowerCase() !== sheet.name.toLowerCase()))
            throw new OfficeDoubleError("InvalidArgument", `The address "${part}" is not valid on sheet "${sheet.name}".`);
          return { top: r.top, left: r.left, bottom: r.bottom, right: r.right };
        });
        return { sheet, rects };
      },
      false,
    )._queueAreas();
  }

  get tables(): TableCollectionProxy {
    return (this._tables ??= new TableCollectionProxy(this.context, `${this._path}.tables`, () => this._target()));
  }

  private _charts?: ChartCollectionProxy;

  get charts(): ChartCollectionProxy {
    return (this._charts ??= new ChartCollectionProxy(this.context, `${this._path}.charts`, () => this._target(), false));
  }

  get pageLayout(): PageLayoutProxy {
    return (this._pageLayout ??= new PageLayoutProxy(this.context, `${this._path}.pageLayout`, () => this._target(), false));
  }

  get freezePanes(): FreezePanesProxy {
    return (this._freezePanes ??= new FreezePanesProxy(this.context, `${this._path}.freezePanes`, () => this._target(), false));
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(
      this.context,
      `${this._path}.getRange(${JSON.stringify(address ?? "")})`,
      () => {
        const sheet = this._target();
        if (address === undefined) return { sheet, rect: { top: 1, left: 0, bottom: MAX_ROWS, right: MAX_COLUMNS - 1 } };
        const r = parseRange(address);
        if (!r || (r.sheet !== undefined && r.sheet.toLowerCase() !== sheet.name.toLowerCase()))
          throw new OfficeDoubleError("InvalidArgument", `The address "${address}" is not valid on sheet "${sheet.name}".`);
        return { sheet, rect: { top: r.top, left: r.left, bottom: r.bottom, right: r.right } };
      },
      false,
    )._queueResolveRange();
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(
      this.context,
      `${this._path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`,
      () => {
        const ok =
          [startRow, startColumn, rowCount, columnCount].every(Number.isInteger) &&
          startRow >= 0 &&
          startColumn >= 0 &&
          rowCount > 0 &&
          columnCount > 0 &&
          startRow + rowCount <= MAX_ROWS &&
          startColumn + columnCount <= MAX_COLUMNS;
        if (!ok) throw new OfficeDoubleError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
        return {
          sheet: this._target(),
          rect: { top: startRow + 1, left: startColumn, bottom: startRow + rowCount, right: startColumn + columnCount - 1 },
        };
      },
      false,
    )._queueResolveRange();
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      `${this._path}.getUsedRangeOrNullObject(${valuesOnly === true})`,
      () => {
        const sheet = this._target();
        const rect = sheet.usedRect(valuesOnly === true);
        return rect ? { sheet, rect } : null;
      },
      true,
    )._queueResolveRange();
  }

  activate(): void {
    this._call("activate", [], (s) => this.context.model.activate(s));
  }

  delete(): void {
    this._call("delete", [], (s) => this.context.model.deleteSheet(s));
  }
}

// ---- charts (ExcelApi 1.1) ------------------------------------------------------------------------

/**
 * The chart types Excel.ChartType lists (@types/office-js, ExcelApi 1.1+), less `Invalid` and the
 * non-chart values the enum also carries: an adapter passing anything else fails here as in Office.
 */
const CHART_TYPES: ReadonlySet<string> = new Set(
  (
    "ColumnClustered ColumnStacked ColumnStacked100 3DColumnClustered 3DColumnStacked 3DColumnStacked100 BarClustered BarStacked " +
    "BarStacked100 3DBarClustered 3DBarStacked 3DBarStacked100 LineStacked LineStacked100 LineMarkers LineMarkersStacked " +
    "LineMarkersStacked100 PieOfPie PieExploded 3DPieExploded BarOfPie XYScatterSmooth XYScatterSmoothNoMarkers XYScatterLines " +
    "XYScatterLinesNoMarkers AreaStacked AreaStacked100 3DAreaStacked 3DAreaStacked100 DoughnutExploded RadarMarkers RadarFilled " +
    "Surface SurfaceWireframe SurfaceTopView SurfaceTopViewWireframe Bubble Bubble3DEffect StockHLC StockOHLC StockVHLC StockVOHLC " +
    "3DColumn Line 3DLine 3DPie Pie XYScatter 3DArea Area Doughnut Radar Histogram Boxwhisker Pareto RegionMap Treemap Waterfall Sunburst"
  ).split(" "),
);
const SERIES_BY: ReadonlySet<string> = new Set(["Auto", "Columns", "Rows"]);

/**
 * `worksheet.charts`: `add(type, sourceData, seriesBy)` and `count` — "Creates a new chart"
 * (ExcelApi 1.1, https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartcollection).
 * The source must be a Range of this workbook; an unknown type or seriesBy fails with InvalidArgument.
 */
export class ChartCollectionProxy extends ClientObject<SheetModel> {
  protected _scalars(): Scalars<SheetModel> {
    return { count: (s) => s.charts.length };
  }

  get count(): number {
    return this._get("count");
  }

  add(type: string, sourceData: RangeProxy, seriesBy: string = "Auto"): ChartProxy {
    if (!(sourceData instanceof RangeProxy)) throw new OfficeDoubleError("InvalidArgument", "charts.add: sourceData must be a Range.");
    let made: ChartModel | undefined;
    const chart = new ChartProxy(
      this.context,
      `${this._path}.add(${JSON.stringify(type)})`,
      () => {
        if (!made) throw new OfficeDoubleError("InvalidOperation", "The chart was not created.");
        return made;
      },
      false,
    );
    this.context._enqueue({
      request: { path: this._path, op: "call", method: "add", args: [type, sourceData._requestPath(), seriesBy] },
      run: () => {
        const sheet = this._target();
        sheet.assertEditable();
        if (!CHART_TYPES.has(type)) throw new OfficeDoubleError("InvalidArgument", `charts.add: "${type}" is not an Excel.ChartType.`);
        if (!SERIES_BY.has(seriesBy))
          throw new OfficeDoubleError("InvalidArgument", `charts.add: "${seriesBy}" is not an Excel.ChartSeriesBy.`);
        const source = sourceData._target();
        made = {
          name: `Chart ${sheet.charts.length + 1}`,
          type,
          source: officeAddress(source.sheet, source.rect),
          seriesBy: seriesBy as ChartModel["seriesBy"],
        };
        sheet.charts.push(made);
      },
    });
    return chart;
  }
}

/** A chart: its title's text and `setPosition` (both ExcelApi 1.1). */
export class ChartProxy extends ClientObject<ChartModel> {
  private _title?: ChartTitleProxy;

  protected _scalars(): Scalars<ChartModel> {
    return { name: (c) => c.name, chartType: (c) => c.type };
  }

  get name(): string {
    return this._get("name");
  }

  get title(): ChartTitleProxy {
    return (this._title ??= new ChartTitleProxy(this.context, `${this._path}.title`, () => this._target(), false));
  }

  /** `setPosition(startCell, endCell?)` with A1 addresses on the chart's sheet. */
  setPosition(startCell: string, endCell?: string): void {
    for (const a of [startCell, endCell]) {
      if (a !== undefined && !parseRange(a)) throw new OfficeDoubleError("InvalidArgument", `setPosition: "${a}" is not a cell address.`);
    }
    this._call("setPosition", [startCell, endCell], (c) => {
      c.topLeft = startCell;
      c.bottomRight = endCell;
    });
  }
}

export class ChartTitleProxy extends ClientObject<ChartModel> {
  protected _scalars(): Scalars<ChartModel> {
    return { text: (c) => c.title ?? "" };
  }

  get text(): string {
    return this._get("text");
  }
  set text(v: string) {
    this._set("text", v, (c) => {
      c.title = v;
    });
  }
}

/** Areas of an address list; commas inside a quoted sheet name do not separate areas. */
function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && (ch === "," || ch === ";")) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim());
}

export class WorksheetProtectionProxy extends ClientObject<SheetModel> {
  protected _scalars(): Scalars<SheetModel> {
    return { protected: (s) => s.protected };
  }

  get protected(): boolean {
    return this._get("protected");
  }
}

export class FreezePanesProxy extends ClientObject<SheetModel> {
  protected _scalars(): Scalars<SheetModel> {
    return {};
  }

  freezeRows(count = 1): void {
    this._call("freezeRows", [count], (s) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS) throw new OfficeDoubleError("InvalidArgument", "Bad freeze count.");
      s.frozenRows = count;
    });
  }
}

// ---- ranges -------------------------------------------------------------------------------------

export interface RangeTarget {
  readonly sheet: SheetModel;
  readonly rect: Rect;
}

const rangeScalars: Scalars<RangeTarget> = {
  address: (t) => officeAddress(t.sheet, t.rect),
  rowIndex: (t) => t.rect.top - 1,
  columnIndex: (t) => t.rect.left,
  rowCount: (t) => t.rect.bottom - t.rect.top + 1,
  columnCount: (t) => t.rect.right - t.rect.left + 1,
  cellCount: (t) => (t.rect.bottom - t.rect.top + 1) * (t.rect.right - t.rect.left + 1),
  values: (t) => matrix(t.rect, (r, c) => readValue(t.sheet.cellAt(r, c))),
  valueTypes: (t) => matrix(t.rect, (r, c) => valueType(t.sheet.cellAt(r, c))),
  numberFormat: (t) => matrix(t.rect, (r, c) => t.sheet.cellAt(r, c)?.format ?? "General"),
  formulas: (t) =>
    matrix(t.rect, (r, c) => {
      const cell = t.sheet.cellAt(r, c);
      return cell?.formula ?? readValue(cell);
    }),
};

export class RangeProxy extends ClientObject<RangeTarget> {
  private _format?: RangeFormatProxy;
  private _dataValidation?: DataValidationProxy;
  private _worksheet?: WorksheetProxy;
  private _conditionalFormats?: ConditionalFormatCollectionProxy;

  protected _scalars(): Scalars<RangeTarget> {
    return rangeScalars;
  }

  protected override _nav(name: string): ClientObject<unknown> | undefined {
    if (name === "format") return this.format as ClientObject<unknown>;
    if (name === "dataValidation") return this.dataValidation as ClientObject<unknown>;
    if (name === "worksheet") return this.worksheet as ClientObject<unknown>;
    return undefined;
  }

  _queueResolveRange(): this {
    return this._queueResolve();
  }

  get address(): string {
    return this._get("address");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }
  get formulas(): unknown[][] {
    return this._get("formulas");
  }

  get values(): unknown[][] {
    return this._get("values");
  }
  set values(v: unknown[][]) {
    this._set("values", v, (t) => this.context.model.writeValues(t.sheet, t.rect, v));
  }

  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this._set("numberFormat", v, (t) => this.context.model.writeFormats(t.sheet, t.rect, v));
  }

  get format(): RangeFormatProxy {
    return (this._format ??= new RangeFormatProxy(this.context, `${this._path}.format`, () => this._target(), false));
  }

  get dataValidation(): DataValidationProxy {
    return (this._dataValidation ??= new DataValidationProxy(this.context, `${this._path}.dataValidation`, () => this._target(), false));
  }

  get worksheet(): WorksheetProxy {
    return (this._worksheet ??= new WorksheetProxy(this.context, `${this._path}.worksheet`, () => this._target().sheet, false));
  }

  /** The conditional formats that intersect the range. */
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return (this._conditionalFormats ??= new ConditionalFormatCollectionProxy(this.context, `${this._path}.conditionalFormats`, () => {
      const t = this._target();
      return { sheet: t.sheet, rects: [t.rect] };
    }));
  }

  select(): void {
    this._call("select", [], (t) => this.context.model.selectRange(t.sheet, t.rect));
  }

  merge(across?: boolean): void {
    this._call("merge", [across], (t) => this.context.model.mergeRange(t.sheet, t.rect, across));
  }

  /** The visible cells of the range (rows hidden on the sheet left out). */
  getVisibleView(): RangeViewProxy {
    return new RangeViewProxy(this.context, `${this._path}.getVisibleView()`, () => this._target(), false)._queueView();
  }

  clear(applyTo?: string): void {
    this._call("clear", [applyTo], (t) => this.context.model.clearRange(t.sheet, t.rect, applyTo));
  }

  /** Tables overlapping the range (`fullyContained`: only those inside it). */
  getTables(fullyContained?: boolean): TableCollectionProxy {
    return new TableCollectionProxy(
      this.context,
      `${this._path}.getTables(${fullyContained === true})`,
      () => this._target().sheet,
      (t) => {
        const { rect } = this._target();
        return fullyContained === true ? contains(rect, t.rect) : intersects(rect, t.rect);
      },
    );
  }

  /**
   * Merged areas whose top-left cell lies in this range — like Office, which does not report a
   * merged area starting above or left of the range (office-js issue #3611).
   */
  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(
      this.context,
      `${this._path}.getMergedAreasOrNullObject()`,
      () => {
        const { sheet, rect } = this._target();
        const rects = sheet.merges.filter((m) => contains(rect, { top: m.top, left: m.left, bottom: m.top, right: m.left }));
        // "if the merged areas count in this range is more than 512, then this method will fail to
        // return the result" (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)).
        // The error code is not documented; the double answers GeneralException.
        if (rects.length > MAX_MERGED_AREAS)
          throw new OfficeDoubleError("GeneralException", `More than ${MAX_MERGED_AREAS} merged areas in ${rangeAddress(rect)}.`);
        return rects.length > 0 ? { sheet, rects } : null;
      },
      true,
    )._queueAreas();
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      `${this._path}.getUsedRangeOrNullObject(${valuesOnly === true})`,
      () => {
        const { sheet, rect } = this._target();
        const used = sheet.usedRect(valuesOnly === true, rect);
        return used ? { sheet, rect: used } : null;
      },
      true,
    )._queueResolveRange();
  }
}

export class RangeFormatProxy extends ClientObject<RangeTarget> {
  private _style?: StyleWriter;

  private get _w(): StyleWriter {
    return (this._style ??= new StyleWriter(this.context, this._path, () => {
      const t = this._target();
      return { sheet: t.sheet, rects: [t.rect] };
    }));
  }
  get font(): FontProxy {
    return this._w.font;
  }
  get fill(): FillProxy {
    return this._w.fill;
  }
  get borders(): BorderCollectionProxy {
    return this._w.borders;
  }
  set horizontalAlignment(v: string) {
    this._w.set("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    this._w.set("verticalAlignment", v);
  }
  set wrapText(v: boolean) {
    this._w.set("wrapText", v);
  }
  set rowHeight(points: number) {
    this._set("rowHeight", points, ({ sheet, rect }) => {
      if (typeof points !== "number" || !(points >= 0) || points > 409)
        throw new OfficeDoubleError("InvalidArgument", `Bad row height ${points}.`);
      for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r, points);
    });
  }

  protected _scalars(): Scalars<RangeTarget> {
    return {
      columnWidth: ({ sheet, rect }) => {
        const first = sheet.columnWidth(rect.left);
        for (let c = rect.left + 1; c <= rect.right; c++) if (sheet.columnWidth(c) !== first) return null;
        return first;
      },
    };
  }

  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(points: number) {
    this._set("columnWidth", points, ({ sheet, rect }) => {
      if (typeof points !== "number" || !(points >= 0) || points > 1800)
        throw new OfficeDoubleError("InvalidArgument", `Bad column width ${points}.`);
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, points);
    });
  }
}

export class DataValidationProxy extends ClientObject<RangeTarget> {
  protected _scalars(): Scalars<RangeTarget> {
    const uniform = (prop: keyof ValidationModel) => (t: RangeTarget) => {
      const seen = new Set<string>();
      let value: unknown = null;
      for (let r = t.rect.top; r <= t.rect.bottom; r++)
        for (let c = t.rect.left; c <= t.rect.right; c++) {
          value = t.sheet.cellAt(r, c)?.validation?.[prop] ?? null;
          seen.add(JSON.stringify(value));
          if (seen.size > 1) return null;
        }
      return value;
    };
    return { rule: uniform("rule"), errorAlert: uniform("errorAlert"), prompt: uniform("prompt"), ignoreBlanks: uniform("ignoreBlanks") };
  }

  private _write(prop: keyof ValidationModel, value: unknown): void {
    this._set(prop, value, (t) => this.context.model.writeValidation(t.sheet, t.rect, prop, value));
  }

  get rule(): unknown {
    return this._get("rule");
  }
  set rule(v: unknown) {
    this._write("rule", v);
  }
  get errorAlert(): unknown {
    return this._get("errorAlert");
  }
  set errorAlert(v: unknown) {
    this._write("errorAlert", v);
  }
  get prompt(): unknown {
    return this._get("prompt");
  }
  set prompt(v: unknown) {
    this._write("prompt", v);
  }
  get ignoreBlanks(): boolean {
    return this._get("ignoreBlanks");
  }
  set ignoreBlanks(v: boolean) {
    this._write("ignoreBlanks", v);
  }

  clear(): void {
    this._call("clear", [], (t) => this.context.model.clearValidation(t.sheet, t.rect));
  }
}

interface AreasTarget {
  readonly sheet: SheetModel;
  readonly rects: readonly Rect[];
}

export class RangeAreasProxy extends ClientObject<AreasTarget> {
  private _conditionalFormats?: ConditionalFormatCollectionProxy;
  private _areas?: RangeCollectionProxy;
  private _areasWorksheet?: WorksheetProxy;
  private _areasFormat?: AreasFormatProxy;

  /** The areas as ranges (ExcelApi 1.9). */
  get areas(): RangeCollectionProxy {
    return (this._areas ??= new RangeCollectionProxy(this.context, `${this._path}.areas`, () => this._target()));
  }

  get worksheet(): WorksheetProxy {
    return (this._areasWorksheet ??= new WorksheetProxy(this.context, `${this._path}.worksheet`, () => this._target().sheet, false));
  }

  /** Formatting of every area at once. */
  get format(): AreasFormatProxy {
    return (this._areasFormat ??= new AreasFormatProxy(this.context, `${this._path}.format`, () => this._target(), false));
  }

  protected override _nav(name: string): ClientObject<unknown> | undefined {
    if (name === "worksheet") return this.worksheet as ClientObject<unknown>;
    return undefined;
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return (this._conditionalFormats ??= new ConditionalFormatCollectionProxy(this.context, `${this._path}.conditionalFormats`, () =>
      this._target(),
    ));
  }

  protected _scalars(): Scalars<AreasTarget> {
    return {
      // As Excel writes it: the sheet before every area, whole columns and rows the short way
      // (`Sheet1!C:C`, `Sheet1!2:3`): "Sheet1!A1:B4, Sheet1!D1:D4" in
      // https://learn.microsoft.com/javascript/api/excel/excel.rangeareas#excel-excel-rangeareas-address-member.
      address: (t) => t.rects.map((r) => officeAddress(t.sheet, r)).join(","),
      areaCount: (t) => t.rects.length,
    };
  }

  _queueAreas(): this {
    return this._queueResolve();
  }

  get address(): string {
    return this._get("address");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
}

// ---- conditional formats --------------------------------------------------------------------------

interface FormatTarget {
  readonly sheet: SheetModel;
  readonly cf: ConditionalFormatModel;
}

/** The conditional formats intersecting some areas of a sheet, highest priority first. */
export class ConditionalFormatCollectionProxy extends ClientObject<AreasTarget> {
  private _items?: ConditionalFormatProxy[];

  constructor(context: DoubleContext, path: string, areas: () => AreasTarget) {
    super(context, path, areas, false);
  }

  protected _scalars(): Scalars<AreasTarget> {
    return {};
  }

  get items(): ConditionalFormatProxy[] {
    if (!this._items) throw new OfficeDoubleError("PropertyNotLoaded", `The property 'items' is not available: load ${this._path} first.`);
    return this._items;
  }

  override load(spec?: LoadSpec): this {
    const paths = itemPaths(spec);
    this.context._enqueue({
      request: { path: this._path, op: "load", props: paths },
      run: () => {
        const { sheet, rects } = this._target();
        const scope = (): ConditionalFormatModel[] =>
          sheet.conditionalFormats.filter((cf) => cf.ranges.some((r) => rects.some((a) => intersects(a, r))));
        // Each item is addressed by its priority (its position in the collection), not by identity:
        // see ConditionalFormatProxy.
        const items = scope().map((_, i) =>
          new ConditionalFormatProxy(this.context, `${this._path}[${i}]`, () => null, false)._at(sheet, scope, i),
        );
        const payload = items.map((p) => p._loadNow(paths));
        // Only a load that succeeded makes the items readable.
        this._items = items;
        return payload;
      },
    });
    return this;
  }

  /** Adds a format over the collection's areas at the top priority. */
  add(type: string): ConditionalFormatProxy {
    const proxy = new ConditionalFormatProxy(this.context, `${this._path}.add(${JSON.stringify(type)})`, () => null, false);
    this.context._enqueue({
      request: { path: this._path, op: "call", method: "add", args: [type] },
      run: () => {
        const { sheet, rects } = this._target();
        if (type !== "Custom")
          throw new OfficeDoubleError("NotImplemented", `The double adds "Custom" conditional formats only, not ${JSON.stringify(type)}.`);
        sheet.assertEditable();
        proxy._preset({ sheet, cf: sheet.addConditionalFormat(type, rects) });
      },
    });
    return proxy;
  }
}

/**
 * A conditional format. One taken from a loaded collection is addressed by its priority, as in
 * Office: `ConditionalFormat.id` is documented as "the priority of the conditional format in the
 * current ConditionalFormatCollection", and after a priority changes "you have to re-fetch a new
 * copy of the object at that new priority location"
 * (https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-id-member,
 * #excel-excel-conditionalformat-priority-member). So after an earlier `delete()` in the same batch
 * the object reaches the format that moved up into its place — or ItemNotFound past the end
 * (office-js #5222: deleting one of two rules on a cell fails with ItemNotFound). One made by
 * `add()` keeps pointing at the format it made.
 */
export class ConditionalFormatProxy extends ClientObject<FormatTarget> {
  private _custom?: CustomConditionalFormatProxy;
  private _customOrNull?: CustomConditionalFormatProxy;
  private _position?: { sheet: SheetModel; scope: () => ConditionalFormatModel[]; index: number };

  /** Addresses this object by position `index` in `scope` (the collection's formats, highest priority first). */
  _at(sheet: SheetModel, scope: () => ConditionalFormatModel[], index: number): this {
    this._position = { sheet, scope, index };
    return this;
  }

  override _resolve(): FormatTarget | null {
    const p = this._position;
    if (!p) return super._resolve();
    const cf = p.scope()[p.index];
    if (!cf) throw new OfficeDoubleError("ItemNotFound", `The requested resource doesn't exist (${this._path}).`);
    return { sheet: p.sheet, cf };
  }

  protected _scalars(): Scalars<FormatTarget> {
    const priority = (t: FormatTarget): number => (this._position ? this._position.index : t.sheet.conditionalFormats.indexOf(t.cf));
    return {
      id: (t) => String(priority(t)),
      type: (t) => t.cf.type,
      priority,
      stopIfTrue: (t) => t.cf.stopIfTrue,
    };
  }

  protected override _nav(name: string): ClientObject<unknown> | undefined {
    if (name === "custom") return this.custom as ClientObject<unknown>;
    if (name === "customOrNullObject") return this.customOrNullObject as ClientObject<unknown>;
    return undefined;
  }

  /** The live format: one deleted earlier in the batch (or by someone else) is gone. */
  override _target(): FormatTarget {
    const t = super._target();
    if (this._position) return t;
    if (!t.sheet.conditionalFormats.includes(t.cf))
      throw new OfficeDoubleError("ItemNotFound", `The requested resource doesn't exist (${this._path}).`);
    return t;
  }

  get id(): string {
    return this._get("id");
  }
  get type(): string {
    return this._get("type");
  }
  get priority(): number {
    return this._get("priority");
  }
  get stopIfTrue(): boolean {
    return this._get("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this._set("stopIfTrue", v, (t) => {
      t.sheet.assertEditable();
      t.cf.stopIfTrue = v;
    });
  }

  /** Fails (at sync) when the format is not a custom one, as Office does. */
  get custom(): CustomConditionalFormatProxy {
    return (this._custom ??= new CustomConditionalFormatProxy(
      this.context,
      `${this._path}.custom`,
      () => {
        const t = this._target();
        if (t.cf.type !== "Custom")
          throw new OfficeDoubleError("InvalidOperation", `The conditional format is of type ${t.cf.type}, not Custom (${this._path}).`);
        return t;
      },
      false,
    ));
  }

  get customOrNullObject(): CustomConditionalFormatProxy {
    return (this._customOrNull ??= new CustomConditionalFormatProxy(
      this.context,
      `${this._path}.customOrNullObject`,
      () => {
        // An unreadable rule fails whatever its type: the double does not guess which part Excel can still read.
        const t = readable(this._target());
        return t.cf.type === "Custom" ? t : null;
      },
      true,
    ));
  }

  /** The areas the format applies to (ExcelApi 1.9). */
  getRanges(): RangeAreasProxy {
    return new RangeAreasProxy(
      this.context,
      `${this._path}.getRanges()`,
      () => {
        const t = readable(this._target());
        return { sheet: t.sheet, rects: t.cf.ranges.map((r) => ({ ...r })) };
      },
      false,
    )._queueAreas();
  }

  delete(): void {
    this._call("delete", [], (t) => {
      t.sheet.assertEditable();
      t.sheet.conditionalFormats.splice(t.sheet.conditionalFormats.indexOf(t.cf), 1);
    });
  }
}

export class CustomConditionalFormatProxy extends ClientObject<FormatTarget> {
  private _rule?: ConditionalFormatRuleProxy;
  private _format?: ConditionalRangeFormatProxy;

  protected _scalars(): Scalars<FormatTarget> {
    return {};
  }

  protected override _nav(name: string): ClientObject<unknown> | undefined {
    if (name === "rule") return this.rule as ClientObject<unknown>;
    if (name === "format") return this.format as ClientObject<unknown>;
    return undefined;
  }

  get rule(): ConditionalFormatRuleProxy {
    return (this._rule ??= new ConditionalFormatRuleProxy(this.context, `${this._path}.rule`, () => this._target(), false));
  }

  get format(): ConditionalRangeFormatProxy {
    return (this._format ??= new ConditionalRangeFormatProxy(this.context, `${this._path}.format`, () => this._target(), false));
  }
}

/** Fails on a rule Excel cannot read back (office-js #6827, #6835: stacked or duplicated rules). */
function readable(t: FormatTarget): FormatTarget {
  if (t.cf.unreadable) throw new OfficeDoubleError("GeneralException", "There was an internal error while processing the request.");
  return t;
}

export class ConditionalFormatRuleProxy extends ClientObject<FormatTarget> {
  protected _scalars(): Scalars<FormatTarget> {
    return { formula: (t) => readable(t).cf.formula ?? "" };
  }

  get formula(): string {
    return this._get("formula");
  }
  set formula(v: string) {
    this._set("formula", v, (t) => {
      t.sheet.assertEditable();
      if (typeof v !== "string" || !v.startsWith("=") || v.length < 2)
        throw new OfficeDoubleError("InvalidArgument", `The formula ${JSON.stringify(v)} is not valid.`);
      t.cf.formula = v;
    });
  }
}

export class ConditionalRangeFormatProxy extends ClientObject<FormatTarget> {
  private _fill?: ConditionalColorProxy;
  private _font?: ConditionalColorProxy;

  protected _scalars(): Scalars<FormatTarget> {
    return {};
  }

  protected override _nav(name: string): ClientObject<unknown> | undefined {
    if (name === "fill") return this.fill as ClientObject<unknown>;
    if (name === "font") return this.font as ClientObject<unknown>;
    return undefined;
  }

  get fill(): ConditionalColorProxy {
    return (this._fill ??= new ConditionalColorProxy(this.context, `${this._path}.fill`, () => this._target(), false, "fill"));
  }

  get font(): ConditionalColorProxy {
    return (this._font ??= new ConditionalColorProxy(this.context, `${this._path}.font`, () => this._target(), false, "font"));
  }
}

/** `format.fill` and `format.font` of a conditional format; only their `color` is modelled. */
export class ConditionalColorProxy extends ClientObject<FormatTarget> {
  constructor(
    context: DoubleContext,
    path: string,
    resolver: () => FormatTarget,
    orNull: boolean,
    private readonly _part: "fill" | "font",
  ) {
    super(context, path, resolver, orNull);
  }

  protected _scalars(): Scalars<FormatTarget> {
    return { color: (t) => readable(t).cf[this._part] ?? null };
  }

  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (t) => {
      t.sheet.assertEditable();
      assertColor(v);
      t.cf[this._part] = v;
    });
  }
}

// ---- tables -------------------------------------------------------------------------------------

const tableScalars: Scalars<TableModel> = {
  name: (t) => t.name,
  id: (t) => String(t.id),
  style: (t) => t.style,
  showHeaders: (t) => t.showHeaders ?? true,
  showTotals: (t) => t.showTotals ?? false,
};

export class TableCollectionProxy extends ClientObject<SheetModel | null> {
  private _items?: TableProxy[];

  /** `scope` null: the workbook's tables; a sheet: that sheet's; `filter`: a range's tables (`Range.getTables`). */
  constructor(
    context: DoubleContext,
    path: string,
    scope: () => SheetModel | null,
    private readonly _filter?: (t: TableModel) => boolean,
  ) {
    super(context, path, scope, true);
  }

  protected _scalars(): Scalars<SheetModel | null> {
    return {};
  }

  private _inScope(): TableModel[] {
    const scope = this._resolve();
    return this.context.model.tables.filter((t) => (scope === null || t.sheet === scope) && (this._filter?.(t) ?? true));
  }

  get items(): TableProxy[] {
    if (!this._items) throw new OfficeDoubleError("PropertyNotLoaded", `The property 'items' is not available: load ${this._path} first.`);
    return this._items;
  }

  override load(spec?: LoadSpec): this {
    const props = itemProps(spec, tableScalars);
    this.context._enqueue({
      request: { path: this._path, op: "load", props },
      run: () => {
        this._items = this._inScope().map((t) => new TableProxy(this.context, `${this._path}[${t.id}]`, () => t, false)._preset(t));
        return this._items.map((p) => p._fill(props));
      },
    });
    return this;
  }

  add(address: string, hasHeaders: boolean): TableProxy {
    const proxy = new TableProxy(this.context, `${this._path}.add(${JSON.stringify(address)})`, () => null, false);
    this.context._enqueue({
      request: { path: this._path, op: "call", method: "add", args: [address, hasHeaders] },
      run: () => {
        const model = this.context.model;
        const scope = this._resolve();
        const r = parseRange(address);
        if (!r) throw new OfficeDoubleError("InvalidArgument", `The address "${address}" is not valid.`);
        const sheet = r.sheet !== undefined ? model.findSheet(r.sheet) : (scope ?? model.activeSheet);
        if (!sheet || (scope !== null && sheet !== scope))
          throw new OfficeDoubleError("InvalidArgument", `The address "${address}" is not on this worksheet.`);
        proxy._preset(model.createTable(sheet, { top: r.top, left: r.left, bottom: r.bottom, right: r.right }, hasHeaders));
      },
    });
    return proxy;
  }

  getItem(name: string): TableProxy {
    return new TableProxy(this.context, `${this._path}.getItem(${JSON.stringify(name)})`, () => this._find(name), false)._queue();
  }

  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(
      this.context,
      `${this._path}.getItemOrNullObject(${JSON.stringify(name)})`,
      () => this._find(name),
      true,
    )._queue();
  }

  private _find(name: string): TableModel | null {
    return this._inScope().find((t) => t.name.toLowerCase() === name.toLowerCase() || String(t.id) === name) ?? null;
  }
}

export class TableProxy extends ClientObject<TableModel> {
  private _worksheet?: WorksheetProxy;

  protected _scalars(): Scalars<TableModel> {
    return tableScalars;
  }

  protected override _nav(name: string): ClientObject<unknown> | undefined {
    return name === "worksheet" ? (this.worksheet as ClientObject<unknown>) : undefined;
  }

  _queue(): this {
    return this._queueResolve();
  }

  _fill(props: string[]): Record<string, unknown> {
    const t = this._target();
    const out: Record<string, unknown> = {};
    for (const p of props) {
      const v = tableScalars[p](t, this.context.model);
      this._loaded.set(p, v);
      out[p] = v;
    }
    return out;
  }

  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (t) => {
      this.context.model.assertTableName(v, t);
      t.name = v;
    });
  }
  get id(): string {
    return this._get("id");
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._set("style", v, (t) => {
      t.style = v;
    });
  }
  get showHeaders(): boolean {
    return this._get("showHeaders");
  }
  get showTotals(): boolean {
    return this._get("showTotals");
  }

  get worksheet(): WorksheetProxy {
    return (this._worksheet ??= new WorksheetProxy(this.context, `${this._path}.worksheet`, () => this._target().sheet, false));
  }

  private _range(label: string, part: (r: Rect) => Rect): RangeProxy {
    return new RangeProxy(
      this.context,
      `${this._path}.${label}()`,
      () => {
        const t = this._target();
        return { sheet: t.sheet, rect: part(t.rect) };
      },
      false,
    )._queueResolveRange();
  }

  getRange(): RangeProxy {
    return this._range("getRange", (r) => r);
  }
  /** `Table.resize(address)` (ExcelApi 1.13): the header row must stay where it is. */
  resize(address: string): void {
    this.context._enqueue({
      request: { path: this._path, op: "call", method: "resize", args: [address] },
      run: () => {
        const t = this._target();
        const r = parseRange(address);
        if (!r || r.top !== t.rect.top || r.left !== t.rect.left)
          throw new OfficeDoubleError("InvalidArgument", `The table cannot be resized to "${address}".`);
        t.rect = { top: r.top, left: r.left, bottom: r.bottom, right: r.right };
      },
    });
  }
  getHeaderRowRange(): RangeProxy {
    return this._range("getHeaderRowRange", (r) => ({ ...r, bottom: r.top }));
  }
  getDataBodyRange(): RangeProxy {
    return this._range("getDataBodyRange", (r) => ({ ...r, top: r.top + 1 }));
  }
}

// ---- range collections, views, formatting, page layout (documents) ------------------------------

/** `RangeAreas.areas`: its areas as ranges; only loading items is supported. */
export class RangeCollectionProxy extends ClientObject<AreasTarget> {
  private _items?: RangeProxy[];

  constructor(context: DoubleContext, path: string, areas: () => AreasTarget) {
    super(context, path, areas, false);
  }

  protected _scalars(): Scalars<AreasTarget> {
    return {};
  }

  get items(): RangeProxy[] {
    if (!this._items) throw new OfficeDoubleError("PropertyNotLoaded", `The property 'items' is not available: load ${this._path} first.`);
    return this._items;
  }

  override load(spec?: LoadSpec): this {
    const paths = itemPaths(spec);
    this.context._enqueue({
      request: { path: this._path, op: "load", props: paths },
      run: () => {
        const { sheet, rects } = this._target();
        const items = rects.map((rect, i) =>
          new RangeProxy(this.context, `${this._path}[${i}]`, () => ({ sheet, rect }), false)._preset({ sheet, rect }),
        );
        const payload = items.map((p) => p._loadNow(paths));
        this._items = items;
        return payload;
      },
    });
    return this;
  }
}

/**
 * `Range.getVisibleView()` (ExcelApi 1.3): "the visible rows of the current range"; hidden columns
 * are left out too (https://learn.microsoft.com/javascript/api/excel/excel.rangeview — its
 * `cellAddresses`, `columnCount` count visible cells only). A range whose every column is hidden
 * has no visible cell, so no row either. Only `cellAddresses` and the counts are modelled.
 */
export class RangeViewProxy extends ClientObject<RangeTarget> {
  protected _scalars(): Scalars<RangeTarget> {
    const visibleColumns = (t: RangeTarget): number[] => {
      const cols: number[] = [];
      for (let c = t.rect.left; c <= t.rect.right; c++) if (!t.sheet.hiddenColumns.has(c)) cols.push(c);
      return cols;
    };
    const visibleRows = (t: RangeTarget): number[] => {
      const rows: number[] = [];
      if (visibleColumns(t).length === 0) return rows;
      for (let r = t.rect.top; r <= t.rect.bottom; r++) if (!t.sheet.hiddenRows.has(r)) rows.push(r);
      return rows;
    };
    return {
      cellAddresses: (t) =>
        visibleRows(t).map((r) => visibleColumns(t).map((c) => officeAddress(t.sheet, { top: r, bottom: r, left: c, right: c }))),
      rowCount: (t) => visibleRows(t).length,
      columnCount: (t) => visibleColumns(t).length,
    };
  }

  _queueView(): this {
    return this._queueResolve();
  }

  get cellAddresses(): string[][] {
    return this._get("cellAddresses");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
}

const H_ALIGN = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const V_ALIGN = ["Top", "Center", "Bottom", "Justify", "Distributed"];
const BORDER_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];
const BORDER_WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];
const EDGES: Record<string, keyof BordersModel> = { EdgeTop: "top", EdgeBottom: "bottom", EdgeLeft: "left", EdgeRight: "right" };

/** Queues style changes over some areas; shared by `Range.format` and `RangeAreas.format`. */
class StyleWriter {
  private _font?: FontProxy;
  private _fill?: FillProxy;
  private _borders?: BorderCollectionProxy;

  constructor(
    readonly context: DoubleContext,
    readonly path: string,
    readonly areas: () => AreasTarget,
  ) {}

  get font(): FontProxy {
    return (this._font ??= new FontProxy(this.context, `${this.path}.font`, this.areas, false));
  }
  get fill(): FillProxy {
    return (this._fill ??= new FillProxy(this.context, `${this.path}.fill`, this.areas, false));
  }
  get borders(): BorderCollectionProxy {
    return (this._borders ??= new BorderCollectionProxy(this.context, `${this.path}.borders`, this.areas, false));
  }

  set(prop: "horizontalAlignment" | "verticalAlignment" | "wrapText", value: unknown): void {
    this.context._enqueue({
      request: { path: this.path, op: "set", prop, value },
      run: () => {
        const { sheet, rects } = this.areas();
        if (prop === "horizontalAlignment" && !H_ALIGN.includes(value as string))
          throw new OfficeDoubleError("InvalidArgument", `Bad horizontal alignment ${JSON.stringify(value)}.`);
        if (prop === "verticalAlignment" && !V_ALIGN.includes(value as string))
          throw new OfficeDoubleError("InvalidArgument", `Bad vertical alignment ${JSON.stringify(value)}.`);
        if (prop === "wrapText" && typeof value !== "boolean")
          throw new OfficeDoubleError("InvalidArgument", "wrapText must be a boolean.");
        this.context.model.styleCells(sheet, rects, (st) => {
          if (prop === "horizontalAlignment") st.horizontal = value as string;
          else if (prop === "verticalAlignment") st.vertical = value as string;
          else st.wrap = value as boolean;
        });
      },
    });
  }
}

export class AreasFormatProxy extends ClientObject<AreasTarget> {
  private _style?: StyleWriter;

  private get _w(): StyleWriter {
    return (this._style ??= new StyleWriter(this.context, this._path, () => this._target()));
  }
  protected _scalars(): Scalars<AreasTarget> {
    return {};
  }
  get font(): FontProxy {
    return this._w.font;
  }
  get fill(): FillProxy {
    return this._w.fill;
  }
  get borders(): BorderCollectionProxy {
    return this._w.borders;
  }
  set horizontalAlignment(v: string) {
    this._w.set("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    this._w.set("verticalAlignment", v);
  }
  set wrapText(v: boolean) {
    this._w.set("wrapText", v);
  }
}

/** Sets a style property on every cell of the target areas. */
abstract class AreasStyleProxy extends ClientObject<AreasTarget> {
  protected _scalars(): Scalars<AreasTarget> {
    return {};
  }
  protected _style(name: string, value: unknown, change: (st: CellStyleModel) => void, check: () => void): void {
    this._set(name, value, ({ sheet, rects }) => {
      check();
      this.context.model.styleCells(sheet, rects, change);
    });
  }
}

export class FontProxy extends AreasStyleProxy {
  set bold(v: boolean) {
    this._style(
      "bold",
      v,
      (st) => void (st.bold = v),
      () => {
        if (typeof v !== "boolean") throw new OfficeDoubleError("InvalidArgument", "font.bold must be a boolean.");
      },
    );
  }
  set size(v: number) {
    this._style(
      "size",
      v,
      (st) => void (st.size = v),
      () => {
        if (typeof v !== "number" || !(v >= 1 && v <= 409)) throw new OfficeDoubleError("InvalidArgument", `Bad font size ${v}.`);
      },
    );
  }
  set color(v: string) {
    this._style(
      "color",
      v,
      (st) => void (st.color = v),
      () => assertColor(v),
    );
  }
}

export class FillProxy extends AreasStyleProxy {
  set color(v: string) {
    this._style(
      "color",
      v,
      (st) => void (st.fill = v),
      () => assertColor(v),
    );
  }
}

export class BorderCollectionProxy extends ClientObject<AreasTarget> {
  protected _scalars(): Scalars<AreasTarget> {
    return {};
  }
  getItem(index: string): BorderProxy {
    return new BorderProxy(this.context, `${this._path}.getItem(${JSON.stringify(index)})`, () => this._target(), false, index);
  }
}

/** One edge of every area: EdgeTop styles the top side of the cells in each area's first row, and so on. */
export class BorderProxy extends ClientObject<AreasTarget> {
  constructor(
    context: DoubleContext,
    path: string,
    resolver: () => AreasTarget,
    orNull: boolean,
    private readonly _index: string,
  ) {
    super(context, path, resolver, orNull);
  }
  protected _scalars(): Scalars<AreasTarget> {
    return {};
  }
  private _edge(): keyof BordersModel {
    const side = EDGES[this._index];
    if (!side) throw new OfficeDoubleError("NotImplemented", `The double styles outer edges only, not ${JSON.stringify(this._index)}.`);
    return side;
  }
  set style(v: string) {
    this._set("style", v, ({ sheet, rects }) => {
      const side = this._edge();
      if (!BORDER_STYLES.includes(v)) throw new OfficeDoubleError("InvalidArgument", `Bad border style ${JSON.stringify(v)}.`);
      this.context.model.styleCells(sheet, rects, (st, row, col, rect) => {
        const onEdge =
          (side === "top" && row === rect.top) ||
          (side === "bottom" && row === rect.bottom) ||
          (side === "left" && col === rect.left) ||
          (side === "right" && col === rect.right);
        if (onEdge) st.borders = { ...st.borders, [side]: v };
      });
    });
  }
  set weight(v: string) {
    this._set("weight", v, () => {
      this._edge();
      if (!BORDER_WEIGHTS.includes(v)) throw new OfficeDoubleError("InvalidArgument", `Bad border weight ${JSON.stringify(v)}.`);
    });
  }
}

const PAPER_SIZES = ["Letter", "Legal", "A3", "A4", "A5", "B4", "B5"];

/** `Worksheet.pageLayout` (ExcelApi 1.9): the settings a print-ready document uses. */
export class PageLayoutProxy extends ClientObject<SheetModel> {
  private _headersFooters?: HeaderFooterGroupProxy;

  protected _scalars(): Scalars<SheetModel> {
    return {};
  }

  private _page<K extends keyof PageLayoutModel>(name: K, value: PageLayoutModel[K], check: () => void): void {
    this._set(name, value, (s) => {
      check();
      s.assertEditable();
      s.pageLayout[name] = structuredClone(value);
    });
  }

  set paperSize(v: string) {
    this._page("paperSize", v, () => {
      if (!PAPER_SIZES.includes(v)) throw new OfficeDoubleError("InvalidArgument", `Bad paper size ${JSON.stringify(v)}.`);
    });
  }
  set orientation(v: string) {
    this._page("orientation", v, () => {
      if (v !== "Portrait" && v !== "Landscape") throw new OfficeDoubleError("InvalidArgument", `Bad orientation ${JSON.stringify(v)}.`);
    });
  }
  set zoom(v: PageLayoutModel["zoom"]) {
    this._page("zoom", v, () => {
      const ok =
        typeof v === "object" &&
        v !== null &&
        Object.entries(v).every(
          ([k, n]) => ["horizontalFitToPages", "verticalFitToPages", "scale"].includes(k) && Number.isInteger(n) && (n as number) >= 0,
        );
      if (!ok || (v.scale !== undefined && (v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined)))
        throw new OfficeDoubleError("InvalidArgument", `Bad zoom ${JSON.stringify(v)}.`);
    });
  }
  private _margin(name: "topMargin" | "bottomMargin" | "leftMargin" | "rightMargin", v: number): void {
    this._page(name, v, () => {
      if (typeof v !== "number" || !(v >= 0 && v < 1000)) throw new OfficeDoubleError("InvalidArgument", `Bad margin ${v}.`);
    });
  }
  set topMargin(v: number) {
    this._margin("topMargin", v);
  }
  set bottomMargin(v: number) {
    this._margin("bottomMargin", v);
  }
  set leftMargin(v: number) {
    this._margin("leftMargin", v);
  }
  set rightMargin(v: number) {
    this._margin("rightMargin", v);
  }

  setPrintArea(area: string): void {
    this._call("setPrintArea", [area], (s) => {
      const r = typeof area === "string" ? parseRange(area) : undefined;
      if (!r) throw new OfficeDoubleError("InvalidArgument", `Bad print area ${JSON.stringify(area)}.`);
      s.pageLayout.printArea = rangeAddress(r);
    });
  }

  setPrintTitleRows(rows: string): void {
    this._call("setPrintTitleRows", [rows], (s) => {
      if (typeof rows !== "string" || !/^\$\d+:\$\d+$/.test(rows))
        throw new OfficeDoubleError("InvalidArgument", `Bad print title rows ${JSON.stringify(rows)}.`);
      s.pageLayout.printTitleRows = rows;
    });
  }

  get headersFooters(): HeaderFooterGroupProxy {
    return (this._headersFooters ??= new HeaderFooterGroupProxy(this.context, `${this._path}.headersFooters`, () => this._target(), false));
  }
}

export class HeaderFooterGroupProxy extends ClientObject<SheetModel> {
  private _default?: HeaderFooterProxy;
  protected _scalars(): Scalars<SheetModel> {
    return {};
  }
  get defaultForAllPages(): HeaderFooterProxy {
    return (this._default ??= new HeaderFooterProxy(this.context, `${this._path}.defaultForAllPages`, () => this._target(), false));
  }
}

export class HeaderFooterProxy extends ClientObject<SheetModel> {
  protected _scalars(): Scalars<SheetModel> {
    return {};
  }
  set centerFooter(v: string) {
    this._set("centerFooter", v, (s) => {
      // Excel keeps at most 255 characters in a header or footer section.
      if (typeof v !== "string" || v.length > 255) throw new OfficeDoubleError("InvalidArgument", "Bad footer text.");
      s.pageLayout.centerFooter = v;
    });
  }
}

// ---- installing the double as the global `Excel` ------------------------------------------------

export interface InstalledDouble {
  readonly model: WorkbookModel;
  /** Puts back whatever `globalThis.Excel` was before. */
  restore(): void;
}

/** `Excel.run(batch)` as Office runs it: a fresh context, then a final sync when work is pending. */
export async function runBatch<T>(model: WorkbookModel, batch: (context: DoubleContext) => Promise<T>): Promise<T> {
  if (typeof batch !== "function") throw new OfficeDoubleError("NotImplemented", "The double supports Excel.run(batch) only.");
  const context = new DoubleContext(model);
  const result = await batch(context);
  if (context.pendingOps > 0) await context.sync();
  return result;
}

/** `Excel.run(context, batch)`: the batch runs in an existing context, then a final sync when work is pending. */
export async function runInContext<T>(context: DoubleContext, batch: (context: DoubleContext) => Promise<T>): Promise<T> {
  const result = await batch(context);
  if (context.pendingOps > 0) await context.sync();
  return result;
}

export function installExcelDouble(model: WorkbookModel = new WorkbookModel()): InstalledDouble {
  const g = globalThis as { Excel?: unknown };
  const had = "Excel" in g;
  const previous = g.Excel;
  g.Excel = {
    // `Excel.run(batch)`, or `Excel.run(context, batch)` reusing an earlier context (how an event handler is removed).
    run: <T>(first: DoubleContext | ((context: DoubleContext) => Promise<T>), batch?: (context: DoubleContext) => Promise<T>) =>
      first instanceof DoubleContext && batch !== undefined
        ? runInContext(first, batch)
        : runBatch(model, first as (context: DoubleContext) => Promise<T>),
    RequestContext: class {
      constructor() {
        return new DoubleContext(model);
      }
    },
  };
  return {
    model,
    restore: () => {
      if (had) g.Excel = previous;
      else delete g.Excel;
    },
  };
}

/** The double's context where the adapter expects Office's (tests call lower-level functions with it). */
export function asExcelContext(context: DoubleContext): Excel.RequestContext {
  return context as unknown as Excel.RequestContext;
}

export { intersects };
