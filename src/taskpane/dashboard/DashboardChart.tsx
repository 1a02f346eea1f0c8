import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import {
  DataVizPalette,
  getColorFromToken,
  VerticalStackedBarChart,
  type LineDataInVerticalStackedBarChart,
  type VerticalStackedChartProps,
  type VSChartDataPoint,
} from "@fluentui/react-charts";
import { useMemo } from "react";

/** One bar segment (or one single-segment bar) and what clicking it selects. */
export interface ChartSegment {
  readonly legend: string;
  readonly value: number;
  readonly color: string;
  /** Names the selection ("张伟 · 逾期"). */
  readonly what: string;
  /** Indexes into the report's findings. */
  readonly findings: readonly number[];
  /** What a screen reader says on the segment, and what the selection's heading will say ("张伟 · 逾期：2 个问题"). */
  readonly ariaLabel: string;
}

export interface ChartBar {
  readonly x: string;
  readonly segments: readonly ChartSegment[];
  /** Horizontal marks drawn over the bar (合格线, 最低分). */
  readonly lines?: readonly { readonly legend: string; readonly y: number; readonly color: string }[];
}

/** The colours of the 看板: Fluent's data-visualisation palette, severity colours where a bucket has one. */
export const CHART_COLORS = {
  dueSoon: getColorFromToken(DataVizPalette.info),
  overdue: getColorFromToken(DataVizPalette.warning),
  escalation: getColorFromToken(DataVizPalette.error),
  other: getColorFromToken(DataVizPalette.color1),
  average: getColorFromToken(DataVizPalette.color2),
  lowest: getColorFromToken(DataVizPalette.color5),
  passMark: getColorFromToken(DataVizPalette.error),
} as const;

const useStyles = makeStyles({
  chart: { minWidth: 0, width: "100%" },
  none: { color: tokens.colorNeutralForeground3 },
});

/**
 * A stacked column chart of Fluent's own charts (`@fluentui/react-charts` VerticalStackedBarChart):
 * one column per person, department, month or period; clicking a segment calls `onSelect` with
 * the findings it counts.
 */
export function DashboardChart(props: {
  readonly title: string;
  readonly bars: readonly ChartBar[];
  readonly onSelect: (segment: ChartSegment) => void;
  readonly culture: string;
  readonly none: string;
  readonly testId: string;
}) {
  const { title, bars, onSelect, culture, none, testId } = props;
  const styles = useStyles();
  // The chart hands back the very point object clicked: map it to its segment.
  const { data, segmentOf, segmentLabelled } = useMemo(() => {
    const segmentOf = new Map<VSChartDataPoint, ChartSegment>();
    const segmentLabelled = new Map<string, ChartSegment>();
    const data: VerticalStackedChartProps[] = bars.map((bar) => ({
      xAxisPoint: bar.x,
      chartData: bar.segments.map((s) => {
        const point: VSChartDataPoint = {
          legend: s.legend,
          data: s.value,
          color: s.color,
          xAxisCalloutData: bar.x,
          callOutAccessibilityData: { ariaLabel: s.ariaLabel },
        };
        segmentOf.set(point, s);
        segmentLabelled.set(s.ariaLabel, s);
        return point;
      }),
      lineData: bar.lines?.map((l): LineDataInVerticalStackedBarChart => ({ y: l.y, legend: l.legend, color: l.color })),
    }));
    return { data, segmentOf, segmentLabelled };
  }, [bars]);

  if (bars.length === 0 || bars.every((b) => b.segments.every((s) => s.value === 0))) {
    return (
      <Caption1 className={styles.none} data-testid={`${testId}-none`}>
        {none}
      </Caption1>
    );
  }
  return (
    // The chart's marks take the keyboard focus (Tab) but answer only to the mouse: Enter or Space
    // on a focused mark selects it too, found by its label (each segment's is its own).
    <div
      className={styles.chart}
      data-testid={testId}
      onKeyDown={(e) => {
        if (e.key !== "Enter" && e.key !== " ") return;
        const segment = segmentLabelled.get((e.target as Element).getAttribute("aria-label") ?? "");
        if (!segment) return;
        e.preventDefault();
        onSelect(segment);
      }}
    >
      <VerticalStackedBarChart
        data={data}
        chartTitle={title}
        height={220}
        barWidth="auto"
        maxBarWidth={28}
        culture={culture}
        wrapXAxisLables
        onBarClick={(_, point) => {
          const segment = "legend" in point ? segmentOf.get(point) : undefined;
          if (segment) onSelect(segment);
        }}
      />
    </div>
  );
}
