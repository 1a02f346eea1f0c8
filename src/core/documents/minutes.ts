import type { DayNumber, MinuteNumber } from "../cells/types";
import { contactNote, dateText, documentHead, orNone, yearOf, type BuildContext, type BuilderResult, type SkippedRow } from "./context";
import { docDateTime } from "./dates";
import type { DocBlock, DocumentModel } from "./model";
import { matchKey, type TableView } from "./table-view";

/**
 * 会议纪要 (000 二(一)1(3)): the meeting's particulars, 讨论议题, 关键结论, a 待办事项 table and the
 * request to confirm within `confirmWorkdays` working days of sending.
 *
 * Decisions:
 * - From selected `meetings` rows: one 纪要 per meeting; its 待办事项 are the rows of every
 *   `action-items` table passed as related data whose 来源会议 names the meeting (compared by
 *   `matchKey`: trimmed, half-width, simplified, spaces and quotes ignored), in sheet order.
 * - From selected `action-items` rows: one 纪要 per 来源会议 (a 纪要 is about one meeting), listing
 *   the selected items of that meeting; when a related `meetings` table has the meeting, its
 *   particulars fill the header, otherwise they show `—`. Items with no 来源会议 share one 纪要.
 * - 地点/线上 is not a column of the template: it is printed as `—` for the writer to fill in,
 *   because a 纪要 without the line would hide that the manual asks for it.
 * - 发送日期 is the meeting's 纪要发送时间 when the sheet has one (the 纪要 then matches what was
 *   actually sent and the 确认截止时间 the sheet tracks), otherwise today.
 * - 审核人 is the `reviewer` setting; empty leaves a line to sign by hand (an empty value).
 * - The number's year is the meeting's (a 2024 meeting is JY-2024-…, whenever it is written up);
 *   without a meeting time, the year of the sending day.
 */

interface Meeting {
  readonly topic: string;
  readonly time?: MinuteNumber;
  readonly host?: string;
  readonly recorder?: string;
  readonly attendees?: string;
  readonly conclusions?: string;
  readonly minutesSentAt?: MinuteNumber;
}

interface ActionItem {
  readonly content?: string;
  readonly owner?: string;
  readonly due?: DayNumber;
  readonly source?: string;
}

function meetingAt(v: TableView, r: number, topic: string): Meeting {
  return {
    topic,
    time: v.num(r, "time"),
    host: v.text(r, "host"),
    recorder: v.text(r, "recorder"),
    attendees: v.text(r, "attendees"),
    conclusions: v.text(r, "conclusions"),
    minutesSentAt: v.num(r, "minutesSentAt"),
  };
}

function itemAt(v: TableView, r: number): ActionItem {
  return { content: v.text(r, "content"), owner: v.text(r, "owner"), due: v.num(r, "dueDate"), source: v.text(r, "sourceMeeting") };
}

