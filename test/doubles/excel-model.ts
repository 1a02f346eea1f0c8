import { columnLetter, MAX_COLUMNS, MAX_ROWS, parseRange, rangeAddress, type Rect } from "../../src/core/a1";

/**
 * The in-memory workbook behind the Excel double (see `excel-double.ts`): cells (value, number
 * format, formula, data validation), merges, column widths, frozen rows, tables, the active sheet
 * and the selection. Tests seed it and inspect it directly; the proxies of the double change it
 * only inside `context.sync()`, the way Office applies a batch.
 *
 * Rects follow `src/core/a1.ts`: 1-based Excel rows, 0-based columns, inclusive.
 */

export type Scalar = string | number | boolean;

export interface ValidationModel {
  readonly rule?: unknown;
  readonly errorAlert?: unknown;
  readonly prompt?: unknown;
  readonly ignoreBlanks?: boolean;
}

export interface CellModel {
  /** `""` for an empty cell. For a formula, its computed result. */
  value: Scalar;
  /** Error code (`#NAME?`) when the cell holds an error value. */
  error?: string;
  /** `=1+1` when the cell holds a formula. */
  formula?: string;
  format: string;
  validation?: ValidationModel;
  /** Cell formatting set through `format.*` (font, fill, alignment, borders); absent when never set. */
  style?: CellStyleModel;
}

/** Border line style by side (`Continuous`, `Dash` …), as Office's BorderLineStyle names them. */
export interface BordersModel {
  top?: string;
  bottom?: string;
  left?: string;
  right?: string;
}

export interface CellStyleModel {
  bold?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  borders?: BordersModel;
}

/** A sheet's print settings (`Worksheet.pageLayout`); margins in points. */
export interface PageLayoutModel {
  paperSize?: string;
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  topMargin?: number;
  bottomMargin?: number;
  leftMargin?: number;
  rightMargin?: number;
  printArea?: string;
  printTitleRows?: string;
  centerFooter?: string;
}

/** What a test may seed into a cell: the content of a file, not typed input (nothing is parsed). */
export type SeedValue = Scalar | null | { readonly formula: string; readonly value: Scalar } | { readonly error: string };

/**
 * A conditional format of a sheet. `Custom` formats carry a formula and the fill/font they apply;
 * other types (a user's data bars, cell-value rules …) carry their settings as opaque `rule` data,
 * which the double keeps but never interprets.
 */
