import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { blocksOf, calendar, day, fieldMap, paragraphs, pick, readExamples, readRows, run } from "./fixtures";

const TODAY = day("2024-10-08");
const meetings = readExamples("meetings", TODAY);
const items = readExamples("action-items", TODAY);
const related = [{ sheet: "待办事项", read: items.read }];

describe("会议纪要 from a selected meeting (the catalog's 启动会)", () => {
  const r = run("minutes", { tpl: meetings.tpl, read: pick(meetings.read, [2]) }, { today: TODAY, related, sheet: "沟通会议记录" });
  const doc = r.documents[0];

  it("numbers it JY-<year of today>-001 and titles it", () => {
    expect(r.documents).toHaveLength(1);
    expect([doc.number, doc.title, doc.subtitle, doc.sheetName, doc.footer]).toEqual([
      "JY-2024-001",
      "会议纪要",
      "编号：JY-2024-001",
      "会议纪要 JY-2024-001",
      "JY-2024-001",
    ]);
    expect(doc.source).toEqual({ sheet: "沟通会议记录", rows: [2] });
    expect(r.entries).toEqual([
      {
        number: "JY-2024-001",
        kind: "minutes",
        documentSheet: "",
        sourceSheet: "沟通会议记录",
        sourceRows: "2",
        createdAt: "2024-10-08 09:00",
        recipient: "王芳(市场部经理)、刘强(技术部主管)、张伟(设计部负责人)",
        status: "已生成",
        dueDate: "",
      },
    ]);
  });

  it("carries the meeting's particulars; 地点/线上 is not a column and shows —", () => {
    const f = fieldMap(doc);
    expect(f.get("会议主题")).toBe("新产品上线项目启动会");
    expect(f.get("会议时间")).toBe("2024年9月23日 14:00");
    expect(f.get("地点/线上")).toBe("—");
    expect(f.get("主持人")).toBe("王芳");
    expect(f.get("记录人")).toBe("李明");
    expect(f.get("参会人")).toBe("王芳(市场部经理)、刘强(技术部主管)、张伟(设计部负责人)");
    expect(blocksOf(doc, "heading").map((h) => [h.text, h.numbered])).toEqual([
      ["讨论议题", true],
      ["关键结论", true],
      ["待办事项", true],
    ]);
    expect(paragraphs(doc)).toEqual(
      expect.arrayContaining([
        "新产品上线项目启动会",
        "1. 技术部评估开发周期需15天",
        "2. 设计部3天内完成初稿",
        "3. 功能优先级按投票结果执行",
      ]),
    );
  });

  it("lists the action items whose 来源会议 names the meeting, from the related table", () => {
    const [table] = blocksOf(doc, "table");
    expect(table.columns.map((c) => c.header)).toEqual(["事项内容", "负责人", "截止日期"]);
    expect(table.rows).toEqual([
      ["完成新产品原型设计初稿", "张伟", "2024年9月26日"],
      ["评估开发周期并提交排期表", "刘强", "2024年9月30日"],
    ]);
  });

  it("sends on the meeting's 纪要发送时间 and asks for confirmation 2 working days later; 审核人 blank", () => {
    const f = fieldMap(doc);
    expect(f.get("发送日期")).toBe("2024年9月24日");
    expect(f.get("审核人")).toBe("");
    expect(paragraphs(doc)).toContain("请于2024年9月26日前反馈确认意见（2个工作日内）。");
  });
});

