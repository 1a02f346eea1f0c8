import { isoDate } from "../cells/civil";
import { column } from "../templates";
import {
  contactNote,
  dateText,
  documentHead,
  issuerLines,
  type BuildContext,
  type BuilderResult,
  type Repeat,
  type SkippedRow,
} from "./context";
import type { DocBlock, DocumentModel } from "./model";
import { parseDocumentNumber } from "./numbering";
import { matchKey, showNumber, type TableView } from "./table-view";

/**
 * 整改通知书 (001 三(三) 步骤5): for a supplier scoring below the pass mark in one period.
 *
 * Decisions:
 * - The score is 总分 when it holds a number, else the sum of the five items when all five are
 *   numbers (as the rule engine's `threshold` judges it); an unreadable 总分 (八十) is not
 *   replaced by the sum — the row is skipped with a reason, since the two may disagree.
 * - One notice per supplier and period: a second selected row of the same pair is skipped.
 * - 薄弱项: the two items with the lowest score ratio (score / full marks) among those below full
 *   marks; ties keep the template's order. They are highlighted in the table and each gets its
 *   fixed 整改要求, followed by a general requirement to report.
 * - 整改期限 = today + `rectificationWorkdays` working days on the calendar; 签发日期 = today.
 * - A supplier and period that already have a registered notice (its 收件方 and the period in its
 *   number) still get one — a corrected notice may be meant — but the result names the earlier
 *   numbers, so the pane asks before writing and the CLI says so.
 */

/** The five items of the evaluation, in the template's order; full marks come from the column's max. */
export const SCORE_ITEMS = ["quality", "delivery", "service", "price", "problemSolving"] as const;
export type ScoreItem = (typeof SCORE_ITEMS)[number];
/** How many of the weakest items a notice names. */
export const WEAKEST_COUNT = 2;

interface ItemScore {
  readonly key: ScoreItem;
  readonly label: string;
  readonly full: number;
  readonly score?: number;
}

const percent = (ratio: number): string => `${showNumber(ratio * 100)}%`;

/** The score a row is judged by, or undefined when there is none to read. */
export function rowScore(v: TableView, r: number): number | undefined {
  const total = v.num(r, "total");
  if (total !== undefined) return total;
  if (v.invalidText(r, "total") !== undefined) return undefined;
  let sum = 0;
  for (const key of SCORE_ITEMS) {
    const x = v.num(r, key);
    if (x === undefined) return undefined;
    sum += x;
  }
  return sum;
}

/** The weakest items: lowest ratio first, only items below full marks, template order on ties. */
export function weakestItems(items: readonly ItemScore[], count = WEAKEST_COUNT): ItemScore[] {
  return items
    .map((item, order) => ({ item, order, ratio: item.score === undefined ? undefined : item.score / item.full }))
    .filter((x): x is { item: ItemScore; order: number; ratio: number } => x.ratio !== undefined && x.ratio < 1)
    .sort((a, b) => a.ratio - b.ratio || a.order - b.order)
    .slice(0, count)
    .map((x) => x.item);
}

