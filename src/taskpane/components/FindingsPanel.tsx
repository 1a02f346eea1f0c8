import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  Select,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { memo, useCallback, useId, useMemo, useState } from "react";
import { type Lang, translator } from "../../core/i18n";
import { findingsPaneMessages } from "../../core/i18n/messages/findings-pane";
import { findingText, saidOf, type ReportFinding, type ShownFinding } from "../../core/report";
import { fixHint } from "../../core/rules/fix-hint";
import type { RuleId, Severity } from "../../core/rules/spec";
import { TEMPLATES } from "../../core/templates";
import { type PaneEnv, usePane } from "../context";
import { useAsyncAction } from "../useAsyncAction";
import { ruleCounts } from "../../app/validate/rule-counts";
import { SEVERITY_ORDER, columnLabel, columnOfFinding, filterFindings, groupFindings } from "../validation/findings-view";
import { ErrorBar } from "./ErrorBar";

/**
 * Findings shown per (sheet, severity) group before "show more": a long list stays quick to render
 * (at 50,000 rows a check finds 12,000; three groups of 50 buttons draw in a few tens of ms).
 */
const PAGE = 50;

/** A finding button's tinted background and coloured left edge, from theme tokens. */
function severityLook(background: string, edge: string) {
  return {
    backgroundColor: background,
    borderLeftColor: edge,
    ":hover": { borderLeftColor: edge },
    ":hover:active": { borderLeftColor: edge },
  };
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  filters: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  toggles: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  // Side by side where there is room; stacked in a narrow pane (Excel's default 270–320 px).
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  grow: { flex: "1 1 120px", minWidth: 0 },
  fill: { width: "100%", minWidth: 0 },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, marginBottom: tokens.spacingVerticalS },
  groupTitle: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  finding: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeftWidth: "4px",
    borderLeftStyle: "solid",
    minHeight: "unset",
  },
  // Theme tokens (not the workbook's fixed mark colours): readable in the light and dark themes.
  // The severity's edge stays while hovered and pressed (the subtle button would clear it).
  error: severityLook(tokens.colorStatusDangerBackground1, tokens.colorStatusDangerBorderActive),
  warning: severityLook(tokens.colorStatusWarningBackground1, tokens.colorStatusWarningBorderActive),
  info: severityLook(tokens.colorPaletteBlueBackground2, tokens.colorPaletteBlueBorderActive),
  hint: { display: "none" },
  current: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  findingText: { display: "flex", flexDirection: "column", gap: "1px", minWidth: 0 },
  where: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  message: { whiteSpace: "normal", wordBreak: "break-word" },
  // 怎么改: under the message, quieter than it, still readable at the pane's smallest size.
  fix: { whiteSpace: "normal", wordBreak: "break-word", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  headerCounts: { display: "inline-flex", gap: tokens.spacingHorizontalXS, marginLeft: tokens.spacingHorizontalS },
});

const BADGE_COLOR: Readonly<Record<Severity, "danger" | "warning" | "informative">> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