describe("会议纪要: dates on the working-day calendar", () => {
  it("the 原型评审会 sent Thursday 2024-10-10: + 2 工作日 is Saturday 2024-10-12, a make-up workday", () => {
    expect(calendar.isWorkday(day("2024-10-12"))).toBe(true);
    const r = run("minutes", { tpl: meetings.tpl, read: pick(meetings.read, [3]) }, { today: TODAY, related });
    expect(paragraphs(r.documents[0])).toContain("请于2024年10月12日前反馈确认意见（2个工作日内）。");
    expect(blocksOf(r.documents[0], "table")[0].rows.map((x) => x[1])).toEqual(["王芳", "陈静"]);
  });

  it("sent 2024-09-30, across the National Day holiday: + 2 工作日 = 2024年10月9日", () => {
    const sel = readRows(
      "meetings",
      [
        {
          topic: "国庆前协调会",
          time: "2024-09-29 10:00",
          host: "王芳",
          recorder: "李明",
          attendees: "王芳、刘强",
          minutesSentAt: "2024-09-30 17:00",
        },
      ],
      TODAY,
    );
    const r = run("minutes", sel, { today: TODAY });
    expect(fieldMap(r.documents[0]).get("发送日期")).toBe("2024年9月30日");
    expect(paragraphs(r.documents[0])).toContain("请于2024年10月9日前反馈确认意见（2个工作日内）。");
  });

  it("not sent yet: sent today; today 2024-09-30 + 1 工作日 lands on 2024-10-08, right after the holiday", () => {
    const today = day("2024-09-30");
    const sel = readRows(
      "meetings",
      [{ topic: "国庆前协调会", time: "2024-09-30 10:00", host: "王芳", recorder: "李明", attendees: "王芳" }],
      today,
    );
    const r = run("minutes", sel, { today, settings: { confirmWorkdays: 1, reviewer: "赵总" } });
    const f = fieldMap(r.documents[0]);
    expect(f.get("发送日期")).toBe("2024年9月30日");
    expect(f.get("审核人")).toBe("赵总");
    expect(paragraphs(r.documents[0])).toContain("请于2024年10月8日前反馈确认意见（1个工作日内）。");
  });
});