export interface ConditionalFormatModel {
  readonly id: string;
  readonly type: string;
  /** The areas the format applies to (its "Applies to"). */
  ranges: Rect[];
  formula?: string;
  fill?: string;
  font?: string;
  stopIfTrue: boolean;
  readonly rule?: unknown;
  /**
   * A rule Excel cannot read back: a user's stacked or duplicated rule. Loading its rule, format
   * or ranges fails with GeneralException (office-js #6827: a second cellValue rule on the same
   * range; #6835: a duplicated rule). Its `type` still loads.
   */
  unreadable?: boolean;
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface TableModel {
  readonly id: number;
  name: string;
  sheet: SheetModel;
  /** Header row included. */
  rect: Rect;
  style: string;
  /** A table seeded with its header row turned off (default shown). */
  showHeaders?: boolean;
  /** A table seeded with a totals row (its last row; default none). */
  showTotals?: boolean;
}

/** Office-style error: `code` as in `OfficeExtension.ErrorCodes`. */
export class OfficeDoubleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

export const DEFAULT_COLUMN_WIDTH = 48; // points: 8.43 characters, 64 px

let nextSheetId = 1;
let nextFormatId = 1;

/** Colours Office accepts for a fill or font: `#RRGGBB` or a named colour (`red`, `LightBlue`). */
export function assertColor(color: unknown): asserts color is string {
  if (typeof color !== "string" || !(/^#[0-9A-Fa-f]{6}$/.test(color) || /^[A-Za-z]{3,20}$/.test(color)))
    throw new OfficeDoubleError("InvalidArgument", `The color ${JSON.stringify(color)} is not valid.`);
}

/**
 * A chart as `worksheet.charts.add(type, sourceData, seriesBy)` made it (ExcelApi 1.1,
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1)):
 * its type, the source range's address on its sheet, how series are taken, its title and position.
 */
export interface ChartModel {
  readonly name: string;
  readonly type: string;
  /** `Sheet!A6:E9` as Office writes a range address. */
  readonly source: string;
  readonly seriesBy: "Auto" | "Columns" | "Rows";
  title?: string;
  /** `setPosition(startCell, endCell)`: the cells the chart covers. */
  topLeft?: string;
  bottomRight?: string;
}

export class SheetModel {
  readonly id = `{SHEET-${nextSheetId++}}`;
  /** row (1-based) → column (0-based) → cell */
  readonly rows = new Map<number, Map<number, CellModel>>();
  readonly merges: Rect[] = [];
  readonly columnWidths = new Map<number, number>();
  frozenRows = 0;
  /** Highest priority first (index 0 = priority 0), as Office orders them. */
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  visibility: SheetVisibility = "Visible";
  /** Protected with every cell locked (the default): no value, format or conditional format may change. */
  protected = false;
  /** Rows hidden by a filter or by hand (1-based). */
  readonly hiddenRows = new Set<number>();
  /** Columns hidden by hand (0-based): a visible view leaves them out (`Range.getVisibleView`). */
  readonly hiddenColumns = new Set<number>();
  /** Row heights set through `format.rowHeight`, points. */
  readonly rowHeights = new Map<number, number>();
  readonly pageLayout: PageLayoutModel = {};
  /** Charts added through `worksheet.charts.add` (ExcelApi 1.1), in the order added. */
  readonly charts: ChartModel[] = [];

  constructor(public name: string) {}

  /** Fails like Office when a change reaches a protected sheet. */
  assertEditable(): void {
    if (this.protected)
      throw new OfficeDoubleError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet (${this.name}).`);
  }

  /** Adds a conditional format at the top priority (Office's `conditionalFormats.add`). */
  addConditionalFormat(type: string, ranges: readonly Rect[], init: Partial<ConditionalFormatModel> = {}): ConditionalFormatModel {
    const format: ConditionalFormatModel = {
      stopIfTrue: false,
      ...init,
      id: `{CF-${nextFormatId++}}`,
      type,
      ranges: ranges.map((r) => ({ ...r })),
    };
    this.conditionalFormats.unshift(format);
    return format;
  }

  cellAt(row: number, col: number): CellModel | undefined {
    return this.rows.get(row)?.get(col);
  }

  /** The cell, created (empty, General) when missing. */
  ensure(row: number, col: number): CellModel {
    let r = this.rows.get(row);
    if (!r) this.rows.set(row, (r = new Map()));
    let c = r.get(col);
    if (!c) r.set(col, (c = { value: "", format: "General" }));
    return c;
  }

  /** Every existing cell inside `rect` (cells never touched are absent). */
  *cellsIn(rect: Rect): Generator<[number, number, CellModel]> {
    for (const [row, cols] of this.rows) {
      if (row < rect.top || row > rect.bottom) continue;
      for (const [col, cell] of cols) if (col >= rect.left && col <= rect.right) yield [row, col, cell];
    }
  }

  /** Smallest rect holding every cell with a value (and, unless valuesOnly, any format or validation). */
  usedRect(valuesOnly: boolean, within?: Rect): Rect | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -Infinity;
    let right = -Infinity;
    const area = within ?? { top: 1, left: 0, bottom: MAX_ROWS, right: MAX_COLUMNS - 1 };
    for (const [row, col, cell] of this.cellsIn(area)) {
      const used = hasContent(cell) || (!valuesOnly && (cell.format !== "General" || cell.validation !== undefined));
      if (!used) continue;
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, col);
      right = Math.max(right, col);
    }
    return top === Infinity ? undefined : { top, left, bottom, right };
  }

  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }

  // ---- seeding and inspection helpers for tests ------------------------------------------------

  /** Seeds a block of cells starting at `topLeft` (`B3`); `formats` (same shape) optional. */
  seed(topLeft: string, values: readonly (readonly SeedValue[])[], formats?: readonly (readonly (string | null)[])[]): this {
    const at = mustParse(topLeft);
    values.forEach((rowValues, i) =>
      rowValues.forEach((v, j) => {
        const cell = this.ensure(at.top + i, at.left + j);
        seedCell(cell, v);
        const f = formats?.[i]?.[j];
        if (f) cell.format = f;
      }),
    );
    return this;
  }

  /**
   * Seeds a user's conditional format (test helper), e.g.
   * `sheet.seedConditionalFormat("Custom", "A2:A9", { formula: "=A2>3", fill: "#00FF00" })`.
   */
  seedConditionalFormat(type: string, address: string, init: Partial<ConditionalFormatModel> = {}): ConditionalFormatModel {
    return this.addConditionalFormat(
      type,
      address.split(",").map((a) => mustParse(a)),
      init,
    );
  }

  merge(address: string): this {
    this.merges.push(mustParse(address));
    return this;
  }

  /** The cell at `A1`-style address (an empty placeholder when never written). */
  cell(address: string): Readonly<CellModel> {
    const r = mustParse(address);
    return this.cellAt(r.top, r.left) ?? { value: "", format: "General" };
  }

  /** Values of a block as Office `values` would return them (errors as their code). */
  values(address: string): Scalar[][] {
    const r = mustParse(address);
    return matrix(r, (row, col) => readValue(this.cellAt(row, col)));
  }

  formats(address: string): string[][] {
    const r = mustParse(address);
    return matrix(r, (row, col) => this.cellAt(row, col)?.format ?? "General");
  }
}

export function hasContent(cell: CellModel | undefined): boolean {
  return cell !== undefined && (cell.value !== "" || cell.error !== undefined || cell.formula !== undefined);
}

export function readValue(cell: CellModel | undefined): Scalar {
  if (!cell) return "";
  return cell.error ?? cell.value;
}

export function valueType(cell: CellModel | undefined): string {
  if (!cell || !hasContent(cell)) return "Empty";
  if (cell.error !== undefined) return "Error";
  switch (typeof cell.value) {
    case "number":
      return "Double";
    case "boolean":
      return "Boolean";
    default:
      return "String";
  }
}

function seedCell(cell: CellModel, v: SeedValue): void {
  delete cell.error;
  delete cell.formula;
  if (v === null) cell.value = "";
  else if (typeof v === "object" && "error" in v) {
    cell.value = "";
    cell.error = v.error;
  } else if (typeof v === "object") {
    cell.formula = v.formula;
    cell.value = v.value;
  } else cell.value = v;
}

export function matrix<T>(r: Rect, f: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: T[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(f(row, col));
    out.push(line);
  }
  return out;
}

export function mustParse(address: string): Rect {
  const r = parseRange(address);
  if (!r) throw new OfficeDoubleError("InvalidArgument", `The address "${address}" is not valid.`);
  return r;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

/** `Sheet1`, or `'My sheet'` when Excel would quote the name in an address. */
export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The address Office reports: `Sheet1!A1:C3`, whole columns `Sheet1!A:C`, whole rows `Sheet1!2:5`. */
export function officeAddress(sheet: SheetModel, r: Rect): string {
  let local: string;
  if (r.top === 1 && r.bottom === MAX_ROWS) local = `${columnLetter(r.left)}:${columnLetter(r.right)}`;
  else if (r.left === 0 && r.right === MAX_COLUMNS - 1) local = `${r.top}:${r.bottom}`;
  else local = rangeAddress(r);
  return `${quoteSheet(sheet.name)}!${local}`;
}

export interface BatchRecord {
  /** Operations in the batch (writes, method calls, loads). */
  readonly ops: number;
  /** JSON bytes of the queued requests plus the loaded payload returned. */
  readonly bytes: number;
  /** JSON bytes of the request alone (operations and their arguments, with Office's per-operation overhead). */
  readonly requestBytes?: number;
  /** JSON bytes of the response alone (loaded payload). */
  readonly responseBytes?: number;
}

/** A `Worksheet.onChanged` event as Office hands it to a handler (WorksheetChangedEventArgs). */
export interface ChangedEventModel {
  readonly type: "WorksheetChanged";
  readonly worksheetId: string;
  /** Sheet-relative, as Office gives it (`B3:D5`). */
  readonly address: string;
  readonly changeType: string;
  readonly source: "Local" | "Remote";
  /** Absent on hosts below ExcelApi 1.14, which do not report it (WorksheetChangedEventArgs.triggerSource). */
  readonly triggerSource?: "Unknown" | "ThisLocalAddin";
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  /** Workbook-level defined names (a table name must not clash with them). */
  readonly names: string[] = [];
  activeSheet: SheetModel;
  selection: { sheet: SheetModel; rect: Rect };
  /** Several areas selected at once (Ctrl+click), on the selection's sheet; undefined: just `selection.rect`. */
  selectedAreas: Rect[] | undefined = undefined;
  /** Year Excel assumes for typed input without a year (`05-20`). */
  typingYear = 2024;
  /** Every `context.sync()` that ran (including the final one of `Excel.run` when work was pending). */
  syncs = 0;
  readonly batches: BatchRecord[] = [];
  /** Length of the longest address list passed to `Worksheet.getRanges`. */
  longestAreasAddress = 0;
  /**
   * The highest ExcelApi 1.x requirement set the host supports (minor version). Below 14 change
   * events carry no `triggerSource` (WorksheetChangedEventArgs.triggerSource, ExcelApi 1.14:
   * https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs#excel-excel-worksheetchangedeventargs-triggersource-member).
   */
  excelApiMinor = 17;
  /** `workbook.use1904DateSystem` (ExcelApi 1.16): serial 0 is 1904-01-01 instead of 1899-12-30. */
  use1904DateSystem = false;
  private nextTableId = 1;

  // ---- events (ExcelApi 1.7–1.9): `worksheets.onChanged`, `context.runtime.enableEvents` --------
  /** `context.runtime.enableEvents` of the add-in's runtime: off, its handlers hear nothing. */
  eventsEnabled = true;
  /** Handlers registered through `workbook.worksheets.onChanged.add` (and not removed). */
  readonly changeHandlers = new Set<(event: ChangedEventModel) => unknown>();
  /** Every change event raised to the add-in's runtime (events enabled), in order. */
  readonly firedEvents: ChangedEventModel[] = [];
  private deliveries: Promise<unknown>[] = [];
  /** Who is writing values: the add-in (through the API) unless a test edits as a person. */
  private origin: { source: "Local" | "Remote"; triggerSource: "Unknown" | "ThisLocalAddin" } = {
    source: "Local",
    triggerSource: "ThisLocalAddin",
  };

  constructor(...sheetNames: string[]) {
    const names = sheetNames.length > 0 ? sheetNames : ["Sheet1"];
    for (const n of names) this.sheets.push(new SheetModel(n));
    this.activeSheet = this.sheets[0];
    this.selection = { sheet: this.sheets[0], rect: { top: 1, left: 0, bottom: 1, right: 0 } };
  }

  get maxBatchBytes(): number {
    return this.batches.reduce((m, b) => Math.max(m, b.bytes), 0);
  }

  resetStats(): void {
    this.syncs = 0;
    this.batches.length = 0;
    this.longestAreasAddress = 0;
  }

  sheet(name: string): SheetModel {
    const s = this.findSheet(name);
    if (!s) throw new Error(`No sheet "${name}" in the double`);
    return s;
  }

  findSheet(nameOrId: string): SheetModel | undefined {
    const lower = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === lower);
  }

  // ---- seeding helpers (tests) ------------------------------------------------------------------

  /**
   * A person typing `values` at `topLeft` (typed like input, as `Range.values` is): raises one
   * change event over the written area, as Excel does, when the add-in's events are enabled.
   */
  userEdit(sheetName: string, topLeft: string, values: readonly (readonly string[])[], source: "Local" | "Remote" = "Local"): void {
    const at = mustParse(topLeft);
    const rect = {
      top: at.top,
      left: at.left,
      bottom: at.top + values.length - 1,
      right: at.left + Math.max(1, ...values.map((r) => r.length)) - 1,
    };
    const before = this.origin;
    this.origin = { source, triggerSource: "Unknown" };
    try {
      this.writeValues(
        this.sheet(sheetName),
        rect,
        values.map((r) => [...r]),
      );
    } finally {
      this.origin = before;
    }
  }

  /** A change event of any kind (rows inserted or deleted …) as if a person made it; nothing else changes. */
  userChangeEvent(sheetName: string, address: string, changeType: string, source: "Local" | "Remote" = "Local"): void {
    this.raiseChanged(this.sheet(sheetName), mustParse(address), changeType, { source, triggerSource: "Unknown" });
  }

  /** Waits until every handler called so far has finished (a handler that failed rejects here). */
  async settleEvents(): Promise<void> {
    while (this.deliveries.length > 0) await Promise.all(this.deliveries.splice(0));
  }

  /** Raises `onChanged` (when the add-in's events are enabled); handlers run after the current batch, as in Office. */
  raiseChanged(sheet: SheetModel, rect: Rect, changeType = "RangeEdited", origin = this.origin): void {
    if (!this.eventsEnabled) return;
    const event: ChangedEventModel = {
      type: "WorksheetChanged",
      worksheetId: sheet.id,
      address: rangeAddress(rect),
      changeType,
      source: origin.source,
      ...(this.excelApiMinor >= 14 ? { triggerSource: origin.triggerSource } : {}),
    };
    this.firedEvents.push(event);
    for (const handler of [...this.changeHandlers])
      this.deliveries.push(new Promise((resolve) => setTimeout(resolve, 0)).then(() => handler(event)));
  }

  addSheet(name: string): SheetModel {
    return this.createSheet(name);
  }

  /** Seeds an Excel table (the header cells must already hold their text). */
  addTable(sheetName: string, address: string, name: string): TableModel {
    return this.createTable(this.sheet(sheetName), mustParse(address), true, name);
  }

  /** The active cell: the top-left cell of the selection (the double selects from top-left). */
  get activeCell(): { sheet: SheetModel; rect: Rect } {
    const { sheet, rect } = this.selection;
    return { sheet, rect: { top: rect.top, left: rect.left, bottom: rect.top, right: rect.left } };
  }

  select(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName);
    this.selection = { sheet, rect: mustParse(address) };
    this.selectedAreas = undefined;
    this.activeSheet = sheet;
  }

  /** Selects several areas on one sheet (`"B3", "B5:C6", "7:9"`); the first holds the active cell. */
  selectAreas(sheetName: string, ...addresses: string[]): void {
    if (addresses.length === 0) throw new Error("selectAreas needs at least one address");
    this.select(sheetName, addresses[0]);
    this.selectedAreas = addresses.map((a) => mustParse(a));
  }

  /** What `getSelectedRanges` sees: every selected area. */
  get selectedRects(): Rect[] {
    // Areas count only while the selection still starts where selectAreas put it (Office code may move it).
    const areas = this.selectedAreas;
    const current = this.selection.rect;
    const still =
      areas !== undefined &&
      areas[0].top === current.top &&
      areas[0].left === current.left &&
      areas[0].bottom === current.bottom &&
      areas[0].right === current.right;
    return (still ? areas : [current]).map((r) => ({ ...r }));
  }

  table(name: string): TableModel | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  /** Everything observable, as plain data, to show that an operation changed nothing. */
  snapshot(): unknown {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        cells: [...s.rows.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([row, cols]) => [row, [...cols.entries()].sort((a, b) => a[0] - b[0]).map(([c, cell]) => [c, structuredClone(cell)])]),
        merges: s.merges.map((m) => ({ ...m })),
        widths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
        frozenRows: s.frozenRows,
        conditionalFormats: structuredClone(s.conditionalFormats),
        visibility: s.visibility,
        protected: s.protected,
        hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
        hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b),
        rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
        pageLayout: structuredClone(s.pageLayout),
      })),
      tables: this.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, rect: { ...t.rect }, style: t.style })),
      active: this.activeSheet.name,
      selection: { sheet: this.selection.sheet.name, rect: { ...this.selection.rect } },
    };
  }

  // ---- operations with Excel's rules (used by the proxies at sync time) --------------------------

  createSheet(name?: string): SheetModel {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.findSheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    if (!isValidSheetNameForExcel(n)) throw new OfficeDoubleError("InvalidArgument", `The sheet name "${n}" is not valid.`);
    if (this.sheets.some((s) => s.name.toLowerCase() === n.toLowerCase()))
      throw new OfficeDoubleError("ItemAlreadyExists", `A resource with the same name or identifier already exists: "${n}".`);
    const sheet = new SheetModel(n);
    this.sheets.push(sheet);
    return sheet;
  }

  setVisibility(sheet: SheetModel, visibility: unknown): void {
    if (visibility !== "Visible" && visibility !== "Hidden" && visibility !== "VeryHidden")
      throw new OfficeDoubleError("InvalidArgument", `The visibility ${JSON.stringify(visibility)} is not valid.`);
    if (visibility !== "Visible" && !this.sheets.some((s) => s !== sheet && s.visibility === "Visible"))
      throw new OfficeDoubleError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.activeSheet === sheet) {
      // Excel moves the focus to the next visible sheet.
      const next = this.sheets.find((s) => s.visibility === "Visible") as SheetModel;
      this.activeSheet = next;
      this.selection = { sheet: next, rect: { top: 1, left: 0, bottom: 1, right: 0 } };
    }
  }

  activate(sheet: SheetModel): void {
    if (sheet.visibility !== "Visible")
      throw new OfficeDoubleError("InvalidOperation", `The hidden sheet "${sheet.name}" cannot be activated.`);
    if (this.activeSheet !== sheet) {
      this.activeSheet = sheet;
      this.selection = { sheet, rect: { top: 1, left: 0, bottom: 1, right: 0 } };
    }
  }

  /** `Range.select()`: the range's sheet must be the active one (activate it first). */
  selectRange(sheet: SheetModel, rect: Rect): void {
    if (sheet !== this.activeSheet)
      throw new OfficeDoubleError("InvalidSelection", "The current selection is invalid for this operation (the sheet is not active).");
    this.selection = { sheet, rect: { ...rect } };
  }

  /** `Range.clear(applyTo)`: removes contents and/or formats of the cells (not conditional formats of other areas). */
  clearRange(sheet: SheetModel, rect: Rect, applyTo: unknown): void {
    const what = applyTo ?? "All";
    if (what !== "All" && what !== "Contents" && what !== "Formats")
      throw new OfficeDoubleError(
        "NotImplemented",
        `The double supports clear("All" | "Contents" | "Formats") only, not ${JSON.stringify(applyTo)}.`,
      );
    sheet.assertEditable();
    for (const [row, col, cell] of [...sheet.cellsIn(rect)]) {
      if (what !== "Formats") {
        cell.value = "";
        delete cell.formula;
        delete cell.error;
      }
      if (what !== "Contents") {
        cell.format = "General";
        delete cell.validation;
      }
      if (!hasContent(cell) && cell.format === "General" && cell.validation === undefined) sheet.rows.get(row)?.delete(col);
    }
    if (what !== "Formats") this.raiseChanged(sheet, rect);
  }

  deleteSheet(sheet: SheetModel): void {
    if (!this.sheets.some((s) => s !== sheet && s.visibility === "Visible"))
      throw new OfficeDoubleError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i].sheet === sheet) this.tables.splice(i, 1);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
    if (this.selection.sheet === sheet) this.selection = { sheet: this.activeSheet, rect: { top: 1, left: 0, bottom: 1, right: 0 } };
  }

  /**
   * `tables.add(address, hasHeaders=true)` as Excel does it: refuses overlaps with tables and
   * merged cells; turns the header row into unique text (blank → `Column1`, numbers → text,
   * duplicates → `Name2`), which changes cell values — callers that must not change values
   * have to check the header first.
   */
  createTable(sheet: SheetModel, rect0: Rect, hasHeaders: boolean, name?: string): TableModel {
    if (!hasHeaders) throw new OfficeDoubleError("NotImplemented", "The double supports tables.add(address, true) only.");
    // A table always has at least one data row.
    const rect = rect0.bottom === rect0.top ? { ...rect0, bottom: rect0.top + 1 } : rect0;
    for (const t of this.tables)
      if (t.sheet === sheet && intersects(t.rect, rect))
        throw new OfficeDoubleError("InvalidOperation", "A table can't overlap a range that contains another table.");
    for (const m of sheet.merges)
      if (intersects(m, rect)) throw new OfficeDoubleError("InvalidOperation", "A table can't contain merged cells.");
    const seen = new Set<string>();
    for (let col = rect.left; col <= rect.right; col++) {
      const cell = sheet.ensure(rect.top, col);
      let text = hasContent(cell) ? String(readValue(cell)) : `Column${col - rect.left + 1}`;
      const base = text;
      for (let k = 2; seen.has(text.toLowerCase()); k++) text = `${base}${k}`;
      seen.add(text.toLowerCase());
      delete cell.formula;
      delete cell.error;
      cell.value = text;
    }
    let tableName = name;
    if (tableName === undefined) {
      let i = 1;
      while (this.table(`Table${i}`)) i++;
      tableName = `Table${i}`;
    } else this.assertTableName(tableName, undefined);
    const table: TableModel = { id: this.nextTableId++, name: tableName, sheet, rect, style: "TableStyleMedium2" };
    this.tables.push(table);
    return table;
  }

  assertTableName(name: string, self: TableModel | undefined): void {
    const valid =
      name.length > 0 &&
      name.length <= 255 &&
      /^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) &&
      !/^[A-Za-z]{1,3}\d+$/.test(name) &&
      !/^[RrCc]$/.test(name) &&
      !/^[Rr]\d*[Cc]\d*$/.test(name);
    if (!valid) throw new OfficeDoubleError("InvalidArgument", `The table name "${name}" is not valid.`);
    if (
      this.tables.some((t) => t !== self && t.name.toLowerCase() === name.toLowerCase()) ||
      this.names.some((n) => n.toLowerCase() === name.toLowerCase())
    )
      throw new OfficeDoubleError("InvalidArgument", `The table name "${name}" is already in use.`);
  }

  /**
   * Writes `values` like a person typing them (Office's `Range.values` setter): in a cell whose
   * number format is not text (`@`), `=…` (and `+…`/`-…` that are not numbers) becomes a
   * formula, numeric text a number, `TRUE`/`FALSE` a boolean, and date-like text (`2024-05-10`,
   * `05-20`, `14:30`) a date serial with a date format. `null` leaves a cell unchanged, `""` clears it.
   */
  writeValues(sheet: SheetModel, rect: Rect, values: unknown): void {
    sheet.assertEditable();
    const rows = assertShape(rect, values, "values");
    rows.forEach((line, i) =>
      line.forEach((v, j) => {
        if (v === null) return;
        const cell = sheet.ensure(rect.top + i, rect.left + j);
        delete cell.formula;
        delete cell.error;
        if (typeof v === "number" || typeof v === "boolean") {
          if (typeof v === "number" && !Number.isFinite(v)) throw new OfficeDoubleError("InvalidArgument", "Numbers must be finite.");
          cell.value = v;
        } else if (typeof v === "string") this.typeInto(cell, v);
        else throw new OfficeDoubleError("InvalidArgument", `Unsupported value ${JSON.stringify(v)}.`);
      }),
    );
    // Value writes raise onChanged (format and conditional-format changes do not).
    this.raiseChanged(sheet, rect);
  }

  private typeInto(cell: CellModel, text: string): void {
    if (text === "" || cell.format === "@") {
      cell.value = text;
      return;
    }
    const formula = text.startsWith("=") && text.length > 1 ? text : /^[+-]./.test(text) && !NUMBER.test(text) ? `=${text}` : undefined;
    if (formula !== undefined) {
      cell.formula = formula;
      const result = evaluate(formula.slice(1));
      if (result === undefined) {
        cell.value = "";
        cell.error = "#NAME?";
      } else cell.value = result;
      return;
    }
    if (NUMBER.test(text.trim())) {
      cell.value = Number(text.trim());
      return;
    }
    if (/^(true|false)$/i.test(text.trim())) {
      cell.value = text.trim().toLowerCase() === "true";
      return;
    }
    const date = parseTypedDate(text.trim(), this.typingYear);
    if (date) {
      cell.value = date.serial;
      if (cell.format === "General") cell.format = date.format;
      return;
    }
    cell.value = text;
  }

  writeFormats(sheet: SheetModel, rect: Rect, formats: unknown): void {
    sheet.assertEditable();
    const rows = assertShape(rect, formats, "numberFormat");
    rows.forEach((line, i) =>
      line.forEach((f, j) => {
        if (f === null) return;
        if (typeof f !== "string")
          throw new OfficeDoubleError("InvalidArgument", `A number format must be a string, got ${JSON.stringify(f)}.`);
        sheet.ensure(rect.top + i, rect.left + j).format = f;
      }),
    );
  }

  /**
   * Sets a property of the data validation of every cell in `rect`. Setting `rule` over cells
   * whose current validations differ fails as in Excel (office-js issue #2594): clear first.
   */
  writeValidation(sheet: SheetModel, rect: Rect, prop: keyof ValidationModel, value: unknown): void {
    if (prop === "rule") {
      assertRule(value);
      let first: string | undefined;
      for (let row = rect.top; row <= rect.bottom; row++)
        for (let col = rect.left; col <= rect.right; col++) {
          const key = JSON.stringify(sheet.cellAt(row, col)?.validation ?? null);
          if (first === undefined) first = key;
          else if (key !== first)
            throw new OfficeDoubleError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
        }
    }
    for (let row = rect.top; row <= rect.bottom; row++)
      for (let col = rect.left; col <= rect.right; col++) {
        const cell = sheet.ensure(row, col);
        cell.validation = { ...cell.validation, [prop]: structuredClone(value) };
      }
  }

  /** `Range.merge(false)`: one merged area; refuses tables and partial overlaps; keeps the top-left value only. */
  mergeRange(sheet: SheetModel, rect: Rect, across: unknown): void {
    if (across !== undefined && across !== false) throw new OfficeDoubleError("NotImplemented", "The double supports merge(false) only.");
    sheet.assertEditable();
    if (this.tables.some((t) => t.sheet === sheet && intersects(t.rect, rect)))
      throw new OfficeDoubleError("InvalidOperation", "Cannot merge cells in a table.");
    if (sheet.merges.some((m) => intersects(m, rect)))
      throw new OfficeDoubleError("NotImplemented", "The double does not merge over an existing merged area.");
    if (rect.top === rect.bottom && rect.left === rect.right) return;
    for (const [row, col, cell] of [...sheet.cellsIn(rect)])
      if (row !== rect.top || col !== rect.left) {
        cell.value = "";
        delete cell.formula;
        delete cell.error;
      }
    sheet.merges.push({ ...rect });
  }

  /** Sets formatting on every cell of the areas (`format.font.bold = …` and the like). */
  styleCells(
    sheet: SheetModel,
    rects: readonly Rect[],
    change: (style: CellStyleModel, row: number, col: number, rect: Rect) => void,
  ): void {
    sheet.assertEditable();
    for (const rect of rects) {
      if ((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > 1_000_000)
        throw new OfficeDoubleError("NotImplemented", "The double formats at most a million cells at once.");
      for (let row = rect.top; row <= rect.bottom; row++)
        for (let col = rect.left; col <= rect.right; col++) {
          const cell = sheet.ensure(row, col);
          change((cell.style ??= {}), row, col, rect);
        }
    }
  }

  clearValidation(sheet: SheetModel, rect: Rect): void {
    for (const [, , cell] of sheet.cellsIn(rect)) delete cell.validation;
  }
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function isValidSheetNameForExcel(n: string): boolean {
  return n.length > 0 && n.length <= 31 && !/[:\\/?*[\]]/.test(n) && !n.startsWith("'") && !n.endsWith("'");
}

function assertShape(rect: Rect, data: unknown, what: string): unknown[][] {
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (!Array.isArray(data) || data.length !== rows || data.some((line) => !Array.isArray(line) || line.length !== cols))
    throw new OfficeDoubleError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}, ${rows}×${cols}).`,
    );
  return data as unknown[][];
}

function assertRule(rule: unknown): void {
  if (typeof rule !== "object" || rule === null)
    throw new OfficeDoubleError("InvalidArgument", "A data validation rule must be an object.");
  const kinds = Object.keys(rule);
  if (kinds.length !== 1) throw new OfficeDoubleError("InvalidArgument", "A data validation rule holds exactly one criterion.");
  const list = (rule as { list?: { source?: unknown } }).list;
  if (list !== undefined) {
    if (typeof list.source !== "string" || list.source.length === 0)
      throw new OfficeDoubleError("InvalidArgument", "A list rule needs a source.");
    if (list.source.length > 255) throw new OfficeDoubleError("InvalidArgument", "A list source is limited to 255 characters.");
  }
}

/** Typed date/time text → serial, as an en-US Excel would read it. */
function parseTypedDate(text: string, year: number): { serial: number; format: string } | undefined {
  const serialOf = (y: number, m: number, d: number): number | undefined => {
    const t = Date.UTC(y, m - 1, d);
    const back = new Date(t);
    if (m < 1 || m > 12 || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
    return t / 86_400_000 + 25_569;
  };
  const clock = (h?: string, mi?: string, s?: string): number | undefined => {
    if (h === undefined) return 0;
    const hh = Number(h);
    const mm = Number(mi);
    const ss = s === undefined ? 0 : Number(s);
    return hh > 23 || mm > 59 || ss > 59 ? undefined : (hh * 3600 + mm * 60 + ss) / 86_400;
  };
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (m) {
    const day = serialOf(Number(m[1]), Number(m[2]), Number(m[3]));
    const time = clock(m[4], m[5], m[6]);
    if (day === undefined || time === undefined) return undefined;
    return { serial: day + time, format: m[4] === undefined ? "yyyy-mm-dd" : "yyyy-mm-dd h:mm" };
  }
  m = /^(\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (m) {
    const day = serialOf(year, Number(m[1]), Number(m[2]));
    return day === undefined ? undefined : { serial: day, format: "d-mmm" };
  }
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (m) {
    const time = clock(m[1], m[2], m[3]);
    return time === undefined ? undefined : { serial: time, format: "h:mm" };
  }
  return undefined;
}

/** Arithmetic formulas (`1+1`, `-(2*3)/4`); anything else is a `#NAME?` in the double. */
function evaluate(src: string): number | undefined {
  let i = 0;
  if (/\d\s+[\d.]/.test(src)) return undefined; // a space between numbers is Excel's intersection operator
  const s = src.replace(/\s+/g, "");
  const peek = (): string => s[i] ?? "";
  const num = (): number | undefined => {
    if (peek() === "(") {
      i++;
      const v = expr();
      if (peek() !== ")") return undefined;
      i++;
      return v;
    }
    if (peek() === "-" || peek() === "+") {
      const sign = s[i++] === "-" ? -1 : 1;
      const v = num();
      return v === undefined ? undefined : sign * v;
    }
    const m = /^(\d+(\.\d*)?|\.\d+)/.exec(s.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    return Number(m[0]);
  };
  const term = (): number | undefined => {
    let v = num();
    while (v !== undefined && (peek() === "*" || peek() === "/")) {
      const op = s[i++];
      const r = num();
      if (r === undefined) return undefined;
      v = op === "*" ? v * r : v / r;
    }
    return v;
  };
  const expr = (): number | undefined => {
    let v = term();
    while (v !== undefined && (peek() === "+" || peek() === "-")) {
      const op = s[i++];
      const r = term();
      if (r === undefined) return undefined;
      v = op === "+" ? v + r : v - r;
    }
    return v;
  };
  const v = expr();
  return v !== undefined && i === s.length && Number.isFinite(v) ? v : undefined;
}
