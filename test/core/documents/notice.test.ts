import { LiaisonError } from "../../../src/core/errors";
import { blocksOf, calendar, day, fieldMap, paragraphs, readExamples, readRows, run, type Row } from "./fixtures";

const TODAY = day("2024-10-08");
const supplier = (name: string, period: string, scores: [number, number, number, number, number], total?: number | string): Row => {
  const [quality, delivery, service, price, problemSolving] = scores;
  return { supplierName: name, period, quality, delivery, service, price, problemSolving, ...(total !== undefined ? { total } : {}) };
};

describe("整改通知书 from the catalog's example rows", () => {
  const result = run("notice", readExamples("supplier-evaluation", TODAY), { today: TODAY });

  it("makes one notice per row below 80, numbered per period, and skips the pass with its reason", () => {
    expect(result.documents.map((d) => [d.number, d.addressee, d.source.rows])).toEqual([
      ["ZG-2023Q4-001", "鑫达物流有限公司：", [3]],
      ["ZG-2024Q1-001", "鑫达物流有限公司：", [4]],
      ["ZG-2024Q1-002", "恒通IT设备有限公司：", [5]],
    ]);
    expect(result.skipped).toEqual([{ row: 2, reason: "第2行 华东办公用品有限公司 2024Q1 总分85，不低于合格线80，无需整改" }]);
  });

  it("79.5 (恒通) gets a notice: the five items beside full marks, the two weakest highlighted", () => {
    const doc = result.documents[2];
    expect(doc.title).toBe("整改通知书");
    expect(doc.subtitle).toBe("编号：ZG-2024Q1-002");
    expect(doc.sheetName).toBe("整改通知书 ZG-2024Q1-002");
    expect(doc.footer).toBe("ZG-2024Q1-002");
    const [scores] = blocksOf(doc, "table");
    expect(scores.columns.map((c) => c.header)).toEqual(["评分项目", "满分", "得分", "得分率"]);
    expect(scores.rows).toEqual([
      ["产品质量", "30", "24", "80%"],
      ["交付及时性", "25", "20", "80%"],
      ["服务态度", "20", "16", "80%"],
      ["价格合理性", "15", "12", "80%"],
      ["问题解决能力", "10", "7.5", "75%"],
    ]);
    // 问题解决能力 is lowest (75%); the 80% tie goes to the first in the template's order.
    expect(scores.highlightRows).toEqual([0, 4]);
    const f = fieldMap(doc);
    expect(f.get("供应商名称")).toBe("恒通IT设备有限公司");
    expect(f.get("评估周期")).toBe("2024Q1");
    expect(f.get("总分")).toBe("79.5");
    expect(f.get("合格线")).toBe("80");
    expect(paragraphs(doc)).toEqual(
      expect.arrayContaining([
        "问题解决能力：得分7.5/10，得分率75%",
        "产品质量：得分24/30，得分率80%",
        expect.stringMatching(/^1\. 问题解决能力：建立问题闭环跟踪机制/),
        expect.stringMatching(/^2\. 产品质量：建立来料与出厂检验记录/),
        expect.stringMatching(/^3\. 请于整改期限前提交书面整改报告/),
      ]),
    );
  });

  it("整改期限 is today + 15 working days on the calendar (the Saturday 2024-10-12 counts), 签发 today", () => {
    const doc = result.documents[2];
    expect(calendar.addWorkdays(TODAY, 15)).toBe(day("2024-10-28"));
    const f = fieldMap(doc);
    expect(f.get("整改期限")).toBe("2024年10月28日前（15个工作日内）");
    // The 落款: department and date, no labels, room for the seal.
    expect(blocksOf(doc, "signature")[0]).toEqual({
      kind: "signature",
      seal: true,
      lines: [
        { label: "", value: "采购部" },
        { label: "", value: "2024年10月8日" },
      ],
    });
    const [receipt] = blocksOf(doc, "receipt");
    expect(receipt.title).toBe("回执");
    expect(receipt.text).toBe("我司已收到编号为ZG-2024Q1-002的整改通知书，将于2024年10月28日前提交整改报告。");
    expect(receipt.lines.map((l) => [l.label, l.value])).toEqual([
      ["供应商（盖章）", ""],
      ["负责人签字", ""],
      ["日期", ""],
    ]);
  });

  it("follows the settings: prefix, pass mark, period of rectification, issuing department", () => {
    const r = run("notice", readExamples("supplier-evaluation", TODAY), {
      today: TODAY,
      settings: { noticePrefix: "QA", threshold: 78, rectificationWorkdays: 5, issuingDepartment: "质量部" },
    });
    expect(r.documents.map((d) => d.number)).toEqual(["QA-2024Q1-001"]);
    expect(r.skipped.map((s) => s.row)).toEqual([2, 3, 5]);
    expect(r.skipped[2].reason).toBe("第5行 恒通IT设备有限公司 2024Q1 总分79.5，不低于合格线78，无需整改");
    const f = fieldMap(r.documents[0]);
    expect(f.get("整改期限")).toBe("2024年10月14日前（5个工作日内）");
    expect(blocksOf(r.documents[0], "signature")[0].lines[0].value).toBe("质量部");
  });
});

