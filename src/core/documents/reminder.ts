import type { DayNumber } from "../cells/types";
import {
  contactNote,
  dateText,
  documentHead,
  issuerLines,
  orNone,
  yearOf,
  type BuildContext,
  type BuilderResult,
  type SkippedRow,
} from "./context";
import type { DocBlock, DocumentModel } from "./model";
import { matchKey, type TableView } from "./table-view";

/**
 * 催办通知 (beyond the manual; 000 "提前1天催办,逾期2天启动问责"): overdue action items.
 *
 * An item qualifies when it is open — no 完成日期 and 状态 not 已完成 (contract "Counting time") —
 * and D = today − 截止日期 ≥ 1 calendar days. At D ≥ ESCALATION_DAYS it says 已启动问责; below,
 * 明日起启动问责 (with the default 2 that is D = 1).
 *
 * Decision: one 催办通知 per 负责人 (compared as 来源会议 is: trimmed, simplified, spaces ignored),
 * listing that person's items in sheet order, because a reminder is addressed to someone; items
 * with no 负责人 share one notice addressed to "(未指定负责人)".
 */

/** 000 "逾期2天启动问责": fixed by the manual and the contract (`escalation` at D ≥ 2). */
export const ESCALATION_DAYS = 2;
const DONE_STATUS = "已完成";

interface Overdue {
  readonly row: number;
  readonly content?: string;
  readonly source?: string;
  readonly due: DayNumber;
  readonly days: number;
}

function reminderModel(owner: string | undefined, items: readonly Overdue[], sheet: string, ctx: BuildContext): DocumentModel {
  const { t } = ctx;
  const number = ctx.numbers.reminder(yearOf(ctx.today));
  const rows = items.map((i) => [
    orNone(ctx, i.content),
    orNone(ctx, i.source),
    dateText(ctx, i.due),
    t("reminder.days", { n: i.days }),
    i.days >= ESCALATION_DAYS ? t("reminder.escalated") : t("reminder.escalatesTomorrow"),
  ]);
  const today = dateText(ctx, ctx.today);
  const blocks: DocBlock[] = [
    { kind: "paragraph", text: t("reminder.intro", { today }) },
    { kind: "heading", text: t("reminder.items"), numbered: true },
    {
      kind: "table",
      columns: [
        { header: t("reminder.col.content"), width: 3 },
        { header: t("reminder.col.source"), width: 2 },
        { header: t("reminder.col.due"), width: 2, align: "center" },
        { header: t("reminder.col.days"), width: 1.1, align: "center" },
        { header: t("reminder.col.action"), width: 1.8, align: "center" },
      ],
      rows,
      highlightRows: items.flatMap((i, index) => (i.days >= ESCALATION_DAYS ? [index] : [])),
    },
    { kind: "heading", text: t("reminder.rule"), numbered: true },
    { kind: "paragraph", text: t("reminder.ruleText", { n: ESCALATION_DAYS }) },
    // The sender: who reminds (company, department) and when; whom to call back under it.
    { kind: "signature", lines: issuerLines(ctx, today) },
    ...contactNote(ctx),
  ];
  const addressee = owner ?? t("reminder.unassigned");
  return {
    ...documentHead("reminder", number, ctx),
    addressee: t("addressee", { name: addressee }),
    blocks,
    source: { sheet, rows: items.map((i) => i.row) },
    recipient: owner ?? "",
    data: {
      编号: number,
      标题: t("title.reminder"),
      负责人: addressee,
      催办日期: today,
      公司名称: ctx.settings.companyName.trim(),
      签发部门: ctx.settings.issuingDepartment.trim(),
      联系人: ctx.settings.contactName.trim(),
      联系电话: ctx.settings.contactPhone.trim(),
      逾期事项: rows.map(([content, source, due, days, action]) => ({
        事项内容: content,
        来源会议: source,
        截止日期: due,
        逾期天数: days,
        处理: action,
      })),
    },
  };
}

export function buildReminders(v: TableView, ctx: BuildContext): BuilderResult {
  const { t, today } = ctx;
  const skipped: SkippedRow[] = [];
  const byOwner = new Map<string, { owner?: string; items: Overdue[] }>();
  for (let r = 0; r < v.n; r++) {
    const row = v.excelRow(r);
    const content = v.text(r, "content");
    const label = content ?? t("none");
    const doneText = v.invalidText(r, "doneDate");
    if (doneText !== undefined) {
      skipped.push({ row, reason: t("skip.doneUnreadable", { row, content: label, text: doneText }) });
      continue;
    }
    if (v.num(r, "doneDate") !== undefined || v.text(r, "status") === DONE_STATUS) {
      skipped.push({ row, reason: t("skip.done", { row, content: label }) });
      continue;
    }
    const due = v.num(r, "dueDate");
    if (due === undefined) {
      skipped.push({ row, reason: t("skip.noDue", { row, content: label }) });
      continue;
    }
    const days = today - due;
    if (days < 1) {
      skipped.push({ row, reason: t("skip.notOverdue", { row, content: label, due: dateText(ctx, due) }) });
      continue;
    }
    const owner = v.text(r, "owner");
    const key = owner === undefined ? "" : matchKey(owner);
    let g = byOwner.get(key);
    if (!g) byOwner.set(key, (g = { owner, items: [] }));
    g.items.push({ row, content, source: v.text(r, "sourceMeeting"), due, days });
  }
  const documents = [...byOwner.values()].map((g) => reminderModel(g.owner, g.items, v.sheet, ctx));
  return { documents, skipped };
}
