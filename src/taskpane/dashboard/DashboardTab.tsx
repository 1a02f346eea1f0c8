import { Body1, Button, Caption1, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { writeDashboardSheet, type DashboardResult } from "../../app/dashboard/run";
import { BUCKETS, bucketOf, type CountGroup } from "../../core/dashboard/figures";
import { translator } from "../../core/i18n";
import type { RuleId } from "../../core/rules/spec";
import { dashboardMessages, type DashboardKey } from "../../core/i18n/messages/dashboard";
import type { DashboardWritten } from "../../app/port";
import { ErrorBar } from "../components/ErrorBar";
import { FindingsPanel } from "../components/FindingsPanel";
import { usePane } from "../context";
import { useAsyncAction } from "../useAsyncAction";
import { CHART_COLORS, DashboardChart, type ChartBar, type ChartSegment } from "./DashboardChart";
import { useDashboard } from "./useDashboard";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  selection: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  selectionHead: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  empty: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, padding: tokens.spacingVerticalM, textAlign: "center" },
  note: { color: tokens.colorNeutralForeground3 },
});

type ChartId = "owners" | "departments" | "months" | "scores";

interface Selection {
  readonly chart: ChartId;
  readonly what: string;
  readonly findings: readonly number[];
}

/**
 * Tab 看板: for managers, the check's findings by 负责人 and by department, overdue and
 * escalations by due month, supplier scores against 合格线 by period (Fluent's own charts). A
 * click on a mark lists its findings under that chart (clicking one selects its cell);
 * 写入看板工作表 writes the same figures as a new sheet — with native charts inside Excel, the
 * figures alone on the preview (which says so).
 */
export function DashboardTab() {
  const { port, runner, lang, revision, workbookChanged } = usePane();
  const t = useMemo(
    () => translator(dashboardMessages, lang) as (key: DashboardKey, params?: Record<string, string | number>) => string,
    [lang],
  );
  const styles = useStyles();
  const { state, refresh } = useDashboard(runner, lang, revision);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [written, setWritten] = useState<DashboardWritten | null>(null);
  const result = state.status === "done" ? state.result : state.status === "loading" ? state.last : undefined;

  const write = useAsyncAction<[], void>(async () => {
    if (!result) return;
    setWritten(null);
    const w = await writeDashboardSheet(port, result.figures, lang);
    setWritten(w);
    workbookChanged({ sheet: w.sheet });
  });

  return (
    <div className={styles.root} data-testid="dashboard">
      <Caption1>{t("intro")}</Caption1>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabled={!result || write.busy || result.report.tables.length === 0}
          onClick={() => void write.run()}
          data-testid="dashboard-write"
        >
          {write.busy ? t("writing") : t("writeSheet")}
        </Button>
        <Button disabled={state.status === "loading"} onClick={refresh} data-testid="dashboard-refresh">
          {t("refresh")}
        </Button>
        {state.status === "loading" && <Spinner size="extra-tiny" label={t("refreshing")} />}
      </div>
      {/* The result of 写入看板工作表, right under its button. */}
      {written && (
        <MessageBar intent={written.charts > 0 ? "success" : "info"} layout="multiline" data-testid="dashboard-written">
          <MessageBarBody role="status">
            {written.charts > 0
              ? t("written", { sheet: written.sheet, charts: written.charts })
              : t("writtenNoCharts", { sheet: written.sheet })}
          </MessageBarBody>
        </MessageBar>
      )}
      {write.error !== undefined && !write.busy && <ErrorBar error={write.error} />}
      {state.status === "error" && <ErrorBar error={state.error} />}
      {result && <Figures result={result} t={t} selection={selection} onSelect={setSelection} />}
    </div>
  );
}

