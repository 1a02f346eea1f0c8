import { dayFromYmd } from "../../../src/core/cells/civil";
import type { RawCell } from "../../../src/core/cells/types";
import { matchHeaders } from "../../../src/core/headers/recognize";
import { readTable } from "../../../src/core/table/read-table";
import { getTemplate, TEMPLATES } from "../../../src/core/templates";
import { templateLayout } from "../../../src/core/templates/layout";
import type { TemplateDef } from "../../../src/core/templates/types";

/**
 * The manual's own example rows, read through the real catalog: once as plain text typed into an
 * unformatted sheet, once as the adapters write them (full dates as Excel dates).
 */
const TODAY = dayFromYmd(2024, 10, 8);
const d = (y: number, m: number, dd: number): number => dayFromYmd(y, m, dd);

function asText(tpl: TemplateDef): RawCell[][] {
  return tpl.examples.map((ex) => tpl.columns.map((c) => (ex[c.key] === undefined ? null : ex[c.key])));
}
function read(tpl: TemplateDef, body: RawCell[][]) {
  const m = matchHeaders(
    tpl.columns.map((c) => c.name),
    [tpl.id],
  );
  if (!m) throw new Error(`no match for ${tpl.id}`);
  return readTable(tpl, m.columns, body, { today: TODAY, firstExcelRow: 2 });
}
const at = (tpl: TemplateDef, key: string): number => tpl.columns.findIndex((c) => c.key === key);

describe("every template's examples", () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))("%s reads as text and as laid out, the same way", (_id, tpl) => {
    const text = read(tpl, asText(tpl));
    const laid = read(tpl, templateLayout(tpl, { examples: true }).rows as RawCell[][]);
    expect(text.values).toHaveLength(tpl.examples.length);
    expect(laid.values).toEqual(text.values);
    expect(laid.present.every(Boolean)).toBe(true);
  });
});

describe("the manual's mess", () => {
  it("表1: 05-20 and 06-10 take the column's year; 无 is text in 资源需求; 周例会+钉钉群 is 例会+群聊", () => {
    const tpl = getTemplate("collab-request");
    const r = read(tpl, asText(tpl));
    expect(r.values.map((v) => v[at(tpl, "milestone")])).toEqual([d(2024, 4, 30), d(2024, 5, 20), d(2024, 6, 10)]);
    expect(r.values[1][at(tpl, "resources")]).toBe("无");
    expect(r.values.map((v) => v[at(tpl, "commMechanism")])).toEqual([
      ["例会", "群聊"],
      ["例会", "邮件"],
      ["站会", "群聊"],
    ]);
    expect(r.values[0][at(tpl, "contactPhone")]).toBe("138");
    expect(r.issues).toEqual([
      { row: 1, key: "milestone", kind: "year-inferred", text: "05-20", year: 2024 },
      { row: 2, key: "milestone", kind: "year-inferred", text: "06-10", year: 2024 },
    ]);
  });

  it("表1 typed with the manual's compound column: /市场部/138 splits into its parts", () => {
    const tpl = getTemplate("collab-request");
    const headers = "项目名称 协作部门 需求描述 期望成果 对接人(姓名/部门/联系方式) 时间节点 资源需求 沟通机制(例会/群聊/邮件) 备注".split(
      " ",
    );
    const m = matchHeaders(headers);
    const body: RawCell[][] = [
      [
        "年度新品发布会",
        "市场部",
        "负责发布会整体策划",
        "完成《发布会执行方案》",
        "/市场部/138",
        "2024-04-30",
        "预算5万元",
        "周例会+钉钉群",
        "需行政部协助场地协调",
      ],
      [null, "技术部", "提供产品功能演示", "完成3个核心功能演示", "/技术部", "05-20", "无", "周例会+邮件", "演示时长≤15分钟"],
    ];
    const r = readTable(tpl, m!.columns, body, { today: TODAY, firstExcelRow: 3 });
    expect(r.values.map((v) => [v[at(tpl, "contactName")], v[at(tpl, "contactDept")], v[at(tpl, "contactPhone")]])).toEqual([
      [null, "市场部", "138"],
      [null, "技术部", null],
    ]);
    expect(r.values[1][at(tpl, "milestone")]).toBe(d(2024, 5, 20));
    expect(r.excelRows).toEqual([3, 4]);
  });

  it("表3: 05-10 takes the year of the row's 2024-05-15; 面谈 is in the list", () => {
    const tpl = getTemplate("customer-log");
    const r = read(tpl, asText(tpl));
    expect(r.values[0][at(tpl, "commTime")]).toBe(d(2024, 5, 10) * 1440);
    expect(r.values[0][at(tpl, "commMethod")]).toBe("面谈");
    expect(r.issues).toEqual([{ row: 0, key: "commTime", kind: "year-inferred", text: "05-10", year: 2024 }]);
  });

  it("表4: - in 实际完成时间 is empty, - in 问题及解决方案 is text", () => {
    const tpl = getTemplate("partner-progress");
    const r = read(tpl, asText(tpl));
    expect(r.values.map((v) => v[at(tpl, "actualDate")])).toEqual([d(2024, 5, 10), d(2024, 5, 18), null]);
    expect(r.values[2][at(tpl, "issuesSolutions")]).toBe("-");
    expect(r.issues).toEqual([]);
  });

  it("表2 read in traditional Chinese", () => {
    const tpl = getTemplate("work-report");
    const m = matchHeaders(
      "匯報人 部門 匯報周期 本周/月核心工作內容(按優先級排序) 完成情況(√/×/部分完成) 量化成果(數據/案例) 遇到的問題及需支持事項 下周/月工作計劃".split(
        " ",
      ),
    );
    const r = readTable(tpl, m!.columns, [["趙六", "銷售部", "2024年5月第2周", "1.完成8家客戶拜訪", "✓", "簽約1家", "無", "跟進"]], {
      today: TODAY,
      firstExcelRow: 2,
    });
    expect(r.values[0][at(tpl, "completion")]).toBe("√");
    expect(r.values[0][at(tpl, "issues")]).toBe("無"); // text stays as written
    expect(r.issues).toEqual([]);
  });
});
