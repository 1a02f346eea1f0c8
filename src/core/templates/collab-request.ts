import type { TemplateDef } from "./types";

/**
 * 001 表1 跨部门协作需求表. The manual's compound header 对接人(姓名/部门/联系方式) is split into three
 * typed columns sharing the group `对接人`.
 */
export const collabRequest = {
  id: "collab-request",
  name: "跨部门协作需求表",
  en: "Cross-department collaboration requests",
  purpose: "记录跨部门项目中各协作部门的需求、对接人、时间节点与沟通机制。",
  purposeEn: "Records what each department contributes to a cross-department project: needs, contact, milestone and meeting rhythm.",
  source: "001 表1",
  tableName: "CollabRequest",
  columns: [
    { key: "projectName", name: "项目名称", en: "Project", type: "text", required: true, width: 18, aliases: ["项目", "项目名", "Project name"] },
    { key: "department", name: "协作部门", en: "Department", type: "text", required: true, width: 12, aliases: ["部门", "参与部门", "Collaborating department"] },
    { key: "requirement", name: "需求描述", en: "Requirement", type: "text", required: true, width: 36, aliases: ["需求", "需求内容", "Description"] },
    { key: "expectedOutcome", name: "期望成果", en: "Expected outcome", type: "text", required: true, width: 26, aliases: ["预期成果", "期望结果", "Outcome"] },
    { key: "contactName", name: "对接人-姓名", en: "Contact name", type: "text", required: true, group: "对接人", width: 10, aliases: ["对接人姓名", "Contact"] },
    { key: "contactDept", name: "对接人-部门", en: "Contact department", type: "text", group: "对接人", width: 10, aliases: ["对接人部门"] },
    { key: "contactPhone", name: "对接人-联系方式", en: "Contact phone", type: "phone", group: "对接人", width: 15, aliases: ["对接人联系方式", "对接人电话", "Contact phone number"] },
    { key: "milestone", name: "时间节点", en: "Milestone date", type: "date", required: true, width: 12, aliases: ["截止日期", "完成时间", "时间", "Deadline", "Milestone"], hint: "完整日期,如 2024-05-20" },
    { key: "resources", name: "资源需求", en: "Resources needed", type: "text", width: 20, aliases: ["所需资源", "资源", "Resources"] },
    {
      key: "commMechanism",
      name: "沟通机制",
      en: "Communication channels",
      type: "multi-enum",
      options: ["例会", "站会", "群聊", "邮件"],
      // The manual's own rows name concrete forms ("周例会+钉钉群", "每日站会+钉钉群").
      optionAliases: {
        周例会: "例会",
        月例会: "例会",
        例行会议: "例会",
        每日站会: "站会",
        晨会: "站会",
        钉钉群: "群聊",
        企业微信群: "群聊",
        微信群: "群聊",
        项目群: "群聊",
        协作群: "群聊",
        电子邮件: "邮件",
        Email: "邮件",
        "E-mail": "邮件",
      },
      width: 18,
      aliases: ["沟通机制(例会/群聊/邮件)", "沟通渠道", "Communication"],
      hint: "可多选:例会/站会/群聊/邮件,用 + 连接,如 例会+群聊",
    },
    { key: "remarks", name: "备注", en: "Remarks", type: "text", width: 24, aliases: ["说明", "Notes", "Remark"] },
  ],
  // The manual's three rows, as written. 项目名称 was one merged cell spanning the three rows, so it
  // is repeated; the contacts are cut short in the manual (no name, "138" for a phone).
  examples: [
    {
      projectName: "年度新品发布会",
      department: "市场部",
      requirement: "负责发布会整体策划,包括场地选址、流程设计、嘉宾邀约",
      expectedOutcome: "完成《发布会执行方案》",
      contactDept: "市场部",
      contactPhone: "138",
      milestone: "2024-04-30",
      resources: "预算5万元",
      commMechanism: "周例会+钉钉群",
      remarks: "需行政部协助场地协调",
    },
    {
      projectName: "年度新品发布会",
      department: "技术部",
      requirement: "提供产品功能演示,准备演示设备及技术人员",
      expectedOutcome: "完成3个核心功能演示",
      contactDept: "技术部",
      milestone: "05-20",
      resources: "无",
      commMechanism: "周例会+邮件",
      remarks: "演示时长≤15分钟",
    },
    {
      projectName: "年度新品发布会",
      department: "销售部",
      requirement: "邀请潜在客户(目标300人),收集客户信息",
      expectedOutcome: "完成300人客户邀约",
      contactDept: "销售部",
      milestone: "06-10",
      resources: "客户名单模板",
      commMechanism: "每日站会+钉钉群",
      remarks: "需市场部提供宣传物料",
    },
  ],
  titleColumns: ["projectName", "department"],
  // Column rules only (required, type, enum): 时间节点 is a plan date, not a task with a status.
  rules: [],
} as const satisfies TemplateDef;