/** A report's findings: filters (severity, rule, text), counts per rule, and a button per finding that selects its cell. */
export function FindingsPanel({ findings }: { findings: readonly ReportFinding[] }) {
  const { t, port, lang } = usePane();
  const styles = useStyles();
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(new Set(SEVERITY_ORDER));
  const [rule, setRule] = useState<RuleId | "">("");
  const [text, setText] = useState("");
  const [current, setCurrent] = useState<string | null>(null);
  const select = useAsyncAction<[ReportFinding], void>(
    async (f) => {
      await port.selectCell(f.sheet, f.cell);
      setCurrent(findingKey(f));
    },
    { whileBusy: "rerun" },
  );

  const totals = useMemo(() => {
    const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of findings) n[f.severity]++;
    return n;
  }, [findings]);
  const counts = useMemo(() => ruleCounts(findings), [findings]);
  const shown = useMemo(
    () => filterFindings(findings, { severities, rule: rule === "" ? undefined : rule, text }, (f) => findingText(f, lang)),
    [findings, severities, rule, text, lang],
  );
  const sheets = useMemo(() => groupFindings(shown), [shown]);
  const { run: selectRun } = select;
  const onSelect = useCallback((f: ReportFinding) => void selectRun(f), [selectRun]);

  const toggle = (s: Severity) =>
    setSeverities((prev) => {
      const next = new Set(prev);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });

  return (
    <section className={styles.root} data-testid="findings">
      <div className={styles.filters}>
        <div className={styles.toggles} role="group" aria-label={t("filterSeverity")}>
          {SEVERITY_ORDER.map((s) => (
            <ToggleButton key={s} size="small" checked={severities.has(s)} onClick={() => toggle(s)} disabled={totals[s] === 0}>
              {t(`severity.${s}`)} {totals[s]}
            </ToggleButton>
          ))}
        </div>
        <div className={styles.row}>
          <Field label={t("filterRule")} size="small" className={styles.grow}>
            <Select
              size="small"
              className={styles.fill}
              value={rule}
              onChange={(_, d) => setRule(d.value as RuleId | "")}
              data-testid="rule-filter"
            >
              <option value="">{t("filterAllRules")}</option>
              {counts.map(({ rule: r, n }) => (
                <option key={r} value={r}>
                  {t(`rule.${r}`)} ({n})
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("filterSearch")} size="small" className={styles.grow}>
            <Input
              size="small"
              className={styles.fill}
              value={text}
              placeholder={t("filterSearchPlaceholder")}
              onChange={(_, d) => setText(d.value)}
              data-testid="finding-search"
            />
          </Field>
        </div>
        <div className={styles.counts} data-testid="rule-counts">
          <Caption1>{t("ruleCounts")}</Caption1>
          {counts.map(({ rule: r, n }) => (
            <Badge key={r} appearance="outline" color="informative" size="small">
              {t("ruleCount", { rule: t(`rule.${r}`), n })}
            </Badge>
          ))}
        </div>
        {shown.length !== findings.length && <Caption1>{t("filteredCount", { shown: shown.length, total: findings.length })}</Caption1>}
      </div>
      {select.error !== undefined && !select.busy && <ErrorBar error={select.error} />}
      {shown.length === 0 ? (
        <Caption1>{t("filterNoMatch")}</Caption1>
      ) : (
        <Accordion multiple collapsible defaultOpenItems={sheets.map((s) => s.sheet)}>
          {sheets.map((sheet) => (
            <AccordionItem key={sheet.sheet} value={sheet.sheet}>
              <AccordionHeader size="small">
                {t("sheetGroup", { sheet: sheet.sheet })}
                <span className={styles.headerCounts}>
                  {SEVERITY_ORDER.filter((s) => sheet.count[s] > 0).map((s) => (
                    <Badge key={s} size="small" color={BADGE_COLOR[s]}>
                      {sheet.count[s]}
                    </Badge>
                  ))}
                </span>
              </AccordionHeader>
              {/* No collapse motion: it measures the panel's height as it opens — a forced layout of
                  every finding button, the longest part of showing a big report. */}
              <AccordionPanel collapseMotion={null}>
                {sheet.groups.map((g) => (
                  <FindingGroup key={g.severity} severity={g.severity} findings={g.findings} current={current} onSelect={onSelect} />
                ))}
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
    </section>
  );
}

const findingKey = (f: ReportFinding): string => `${f.sheet}!${f.cell}|${f.rule}`;

interface FindingGroupProps {
  readonly severity: Severity;
  readonly findings: readonly ReportFinding[];
  /** The finding whose cell was selected last: outlined, so the list shows where the grid is. */
  readonly current: string | null;
  readonly onSelect: (f: ReportFinding) => void;
}

/** A finding of a missing required column: it sits on the table's header row, not on a data row. */
function isMissingColumn(f: ShownFinding): boolean {
  return f.rule === "required" && (f.key === "requiredColumn" || f.key === "requiredColumns");
}

function FindingGroup({ severity, findings, current, onSelect }: FindingGroupProps) {
  const { t, lang } = usePane();
  const tf = useMemo(() => translator(findingsPaneMessages, lang), [lang]);
  const styles = useStyles();
  const [limit, setLimit] = useState(PAGE);
  // What a click does, as each button's description: its name stays its visible text.
  const hintId = useId();
  return (
    <div className={styles.group}>
      <span id={hintId} className={styles.hint}>
        {t("findingHint")}
      </span>
      <Caption1 className={styles.groupTitle}>
        {t(`severity.${severity}`)} ({findings.length})
      </Caption1>
      <ul className={styles.list}>
        {findings.slice(0, limit).map((f) => (
          <FindingItem
            key={`${f.cell}|${f.rule}`}
            finding={f}
            severity={severity}
            isCurrent={current === findingKey(f)}
            hintId={hintId}
            onSelect={onSelect}
            lang={lang}
            t={t}
            tf={tf}
          />
        ))}
      </ul>
      {findings.length > limit && (
        <Button size="small" appearance="transparent" onClick={() => setLimit((n) => n + PAGE)}>
          {t("showMore", { n: Math.min(PAGE, findings.length - limit) })}
        </Button>
      )}
    </div>
  );
}

interface FindingItemProps {
  readonly finding: ReportFinding;
  readonly severity: Severity;
  readonly isCurrent: boolean;
  readonly hintId: string;
  readonly onSelect: (f: ReportFinding) => void;
  /* The pane's language and texts as props, not through usePane(): the pane's context changes with
     every live snapshot, and an item reading it would be drawn again each time. */
  readonly lang: Lang;
  readonly t: PaneEnv["t"];
  readonly tf: ReturnType<typeof translator>;
}

/**
 * One finding's button. Memoised: a live edit re-checks a row and gives the list a few new
 * findings, and the others — the same objects — are not drawn again.
 */
const FindingItem = memo(function FindingItem({ finding: f, severity, isCurrent, hintId, onSelect, lang, t, tf }: FindingItemProps) {
  const styles = useStyles();
  const column = columnOfFinding(f.column, TEMPLATES);
  const said = saidOf(f);
  const hint = fixHint(
    { rule: f.rule, severity: f.severity, key: said?.key ?? f.rule, params: said?.params ?? {}, onHeader: isMissingColumn(f) },
    column,
    lang,
  );
  return (
    <li>
      <Button
        appearance="subtle"
        className={mergeClasses(styles.finding, styles[severity], isCurrent && styles.current)}
        aria-current={isCurrent || undefined}
        aria-describedby={hintId}
        data-testid="finding"
        data-cell={`${f.sheet}!${f.cell}`}
        data-rule={f.rule}
        onClick={() => onSelect(f)}
      >
        <span className={styles.findingText}>
          <span className={styles.where}>
            {f.cell} · {columnLabel(f.column, column, lang)} · {t(`rule.${f.rule}`)}
          </span>
          <span className={styles.message}>{findingText(f, lang)}</span>
          <span className={styles.fix} data-testid="fix-hint">
            {tf("fixLabel")}
            {hint}
          </span>
        </span>
      </Button>
    </li>
  );
});
