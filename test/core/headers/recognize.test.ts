import { matchHeaders, planStructure, recognizeGrid } from "../../../src/core/headers/recognize";
import type { RawCell } from "../../../src/core/cells/types";
import { LiaisonError } from "../../../src/core/errors";
import { TEMPLATES } from "../../../src/core/templates";

const split = (s: string): string[] => s.split(" ");

describe("the guide's own header rows", () => {
  it("表2 in traditional Chinese is work-report, every column mapped", () => {
    const m = matchHeaders(
      split(
        "匯報人 部門 匯報周期 本周/月核心工作內容(按優先級排序) 完成情況(√/×/部分完成) 量化成果(數據/案例) 遇到的問題及需支持事項 下周/月工作計劃",
      ),
    );
    expect(m?.templateId).toBe("work-report");
    expect(m?.columns.map((c) => c.key)).toEqual([
      "reporter",
      "department",
      "period",
      "coreWork",
      "completion",
      "quantifiedResult",
      "issues",
      "nextPlan",
    ]);
    expect(m?.missingRequired).toEqual([]);
    expect(m?.score).toBe(1);
  });

  it("表1 with the compound 對接人(姓名/部門/聯繫方式) is collab-request", () => {
    const m = matchHeaders(
      split("項目名稱 協作部門 需求描述 期望成果 對接人(姓名/部門/聯繫方式) 時間節點 資源需求 溝通機制(例會/群聊/郵件) 備註"),
    );
    expect(m?.templateId).toBe("collab-request");
    expect(m?.columns[4]).toEqual({
      index: 4,
      header: "對接人(姓名/部門/聯繫方式)",
      compoundKeys: ["contactName", "contactDept", "contactPhone"],
    });
    expect(m?.columns.filter((c) => !c.key && !c.compoundKeys)).toEqual([]);
    expect(m?.missingRequired).toEqual([]);
  });

  it("表1 with the page's pinyin left in (聯(lián)系方式) still reads", () => {
    const m = matchHeaders(split("項目名稱 協(xié)作部門 需求描述 期望成果 對接人(姓名/部門/聯(lián)系方式) 時間節點"));
    expect(m?.templateId).toBe("collab-request");
    expect(m?.columns[1].key).toBe("department");
  });

  it("表3 (對接人(姓名/職位/聯繫方式)) is customer-log", () => {
    const m = matchHeaders(
      split(
        "客戶名稱 客戶行業 對接人(姓名/職位/聯繫方式) 溝通時間 溝通方式(電話/面談/郵件) 溝通內容(需求/進展/問題) 客戶反饋 後續行動 負責人 完成時間",
      ),
    );
    expect(m?.templateId).toBe("customer-log");
    expect(m?.columns[2].compoundKeys).toEqual(["contactName", "contactTitle", "contactPhone"]);
    expect(m?.columns.filter((c) => !c.key && !c.compoundKeys)).toEqual([]);
  });

  it("表4 is partner-progress", () => {
    const m = matchHeaders(
      split("合作項目 合作夥伴 項目階段 我方負責人 合作夥伴負責人 計劃完成時間 實際完成時間 交付物 問題及解決方案 下一步計劃"),
    );
    expect(m?.templateId).toBe("partner-progress");
    expect(m?.columns.map((c) => c.key)).toEqual([
      "project",
      "partner",
      "stage",
      "ourOwner",
      "partnerOwner",
      "plannedDate",
      "actualDate",
      "deliverable",
      "issuesSolutions",
      "nextStep",
    ]);
  });
});

describe("every template", () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))("%s: its own header row and its English header row are recognised", (id, t) => {
    for (const headers of [t.columns.map((c) => c.name), t.columns.map((c) => c.en), t.columns.map((c) => c.en.toUpperCase())]) {
      const m = matchHeaders(headers);
      expect(m?.templateId).toBe(id);
      expect(m?.columns.map((c) => c.key)).toEqual(t.columns.map((c) => c.key));
      expect(m?.missingRequired).toEqual([]);
      expect(m?.score).toBe(1);
    }
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))("%s: its required columns alone are enough", (id, t) => {
    const required = t.columns.filter((c) => c.required).map((c) => c.name);
    if (required.length >= 2) expect(matchHeaders(required)?.templateId).toBe(id);
  });
});

