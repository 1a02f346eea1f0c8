import { LiaisonError } from "../../../src/core/errors";
import { blocksOf, day, paragraphs, readExamples, readRows, run } from "./fixtures";

const TODAY = day("2024-10-10");

describe("催办通知 from the catalog's action items, today 2024-10-10", () => {
  const r = run("reminder", readExamples("action-items", TODAY), {
    today: TODAY,
    sheet: "待办事项",
    now: day("2024-10-10") * 1440 + 8 * 60 + 30,
  });

  it("one reminder per overdue owner; done and not-yet-due rows are skipped with reasons", () => {
    expect(r.documents.map((d) => [d.number, d.addressee, d.source.rows])).toEqual([
      ["CB-2024-001", "刘强：", [3]],
      ["CB-2024-002", "王芳：", [4]],
    ]);
    expect(r.skipped).toEqual([
      { row: 2, reason: "第2行 完成新产品原型设计初稿 已完成，无需催办" },
      { row: 5, reason: "第5行 整理用户安抚话术 截止日期2024年10月10日，尚未逾期，无需催办" },
    ]);
    expect(r.entries.map((e) => [e.number, e.kind, e.sourceSheet, e.sourceRows, e.createdAt])).toEqual([
      ["CB-2024-001", "reminder", "待办事项", "3", "2024-10-10 08:30"],
      ["CB-2024-002", "reminder", "待办事项", "4", "2024-10-10 08:30"],
    ]);
  });

  it("days overdue and the accountability rule: D ≥ 2 已启动问责 (highlighted), D = 1 明日起启动问责", () => {
    const [liu] = blocksOf(r.documents[0], "table");
    expect(liu.columns.map((c) => c.header)).toEqual(["事项内容", "来源会议", "截止日期", "逾期天数", "处理"]);
    expect(liu.rows).toEqual([["评估开发周期并提交排期表", "新产品上线项目启动会", "2024年9月30日", "10天", "已启动问责"]]);
    expect(liu.highlightRows).toEqual([0]);
    const [wang] = blocksOf(r.documents[1], "table");
    expect(wang.rows).toEqual([["准备上线宣传物料", "新产品上线项目原型评审会", "2024年10月9日", "1天", "明日起启动问责"]]);
    expect(wang.highlightRows).toEqual([]);
    expect(paragraphs(r.documents[0])[0]).toBe("截至2024年10月10日，以下由您负责的待办事项已逾期，请尽快处理并反馈进展。");
    expect(paragraphs(r.documents[0])).toContain(
      "待办事项逾期2天启动问责。已启动问责的事项，请于今日内书面说明原因并给出完成时间；其余事项请在明日前完成或说明进展。",
    );
    // The sender's 落款 ends with the date (no company set: a blank to sign, then the department).
    expect(blocksOf(r.documents[0], "signature")[0].lines.map((l) => l.value)).toEqual(["采购部", "2024年10月10日"]);
  });
});

describe("催办通知 edge cases", () => {
  it("one owner's items share one reminder (owner names compared trimmed and simplified)", () => {
    const sel = readRows(
      "action-items",
      [
        { content: "甲", owner: "刘强", dueDate: "2024-10-01", status: "进行中" },
        { content: "乙", owner: "王芳", dueDate: "2024-10-09", status: "未开始" },
        { content: "丙", owner: " 劉強 ", dueDate: "2024-10-08", status: "未开始" },
      ],
      TODAY,
    );
    const r = run("reminder", sel, { today: TODAY });
    expect(r.documents.map((d) => [d.addressee, blocksOf(d, "table")[0].rows.map((x) => [x[0], x[3]])])).toEqual([
      [
        "刘强：",
        [
          ["甲", "9天"],
          ["丙", "2天"],
        ],
      ],
      ["王芳：", [["乙", "1天"]]],
    ]);
    expect(r.entries.map((e) => e.sourceRows)).toEqual(["2,4", "3"]);
  });

  it("an item is done by its 完成日期 or its 状态; a missing or unreadable date is a reason, not a guess", () => {
    const sel = readRows(
      "action-items",
      [
        { content: "甲", owner: "刘强", dueDate: "2024-10-01", status: "已完成" },
        { content: "乙", owner: "刘强", dueDate: "2024-10-01", status: "进行中", doneDate: "2024-10-05" },
        { content: "丙", owner: "刘强", status: "进行中" },
        { content: "丁", owner: "刘强", dueDate: "2024-10-01", status: "进行中", doneDate: "下周" },
        { content: "戊", owner: "刘强", dueDate: "2024-10-11", status: "进行中" },
      ],
      TODAY,
    );
    expect(() => run("reminder", sel, { today: TODAY })).toThrow(LiaisonError);
    let error: unknown;
    try {
      run("reminder", sel, { today: TODAY });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LiaisonError);
    expect((error as LiaisonError).key).toBe("noEligibleRows");
    expect((error as LiaisonError).message).toBe(
      "所选行中没有可生成催办通知的行：第2行 甲 已完成，无需催办；第3行 乙 已完成，无需催办；第4行 丙 截止日期为空或无法识别，无法判断是否逾期等，共5行",
    );
  });

  it("a missing owner gets a reminder addressed to (未指定负责人); =HYPERLINK stays literal", () => {
    const sel = readRows("action-items", [{ content: '=HYPERLINK("x")', dueDate: "2024-10-01", status: "进行中" }], TODAY);
    const doc = run("reminder", sel, { today: TODAY }).documents[0];
    expect(doc.addressee).toBe("（未指定负责人）：");
    expect(blocksOf(doc, "table")[0].rows[0][0]).toBe('=HYPERLINK("x")');
  });

  it("English fixed text under en-US", () => {
    const sel = readRows(
      "action-items",
      [
        { content: "甲", owner: "刘强", dueDate: "2024-10-01", status: "进行中" },
        { content: "乙", owner: "刘强", dueDate: "2024-10-20", status: "进行中" },
      ],
      TODAY,
    );
    const r = run("reminder", sel, { today: TODAY, lang: "en-US" });
    const doc = r.documents[0];
    expect([doc.title, doc.addressee, doc.sheetName]).toEqual(["Overdue reminder", "To: 刘强", "Overdue reminder CB-2024-001"]);
    expect(blocksOf(doc, "table")[0].rows[0].slice(3)).toEqual(["9 days", "Escalated"]);
    expect(r.skipped[0].reason).toBe("Row 3 乙: due 20 October 2024, not overdue yet; no reminder needed");
  });
});