function noticeModel(v: TableView, r: number, supplier: string, period: string, score: number, ctx: BuildContext): DocumentModel {
  const { t, settings } = ctx;
  const number = ctx.numbers.notice(settings.noticePrefix, period);
  const threshold = showNumber(settings.threshold);
  const shownScore = showNumber(score);
  const deadlineDay = ctx.calendar.addWorkdays(ctx.today, settings.rectificationWorkdays);
  const deadline = dateText(ctx, deadlineDay);
  const issuedOn = dateText(ctx, ctx.today);
  const items: ItemScore[] = SCORE_ITEMS.map((key) => {
    const col = column(v.tpl, key);
    // Full marks are the template's bounds (30/25/20/15/10); a template without them is a bug.
    if (col.max === undefined) throw new Error(`documents: score column "${key}" has no maximum`);
    return { key, label: ctx.lang === "en-US" ? col.en : col.name, full: col.max, score: v.num(r, key) };
  });
  const weakest = weakestItems(items);
  const weakKeys = new Set(weakest.map((w) => w.key));
  const none = t("none");

  const requirements: DocBlock[] = weakest.map((w, i) => ({
    kind: "paragraph",
    text: `${i + 1}. ${t("layout.labelValue", { label: w.label, value: t(`notice.req.${w.key}`) })}`,
  }));
  requirements.push({ kind: "paragraph", text: `${weakest.length + 1}. ${t("notice.req.general")}` });

  const blocks: DocBlock[] = [
    { kind: "paragraph", text: t("notice.intro", { period, score: shownScore, threshold }) },
    {
      kind: "fields",
      fields: [
        { label: t("notice.supplier"), value: supplier },
        { label: t("notice.period"), value: period },
      ],
    },
    { kind: "heading", text: t("notice.scores"), numbered: true },
    {
      kind: "table",
      columns: [
        { header: t("notice.col.item"), width: 2 },
        { header: t("notice.col.full"), width: 1, align: "center" },
        { header: t("notice.col.score"), width: 1, align: "center" },
        { header: t("notice.col.rate"), width: 1, align: "center" },
      ],
      rows: items.map((i) => [
        i.label,
        showNumber(i.full),
        i.score === undefined ? none : showNumber(i.score),
        i.score === undefined ? none : percent(i.score / i.full),
      ]),
      highlightRows: items.flatMap((i, index) => (weakKeys.has(i.key) ? [index] : [])),
    },
    {
      kind: "fields",
      fields: [
        { label: t("notice.total"), value: shownScore },
        { label: t("notice.threshold"), value: threshold },
        { label: t("notice.result"), value: t("notice.resultValue", { score: shownScore, threshold }) },
      ],
    },
    { kind: "heading", text: t("notice.weakest"), numbered: true },
    ...(weakest.length > 0
      ? weakest.map((w): DocBlock => ({
          kind: "paragraph",
          text: t("notice.weakItem", {
            item: w.label,
            score: showNumber(w.score ?? 0),
            full: showNumber(w.full),
            rate: percent((w.score ?? 0) / w.full),
          }),
          emphasis: true,
        }))
      : [{ kind: "paragraph", text: t("notice.noItemScores") } satisfies DocBlock]),
    { kind: "heading", text: t("notice.requirements"), numbered: true },
    ...requirements,
    {
      kind: "fields",
      fields: [{ label: t("notice.deadline"), value: t("notice.deadlineValue", { date: deadline, n: settings.rectificationWorkdays }) }],
    },
    { kind: "signature", lines: issuerLines(ctx, issuedOn), seal: true },
    ...contactNote(ctx),
    {
      kind: "receipt",
      title: t("notice.receipt"),
      text: t("notice.receiptText", { number, date: deadline }),
      lines: [
        { label: t("notice.receipt.supplier"), value: "" },
        { label: t("notice.receipt.signer"), value: "" },
        { label: t("notice.receipt.date"), value: "" },
      ],
    },
  ];
  return {
    ...documentHead("notice", number, ctx),
    addressee: t("addressee", { name: supplier }),
    blocks,
    source: { sheet: v.sheet, rows: [v.excelRow(r)] },
    recipient: supplier,
    dueDate: isoDate(deadlineDay),
    data: {
      编号: number,
      标题: t("title.notice"),
      供应商名称: supplier,
      评估周期: period,
      总分: shownScore,
      合格线: threshold,
      薄弱项: weakest.map((w) => w.label).join(t("listSeparator")),
      整改期限: deadline,
      整改工作日: String(settings.rectificationWorkdays),
      签发日期: issuedOn,
      公司名称: settings.companyName.trim(),
      签发部门: settings.issuingDepartment.trim(),
      联系人: settings.contactName.trim(),
      联系电话: settings.contactPhone.trim(),
      评分项目: items.map((i) => ({
        项目: i.label,
        满分: showNumber(i.full),
        得分: i.score === undefined ? none : showNumber(i.score),
        得分率: i.score === undefined ? none : percent(i.score / i.full),
      })),
      整改要求: requirements.map((p) => ({ 要求: p.kind === "paragraph" ? p.text : "" })),
    },
  };
}

/** The period of a notice number `{prefix}-{period}-{NNN}` (ZG-2024Q2-003 → 2024Q2). */
function periodOfNumber(number: string): string | undefined {
  const stem = parseDocumentNumber(number)?.stem;
  const dash = stem?.indexOf("-") ?? -1;
  return stem !== undefined && dash > 0 ? stem.slice(dash + 1) : undefined;
}

/** Registered notices by supplier and period (compared as names are: `matchKey`). */
function registeredNotices(ctx: BuildContext): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of ctx.register) {
    if (e.kind !== "notice" || e.recipient.trim() === "") continue;
    const period = periodOfNumber(e.number);
    if (period === undefined) continue;
    const key = `${matchKey(e.recipient)}\u0000${matchKey(period)}`;
    map.set(key, [...(map.get(key) ?? []), e.number]);
  }
  return map;
}

export function buildNotices(v: TableView, ctx: BuildContext): BuilderResult {
  const { t } = ctx;
  const documents: DocumentModel[] = [];
  const skipped: SkippedRow[] = [];
  const repeats: Repeat[] = [];
  const sent = registeredNotices(ctx);
  const firstRowOf = new Map<string, number>();
  const threshold = ctx.settings.threshold;
  for (let r = 0; r < v.n; r++) {
    const row = v.excelRow(r);
    const name = v.text(r, "supplierName");
    if (name === undefined) {
      skipped.push({ row, reason: t("skip.noSupplier", { row }) });
      continue;
    }
    const period = v.text(r, "period");
    if (period === undefined) {
      skipped.push({ row, reason: t("skip.noPeriod", { row, name }) });
      continue;
    }
    const score = rowScore(v, r);
    if (score === undefined) {
      skipped.push({ row, reason: t("skip.noScore", { row, name, period }) });
      continue;
    }
    if (score >= threshold) {
      skipped.push({
        row,
        reason: t("skip.atThreshold", { row, name, period, score: showNumber(score), threshold: showNumber(threshold) }),
      });
      continue;
    }
    // Same supplier and period: compared as the notice would print them (the period is canonical).
    const pair = `${name}\u0000${period}`;
    const first = firstRowOf.get(pair);
    if (first !== undefined) {
      skipped.push({ row, reason: t("skip.duplicateNotice", { row, name, period, first }) });
      continue;
    }
    firstRowOf.set(pair, row);
    const before = sent.get(`${matchKey(name)}\u0000${matchKey(period)}`);
    if (before)
      repeats.push({ row, numbers: before, message: t("repeat.notice", { row, name, period, numbers: before.join(t("listSeparator")) }) });
    documents.push(noticeModel(v, r, name, period, score, ctx));
  }
  return { documents, skipped, repeats };
}
