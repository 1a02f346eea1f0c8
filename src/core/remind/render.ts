import { isoDate, ymdFromDay } from "../cells/civil";
import type { DayNumber } from "../cells/types";
import { translator, type Lang } from "../i18n";
import { remindMessages, type RemindKey } from "../i18n/messages/remind";
import { cmp } from "./collect";
import { contactOf, EMPTY_CONTACTS, type ContactBook } from "./contacts";
import { SIZE_LIMITS, utf8Bytes, WECOM_TEXT_BYTES } from "./limits";
import { levelRank, type RemindItem, type RemindLevel, type RobotPlatform } from "./types";

/**
 * The reminder messages, for every channel from one digest: items grouped by 负责人, the owners
 * with escalations first (then by how late their latest item is), each owner's items escalations
 * first. Each platform gets its documented JSON shape:
 *
 * - 企业微信 `{"msgtype":"markdown","markdown":{"content":…}}`; its markdown cannot @ by mobile
 *   (only `<@userid>`), so the owners with a mobile get one `{"msgtype":"text","text":{"content":…,
 *   "mentioned_mobile_list":[…]}}` after the digest. https://developer.work.weixin.qq.com/document/path/91770
 * - 钉钉 `{"msgtype":"markdown","markdown":{"title":…,"text":…},"at":{"atMobiles":[…],"isAtAll":false}}`;
 *   the text carries `@138…` for the mention to show. https://open.dingtalk.com/document/orgapp/custom-bot-send-message-type
 * - 飞书 `{"msg_type":"post","content":{"post":{"zh_cn":{"title":…,"content":[[{"tag":"text","text":…}]]}}}}`.
 *   A custom bot can @ only by open_id/user_id, which a 通讯录 of mobiles does not give: owners are named.
 *   https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 *
 * Messages over the platform's size limit (limits.ts) are split between items; every part says
 * which part it is and repeats the owner (“（续）”) when an owner's items run on.
 */

export interface RenderOptions {
  readonly today: DayNumber;
  readonly lang: Lang;
  readonly contacts?: ContactBook;
}

export interface OwnerGroup {
  readonly owner: string;
  readonly items: readonly RemindItem[];
}

export interface RobotMessage {
  readonly platform: RobotPlatform;
  /** The JSON body as the platform documents it, without a signature (sending adds it). */
  readonly body: Readonly<Record<string, unknown>>;
  /** The items this message reports (none for WeCom's mention message). */
  readonly items: readonly RemindItem[];
  /** What people read: the markdown or text, for --dry-run. */
  readonly preview: string;
}

export interface EmailMessage {
  readonly owner: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly items: readonly RemindItem[];
}

/** Owners and items in digest order. Items without an owner come last, under 未指定负责人. */
export function groupByOwner(items: readonly RemindItem[]): OwnerGroup[] {
  const by = new Map<string, RemindItem[]>();
  for (const item of items) {
    let list = by.get(item.owner);
    if (!list) by.set(item.owner, (list = []));
    list.push(item);
  }
  const groups = [...by].map(([owner, list]) => ({ owner, items: sortGroup(list) }));
  return groups.sort(
    (a, b) =>
      Number(a.owner === "") - Number(b.owner === "") ||
      levelRank(a.items[0].level) - levelRank(b.items[0].level) ||
      b.items[0].days - a.items[0].days ||
      cmp(a.owner, b.owner),
  );
}

function sortGroup(items: readonly RemindItem[]): RemindItem[] {
  return [...items].sort(
    (a, b) => levelRank(a.level) - levelRank(b.level) || b.days - a.days || cmp(a.file, b.file) || cmp(a.sheet, b.sheet) || a.row - b.row,
  );
}

type T = (key: RemindKey, params?: Record<string, string | number>) => string;

function words(lang: Lang): T {
  return translator(remindMessages, lang) as T;
}

/** A date as the messages write it: 2024年10月8日 in Chinese, 2024-10-08 in English. */
export function messageDate(day: DayNumber, lang: Lang): string {
  if (lang === "en-US") return isoDate(day);
  const { year, month, day: d } = ymdFromDay(day);
  return `${year}年${month}月${d}日`;
}

