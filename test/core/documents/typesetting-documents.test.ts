import { all, attr, openDocx, paragraphs as docxParagraphs, tables as docxTables, textOf } from "../../render/docx/ooxml";
import type { DocumentModel } from "../../../src/core/documents/model";
import { documentSheetLayout } from "../../../src/core/documents/sheet-layout";
import { renderDocx } from "../../../src/render/docx";
import { day, readRows, run } from "./fixtures";
import { halfWidthInChinese } from "./typesetting";

/**
 * Issue 13: every generated document — 会议纪要, 整改通知书, 催办通知 — is typeset as Chinese in
 * all three of its forms: the model, the worksheet layout and the Word file's text. The user's own
 * text here is typeset properly too (the builders must not be the ones adding half-width marks),
 * and the letterhead settings are filled so the 落款 and 附注 lines are checked as well.
 */
const TODAY = day("2024-07-05");
const settings = { companyName: "华东智造科技有限公司", issuingDepartment: "采购部", contactName: "李明", contactPhone: "021-5888 6000" };

function documents(): DocumentModel[] {
  const evaluation = readRows(
    "supplier-evaluation",
    [
      {
        supplierName: "鑫达物流有限公司",
        period: "2024Q1",
        quality: 23,
        delivery: 20,
        service: 16,
        price: 11,
        problemSolving: 7,
        total: 77,
      },
    ],
    TODAY,
  );
  const meetings = readRows(
    "meetings",
    [
      {
        topic: "新产品上线项目启动会",
        time: "2024-09-23 14:00",
        host: "王芳",
        recorder: "李明",
        attendees: "王芳、刘强、张伟",
        conclusions: "技术部评估开发周期；设计部3天内完成初稿",
      },
    ],
    TODAY,
  );
  const items = readRows(
    "action-items",
    [
      {
        content: "评估开发周期并提交排期表",
        owner: "刘强",
        dueDate: "2024-06-30",
        status: "进行中",
        sourceMeeting: "新产品上线项目启动会",
      },
      { content: "准备上线宣传物料", owner: "刘强", dueDate: "2024-07-04", status: "未开始", sourceMeeting: "新产品上线项目启动会" },
    ],
    TODAY,
  );
  return [
    ...run("notice", { tpl: evaluation.tpl, read: evaluation.read }, { today: TODAY, settings }).documents,
    ...run("minutes", meetings, { today: TODAY, settings, related: [{ sheet: "待办事项", read: items.read }] }).documents,
    ...run("reminder", items, { today: TODAY, settings }).documents,
  ];
}

/** Every piece of text of a model, as it will be printed. */
function modelTexts(doc: DocumentModel): string[] {
  const out = [doc.title, doc.subtitle ?? "", doc.addressee ?? "", doc.letterhead ?? ""];
  for (const b of doc.blocks) {
    if (b.kind === "heading" || b.kind === "paragraph" || b.kind === "note") out.push(b.text);
    if (b.kind === "fields") for (const f of b.fields) out.push(f.label, f.value);
    if (b.kind === "signature") for (const f of b.lines) out.push(f.label, f.value);
    if (b.kind === "table") out.push(...b.columns.map((c) => c.header), ...b.rows.flat(), b.emptyText ?? "");
    if (b.kind === "receipt") out.push(b.title, b.text, ...b.lines.flatMap((f) => [f.label, f.value]));
  }
  return out.filter((t) => t !== "");
}

const offences = (where: string, texts: readonly string[]): string[] =>
  texts.flatMap((t) => halfWidthInChinese(t).map((o) => `${where}: …${o.excerpt}…`));

