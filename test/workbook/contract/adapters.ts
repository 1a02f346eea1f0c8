import type * as ExcelJS from "exceljs";
import { cellAddress, parseRange, rangeAddress, type Rect } from "../../../src/core/a1";
import type { Severity } from "../../../src/core/rules/spec";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";
import { OfficeWorkbook } from "../../../src/workbook/officejs/adapter";
import { type RangeRef, type WorkbookPort } from "../../../src/app/port";
import { MARK_SIGNATURE } from "../../../src/core/marks/mark";
import type { WorkbookModel } from "../../doubles/excel-double";
import { seedDouble, toExcelJs, type ScenarioSheet } from "./layout-scenarios";

/**
 * One workbook, as each adapter sees it (issue 9's contract suite): the same sheets built in an
 * .xlsx for the ExcelJS adapter and in the strict Excel double for the Office adapter, with the
 * same observations read back from each — so a scenario runs once per adapter and the results are
 * compared.
 */

/** A user's own conditional format, which marks must leave alone. */
export interface UserFormat {
  readonly sheet: string;
  readonly address: string;
  /** Without the leading `=`, as a file stores it. */
  readonly formula: string;
}

export interface WorkbookSetup {
  readonly sheets: readonly ScenarioSheet[];
  readonly userFormats?: readonly UserFormat[];
  /** Rows hidden by hand or by a filter, per sheet. */
  readonly hiddenRows?: Readonly<Record<string, readonly number[]>>;
  /** The person's selection (one area or several, comma-separated). */
  readonly selection?: RangeRef;
}

/** The add-in's marks per sheet and severity, as sorted cell addresses. */
export type MarksSeen = Record<string, Partial<Record<Severity, string[]>>>;

export interface Subject {
  readonly adapter: "exceljs" | "officejs";
  readonly port: WorkbookPort;
  marks(): MarksSeen;
  /** The user's own conditional formats, `address formula` each, per sheet. */
  userFormats(sheet: string): string[];
  /** A cell's value as stored (text, number, or "" when empty). */
  value(sheet: string, address: string): string | number | boolean;
}

export type Adapter = Subject["adapter"];
export const ADAPTERS: readonly Adapter[] = ["exceljs", "officejs"];

const cellsOf = (rects: readonly Rect[]): string[] => {
  const out: string[] = [];
  for (const r of rects)
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(cellAddress(col, row));
  return out;
};

const severityOf = (formula: string): Severity | undefined =>
  (["error", "warning", "info"] as const).find((s) => formula.includes(`${MARK_SIGNATURE}:${s}"`));

function addMarks(seen: MarksSeen, sheet: string, severity: Severity, cells: readonly string[]): void {
  const bySeverity = (seen[sheet] ??= {});
  bySeverity[severity] = [...(bySeverity[severity] ?? []), ...cells].sort();
}

interface Block {
  ref: string;
  rules: { type?: string; formulae?: unknown[]; priority?: number }[];
}
const blocksOf = (ws: ExcelJS.Worksheet): Block[] => (ws as unknown as { conditionalFormattings: Block[] }).conditionalFormattings;
const refRects = (ref: string): Rect[] =>
  ref
    .split(/\s+/)
    .filter(Boolean)
    .map((a) => parseRange(a) as Rect);

/** The add-in's marks in an ExcelJS workbook (the conditional formats carrying MARK_SIGNATURE). */
export function excelJsMarks(wb: ExcelJS.Workbook): MarksSeen {
  const seen: MarksSeen = {};
  for (const sheet of wb.worksheets)
    for (const b of blocksOf(sheet))
      for (const rule of b.rules) {
        const formula = (rule.formulae ?? []).find((x): x is string => typeof x === "string" && x.includes(MARK_SIGNATURE));
        const severity = formula && severityOf(formula);
        if (severity) addMarks(seen, sheet.name, severity, cellsOf(refRects(b.ref)));
      }
  return seen;
}

/** A sheet's conditional formats that are not the add-in's, `address formula` each. */
export function excelJsUserFormats(ws: ExcelJS.Worksheet): string[] {
  return blocksOf(ws).flatMap((b) =>
    b.rules
      .filter((r) => !(r.formulae ?? []).some((x) => typeof x === "string" && x.includes(MARK_SIGNATURE)))
      .map((r) => `${refRects(b.ref).map(rangeAddress).join(",")} ${String((r.formulae ?? [])[0]).replace(/^=/, "")}`),
  );
}

/** The setup as .xlsx bytes (ExcelJS writing them, as another tool would). */
export async function setupBytes(setup: WorkbookSetup): Promise<Uint8Array> {
  const wb = toExcelJs({ name: "", today: "", sheets: setup.sheets });
  let priority = 0;
  for (const f of setup.userFormats ?? []) {
    wb.getWorksheet(f.sheet)!.addConditionalFormatting({
      ref: f.address,
      rules: [{ type: "expression", formulae: [f.formula], style: { font: { bold: true } }, priority: ++priority }],
    } as ExcelJS.ConditionalFormattingOptions);
  }
  for (const [sheet, rows] of Object.entries(setup.hiddenRows ?? {})) for (const r of rows) wb.getWorksheet(sheet)!.getRow(r).hidden = true;
  return (await wb.xlsx.writeBuffer()) as unknown as Uint8Array;
}

/** The workbook through the ExcelJS adapter (saved to bytes and loaded, as the CLI and the preview load a file). */
export async function viaExcelJs(setup: WorkbookSetup): Promise<Subject> {
  const book = await XlsxWorkbook.load(await setupBytes(setup));
  if (setup.selection) book.selection = setup.selection;
  const ws = (sheet: string) => book.workbook.getWorksheet(sheet)!;
  return {
    adapter: "exceljs",
    port: book,
    marks: () => excelJsMarks(book.workbook),
    userFormats: (sheet) => excelJsUserFormats(ws(sheet)),
    value(sheet, address) {
      const v = ws(sheet).getCell(address).value;
      if (v === null || v === undefined) return "";
      if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
      return JSON.stringify(v);
    },
  };
}

/** The workbook through the Office adapter, on the strict double `model` (installed by `useExcelDouble()`, no sheet). */
export function viaOffice(model: WorkbookModel, setup: WorkbookSetup): Subject {
  seedDouble(model, { name: "", today: "", sheets: setup.sheets });
  for (const f of setup.userFormats ?? [])
    model.sheet(f.sheet).seedConditionalFormat("Custom", f.address, { formula: `=${f.formula}`, fill: "#00FF00" });
  for (const [sheet, rows] of Object.entries(setup.hiddenRows ?? {})) for (const r of rows) model.sheet(sheet).hiddenRows.add(r);
  if (setup.selection) model.selectAreas(setup.selection.sheet, ...setup.selection.address.split(","));
  return {
    adapter: "officejs",
    port: new OfficeWorkbook(),
    marks() {
      const seen: MarksSeen = {};
      for (const sheet of model.sheets)
        for (const cf of sheet.conditionalFormats) {
          const severity = cf.formula?.includes(MARK_SIGNATURE) ? severityOf(cf.formula) : undefined;
          if (severity) addMarks(seen, sheet.name, severity, cellsOf(cf.ranges));
        }
      return seen;
    },
    userFormats(sheet) {
      return model
        .sheet(sheet)
        .conditionalFormats.filter((cf) => !cf.formula?.includes(MARK_SIGNATURE))
        .map((cf) => `${cf.ranges.map(rangeAddress).join(",")} ${String(cf.formula).replace(/^=/, "")}`);
    },
    value(sheet, address) {
      const c = model.sheet(sheet).cell(address);
      return c.value;
    },
  };
}
