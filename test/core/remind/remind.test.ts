import ExcelJS from "exceljs";
import { parseIsoDate } from "../../../src/core/cells/civil";
import {
  contactBook,
  digestText,
  emailMessages,
  emptyState,
  groupByOwner,
  normalizeMobile,
  pendingItems,
  recordSent,
  robotMessages,
  SIZE_LIMITS,
  utf8Bytes,
  parseState,
  type RemindItem,
} from "../../../src/core/remind";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";
import { actionItemsBook, contactsBook, itemsOf } from "./fixtures";

const day = (iso: string): number => parseIsoDate(iso) as number;
const TODAY = "2024-10-08";

describe("collecting the items of a check", () => {
  it("takes due-soon, overdue and escalation items with owner, item, due date, days and place; done items are left out", async () => {
    const bytes = await actionItemsBook([
      ["提交排期表", "刘强", "2024-09-30", "进行中"], // 8 days late → escalation
      ["准备宣传物料", "王芳", "2024-10-09", "未开始"], // tomorrow → due-soon
      ["整理话术", "陈静", "2024-10-07", "进行中"], // 1 day → overdue
      ["已完成的事", "刘强", "2024-09-01", "已完成"],
      ["下月的事", "王芳", "2024-11-30", "未开始"],
    ]);
    const items = await itemsOf(bytes, TODAY);
    expect(items.map((i) => [i.level, i.owner, i.item, i.due, i.days, i.sheet, i.row, i.cell])).toEqual([
      ["escalation", "刘强", "提交排期表", "2024-09-30", 8, "待办事项", 2, "C2"],
      ["overdue", "陈静", "整理话术", "2024-10-07", 1, "待办事项", 4, "C4"],
      ["due-soon", "王芳", "准备宣传物料", "2024-10-09", -1, "待办事项", 3, "C3"],
    ]);
    expect(items.every((i) => i.file === "book.xlsx" && i.template === "action-items")).toBe(true);
  });
});

describe("registered notices past their 整改期限", () => {
  it("are reminded under 未指定负责人, named by kind, number and recipient", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("文书登记");
    ws.addRow(["编号", "类型", "文书工作表", "来源工作表", "来源行", "生成时间", "收件方", "状态", "整改期限"]);
    ws.addRow([
      "ZG-2024Q3-001",
      "整改通知书",
      "整改通知书 ZG-2024Q3-001",
      "供应商评估表",
      "4",
      "2024-09-20 10:00",
      "鑫达公司",
      "已发出",
      "2024-10-01",
    ]);
    ws.addRow([
      "ZG-2024Q3-002",
      "整改通知书",
      "整改通知书 ZG-2024Q3-002",
      "供应商评估表",
      "5",
      "2024-09-20 10:00",
      "乙公司",
      "已整改",
      "2024-10-01",
    ]);
    const items = await itemsOf(new Uint8Array(await wb.xlsx.writeBuffer()), TODAY);
    expect(items.map((i) => [i.template, i.level, i.owner, i.item, i.days])).toEqual([
      ["document-register", "escalation", "", "整改通知书 · ZG-2024Q3-001 · 鑫达公司", 7],
    ]);
  });
});

const item = (over: Partial<RemindItem>): RemindItem => ({
  file: "a.xlsx",
  sheet: "待办事项",
  row: 2,
  cell: "C2",
  template: "action-items",
  owner: "刘强",
  item: "事项",
  due: "2024-10-01",
  days: 7,
  level: "escalation",
  ...over,
});