function Figures(props: {
  readonly result: DashboardResult;
  readonly t: (key: DashboardKey, params?: Record<string, string | number>) => string;
  readonly selection: Selection | null;
  readonly onSelect: (s: Selection | null) => void;
}) {
  const { result, t, selection, onSelect } = props;
  const { lang } = usePane();
  const styles = useStyles();
  const { figures, report } = result;
  const n = (x: number): string => x.toLocaleString(lang);

  const charts = useMemo(() => {
    const label = (s: string): string => s || t("unassigned");
    const ofRule = (findings: readonly number[], keep: (rule: RuleId) => boolean) => findings.filter((i) => keep(report.findings[i].rule));
    // A segment says what it counts, in the words its selection's heading will use.
    const seg = (legend: string, value: number, color: string, what: string, findings: readonly number[]): ChartSegment => ({
      legend,
      value,
      color,
      what,
      findings,
      ariaLabel: t("selectionTitle", { what, n: findings.length }),
    });
    const groupBars = (groups: readonly CountGroup[]): ChartBar[] =>
      groups.map((g) => ({
        x: label(g.label),
        segments: BUCKETS.map((b) =>
          seg(
            t(b),
            g.counts[b],
            CHART_COLORS[b],
            `${label(g.label)} · ${t(b)}`,
            ofRule(g.findings, (rule) => bucketOf(rule) === b),
          ),
        ),
      }));
    const months: ChartBar[] = figures.months.map((m) => {
      const x = m.month || t("unknownMonth");
      return {
        x,
        segments: (["overdue", "escalation"] as const).map((b) =>
          seg(
            t(b),
            m[b],
            CHART_COLORS[b],
            `${x} · ${t(b)}`,
            ofRule(m.findings, (rule) => rule === b),
          ),
        ),
      };
    });
    const scores: ChartBar[] = figures.periods.map((p) => ({
      x: p.period,
      segments: [
        seg(
          t("average"),
          Number.isFinite(p.average) ? p.average : 0,
          CHART_COLORS.average,
          `${p.period} · ${t("below")} ${p.below}`,
          p.findings,
        ),
      ],
      lines: [
        { legend: t("passMark"), y: figures.passMark, color: CHART_COLORS.passMark },
        ...(Number.isFinite(p.lowest) ? [{ legend: t("lowest"), y: p.lowest, color: CHART_COLORS.lowest }] : []),
      ],
    }));
    return [
      { id: "owners" as const, title: t("ownersTitle"), bars: groupBars(figures.owners) },
      { id: "departments" as const, title: t("departmentsTitle"), bars: groupBars(figures.departments) },
      { id: "months" as const, title: t("monthsTitle"), bars: months },
      { id: "scores" as const, title: t("scoresTitle"), bars: scores },
    ];
  }, [figures, report, t]);

  if (report.tables.length === 0) {
    return (
      <div className={styles.empty} data-testid="dashboard-empty">
        <Subtitle2>{t("emptyTitle")}</Subtitle2>
        <Caption1>{t("emptyBody")}</Caption1>
      </div>
    );
  }
  const { totals } = figures;
  const select = (chart: ChartId) => (s: ChartSegment) => onSelect({ chart, what: s.what, findings: s.findings });
  return (
    <>
      <Body1
        role="status"
        data-testid="dashboard-totals"
        data-overdue={totals.overdue}
        data-escalation={totals.escalation}
        data-below={totals.below}
        data-assigned={totals.assigned}
      >
        {t("totalsLine", {
          overdue: n(totals.overdue),
          escalation: n(totals.escalation),
          below: n(totals.below),
          assigned: n(totals.assigned),
        })}
      </Body1>
      {charts.map((c) => (
        <section key={c.id} className={styles.card} aria-label={c.title} data-testid={`dashboard-card-${c.id}`}>
          <Subtitle2 as="h2">{c.title}</Subtitle2>
          <DashboardChart
            title={c.title}
            bars={c.bars}
            onSelect={select(c.id)}
            culture={lang}
            none={t("noneInChart")}
            testId={`dashboard-chart-${c.id}`}
          />
          {selection?.chart === c.id && (
            <div className={styles.selection} data-testid="dashboard-selection">
              <div className={styles.selectionHead}>
                <Body1 role="status">{t("selectionTitle", { what: selection.what, n: n(selection.findings.length) })}</Body1>
                <Button size="small" onClick={() => onSelect(null)}>
                  {t("clearSelection")}
                </Button>
              </div>
              <FindingsPanel findings={selection.findings.map((i) => report.findings[i])} />
            </div>
          )}
        </section>
      ))}
      <Caption1 className={styles.note} data-testid="dashboard-note">
        {t("countsNote", { today: figures.today, passMark: figures.passMark })}
      </Caption1>
    </>
  );
}
