import fc from "fast-check";
import { parseRange } from "../../../src/core/a1";
import type { DocBlock, DocumentModel } from "../../../src/core/documents/model";
import {
  chineseOrdinal,
  displayWidth,
  documentSheetLayout,
  estimateLines,
  GRID_COLUMNS,
  tableSpans,
} from "../../../src/core/documents/sheet-layout";
import type { SheetLayout } from "../../../src/core/documents/sheet-layout-types";
import { day, pick, readExamples, readRows, run } from "./fixtures";

const TODAY = day("2024-10-10");

/** Layout rules every document sheet keeps. */
function expectWellFormed(layout: SheetLayout, doc: DocumentModel): void {
  const area = parseRange(layout.print.printArea);
  expect(area).toBeDefined();
  const { top, left, bottom, right } = area!;
  expect([top, left, right]).toEqual([1, 0, GRID_COLUMNS - 1]);
  // Every cell inside the print area, once.
  const seen = new Set<string>();
  for (const c of layout.cells) {
    expect(c.row >= top && c.row <= bottom && c.col >= left && c.col <= right).toBe(true);
    expect(typeof c.text).toBe("string");
    const key = `${c.row}:${c.col}`;
    expect(seen.has(key)).toBe(false);
    seen.add(key);
  }
  // The last row holds something (the print area is not padded).
  expect(layout.cells.some((c) => c.row === bottom)).toBe(true);
  for (const r of Object.keys(layout.rowHeights)) expect(Number(r)).toBeLessThanOrEqual(bottom);
  // Merges inside the area, never overlapping; covered cells other than the anchor carry no text.
  const covered = new Map<string, number>();
  layout.merges.forEach((m, i) => {
    expect(m.top >= top && m.bottom <= bottom && m.left >= left && m.right <= right && m.top <= m.bottom && m.left <= m.right).toBe(true);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) {
        expect(covered.has(`${r}:${c}`)).toBe(false);
        covered.set(`${r}:${c}`, i);
      }
  });
  for (const c of layout.cells) {
    const m = covered.get(`${c.row}:${c.col}`);
    if (m !== undefined && (layout.merges[m].top !== c.row || layout.merges[m].left !== c.col)) expect(c.text).toBe("");
  }
  expect(layout.columnWidths).toHaveLength(GRID_COLUMNS);
  const width = layout.columnWidths.reduce((a, b) => a + b, 0);
  expect(width).toBeGreaterThanOrEqual(80);
  expect(width).toBeLessThanOrEqual(95);
  expect(layout.print).toMatchObject({ paper: "A4", orientation: "portrait", fitToWidth: true, footer: doc.footer });
  expect(layout.print.titleRows).toBeUndefined();
  expect(layout.print.margins).toEqual({ top: 0.75, bottom: 0.75, left: 0.7, right: 0.7 });
  expect(layout.sheetName).toBe(doc.sheetName);
  for (const h of Object.values(layout.rowHeights)) expect(h).toBeGreaterThan(0);
}

const textAt = (l: SheetLayout, row: number, col = 0): string | undefined => l.cells.find((c) => c.row === row && c.col === col)?.text;
const rowOf = (l: SheetLayout, text: string): number => {
  const c = l.cells.find((x) => x.text === text);
  if (!c) throw new Error(`no cell "${text}"`);
  return c.row;
};

