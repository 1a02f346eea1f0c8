import { cellAddress } from "../a1";
import { parseIsoDate } from "../cells/civil";
import { docDate } from "../documents/dates";
import { type Lang, translator } from "../i18n";
import { dashboardMessages } from "../i18n/messages/dashboard";
import { BUCKETS, type CountGroup, type DashboardFigures } from "./figures";

/**
 * The 看板 as a worksheet: the same figures as the tab, one block per chart (a title, a header
 * row, one row per bar or point), laid out here so that every adapter writes the same cells.
 * Excel draws a native chart beside each block that has data (`chart`); the preview and the
 * command line write the blocks alone (ExcelJS cannot write charts) and say so.
 */

/** The chart types the 看板 uses, named as Excel.ChartType names them. */
export type DashboardChartType = "ColumnStacked" | "Line";

export interface DashboardChart {
  readonly type: DashboardChartType;
  readonly title: string;
  /** The chart's data, header row included, series by columns (A1, on the 看板 sheet). */
  readonly source: string;
  /** Where the chart sits: the top-left and bottom-right cells it covers. */
  readonly topLeft: string;
  readonly bottomRight: string;
}

export type DashboardCell = string | number;

export interface DashboardBlock {
  readonly title: string;
  /** Excel row (1-based) of the title; the header is on the next row, the data rows below it. */
  readonly titleRow: number;
  readonly header: readonly string[];
  /** One row per bar or point; a single `sheetEmpty` row when there is none. */
  readonly rows: readonly (readonly DashboardCell[])[];
  /** Absent when the block has no data. */
  readonly chart?: DashboardChart;
}

export interface DashboardSheet {
  /** The sheet's name before it is made unique (看板, 看板 (2) …). */
  readonly name: string;
  /** Rows 1–3: the heading, what the figures count, where charts are drawn. */
  readonly heading: string;
  readonly countsNote: string;
  readonly chartsNote: string;
  readonly blocks: readonly DashboardBlock[];
  /** Column widths in characters, from column A. */
  readonly widths: readonly number[];
}

/** The first block's title row; rows 1–3 hold the heading and the notes. */
const FIRST_ROW = 5;
/** Rows a chart covers (about 300 px at Excel's default row height). */
const CHART_ROWS = 15;
/** Charts sit to the right of the widest block (6 columns) after a blank column. */
const CHART_FIRST_COLUMN = 7;
const CHART_COLUMNS = 8;

export function dashboardSheet(figures: DashboardFigures, lang: Lang): DashboardSheet {
  const t = translator(dashboardMessages, lang);
  const label = (s: string): string => s || t("unassigned");
  const groupRows = (groups: readonly CountGroup[]) =>
    groups.map((g) => [label(g.label), ...BUCKETS.map((b) => g.counts[b]), g.total] as DashboardCell[]);
  const bucketHeader = [t("dueSoon"), t("overdue"), t("escalation"), t("other"), t("total")];

  const specs: { title: string; header: string[]; rows: DashboardCell[][]; type: DashboardChartType; chartColumns: number }[] = [
    {
      title: t("ownersTitle"),
      header: [t("owner"), ...bucketHeader],
      rows: groupRows(figures.owners),
      type: "ColumnStacked",
      chartColumns: 5,
    },
    {
      title: t("departmentsTitle"),
      header: [t("department"), ...bucketHeader],
      rows: groupRows(figures.departments),
      type: "ColumnStacked",
      chartColumns: 5,
    },
    {
      title: t("monthsTitle"),
      header: [t("month"), t("overdue"), t("escalation")],
      rows: figures.months.map((m) => [m.month || t("unknownMonth"), m.overdue, m.escalation]),
      type: "ColumnStacked",
      chartColumns: 3,
    },
    {
      title: t("scoresTitle"),
      header: [t("period"), t("average"), t("lowest"), t("passMark"), t("below"), t("scored")],
      // A period without any score has no average: its cells stay empty rather than showing NaN.
      rows: figures.periods.map((p) => [p.period, orEmpty(p.average), orEmpty(p.lowest), figures.passMark, p.below, p.scored]),
      type: "Line",
      chartColumns: 4,
    },
  ];

  const blocks: DashboardBlock[] = [];
  let row = FIRST_ROW;
  for (const s of specs) {
    const headerRow = row + 1;
    const empty = s.rows.length === 0;
    const lastRow = headerRow + Math.max(1, s.rows.length);
    const chart: DashboardChart | undefined = empty
      ? undefined
      : {
          type: s.type,
          title: s.title,
          source: `${cellAddress(0, headerRow)}:${cellAddress(s.chartColumns - 1, lastRow)}`,
          topLeft: cellAddress(CHART_FIRST_COLUMN, row),
          bottomRight: cellAddress(CHART_FIRST_COLUMN + CHART_COLUMNS - 1, row + CHART_ROWS - 1),
        };
    blocks.push({ title: s.title, titleRow: row, header: s.header, rows: empty ? [[t("sheetEmpty")]] : s.rows, chart });
    row = Math.max(lastRow, chart ? row + CHART_ROWS - 1 : lastRow) + 2;
  }

  return {
    name: t("sheetTitle"),
    // A sheet people print: its date as documents write dates (2024年10月8日 / 2024-10-08).
    heading: t("sheetHeading", { today: headingDate(figures.today, lang) }),
    countsNote: t("countsNote", { today: figures.today, passMark: figures.passMark }),
    chartsNote: t("sheetNoteCharts"),
    blocks,
    widths: [18, 10, 10, 10, 10, 10, 4],
  };
}

function headingDate(today: string, lang: Lang): string {
  const day = parseIsoDate(today);
  return day === undefined ? today : docDate(day, lang);
}

const orEmpty = (n: number): DashboardCell => (Number.isFinite(n) ? n : "");

/** Every cell the sheet holds, as (A1, value): what both adapters write, in this order. */
export function dashboardCells(
  sheet: DashboardSheet,
): { readonly address: string; readonly value: DashboardCell; readonly bold: boolean }[] {
  const out: { address: string; value: DashboardCell; bold: boolean }[] = [
    { address: "A1", value: sheet.heading, bold: true },
    { address: "A2", value: sheet.countsNote, bold: false },
    { address: "A3", value: sheet.chartsNote, bold: false },
  ];
  for (const b of sheet.blocks) {
    out.push({ address: cellAddress(0, b.titleRow), value: b.title, bold: true });
    b.header.forEach((h, j) => out.push({ address: cellAddress(j, b.titleRow + 1), value: h, bold: true }));
    b.rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v !== "") out.push({ address: cellAddress(j, b.titleRow + 2 + i), value: v, bold: false });
      }),
    );
  }
  return out;
}