/** 关键结论 as written, one paragraph per conclusion when they are separated by `;` or lines. */
function conclusionParagraphs(text: string | undefined, ctx: BuildContext): DocBlock[] {
  const parts = (text ?? "")
    .split(/[;；\n\r]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (parts.length === 0) return [{ kind: "paragraph", text: ctx.t("none") }];
  if (parts.length === 1) return [{ kind: "paragraph", text: parts[0] }];
  return parts.map((p, i) => ({ kind: "paragraph", text: `${i + 1}. ${p}` }));
}

function minutesModel(
  meeting: Meeting | undefined,
  topic: string,
  items: readonly ActionItem[],
  source: { sheet: string; rows: number[] },
  ctx: BuildContext,
): DocumentModel {
  const { t } = ctx;
  const sentDay = meeting?.minutesSentAt !== undefined ? Math.floor(meeting.minutesSentAt / 1440) : ctx.today;
  const number = ctx.numbers.minutes(yearOf(meeting?.time !== undefined ? Math.floor(meeting.time / 1440) : sentDay));
  const company = ctx.settings.companyName.trim();
  const department = ctx.settings.issuingDepartment.trim();
  const reviewer = ctx.settings.reviewer.trim();
  const timeText = meeting?.time !== undefined ? docDateTime(meeting.time, ctx.lang) : t("none");
  const rows = items.map((i) => [orNone(ctx, i.content), orNone(ctx, i.owner), i.due !== undefined ? dateText(ctx, i.due) : t("none")]);
  const confirmBy = ctx.calendar.addWorkdays(sentDay, ctx.settings.confirmWorkdays);
  const blocks: DocBlock[] = [
    {
      kind: "fields",
      fields: [
        { label: t("minutes.topic"), value: topic },
        { label: t("minutes.time"), value: timeText },
        { label: t("minutes.place"), value: t("none") },
        { label: t("minutes.host"), value: orNone(ctx, meeting?.host) },
        { label: t("minutes.recorder"), value: orNone(ctx, meeting?.recorder) },
        { label: t("minutes.attendees"), value: orNone(ctx, meeting?.attendees) },
      ],
    },
    { kind: "heading", text: t("minutes.agenda"), numbered: true },
    { kind: "paragraph", text: topic },
    { kind: "heading", text: t("minutes.conclusions"), numbered: true },
    ...conclusionParagraphs(meeting?.conclusions, ctx),
    { kind: "heading", text: t("minutes.actions"), numbered: true },
    {
      kind: "table",
      columns: [
        { header: t("minutes.col.content"), width: 3 },
        { header: t("minutes.col.owner"), width: 1.5, align: "center" },
        { header: t("minutes.col.due"), width: 1.8, align: "center" },
      ],
      rows,
      emptyText: t("minutes.noActions"),
    },
    { kind: "paragraph", text: t("minutes.feedback", { date: dateText(ctx, confirmBy), n: ctx.settings.confirmWorkdays }), emphasis: true },
    {
      kind: "signature",
      // 审核人 empty in the settings: a blank to sign on, drawn as a line (never a bare label).
      lines: [
        { label: t("minutes.reviewer"), value: reviewer },
        ...(company !== "" ? [{ label: "", value: company }] : []),
        ...(department !== "" ? [{ label: "", value: department }] : []),
        { label: t("minutes.sentOn"), value: dateText(ctx, sentDay) },
      ],
    },
    ...contactNote(ctx),
  ];
  return {
    ...documentHead("minutes", number, ctx),
    blocks,
    source,
    recipient: meeting?.attendees ?? "",
    data: {
      编号: number,
      标题: t("title.minutes"),
      会议主题: topic,
      会议时间: timeText,
      主持人: orNone(ctx, meeting?.host),
      记录人: orNone(ctx, meeting?.recorder),
      参会人: orNone(ctx, meeting?.attendees),
      关键结论: meeting?.conclusions ?? "",
      确认截止日期: dateText(ctx, confirmBy),
      审核人: reviewer,
      发送日期: dateText(ctx, sentDay),
      公司名称: company,
      签发部门: department,
      联系人: ctx.settings.contactName.trim(),
      联系电话: ctx.settings.contactPhone.trim(),
      待办事项: rows.map(([content, owner, due]) => ({ 事项内容: content, 负责人: owner, 截止日期: due })),
    },
  };
}

const isMeetings = (v: TableView): boolean => v.tpl.id === "meetings";
const isActionItems = (v: TableView): boolean => v.tpl.id === "action-items";

function fromMeetings(selected: TableView, related: readonly TableView[], ctx: BuildContext): BuilderResult {
  // Every action item of every related table, indexed by the meeting it names.
  const itemsByMeeting = new Map<string, ActionItem[]>();
  for (const v of related.filter(isActionItems)) {
    for (let r = 0; r < v.n; r++) {
      const item = itemAt(v, r);
      if (item.source === undefined) continue;
      const key = matchKey(item.source);
      const list = itemsByMeeting.get(key);
      if (list) list.push(item);
      else itemsByMeeting.set(key, [item]);
    }
  }
  const documents: DocumentModel[] = [];
  const skipped: SkippedRow[] = [];
  for (let r = 0; r < selected.n; r++) {
    const row = selected.excelRow(r);
    const topic = selected.text(r, "topic");
    if (topic === undefined) {
      skipped.push({ row, reason: ctx.t("skip.noTopic", { row }) });
      continue;
    }
    const items = itemsByMeeting.get(matchKey(topic)) ?? [];
    documents.push(minutesModel(meetingAt(selected, r, topic), topic, items, { sheet: selected.sheet, rows: [row] }, ctx));
  }
  return { documents, skipped };
}

function fromActionItems(selected: TableView, related: readonly TableView[], ctx: BuildContext): BuilderResult {
  const meetings = new Map<string, Meeting>();
  for (const v of related.filter(isMeetings)) {
    for (let r = 0; r < v.n; r++) {
      const topic = v.text(r, "topic");
      if (topic === undefined) continue;
      const key = matchKey(topic);
      // The first row naming a meeting wins, as a person reading the sheet top-down would take it.
      if (!meetings.has(key)) meetings.set(key, meetingAt(v, r, topic));
    }
  }
  const groups = new Map<string, { topic?: string; items: ActionItem[]; rows: number[] }>();
  for (let r = 0; r < selected.n; r++) {
    const item = itemAt(selected, r);
    const key = item.source === undefined ? "" : matchKey(item.source);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { topic: item.source, items: [], rows: [] }));
    g.items.push(item);
    g.rows.push(selected.excelRow(r));
  }
  const documents: DocumentModel[] = [];
  for (const [key, g] of groups) {
    const meeting = key === "" ? undefined : meetings.get(key);
    const topic = meeting?.topic ?? g.topic ?? ctx.t("minutes.noSourceMeeting");
    documents.push(minutesModel(meeting, topic, g.items, { sheet: selected.sheet, rows: g.rows }, ctx));
  }
  return { documents, skipped: [] };
}

export function buildMinutes(selected: TableView, related: readonly TableView[], ctx: BuildContext): BuilderResult {
  return isMeetings(selected) ? fromMeetings(selected, related, ctx) : fromActionItems(selected, related, ctx);
}