describe("matchHeaders", () => {
  it("a header row matching nothing is undefined", () => {
    expect(matchHeaders(["姓名", "年龄", "身高"])).toBeUndefined();
    expect(matchHeaders(["Foo", "Bar"])).toBeUndefined();
    expect(matchHeaders([null, null])).toBeUndefined();
  });
  it("can be limited to some templates; an unknown id is a LiaisonError", () => {
    const headers = split("订单号 供应商名称 产品明细 数量 交付地址 要求交付日期");
    expect(matchHeaders(headers)?.templateId).toBe("purchase-orders");
    expect(matchHeaders(headers, ["quotes", "meetings"])).toBeUndefined();
    expect(() => matchHeaders(headers, ["nope"])).toThrow(LiaisonError);
  });
  it("missingRequired names the canonical columns the sheet lacks", () => {
    const m = matchHeaders(split("订单号 供应商名称 产品明细 数量 交付地址"));
    expect(m?.templateId).toBe("purchase-orders");
    expect(m?.missingRequired).toEqual(["要求交付日期"]);
  });
});

const titled: RawCell[][] = [
  ["供应商评估表(2024年第二季度)", null, null, null, null, null, null, null, null],
  [null, null, null, null, null, null, null, null, null],
  [
    "供应商名称",
    "评估周期",
    "产品质量(30分)",
    "交付及时性(25分)",
    "服务态度(20分)",
    "价格合理性(15分)",
    "问题解决能力(10分)",
    "总分",
    "评估人",
  ],
  ["甲供应商", "2024Q2", 28, 22, 18, 12, 9, 89, "王五"],
  ["乙供应商", "2024Q2", 20, 20, 15, 10, 5, 70, "王五"],
];

describe("recognizeGrid", () => {
  it("a header on row 3 under a merged title", () => {
    const r = recognizeGrid(titled);
    expect(r).toMatchObject({ templateId: "supplier-evaluation", headerRowOffset: 2, firstColumn: 0, lastColumn: 8, dataRows: 2 });
  });
  it("English headers with leading empty columns", () => {
    const r = recognizeGrid([
      [null, null, "Order no.", "Supplier", "Items", "Quantity", "Delivery address", "Required date"],
      [null, null, "PO-1", "甲", "纸", 10, "上海", "2024-05-10"],
    ]);
    expect(r).toMatchObject({ templateId: "purchase-orders", headerRowOffset: 0, firstColumn: 2, lastColumn: 7, dataRows: 1 });
  });
});

describe("planStructure", () => {
  it("starts the table at the header row and spans its columns and data rows", () => {
    const values = titled.map((row) => [null, ...row]);
    const plan = planStructure(values, { top: 5, left: 2, bottom: 9, right: 11 });
    expect(plan.rect).toEqual({ top: 7, bottom: 9, left: 3, right: 11 });
    expect(plan.match.templateId).toBe("supplier-evaluation");
  });
  it("keeps one body row below a header without data when the selection has it", () => {
    const values: RawCell[][] = [
      ["会议主题", "会议时间", "主持人", "记录人", "参会人"],
      [null, null, null, null, null],
    ];
    expect(planStructure(values, { top: 1, left: 0, bottom: 2, right: 4 }).rect).toEqual({ top: 1, bottom: 2, left: 0, right: 4 });
    expect(planStructure(values.slice(0, 1), { top: 1, left: 0, bottom: 1, right: 4 }).rect).toEqual({
      top: 1,
      bottom: 1,
      left: 0,
      right: 4,
    });
  });
  it("an empty selection and an unknown header are LiaisonErrors", () => {
    const r = { top: 1, left: 0, bottom: 2, right: 1 };
    expect(() =>
      planStructure(
        [
          [null, " "],
          [null, null],
        ],
        r,
      ),
    ).toThrow(expect.objectContaining({ key: "emptySelection" }));
    expect(() => planStructure([], r)).toThrow(expect.objectContaining({ key: "emptySelection" }));
    expect(() =>
      planStructure(
        [
          ["姓名", "年龄"],
          ["张三", 30],
        ],
        r,
      ),
    ).toThrow(expect.objectContaining({ key: "noTemplateMatch" }));
  });
});
