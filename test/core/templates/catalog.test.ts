import { LiaisonError } from "../../../src/core/errors";
import { TEMPLATES, TEMPLATE_IDS, column, findTemplate, getTemplate, sheetNameOf, type TemplateDef } from "../../../src/core/templates";
import { templateDefSchema } from "../../../src/core/templates/schema";
import { isValidSheetName } from "../../../src/core/names";

/** manual.md §1, column by column (compound headers split into group-name columns). */
const MANUAL: Record<string, { columns: string[]; required: string[] }> = {
  "collab-request": {
    columns: [
      "项目名称",
      "协作部门",
      "需求描述",
      "期望成果",
      "对接人-姓名",
      "对接人-部门",
      "对接人-联系方式",
      "时间节点",
      "资源需求",
      "沟通机制",
      "备注",
    ],
    required: ["项目名称", "协作部门", "需求描述", "期望成果", "对接人-姓名", "时间节点"],
  },
  "work-report": {
    columns: ["汇报人", "部门", "汇报周期", "核心工作内容", "完成情况", "量化成果", "遇到的问题及需支持事项", "下周/月工作计划"],
    required: ["汇报人", "部门", "汇报周期", "核心工作内容", "完成情况", "下周/月工作计划"],
  },
  "customer-log": {
    columns: [
      "客户名称",
      "客户行业",
      "客户等级",
      "对接人-姓名",
      "对接人-职位",
      "对接人-联系方式",
      "来询时间",
      "首次响应时间",
      "沟通时间",
      "沟通方式",
      "沟通内容",
      "客户反馈",
      "后续行动",
      "负责人",
      "完成时间",
      "状态",
    ],
    required: ["客户名称", "沟通时间", "沟通方式", "负责人"],
  },
  "partner-progress": {
    columns: [
      "合作项目",
      "合作伙伴",
      "项目阶段",
      "我方负责人",
      "合作伙伴负责人",
      "计划完成时间",
      "实际完成时间",
      "提交时间",
      "我方反馈时间",
      "交付物",
      "问题及解决方案",
      "下一步计划",
    ],
    required: ["合作项目", "合作伙伴", "项目阶段", "我方负责人", "计划完成时间", "交付物"],
  },
  "supplier-evaluation": {
    columns: ["供应商名称", "评估周期", "产品质量", "交付及时性", "服务态度", "价格合理性", "问题解决能力", "总分", "评估人", "结论"],
    required: ["供应商名称", "评估周期", "产品质量", "交付及时性", "服务态度", "价格合理性", "问题解决能力"],
  },
  "supplier-directory": {
    columns: ["供应商名称", "类别", "营业执照", "行业资质", "过往合作案例", "供货能力", "联系人", "联系方式"],
    required: ["供应商名称", "类别", "营业执照"],
  },
  quotes: {
    columns: ["采购需求", "供应商名称", "规格", "数量", "单价", "配送周期", "售后条款", "是否选中"],
    required: ["采购需求", "供应商名称", "单价"],
  },
  "purchase-orders": {
    columns: [
      "订单号",
      "供应商名称",
      "产品明细",
      "数量",
      "单价",
      "金额",
      "交付地址",
      "要求交付日期",
      "实际交付日期",
      "验收结果",
      "补发时间",
    ],
    required: ["订单号", "供应商名称", "产品明细", "数量", "交付地址", "要求交付日期"],
  },
  meetings: {
    columns: ["会议主题", "会议时间", "主持人", "记录人", "参会人", "邀约发送时间", "关键结论", "纪要发送时间", "确认截止时间"],
    required: ["会议主题", "会议时间", "主持人", "记录人", "参会人"],
  },
  "action-items": {
    columns: ["事项内容", "负责人", "截止日期", "状态", "完成日期", "来源会议"],
    required: ["事项内容", "负责人", "截止日期", "状态"],
  },
  incidents: {
    columns: [
      "事件名称",
      "发现时间",
      "发现人",
      "影响范围",
      "预案启动时间",
      "快报发布时间",
      "最近进展更新时间",
      "解决时间",
      "复盘会时间",
      "原因",
      "改进措施",
    ],
    required: ["事件名称", "发现时间", "发现人", "影响范围"],
  },
};

