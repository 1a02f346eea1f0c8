import type { TemplateDef } from "./types";

/**
 * 001 表3 客户沟通记录表, extended with the times the 2-hour response rule needs (来询时间,
 * 首次响应时间) and a 状态 so that open follow-ups can be tracked against 完成时间.
 * 状态 is not given by the manual: 跟进中 / 已完成 / 已关闭 (关闭 = dropped without completion;
 * both 已完成 and 已关闭 end the follow-up).
 */
export const customerLog = {
  id: "customer-log",
  name: "客户沟通记录表",
  en: "Customer communication log",
  purpose: "记录每次客户沟通的方式、内容、反馈、后续行动与负责人,并跟踪响应时效。",
  purposeEn: "Logs each customer contact (channel, content, feedback, follow-up, owner) and tracks response times.",
  source: "001 表3",
  tableName: "CustomerLog",
  columns: [
    { key: "customerName", name: "客户名称", en: "Customer", type: "text", required: true, width: 16, aliases: ["客户", "客户名", "Customer name"] },
    { key: "industry", name: "客户行业", en: "Industry", type: "text", width: 10, aliases: ["行业", "所属行业"] },
    {
      key: "customerLevel",
      name: "客户等级",
      en: "Customer tier",
      type: "enum",
      options: ["高价值", "战略", "普通"],
      optionAliases: { 高价值客户: "高价值", 战略客户: "战略", 普通客户: "普通", 一般: "普通", 一般客户: "普通" },
      width: 10,
      aliases: ["客户级别", "客户等级(高价值/战略/普通)", "客户类型", "Tier", "Customer level"],
    },
    { key: "contactName", name: "对接人-姓名", en: "Contact name", type: "text", group: "对接人", width: 10, aliases: ["对接人姓名", "客户联系人", "Contact"] },
    { key: "contactTitle", name: "对接人-职位", en: "Contact title", type: "text", group: "对接人", width: 12, aliases: ["对接人职位", "职位", "Title"] },
    { key: "contactPhone", name: "对接人-联系方式", en: "Contact phone", type: "phone", group: "对接人", width: 15, aliases: ["对接人联系方式", "对接人电话", "联系电话"] },
    { key: "inquiryTime", name: "来询时间", en: "Inquiry time", type: "datetime", width: 17, aliases: ["咨询时间", "来电时间", "询问时间", "接收时间"], hint: "客户咨询/投诉到达的时间,如 2024-05-10 14:30" },
    { key: "firstResponseTime", name: "首次响应时间", en: "First response", type: "datetime", width: 17, aliases: ["响应时间", "首次回复时间", "Response time"], hint: "工作时间内2小时内响应,非工作时间4小时内" },
    { key: "commTime", name: "沟通时间", en: "Contact time", type: "datetime", required: true, width: 17, aliases: ["沟通日期", "日期", "Date"] },
    {
      key: "commMethod",
      name: "沟通方式",
      en: "Channel",
      type: "enum",
      required: true,
      options: ["电话", "面谈", "邮件"],
      optionAliases: { 当面: "面谈", 见面: "面谈", 面谈沟通: "面谈", 拜访: "面谈", 电话沟通: "电话", 来电: "电话", 电子邮件: "邮件", Email: "邮件", "E-mail": "邮件" },
      width: 10,
      aliases: ["沟通方式(电话/面谈/邮件)", "沟通渠道", "Method"],
      hint: "电话 / 面谈 / 邮件",
    },
    { key: "commContent", name: "沟通内容", en: "Content", type: "text", width: 36, aliases: ["沟通内容(需求/进展/问题)", "内容", "沟通要点"] },
    { key: "feedback", name: "客户反馈", en: "Customer feedback", type: "text", width: 26, aliases: ["反馈", "Feedback"] },
    { key: "nextAction", name: "后续行动", en: "Next action", type: "text", width: 30, aliases: ["后续计划", "下一步行动", "跟进事项", "Follow-up"] },
    { key: "owner", name: "负责人", en: "Owner", type: "text", required: true, width: 10, aliases: ["责任人", "跟进人", "客户经理"] },
    { key: "doneDate", name: "完成时间", en: "Due date", type: "date", width: 12, aliases: ["完成日期", "计划完成时间", "截止日期", "Deadline"], hint: "后续行动的完成期限" },
    {
      key: "status",
      name: "状态",
      en: "Status",
      type: "enum",
      options: ["跟进中", "已完成", "已关闭"],
      optionAliases: { 进行中: "跟进中", 处理中: "跟进中", 完成: "已完成", 关闭: "已关闭" },
      width: 10,
      aliases: ["跟进状态", "处理状态"],
      hint: "跟进中 / 已完成 / 已关闭",
    },
  ],
  // 甲公司 as written: 沟通时间 without a year; the contact is "劉總/採購經理" with no phone. The
  // manual's cell text "…2.补充同行业成本优化案例/客户经理" is 后续行动 followed by 负责人 客户经理
  // (the "/" separates the cells, as in 表1; step 3 names 客户经理 as the delivery owner).
  examples: [
    {
      customerName: "甲公司",
      industry: "制造业",
      contactName: "刘总",
      contactTitle: "采购经理",
      commTime: "05-10",
      commMethod: "面谈",
      commContent: "需求:降低生产成本10%,预算20万元;反馈:方案报价偏高,希望降低5%",
      feedback: "接受分期付款,方案需补充成本测算细节",
      nextAction: "1.重新制定分期付款方案;2.补充同行业成本优化案例",
      owner: "客户经理",
      doneDate: "2024-05-15",
    },
  ],
  titleColumns: ["customerName", "commTime"],
  // 2 h / 4 h from settings.responseHours; an enquiry still unanswered after its limit is late.
  rules: [
    { kind: "deadline", from: "inquiryTime", to: "firstResponseTime", limit: { response: true }, missingIsLate: true },
    { kind: "not-before", later: "firstResponseTime", earlier: "inquiryTime" },
    { kind: "due", due: "doneDate", status: "status", doneValues: ["已完成", "已关闭"] },
  ],
} as const satisfies TemplateDef;