describe("generated documents are typeset as Chinese", () => {
  const docs = documents();

  it("makes one of each kind", () => expect(docs.map((d) => d.kind).sort()).toEqual(["minutes", "notice", "reminder"]));

  it.each(docs.map((d) => [d.kind, d] as const))("%s: the model has no half-width punctuation inside Chinese text", (_k, doc) => {
    expect(offences(doc.number, modelTexts(doc))).toEqual([]);
  });

  it.each(docs.map((d) => [d.kind, d] as const))("%s: the worksheet has none either", (_k, doc) => {
    expect(
      offences(
        doc.number,
        documentSheetLayout(doc).cells.map((c) => c.text),
      ),
    ).toEqual([]);
  });

  it.each(docs.map((d) => [d.kind, d] as const))("%s: nor the Word file (body, tables, footer)", async (_k, doc) => {
    const word = openDocx(await renderDocx([doc]));
    const texts = [
      ...docxParagraphs(word.document),
      ...docxTables(word.document).flat(2),
      ...word.footers.map((f) => textOf(f.documentElement as unknown as Parameters<typeof textOf>[0])),
    ];
    expect(texts.join("")).toContain(doc.title.replace(/\s/g, "").slice(0, 2));
    expect(offences(doc.number, texts)).toEqual([]);
  });

  it.each(docs.map((d) => [d.kind, d] as const))("%s: dates read as a letter writes them (2024年7月5日), never 2024-07-05", (_k, doc) => {
    const text = modelTexts(doc).join("\n");
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("the notice is addressed (主送), signed by the company and department with the issue date, and gives the contact", () => {
    const notice = docs.find((d) => d.kind === "notice") as DocumentModel;
    expect(notice.letterhead).toBe("华东智造科技有限公司");
    expect(notice.addressee).toBe("鑫达物流有限公司：");
    const signature = notice.blocks.find((b) => b.kind === "signature");
    expect(signature).toEqual({
      kind: "signature",
      seal: true,
      lines: [
        { label: "", value: "华东智造科技有限公司" },
        { label: "", value: "采购部" },
        { label: "", value: "2024年7月5日" },
      ],
    });
    expect(notice.blocks).toContainEqual({ kind: "note", text: "（联系人：李明；联系电话：021-5888 6000）" });
  });

  it("the reminder has a sender; with no letterhead settings the documents leave labelled blanks, never a bare label", async () => {
    const reminder = docs.find((d) => d.kind === "reminder") as DocumentModel;
    expect(reminder.blocks.find((b) => b.kind === "signature")).toMatchObject({
      lines: [{ value: "华东智造科技有限公司" }, { value: "采购部" }, { value: "2024年7月5日" }],
    });

    const meetings = readRows(
      "meetings",
      [{ topic: "周例会", time: "2024-09-23 14:00", host: "王芳", recorder: "李明", attendees: "王芳" }],
      TODAY,
    );
    const bare = run("minutes", meetings, { today: TODAY, settings: { issuingDepartment: "", reviewer: "" } }).documents[0];
    const sheet = documentSheetLayout(bare).cells.map((c) => c.text);
    expect(sheet).toContain("审核人：________________");
    expect(sheet).not.toContain("审核人");
    const word = openDocx(await renderDocx([bare]));
    const reviewer = all(word.document, "p").find((p) => textOf(p).startsWith("审核人"));
    if (!reviewer) throw new Error("no 审核人 line");
    // The label, then a tab with an underscore leader to the end of the line: a line to sign on.
    expect(textOf(reviewer)).toBe("审核人：\t");
    expect(all(reviewer, "tab").map((t) => attr(t, "leader"))).toContain("underscore");
  });

  it("the minutes show the meeting's time as a letter writes it", () => {
    const minutes = docs.find((d) => d.kind === "minutes") as DocumentModel;
    expect(modelTexts(minutes)).toContain("2024年9月23日 14:00");
  });

  it("the minutes are numbered by the meeting's year, not today's", () => {
    const meetings = readRows(
      "meetings",
      [{ topic: "年度总结会", time: "2023-12-20 09:00", host: "王芳", recorder: "李明", attendees: "王芳" }],
      TODAY,
    );
    expect(run("minutes", meetings, { today: day("2026-12-05") }).documents[0].number).toBe("JY-2023-001");
  });
});