describe("document sheets", () => {
  const notices = run("notice", readExamples("supplier-evaluation", TODAY), { today: TODAY });
  const minutes = run(
    "minutes",
    { ...readExamples("meetings", TODAY), read: pick(readExamples("meetings", TODAY).read, [2]) },
    { today: TODAY, related: [{ sheet: "待办", read: readExamples("action-items", TODAY).read }] },
  );
  const reminders = run("reminder", readExamples("action-items", TODAY), { today: TODAY });
  const all = [...notices.documents, ...minutes.documents, ...reminders.documents];

  it.each(all.map((d) => [d.number, d] as const))("%s is well formed", (_n, doc) => {
    expectWellFormed(documentSheetLayout(doc), doc);
  });

  it("a notice: title merged and big, 编号, addressee, numbered headings, highlighted weakest rows, signature right, receipt after a dashed cut line", () => {
    const doc = notices.documents[2];
    const l = documentSheetLayout(doc);
    const title = l.cells.find((c) => c.row === 1 && c.col === 0)!;
    expect(title.text).toBe("整改通知书");
    expect(title.style).toMatchObject({ bold: true, horizontal: "center" });
    expect(title.style!.fontSize).toBeGreaterThanOrEqual(16);
    expect(l.merges).toContainEqual({ top: 1, left: 0, bottom: 1, right: 5 });
    expect(textAt(l, 2)).toBe("编号：ZG-2024Q1-002");
    expect(l.cells.map((c) => c.text)).toEqual(
      expect.arrayContaining(["恒通IT设备有限公司：", "一、评估得分", "二、薄弱项", "三、整改要求"]),
    );
    // The table: header filled and bordered, the two weakest rows highlighted.
    const header = rowOf(l, "评分项目");
    expect(l.cells.filter((c) => c.row === header).every((c) => c.style?.border && c.style.fill)).toBe(true);
    const weak = [rowOf(l, "产品质量"), rowOf(l, "问题解决能力")];
    const plain = rowOf(l, "交付及时性");
    for (const r of weak) expect(l.cells.filter((c) => c.row === r).every((c) => c.style?.fill === "#FCE4D6")).toBe(true);
    expect(l.cells.filter((c) => c.row === plain).some((c) => c.style?.fill)).toBe(false);
    // The 落款 in the right half (columns C:E, centred on one another), then the receipt below a dashed line.
    const sign = l.cells.find((c) => c.text === "采购部")!;
    expect([sign.col, sign.style?.horizontal]).toEqual([2, "center"]);
    expect(l.merges).toContainEqual({ top: sign.row, left: 2, bottom: sign.row, right: 4 });
    const cut = l.cells.filter((c) => c.style?.dashedTop);
    expect(cut.map((c) => c.col).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(cut[0].row).toBeGreaterThan(sign.row);
    expect(rowOf(l, "回执")).toBeGreaterThan(cut[0].row);
    expect(l.cells.map((c) => c.text)).toContain("供应商（盖章）：________________");
    expect(l.print.footer).toBe("ZG-2024Q1-002");
  });

  it("minutes: fields as bordered label/value pairs; a blank 审核人 is a line to sign", () => {
    const l = documentSheetLayout(minutes.documents[0]);
    const label = l.cells.find((c) => c.text === "会议主题")!;
    expect(label.style).toMatchObject({ bold: true, border: true });
    expect(textAt(l, label.row, 1)).toBe("新产品上线项目启动会");
    expect(l.cells.map((c) => c.text)).toContain("审核人：________________");
    // 参会人 is too long to share a row: its value spans B:F.
    const attendees = rowOf(l, "参会人");
    expect(l.merges).toContainEqual({ top: attendees, left: 1, bottom: attendees, right: 5 });
  });

  it("a meeting without action items shows 无待办事项 across the table", () => {
    const sel = readRows(
      "meetings",
      [{ topic: "月度例会", time: "2024-10-08 09:00", host: "王芳", recorder: "李明", attendees: "全体" }],
      TODAY,
    );
    const doc = run("minutes", sel, { today: TODAY }).documents[0];
    const l = documentSheetLayout(doc);
    const row = rowOf(l, "无待办事项");
    expect(l.merges).toContainEqual({ top: row, left: 0, bottom: row, right: 5 });
    expect(textAt(l, row - 1)).toBe("事项内容");
    expectWellFormed(l, doc);
  });

  it("long paragraphs get taller rows", () => {
    const long = "很长的结论".repeat(40);
    const sel = readRows(
      "meetings",
      [{ topic: "周会", time: "2024-10-08 09:00", host: "王芳", recorder: "李明", attendees: "王芳", conclusions: long }],
      TODAY,
    );
    const l = documentSheetLayout(run("minutes", sel, { today: TODAY }).documents[0]);
    // Chinese paragraphs open with two full-width spaces (首行缩进).
    const row = rowOf(l, "\u3000\u3000" + long);
    expect(estimateLines(long, 90)).toBe(5);
    expect(l.rowHeights[row]).toBeGreaterThanOrEqual(5 * 15);
  });

  it("user text is written as text, unchanged", () => {
    const sel = readRows(
      "meetings",
      [{ topic: '=HYPERLINK("x")', time: "2024-10-08 09:00", host: "+86 138 0000 0000", recorder: "李明", attendees: "王芳" }],
      TODAY,
    );
    const l = documentSheetLayout(run("minutes", sel, { today: TODAY }).documents[0]);
    const texts = l.cells.map((c) => c.text);
    expect(texts).toContain('=HYPERLINK("x")');
    expect(texts).toContain("+86 138 0000 0000");
  });

  it("English headings are numbered 1. 2. 3.", () => {
    const doc = run("reminder", readExamples("action-items", TODAY), { today: TODAY, lang: "en-US" }).documents[0];
    const l = documentSheetLayout(doc, "en-US");
    expect(l.cells.map((c) => c.text)).toEqual(expect.arrayContaining(["1. Overdue items", "2. Escalation rule", "10 October 2024"]));
  });
});

describe("layout helpers", () => {
  it("display width counts CJK double", () => {
    expect(displayWidth("会议a")).toBe(5);
    expect(displayWidth("ＡＢ")).toBe(4);
    expect(estimateLines("", 30)).toBe(1);
    expect(estimateLines("a\nb", 30)).toBe(2);
  });
  it("Chinese ordinals", () => {
    expect([1, 2, 10, 11, 20, 23].map(chineseOrdinal)).toEqual(["一", "二", "十", "十一", "二十", "二十三"]);
  });
  it("table spans fill the six grid columns, at least one each", () => {
    expect(
      tableSpans([
        { header: "a", width: 3 },
        { header: "b", width: 1.5 },
        { header: "c", width: 1.5 },
      ]),
    ).toEqual([3, 2, 1]);
    expect(
      tableSpans([
        { header: "a", width: 2 },
        { header: "b", width: 1 },
        { header: "c", width: 1 },
        { header: "d", width: 1 },
      ]),
    ).toEqual([3, 1, 1, 1]);
    expect(
      tableSpans([
        { header: "a", width: 0 },
        { header: "b", width: 0 },
      ]),
    ).toEqual([3, 3]);
    expect(() => tableSpans(Array.from({ length: 7 }, () => ({ header: "x", width: 1 })))).toThrow();
  });
});

describe("any document lays out well (property)", () => {
  const text = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom("", '=HYPERLINK("x")', "很长的中文内容".repeat(12), "a\nb"));
  const field = fc.record({ label: text, value: text });
  const block: fc.Arbitrary<DocBlock> = fc.oneof(
    fc.record({ kind: fc.constant("heading" as const), text, numbered: fc.boolean() }),
    fc.record({ kind: fc.constant("fields" as const), fields: fc.array(field, { maxLength: 7 }) }),
    fc.record({ kind: fc.constant("paragraph" as const), text, emphasis: fc.boolean() }),
    fc.integer({ min: 1, max: 6 }).chain((n) =>
      fc.record({
        kind: fc.constant("table" as const),
        columns: fc.array(fc.record({ header: text, width: fc.double({ min: 0, max: 5, noNaN: true }) }), { minLength: n, maxLength: n }),
        rows: fc.array(fc.array(text, { minLength: n, maxLength: n }), { maxLength: 6 }),
        highlightRows: fc.array(fc.nat(6), { maxLength: 3 }),
        emptyText: text,
      }),
    ),
    fc.record({ kind: fc.constant("signature" as const), lines: fc.array(field, { maxLength: 3 }) }),
    fc.record({ kind: fc.constant("receipt" as const), title: text, text, lines: fc.array(field, { maxLength: 3 }) }),
  );
  it("holds the sheet rules", () => {
    fc.assert(
      fc.property(
        fc.array(block, { maxLength: 12 }),
        fc.option(text, { nil: undefined }),
        fc.constantFrom("zh-CN" as const, "en-US" as const),
        (blocks, addressee, lang) => {
          const doc: DocumentModel = {
            kind: "notice",
            number: "ZG-2024Q2-001",
            title: "整改通知书",
            subtitle: "编号：ZG-2024Q2-001",
            addressee,
            blocks,
            recipient: "",
            data: {},
            sheetName: "整改通知书 ZG-2024Q2-001",
            footer: "ZG-2024Q2-001",
            source: { sheet: "s", rows: [2] },
          };
          expectWellFormed(documentSheetLayout(doc, lang), doc);
        },
      ),
      { numRuns: 200 },
    );
  });
});