function isoToDay(iso: string): DayNumber {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** The parts of one item's line, in the person's language. */
function itemParts(item: RemindItem, t: T, lang: Lang): { level: string; item: string; due: string; days: string; where: string } {
  return {
    level: t(`level.${item.level}` as RemindKey),
    item: item.item,
    due: t("due", { date: messageDate(isoToDay(item.due), lang) }),
    days: item.days < 0 ? t("dueTomorrow") : item.days === 0 ? t("dueToday") : t("daysLate", { days: item.days }),
    // The pane reminds about the open workbook only: no file name to give.
    where:
      item.file === ""
        ? t("whereInBook", { sheet: item.sheet, row: item.row })
        : t("where", { file: item.file, sheet: item.sheet, row: item.row }),
  };
}

/** One item as a plain line: 【问责】事项｜截止2024年9月30日，已逾期8天｜book.xlsx › 待办事项 › 第3行 */
export function itemLine(item: RemindItem, lang: Lang): string {
  const t = words(lang);
  return t("line", itemParts(item, t, lang));
}

function counts(items: readonly RemindItem[]): Record<RemindLevel | "total", number> {
  const c = { escalation: 0, overdue: 0, "due-soon": 0, total: items.length };
  for (const i of items) c[i.level]++;
  return c;
}

function summary(items: readonly RemindItem[], t: T): string {
  const c = counts(items);
  return t("summary", { total: c.total, escalation: c.escalation, overdue: c.overdue, dueSoon: c["due-soon"] });
}

const ownerName = (owner: string, t: T): string => (owner === "" ? t("noOwner") : owner);

/** The digest as plain text (markdown-light): what the pane copies for pasting into any chat. */
export function digestText(items: readonly RemindItem[], opts: RenderOptions): string {
  const t = words(opts.lang);
  const lines = [t("title", { date: messageDate(opts.today, opts.lang) }), summary(items, t)];
  for (const g of groupByOwner(items)) {
    lines.push("", t("ownerHeading", { owner: ownerName(g.owner, t), n: g.items.length }));
    for (const item of g.items) lines.push(itemLine(item, opts.lang));
  }
  lines.push("", t("rule"));
  return lines.join("\n");
}

/** A page of a split digest: consecutive items, cut between items. */
interface Chunk {
  readonly owner: string;
  readonly items: RemindItem[];
  readonly continued: boolean;
}

/**
 * Splits the digest into pages whose rendering fits `fits`. Greedy over the items in digest
 * order; a page is rendered with the widest part numbers (“99/99”) while packing, so that the
 * final numbering never makes a page grow past the limit.
 */
function paginate(groups: readonly OwnerGroup[], fits: (chunks: readonly Chunk[], i: number, n: number) => boolean): Chunk[][] {
  const pages: Chunk[][] = [];
  let page: Chunk[] = [];
  for (const g of groups) {
    g.items.forEach((item, k) => {
      const last = page[page.length - 1];
      const trial: Chunk[] =
        last && last.owner === g.owner && k > 0
          ? [...page.slice(0, -1), { ...last, items: [...last.items, item] }]
          : [...page, { owner: g.owner, items: [item], continued: k > 0 }];
      if (page.length === 0 || fits(trial, 99, 99)) page = trial;
      else {
        pages.push(page);
        page = [{ owner: g.owner, items: [item], continued: k > 0 }];
      }
    });
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** Escapes what the robots' markdown would read as markup in a person's text. */
function md(s: string): string {
  return s
    .replace(/([\\`*_[\]#])/g, "\\$1")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

const WECOM_COLOR: Readonly<Record<RemindLevel, string>> = { escalation: "warning", overdue: "warning", "due-soon": "comment" };

/** The robot messages for `platform`: the digest (split at the size limit) and, for WeCom, the mention message. */
export function robotMessages(platform: RobotPlatform, items: readonly RemindItem[], opts: RenderOptions): RobotMessage[] {
  if (items.length === 0) return [];
  const t = words(opts.lang);
  const book = opts.contacts ?? EMPTY_CONTACTS;
  const mobileOf = (owner: string): string | undefined => (owner === "" ? undefined : contactOf(book, owner)?.mobile);
  const date = messageDate(opts.today, opts.lang);
  const all = summary(items, t);
  const title = (i: number, n: number): string => (n === 1 ? t("title", { date }) : t("titlePart", { date, i, n }));
  const head = (c: Chunk): string => {
    const name = ownerName(c.owner, t);
    return c.continued ? t("continued", { owner: name }) : name;
  };
  const limit = SIZE_LIMITS[platform];

  const render = (
    chunks: readonly Chunk[],
    i: number,
    n: number,
  ): { body: Record<string, unknown>; preview: string; mobiles: string[] } => {
    const mobiles = unique(chunks.map((c) => mobileOf(c.owner)).filter((m): m is string => m !== undefined));
    if (platform === "wecom") {
      const lines = [`## ${md(title(i, n))}`, md(all)];
      for (const c of chunks) {
        lines.push(`**${md(head(c))}**`);
        for (const item of c.items) {
          const p = itemParts(item, t, opts.lang);
          const label = `<font color="${WECOM_COLOR[item.level]}">【${p.level}】</font>`;
          lines.push(`> ${label}${md(p.item)}｜${md(p.due)}，${md(p.days)}｜${md(p.where)}`);
        }
      }
      lines.push(`<font color="comment">${md(t("rule"))}</font>`);
      const content = lines.join("\n");
      return { body: { msgtype: "markdown", markdown: { content } }, preview: content, mobiles };
    }
    if (platform === "dingtalk") {
      const lines = [`### ${md(title(i, n))}`, "", md(all), ""];
      for (const c of chunks) {
        const m = mobileOf(c.owner);
        lines.push(`#### ${md(head(c))}${m !== undefined ? ` @${m}` : ""}`, "");
        for (const item of c.items) {
          const p = itemParts(item, t, opts.lang);
          lines.push(`- **【${p.level}】**${md(p.item)}｜${md(p.due)}，${md(p.days)}｜${md(p.where)}`);
        }
        lines.push("");
      }
      lines.push(`> ${md(t("rule"))}`);
      const text = lines.join("\n");
      const body = { msgtype: "markdown", markdown: { title: title(i, n), text }, at: { atMobiles: mobiles, isAtAll: false } };
      return { body, preview: text, mobiles };
    }
    // Feishu post: one paragraph per line, text elements only (no markup to escape).
    const paragraphs: string[] = [all];
    for (const c of chunks) {
      paragraphs.push(`${head(c)}`);
      for (const item of c.items) paragraphs.push(t("line", itemParts(item, t, opts.lang)));
    }
    paragraphs.push(t("rule"));
    const locale = opts.lang === "en-US" ? "en_us" : "zh_cn";
    const body = {
      msg_type: "post",
      content: { post: { [locale]: { title: title(i, n), content: paragraphs.map((text) => [{ tag: "text", text }]) } } },
    };
    return { body, preview: [title(i, n), ...paragraphs].join("\n"), mobiles };
  };

  const size = (r: { body: Record<string, unknown>; preview: string }): number =>
    limit.measure === "content" ? utf8Bytes(r.preview) : utf8Bytes(JSON.stringify(r.body));
  const pages = paginate(groupByOwner(items), (chunks, i, n) => size(render(chunks, i, n)) <= limit.bytes);
  const messages: RobotMessage[] = pages.map((chunks, k) => {
    const r = render(chunks, k + 1, pages.length);
    return { platform, body: r.body, items: chunks.flatMap((c) => c.items), preview: r.preview };
  });

  if (platform === "wecom") {
    const people = groupByOwner(items)
      .map((g) => ({ owner: g.owner, mobile: mobileOf(g.owner) }))
      .filter((p): p is { owner: string; mobile: string } => p.mobile !== undefined);
    if (people.length > 0) {
      let content = t("mentionText", { names: people.map((p) => p.owner).join("、") });
      while (utf8Bytes(content) > WECOM_TEXT_BYTES) content = `${[...content].slice(0, -2).join("")}…`;
      const mentioned = unique(people.map((p) => p.mobile));
      messages.push({
        platform,
        body: { msgtype: "text", text: { content, mentioned_mobile_list: mentioned } },
        items: [],
        preview: `${content}\n(mentioned_mobile_list: ${mentioned.join(", ")})`,
      });
    }
  }
  return messages;
}

/** The subject and text of the e-mail to one owner about `items` (theirs, in digest order). */
export function ownerEmail(owner: string, items: readonly RemindItem[], opts: RenderOptions): { subject: string; text: string } {
  const t = words(opts.lang);
  const date = messageDate(opts.today, opts.lang);
  const text = [
    t("email.greeting", { owner }),
    "",
    t("email.intro", { date }),
    "",
    ...items.map((item) => itemLine(item, opts.lang)),
    "",
    t("email.closing"),
    t("rule"),
    "",
    t("email.signature"),
  ].join("\n");
  return { subject: t("email.subject", { owner, n: items.length, date }), text };
}

/**
 * One e-mail per owner who has an address in the contacts. Owners without one (not in the
 * contacts, no e-mail, a duplicated name, or no owner at all) are returned in `unaddressed`, for
 * the lines that say so.
 */
export function emailMessages(
  items: readonly RemindItem[],
  opts: RenderOptions,
): { messages: EmailMessage[]; unaddressed: { owner: string; items: readonly RemindItem[] }[] } {
  const book = opts.contacts ?? EMPTY_CONTACTS;
  const messages: EmailMessage[] = [];
  const unaddressed: { owner: string; items: readonly RemindItem[] }[] = [];
  for (const g of groupByOwner(items)) {
    const to = g.owner === "" ? undefined : contactOf(book, g.owner)?.email;
    if (to === undefined) unaddressed.push(g);
    else messages.push({ owner: g.owner, to, ...ownerEmail(g.owner, g.items, opts), items: g.items });
  }
  return { messages, unaddressed };
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}