describe("会议纪要 edge cases", () => {
  it("a meeting with no action items: the table is empty and says 无待办事项", () => {
    const sel = readRows(
      "meetings",
      [{ topic: "月度例会", time: "2024-10-08 09:00", host: "王芳", recorder: "李明", attendees: "全体" }],
      TODAY,
    );
    const r = run("minutes", sel, { today: TODAY, related });
    const [table] = blocksOf(r.documents[0], "table");
    expect(table.rows).toEqual([]);
    expect(table.emptyText).toBe("无待办事项");
    expect(paragraphs(r.documents[0])).toContain("—"); // no 关键结论 written
  });

  it("来源会议 matches the topic trimmed and simplified, from every related action-items table", () => {
    const sel = readRows(
      "meetings",
      [{ topic: "新产品上线项目启动会", time: "2024-09-23 14:00", host: "王芳", recorder: "李明", attendees: "王芳" }],
      TODAY,
    );
    const other = readRows(
      "action-items",
      [
        { content: "聯繫供應商", owner: "陈静", dueDate: "2024-09-27", status: "进行中", sourceMeeting: " 新產品上線項目 啟動會 " },
        { content: "无关事项", owner: "刘强", dueDate: "2024-09-27", status: "进行中", sourceMeeting: "周例会" },
      ],
      TODAY,
    );
    const r = run("minutes", sel, {
      today: TODAY,
      related: [...related, { sheet: "待办2", read: other.read }, { sheet: "会议", read: meetings.read }],
    });
    expect(blocksOf(r.documents[0], "table")[0].rows.map((x) => x[0])).toEqual([
      "完成新产品原型设计初稿",
      "评估开发周期并提交排期表",
      "聯繫供應商",
    ]);
  });

  it("selected action items: one 纪要 per 来源会议, consecutive numbers, particulars from the related meetings", () => {
    const r = run("minutes", items, { today: TODAY, related: [{ sheet: "沟通会议记录", read: meetings.read }], sheet: "待办事项" });
    expect(r.documents.map((d) => [d.number, fieldMap(d).get("会议主题"), fieldMap(d).get("主持人"), d.source.rows])).toEqual([
      ["JY-2024-001", "新产品上线项目启动会", "王芳", [2, 3]],
      ["JY-2024-002", "新产品上线项目原型评审会", "王芳", [4, 5]],
    ]);
    expect(r.entries.map((e) => e.sourceRows)).toEqual(["2-3", "4-5"]);
    expect(blocksOf(r.documents[1], "table")[0].rows).toEqual([
      ["准备上线宣传物料", "王芳", "2024年10月9日"],
      ["整理用户安抚话术", "陈静", "2024年10月10日"],
    ]);
  });

  it("selected action items without their meeting table: particulars show —; items with no 来源会议 share one 纪要", () => {
    const sel = readRows(
      "action-items",
      [
        { content: "甲", owner: "张伟", dueDate: "2024-10-09", status: "未开始" },
        { content: "乙", owner: "刘强", dueDate: "2024-10-10", status: "未开始", sourceMeeting: "周例会" },
        { content: "丙", owner: "陈静", dueDate: "2024-10-11", status: "未开始" },
      ],
      TODAY,
    );
    const r = run("minutes", sel, { today: TODAY });
    expect(
      r.documents.map((d) => [fieldMap(d).get("会议主题"), fieldMap(d).get("主持人"), fieldMap(d).get("发送日期"), d.source.rows]),
    ).toEqual([
      ["（未注明来源会议）", "—", "2024年10月8日", [2, 4]],
      ["周例会", "—", "2024年10月8日", [3]],
    ]);
  });

  it("continues numbering from the register and the next run gets new numbers", () => {
    const sel = { tpl: meetings.tpl, read: pick(meetings.read, [2]) };
    const first = run("minutes", sel, {
      today: TODAY,
      register: [
        {
          number: "JY-2024-004",
          kind: "minutes",
          documentSheet: "会议纪要 JY-2024-004",
          sourceSheet: "x",
          sourceRows: "2",
          createdAt: "2024-09-01 10:00",
          recipient: "",
          status: "已生成",
          dueDate: "",
        },
      ],
    });
    expect(first.documents[0].number).toBe("JY-2024-005");
    const second = run("minutes", sel, {
      today: TODAY,
      register: [...first.entries.map((e) => ({ ...e, documentSheet: "会议纪要 JY-2024-005" }))],
    });
    expect(second.documents[0].number).toBe("JY-2024-006");
  });

  it("user text stays literal: =HYPERLINK(…) and +86 138 0000 0000", () => {
    const sel = readRows(
      "meetings",
      [{ topic: '=HYPERLINK("x")', time: "2024-10-08 09:00", host: "+86 138 0000 0000", recorder: "@李明", attendees: "-王芳" }],
      TODAY,
    );
    const f = fieldMap(run("minutes", sel, { today: TODAY }).documents[0]);
    expect([f.get("会议主题"), f.get("主持人"), f.get("记录人"), f.get("参会人")]).toEqual([
      '=HYPERLINK("x")',
      "+86 138 0000 0000",
      "@李明",
      "-王芳",
    ]);
  });

  it("a meeting row without a topic is skipped with its reason", () => {
    const sel = readRows(
      "meetings",
      [
        { time: "2024-10-08 09:00", host: "王芳" },
        { topic: "周会", time: "2024-10-08 09:00" },
      ],
      TODAY,
    );
    const r = run("minutes", sel, { today: TODAY });
    expect(r.documents).toHaveLength(1);
    expect(r.skipped).toEqual([{ row: 2, reason: "第2行 会议主题为空，无法生成会议纪要" }]);
  });

  it("English fixed text under en-US", () => {
    const r = run(
      "minutes",
      { tpl: meetings.tpl, read: pick(meetings.read, [2]) },
      { today: TODAY, related, lang: "en-US", settings: { ...DEFAULT_SETTINGS } },
    );
    const doc = r.documents[0];
    expect([doc.title, doc.subtitle, doc.sheetName]).toEqual(["Meeting minutes", "No. JY-2024-001", "Meeting minutes JY-2024-001"]);
    const f = fieldMap(doc);
    expect(f.get("Topic")).toBe("新产品上线项目启动会");
    expect(f.get("Place / online")).toBe("—");
    expect(paragraphs(doc)).toContain("Please send your comments or confirmation by 26 September 2024 (within 2 working days).");
    expect(blocksOf(doc, "table")[0].columns.map((c) => c.header)).toEqual(["Action", "Owner", "Due date"]);
  });
});
