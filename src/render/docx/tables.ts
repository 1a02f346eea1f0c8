import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
  type ITableCellBorders,
} from "docx";
import type { DocField, DocTableColumn } from "../../core/documents/model";
import { CELL_MARGIN, COLOR, LINE, SIZE, TEXT_WIDTH } from "./theme";
import { emWidth, textRuns, type RunStyle } from "./text";

const LINE_BORDER = { style: BorderStyle.SINGLE, size: 6, color: COLOR.border } as const;
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "auto" } as const;
const ALL_LINES = {
  top: LINE_BORDER,
  bottom: LINE_BORDER,
  left: LINE_BORDER,
  right: LINE_BORDER,
  insideHorizontal: LINE_BORDER,
  insideVertical: LINE_BORDER,
} as const;
const NO_LINES = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
} as const;
const NO_CELL_BORDERS: ITableCellBorders = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** Scales relative widths to `total` twips; rounding leftovers go to the last column so the sum is exact. */
export function scaleWidths(relative: readonly number[], total: number): number[] {
  if (relative.length === 0) throw new Error("scaleWidths: a table needs at least one column");
  for (const w of relative) {
    if (!(Number.isFinite(w) && w > 0)) throw new Error(`scaleWidths: column width ${w} is not a positive number`);
  }
  const sum = relative.reduce((a, b) => a + b, 0);
  const widths = relative.map((w) => Math.floor((w / sum) * total));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

interface CellSpec {
  readonly text: string;
  readonly width: number;
  readonly span?: number;
  readonly align?: (typeof ALIGN)[keyof typeof ALIGN];
  readonly fill?: string;
  readonly style?: RunStyle;
  readonly borders?: ITableCellBorders;
  /** Left padding, when the text must line up with the paragraphs outside the table. */
  readonly padLeft?: number;
}

function cell(spec: CellSpec, line: number): TableCell {
  return new TableCell({
    width: { size: spec.width, type: WidthType.DXA },
    columnSpan: spec.span,
    verticalAlign: VerticalAlign.CENTER,
    margins: { ...CELL_MARGIN, left: spec.padLeft ?? CELL_MARGIN.left },
    borders: spec.borders,
    shading: spec.fill ? { type: ShadingType.CLEAR, color: "auto", fill: spec.fill } : undefined,
    children: [
      new Paragraph({
        alignment: spec.align ?? AlignmentType.LEFT,
        spacing: { before: 0, after: 0, line },
        children: textRuns(spec.text, spec.style),
      }),
    ],
  });
}

export interface DataTableSpec {
  readonly columns: readonly DocTableColumn[];
  readonly rows: readonly (readonly string[])[];
  readonly highlightRows?: readonly number[];
  /** Already resolved: the builder's `emptyText` or the renderer's default. */
  readonly emptyText: string;
}

/**
 * A bordered table across the text width: a shaded header row that repeats on a new page, rows
 * that do not split across pages, highlighted rows shaded. No rows → one merged row with the
 * empty text, under the header, so the reader still sees what the table would have held.
 */
export function dataTable(spec: DataTableSpec): Table {
  const widths = scaleWidths(
    spec.columns.map((c) => c.width),
    TEXT_WIDTH,
  );
  spec.rows.forEach((row, i) => {
    if (row.length !== spec.columns.length) {
      throw new Error(`docx table: row ${i} has ${row.length} cells for ${spec.columns.length} columns`);
    }
  });
  const highlighted = new Set(spec.highlightRows ?? []);
  const tableStyle: RunStyle = { size: SIZE.table };

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    height: { value: 360, rule: HeightRule.ATLEAST },
    children: spec.columns.map((c, i) =>
      cell(
        { text: c.header, width: widths[i], align: AlignmentType.CENTER, fill: COLOR.headerFill, style: { ...tableStyle, bold: true } },
        LINE.table,
      ),
    ),
  });
  const body =
    spec.rows.length === 0
      ? [
          new TableRow({
            cantSplit: true,
            height: { value: 360, rule: HeightRule.ATLEAST },
            children: [
              cell(
                {
                  text: spec.emptyText,
                  width: TEXT_WIDTH,
                  span: spec.columns.length,
                  align: AlignmentType.CENTER,
                  style: { ...tableStyle, color: COLOR.muted },
                },
                LINE.table,
              ),
            ],
          }),
        ]
      : spec.rows.map(
          (row, r) =>
            new TableRow({
              cantSplit: true,
              height: { value: 340, rule: HeightRule.ATLEAST },
              children: row.map((text, i) =>
                cell(
                  {
                    text,
                    width: widths[i],
                    align: ALIGN[spec.columns[i].align ?? "left"],
                    fill: highlighted.has(r) ? COLOR.highlightFill : undefined,
                    style: highlighted.has(r) ? { ...tableStyle, bold: true } : tableStyle,
                  },
                  LINE.table,
                ),
              ),
            }),
        );

  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: ALL_LINES,
    rows: [header, ...body],
  });
}

/**
 * Label/value lines as a borderless grid of label, value, label, value. Two short fields share a
 * row; a field whose value would not fit half the width takes a row of its own, so long text
 * (参会人, 整改要求) wraps within its value cell and stays aligned with the labels above.
 */
export function fieldsGrid(fields: readonly DocField[], colon: string, fontSize: number): Table {
  const emTwips = fontSize * 10;
  const longestLabel = Math.max(...fields.map((f) => emWidth(f.label + colon)));
  // Label column: the longest label plus the cell padding, capped so values keep most of the width.
  const labelWidth = Math.min(Math.ceil(longestLabel * emTwips) + CELL_MARGIN.left + CELL_MARGIN.right + 60, Math.floor(TEXT_WIDTH * 0.3));
  const valueWidth = Math.floor((TEXT_WIDTH - 2 * labelWidth) / 2);
  const lastValue = TEXT_WIDTH - 2 * labelWidth - valueWidth;
  const widths = [labelWidth, valueWidth, labelWidth, lastValue];
  const halfFits = (f: DocField) => emWidth(f.value) * emTwips <= valueWidth - CELL_MARGIN.left - CELL_MARGIN.right;

  // Labels of the left column start flush with the body text; those of the right column keep their padding.
  const labelCell = (f: DocField, padLeft?: number) =>
    cell({ text: f.label + colon, width: labelWidth, padLeft, borders: NO_CELL_BORDERS, style: { size: fontSize, bold: true } }, LINE.body);
  const valueCell = (f: DocField, width: number, span?: number) =>
    cell({ text: f.value, width, span, borders: NO_CELL_BORDERS, style: { size: fontSize } }, LINE.body);

  const rows: TableRow[] = [];
  for (let i = 0; i < fields.length;) {
    const a = fields[i];
    const b = fields[i + 1];
    if (b && halfFits(a) && halfFits(b)) {
      rows.push(
        new TableRow({ cantSplit: true, children: [labelCell(a, 0), valueCell(a, valueWidth), labelCell(b), valueCell(b, lastValue)] }),
      );
      i += 2;
    } else {
      rows.push(new TableRow({ cantSplit: true, children: [labelCell(a, 0), valueCell(a, TEXT_WIDTH - labelWidth, 3)] }));
      i += 1;
    }
  }
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_LINES,
    rows,
  });
}