const byName = (tpl: TemplateDef, name: string) => {
  const col = tpl.columns.find((c) => c.name === name);
  if (!col) throw new Error(`${tpl.id} has no column ${name}`);
  return col;
};

describe("template catalog", () => {
  test("all 11 templates of manual §1, in manual order, then the register 文书登记 (manual §3, issue 13) and the 通讯录 that reminders read", () => {
    expect(TEMPLATE_IDS).toEqual([...Object.keys(MANUAL), "document-register", "contacts"]);
    expect(TEMPLATES.slice(0, -2).map((t) => t.name)).toEqual([
      "跨部门协作需求表",
      "周/月度工作汇报表",
      "客户沟通记录表",
      "合作伙伴协作进度表",
      "供应商评估表",
      "供应商名录",
      "询价比价表",
      "采购订单",
      "沟通会议记录",
      "待办事项",
      "紧急事件记录",
    ]);
  });

  test.each(TEMPLATES.map((t) => [t.id, t] as const))("%s passes templateDefSchema", (_id, tpl) => {
    const r = templateDefSchema.safeParse(tpl);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  test("ids, table names and default sheet names are unique and valid", () => {
    const unique = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase())).size === xs.length;
    expect(unique(TEMPLATES.map((t) => t.id))).toBe(true);
    expect(unique(TEMPLATES.map((t) => t.tableName))).toBe(true);
    expect(unique(TEMPLATES.map(sheetNameOf))).toBe(true);
    for (const t of TEMPLATES) expect(isValidSheetName(sheetNameOf(t))).toBe(true);
    expect(sheetNameOf(getTemplate("work-report"))).not.toContain("/");
  });

  test.each(Object.entries(MANUAL))("%s has the manual's columns and required flags", (id, spec) => {
    const tpl = getTemplate(id);
    expect(tpl.columns.map((c) => c.name)).toEqual(spec.columns);
    expect(tpl.columns.filter((c) => c.required).map((c) => c.name)).toEqual(spec.required);
  });

  test("closed lists are exactly the manual's", () => {
    expect(byName(getTemplate("work-report"), "完成情况").options).toEqual(["√", "×", "部分完成"]);
    expect(byName(getTemplate("customer-log"), "沟通方式").options).toEqual(["电话", "面谈", "邮件"]);
    expect(byName(getTemplate("customer-log"), "客户等级").options).toEqual(["高价值", "战略", "普通"]);
    expect(byName(getTemplate("supplier-directory"), "类别").options).toEqual(["战略供应商", "常规供应商", "备用供应商"]);
    expect(byName(getTemplate("purchase-orders"), "验收结果").options).toEqual(["合格", "不合格"]);
    expect(byName(getTemplate("action-items"), "状态").options).toEqual(["未开始", "进行中", "已完成"]);
    expect(byName(getTemplate("quotes"), "是否选中").options).toEqual(["是", "否"]);
    const mech = byName(getTemplate("collab-request"), "沟通机制");
    expect(mech.type).toBe("multi-enum");
    expect(mech.options).toEqual(["例会", "站会", "群聊", "邮件"]);
    // The manual's own rows read 周例会+钉钉群 and 每日站会+钉钉群.
    for (const part of ["周例会", "钉钉群", "每日站会"]) expect(mech.optionAliases?.[part]).toBeDefined();
    expect(mech.optionAliases?.["周例会"]).toBe("例会");
    expect(mech.optionAliases?.["钉钉群"]).toBe("群聊");
    expect(mech.optionAliases?.["每日站会"]).toBe("站会");
  });

  test("supplier scores: weights 30/25/20/15/10 and a 0–100 total", () => {
    const tpl = getTemplate("supplier-evaluation");
    const items = ["quality", "delivery", "service", "price", "problemSolving"].map((k) => column(tpl, k));
    expect(items.map((c) => [c.min, c.max])).toEqual([
      [0, 30],
      [0, 25],
      [0, 20],
      [0, 15],
      [0, 10],
    ]);
    expect(items.reduce((s, c) => s + (c.max ?? 0), 0)).toBe(100);
    expect([column(tpl, "total").type, column(tpl, "total").min, column(tpl, "total").max]).toEqual(["number", 0, 100]);
    expect(column(tpl, "period").type).toBe("quarter");
    expect(column(getTemplate("purchase-orders"), "quantity").gt).toBe(0);
  });

  test("the manual's bracketed headers are aliases", () => {
    const aliases = (id: string, key: string) => column(getTemplate(id), key).aliases ?? [];
    expect(aliases("work-report", "coreWork")).toContain("本周/月核心工作内容(按优先级排序)");
    expect(aliases("work-report", "completion")).toContain("完成情况(√/×/部分完成)");
    expect(aliases("work-report", "quantifiedResult")).toContain("量化成果(数据/案例)");
    expect(aliases("customer-log", "commMethod")).toContain("沟通方式(电话/面谈/邮件)");
    expect(aliases("customer-log", "commContent")).toContain("沟通内容(需求/进展/问题)");
    expect(aliases("collab-request", "commMechanism")).toContain("沟通机制(例会/群聊/邮件)");
  });

  test("compound headers are split into one group", () => {
    const groups = (id: string) =>
      getTemplate(id)
        .columns.filter((c) => c.group === "对接人")
        .map((c) => c.name);
    expect(groups("collab-request")).toEqual(["对接人-姓名", "对接人-部门", "对接人-联系方式"]);
    expect(groups("customer-log")).toEqual(["对接人-姓名", "对接人-职位", "对接人-联系方式"]);
  });

  test("the manual's example rows are kept as written", () => {
    const collab = getTemplate("collab-request").examples;
    expect(collab.map((r) => r.department)).toEqual(["市场部", "技术部", "销售部"]);
    expect(collab.map((r) => r.milestone)).toEqual(["2024-04-30", "05-20", "06-10"]);
    expect(collab[1].resources).toBe("无");
    const report = getTemplate("work-report").examples;
    expect(report.map((r) => r.reporter)).toEqual(["赵六", "赵六"]);
    expect(report[1].issues).toBe("无");
    const log = getTemplate("customer-log").examples[0];
    expect([log.customerName, log.commTime, log.contactName, log.contactTitle, log.owner, log.doneDate]).toEqual([
      "甲公司",
      "05-10",
      "刘总",
      "采购经理",
      "客户经理",
      "2024-05-15",
    ]);
    const partner = getTemplate("partner-progress").examples;
    expect(partner.map((r) => r.stage)).toEqual(["需求确认", "初稿提交", "最终交付"]);
    expect(partner[2].actualDate).toBe("-");
    // Written in simplified characters.
    const text = JSON.stringify(TEMPLATES.map((t) => t.examples));
    expect(text).not.toMatch(/[劉總採購經發佈會術銷務計劃]/);
  });

  test("every template with samples has at least two rows (one for 客户沟通记录表, as the manual)", () => {
    for (const t of TEMPLATES) expect(t.examples.length).toBeGreaterThanOrEqual(t.id === "customer-log" ? 1 : 2);
  });

  test("getTemplate / findTemplate / column", () => {
    expect(getTemplate("quotes").tableName).toBe("Quotes");
    expect(findTemplate("quotes")).toBe(getTemplate("quotes"));
    expect(findTemplate("nope")).toBeUndefined();
    expect(() => getTemplate("nope")).toThrow(LiaisonError);
    try {
      getTemplate("nope");
    } catch (e) {
      expect((e as LiaisonError).key).toBe("unknownTemplate");
      expect((e as LiaisonError).params.id).toBe("nope");
      expect(String((e as LiaisonError).params.ids)).toContain("supplier-evaluation");
      expect((e as LiaisonError).describe("en-US")).toContain('"nope"');
    }
    expect(column(getTemplate("action-items"), "dueDate").name).toBe("截止日期");
    expect(() => column(getTemplate("action-items"), "nope")).toThrow(/no column "nope"/);
  });
});

test("supplier-evaluation samples: totals are the sums; 78 then 77 in consecutive quarters, one at 79.5", () => {
  const rows = getTemplate("supplier-evaluation").examples;
  for (const r of rows) {
    const sum = ["quality", "delivery", "service", "price", "problemSolving"].reduce((s, k) => s + Number(r[k]), 0);
    expect(sum).toBe(r.total);
  }
  expect(rows.map((r) => [r.period, r.total])).toEqual([
    ["2024Q1", 85],
    ["2023Q4", 78],
    ["2024Q1", 77],
    ["2024Q1", 79.5],
  ]);
});