describe("整改通知书 edge cases", () => {
  it("79.5 gets a notice, 80 and 85 are skipped with the row and the reason", () => {
    const sel = readRows(
      "supplier-evaluation",
      [
        supplier("甲公司", "2024Q2", [24, 20, 16, 12, 7.5], 79.5),
        supplier("丙公司", "2024Q2", [24, 20, 16, 12, 8], 80),
        supplier("丁公司", "2024Q2", [25, 21, 17, 13, 9], 85),
        supplier("乙公司", "2024Q2", [25, 21, 17, 13, 9], 85),
      ],
      TODAY,
    );
    const r = run("notice", sel, { today: TODAY });
    expect(r.documents.map((d) => d.addressee)).toEqual(["甲公司："]);
    expect(r.skipped).toEqual([
      { row: 3, reason: "第3行 丙公司 2024Q2 总分80，不低于合格线80，无需整改" },
      { row: 4, reason: "第4行 丁公司 2024Q2 总分85，不低于合格线80，无需整改" },
      { row: 5, reason: "第5行 乙公司 2024Q2 总分85，不低于合格线80，无需整改" },
    ]);
  });

  it("an empty 总分 is the sum of the five items; an unreadable one (八十) is skipped, not replaced", () => {
    const sel = readRows(
      "supplier-evaluation",
      [
        supplier("甲公司", "2024Q2", [20, 20, 16, 12, 7]),
        supplier("乙公司", "2024Q2", [20, 20, 16, 12, 7], "八十"),
        { supplierName: "丙公司", period: "2024Q2", quality: 20 },
      ],
      TODAY,
    );
    const r = run("notice", sel, { today: TODAY });
    expect(r.documents).toHaveLength(1);
    expect(fieldMap(r.documents[0]).get("总分")).toBe("75");
    expect(r.skipped).toEqual([
      { row: 3, reason: "第3行 乙公司 2024Q2 总分无法识别，五项得分也不完整，无法判断是否需要整改" },
      { row: 4, reason: "第4行 丙公司 2024Q2 总分无法识别，五项得分也不完整，无法判断是否需要整改" },
    ]);
  });

  it("a total given without the items: the table shows — and no item is called weakest", () => {
    const r = run("notice", readRows("supplier-evaluation", [{ supplierName: "甲公司", period: "2024年第2季度", total: 70 }], TODAY), {
      today: TODAY,
    });
    const doc = r.documents[0];
    expect(doc.number).toBe("ZG-2024Q2-001");
    expect(blocksOf(doc, "table")[0].rows[0]).toEqual(["产品质量", "30", "—", "—"]);
    expect(blocksOf(doc, "table")[0].highlightRows).toEqual([]);
    expect(paragraphs(doc)).toContain("各项得分不完整，请对照总分全面自查。");
  });

  it("one notice per supplier and period; rows without a name or period are skipped", () => {
    const sel = readRows(
      "supplier-evaluation",
      [
        supplier("甲公司", "2024Q2", [20, 20, 16, 12, 7]),
        supplier("甲公司", "2024q2", [20, 20, 16, 12, 7]),
        supplier("", "2024Q2", [1, 1, 1, 1, 1]),
        supplier("乙公司", "上半年", [1, 1, 1, 1, 1]),
      ],
      TODAY,
    );
    const r = run("notice", sel, { today: TODAY });
    expect(r.documents).toHaveLength(1);
    expect(r.skipped.map((s) => s.reason)).toEqual([
      "第3行 甲公司 2024Q2 与第2行是同一供应商和周期，只生成一份通知书",
      "第4行 缺少供应商名称，无法生成整改通知书",
      "第5行 乙公司 评估周期为空或无法识别，无法编号",
    ]);
  });

  it("user text such as =HYPERLINK(…) stays literal", () => {
    const r = run("notice", readRows("supplier-evaluation", [supplier('=HYPERLINK("x")', "2024Q2", [20, 20, 16, 12, 7])], TODAY), {
      today: TODAY,
    });
    expect(r.documents[0].addressee).toBe('=HYPERLINK("x")：');
    expect(fieldMap(r.documents[0]).get("供应商名称")).toBe('=HYPERLINK("x")');
  });

  it("nothing qualifies → noEligibleRows naming the reasons", () => {
    const sel = readRows("supplier-evaluation", [supplier("乙公司", "2024Q2", [25, 21, 17, 13, 9], 85)], TODAY, 5);
    expect(() => run("notice", sel, { today: TODAY })).toThrow(LiaisonError);
    try {
      run("notice", sel, { today: TODAY });
    } catch (e) {
      expect((e as LiaisonError).key).toBe("noEligibleRows");
      expect((e as LiaisonError).message).toBe("所选行中没有可生成整改通知书的行：第5行 乙公司 2024Q2 总分85，不低于合格线80，无需整改");
    }
  });

  it("English fixed text under en-US; user text and numbers unchanged", () => {
    const sel = readRows(
      "supplier-evaluation",
      [supplier("甲公司", "2024Q2", [24, 20, 16, 12, 7.5]), supplier("乙公司", "2024Q2", [25, 21, 17, 13, 9], 85)],
      TODAY,
    );
    const r = run("notice", sel, { today: TODAY, lang: "en-US" });
    const doc = r.documents[0];
    expect(doc.title).toBe("Corrective notice");
    expect(doc.subtitle).toBe("No. ZG-2024Q2-001");
    expect(doc.addressee).toBe("To: 甲公司");
    expect(doc.sheetName).toBe("Corrective notice ZG-2024Q2-001");
    expect(blocksOf(doc, "table")[0].rows.map((row) => row[0])).toEqual([
      "Quality",
      "On-time delivery",
      "Service",
      "Price",
      "Problem solving",
    ]);
    expect(fieldMap(doc).get("Deadline")).toBe("28 October 2024 (within 15 working days)");
    expect(paragraphs(doc)).toContain(
      "1. Problem solving: Track every issue until it is closed; submit a root-cause analysis and preventive actions for typical issues.",
    );
    expect(r.skipped[0].reason).toBe("Row 3 乙公司 2024Q2: total 85 is not below the pass mark 80; no corrective action needed");
    const all = JSON.stringify(doc.blocks);
    expect(all).not.toMatch(/[评得分整改签发回执]/);
  });
});