describe("the digest", () => {
  it("groups by owner, owners with escalations first, each owner's items escalations first; no owner last", () => {
    const items = [
      item({ owner: "王芳", level: "due-soon", days: 0, row: 3 }),
      item({ owner: "", level: "escalation", days: 30, row: 9 }),
      item({ owner: "陈静", level: "overdue", days: 1, row: 4 }),
      item({ owner: "王芳", level: "escalation", days: 2, row: 5 }),
      item({ owner: "刘强", level: "escalation", days: 9, row: 6 }),
    ];
    expect(groupByOwner(items).map((g) => [g.owner, g.items.map((i) => i.row)])).toEqual([
      ["刘强", [6]],
      ["王芳", [5, 3]],
      ["陈静", [4]],
      ["", [9]],
    ]);
    const text = digestText(items, { today: day(TODAY), lang: "zh-CN" });
    expect(text.split("\n").slice(0, 5)).toEqual([
      "催办提醒（2024年10月8日）",
      "共5项：需问责3项，已逾期1项，即将到期1项。",
      "",
      "刘强（1项）",
      "【问责】事项｜截止2024年10月1日，已逾期9天｜a.xlsx › 待办事项 › 第6行",
    ]);
    expect(text).toContain("未指定负责人（1项）");
    expect(text).toContain("【即将到期】事项｜截止2024年10月1日，今天到期｜a.xlsx › 待办事项 › 第3行");
  });

  it("builds each platform's documented body, with mentions from the contacts", async () => {
    const book = contactBook(
      await (
        await XlsxWorkbook.load(
          await contactsBook([
            ["刘强", "+86 138-0013-8001", "lq@example.com"],
            ["王芳", null, "wf@example.com"],
          ]),
        )
      ).readTables({ kind: "all" }),
      day(TODAY),
    );
    const items = [item({ owner: "刘强" }), item({ owner: "王芳", level: "overdue", days: 1, row: 3 })];
    const opts = { today: day(TODAY), lang: "zh-CN" as const, contacts: book };

    const [md, mention, ...rest] = robotMessages("wecom", items, opts);
    expect(rest).toEqual([]);
    expect(Object.keys(md.body)).toEqual(["msgtype", "markdown"]);
    expect(md.body.msgtype).toBe("markdown");
    expect((md.body.markdown as { content: string }).content).toContain('<font color="warning">【问责】</font>事项');
    expect(mention.body).toEqual({
      msgtype: "text",
      text: { content: "请以下负责人查收今天的催办：刘强", mentioned_mobile_list: ["13800138001"] },
    });

    const [ding] = robotMessages("dingtalk", items, opts);
    expect(ding.body.msgtype).toBe("markdown");
    expect(ding.body.at).toEqual({ atMobiles: ["13800138001"], isAtAll: false });
    expect((ding.body.markdown as { title: string; text: string }).text).toContain("#### 刘强 @13800138001");

    const [fei] = robotMessages("feishu", items, opts);
    const post = (fei.body.content as { post: { zh_cn: { title: string; content: { tag: string; text: string }[][] } } }).post.zh_cn;
    expect(fei.body.msg_type).toBe("post");
    expect(post.title).toBe("催办提醒（2024年10月8日）");
    expect(post.content.every((p) => p.length === 1 && p[0].tag === "text")).toBe(true);

    const mail = emailMessages(items, opts);
    expect(mail.messages.map((m) => [m.to, m.subject])).toEqual([
      ["lq@example.com", "【催办】刘强：1项待办（2024年10月8日）"],
      ["wf@example.com", "【催办】王芳：1项待办（2024年10月8日）"],
    ]);
    expect(mail.unaddressed).toEqual([]);
  });

  it.each(["wecom", "dingtalk", "feishu"] as const)(
    "splits a long %s digest at the platform's limit, every item exactly once",
    (platform) => {
      const items = Array.from({ length: 400 }, (_, k) =>
        item({
          owner: `负责人${k % 7}`,
          row: k + 2,
          item: `第${k}项：一段相当长的事项说明，用来把消息撑过平台的长度上限`,
          days: 2 + (k % 5),
        }),
      );
      const messages = robotMessages(platform, items, { today: day(TODAY), lang: "zh-CN" });
      expect(messages.length).toBeGreaterThan(1);
      const limit = SIZE_LIMITS[platform];
      for (const m of messages) {
        const size =
          limit.measure === "content" ? utf8Bytes((m.body.markdown as { content: string }).content) : utf8Bytes(JSON.stringify(m.body));
        expect(size).toBeLessThanOrEqual(limit.bytes);
      }
      const rows = messages.flatMap((m) => m.items.map((i) => i.row)).sort((a, b) => a - b);
      expect(rows).toEqual(items.map((i) => i.row));
      expect(messages[1].preview).toContain(`第2/${messages.length}条`);
      expect(messages[1].preview).toMatch(/（续）/);
    },
  );

  it("counts UTF-8 bytes exactly", () => {
    for (const s of ["abc", "催办", "😀x", "é", ""]) expect(utf8Bytes(s)).toBe(Buffer.byteLength(s, "utf8"));
  });
});

describe("the state", () => {
  it("sends nothing new on a second run the same day, and the next day only what changed", () => {
    const today = day(TODAY);
    const a = item({ item: "A", level: "due-soon", days: 0 });
    const b = item({ item: "B", level: "escalation", days: 5 });
    let state = emptyState();
    expect(pendingItems(state, "wecom", [a, b])).toEqual([a, b]);
    state = recordSent(state, "wecom", [a, b], today);
    expect(pendingItems(state, "wecom", [a, b])).toEqual([]);
    // Another channel has its own record.
    expect(pendingItems(state, "email", [a, b])).toEqual([a, b]);
    // Next day: A is now overdue, B still escalated, C is new.
    const a2 = { ...a, level: "overdue" as const, days: 1 };
    const b2 = { ...b, days: 6 };
    const c = item({ item: "C", level: "due-soon", days: -1 });
    expect(pendingItems(state, "wecom", [a2, b2, c])).toEqual([a2, c]);
    // Round trip through the file, and old entries are dropped after 60 days.
    const parsed = parseState(JSON.stringify(state));
    expect("state" in parsed && parsed.state).toEqual(state);
    expect(Object.keys(recordSent(state, "wecom", [], today + 61).sent)).toEqual([]);
    expect(parseState("{")).toHaveProperty("problem");
    expect(parseState('{"version":1,"sent":{"x":{"level":"late","day":"2024-10-08"}}}')).toHaveProperty("problem");
  });
});

describe("the contacts", () => {
  it("leaves out duplicated names, keeps the places, normalises mobiles", async () => {
    const tables = await (
      await XlsxWorkbook.load(
        await contactsBook([
          ["刘强", "13800138001", "a@example.com"],
          ["王芳", null, "not an address"],
          ["刘强", "13900139000", null],
          ["陈静", "138 0013 8003", null],
        ]),
      )
    ).readTables({ kind: "all" });
    const book = contactBook(tables, day(TODAY));
    expect([...book.duplicates]).toEqual([
      [
        "刘强",
        [
          { sheet: "通讯录", row: 2 },
          { sheet: "通讯录", row: 4 },
        ],
      ],
    ]);
    expect(book.entries.get("王芳")?.contact).toEqual({ name: "王芳" });
    expect(book.entries.get("陈静")?.contact).toEqual({ name: "陈静", mobile: "13800138003" });
    expect(normalizeMobile("0086 13800138000")).toBe("13800138000");
    expect(normalizeMobile("n/a")).toBe("");
  });
});
