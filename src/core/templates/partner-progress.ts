import type { TemplateDef } from "./types";

/**
 * 001 表4 合作伙伴协作进度表, plus 提交时间 / 我方反馈时间 for the rule "合作伙伴提交阶段性成果后,
 * 我方需在2个工作日内反馈" (001 三(二) 步骤4). Those two are dates: the limit counts working days.
 */
export const partnerProgress = {
  id: "partner-progress",
  name: "合作伙伴协作进度表",
  en: "Partner project progress",
  purpose: "跟踪与外部合作伙伴联合项目各阶段的负责人、计划与实际完成时间、交付物和问题。",
  purposeEn: "Tracks each stage of a joint project with an external partner: owners, planned and actual dates, deliverables, issues.",
  source: "001 表4",
  tableName: "PartnerProgress",
  columns: [
    { key: "project", name: "合作项目", en: "Project", type: "text", required: true, width: 16, aliases: ["项目名称", "项目", "Project name"] },
    { key: "partner", name: "合作伙伴", en: "Partner", type: "text", required: true, width: 14, aliases: ["合作方", "合作伙伴名称", "合作单位"] },
    { key: "stage", name: "项目阶段", en: "Stage", type: "text", required: true, width: 12, aliases: ["阶段", "Phase"] },
    { key: "ourOwner", name: "我方负责人", en: "Our owner", type: "text", required: true, width: 12, aliases: ["我方对接人", "负责人", "Owner"] },
    { key: "partnerOwner", name: "合作伙伴负责人", en: "Partner owner", type: "text", width: 14, aliases: ["对方负责人", "合作方负责人", "合作伙伴对接人"] },
    { key: "plannedDate", name: "计划完成时间", en: "Planned date", type: "date", required: true, width: 12, aliases: ["计划完成日期", "计划时间", "截止日期", "Due date"] },
    { key: "actualDate", name: "实际完成时间", en: "Actual date", type: "date", width: 12, aliases: ["实际完成日期", "完成时间", "Done date"] },
    { key: "submittedAt", name: "提交时间", en: "Submitted", type: "date", width: 12, aliases: ["成果提交时间", "提交日期", "Submitted on"], hint: "合作伙伴提交阶段性成果的日期" },
    { key: "feedbackAt", name: "我方反馈时间", en: "Our feedback", type: "date", width: 12, aliases: ["反馈时间", "反馈日期", "Feedback on"], hint: "提交后2个工作日内反馈意见" },
    { key: "deliverable", name: "交付物", en: "Deliverable", type: "text", required: true, width: 20, aliases: ["交付成果", "成果物", "Deliverables"] },
    { key: "issuesSolutions", name: "问题及解决方案", en: "Issues and solutions", type: "text", width: 24, aliases: ["问题及解决措施", "问题与解决方案", "问题", "Issues"] },
    { key: "nextStep", name: "下一步计划", en: "Next step", type: "text", width: 18, aliases: ["下一步", "后续计划", "Next steps"] },
  ],
  // The A广告公司 rows as written, with "-" in 实际完成时间 and 问题 of the last row. 合作项目,
  // 合作伙伴 and both owners were merged over the three rows, so they are repeated. The manual's
  // "需求确认/市场部/创意总监" gives the owners by role only (names cut): 市场部, 创意总监.
  examples: [
    {
      project: "新品宣传推广",
      partner: "A广告公司",
      stage: "需求确认",
      ourOwner: "市场部",
      partnerOwner: "创意总监",
      plannedDate: "2024-05-10",
      actualDate: "2024-05-10",
      deliverable: "《项目需求说明书》",
      issuesSolutions: "无",
      nextStep: "启动设计",
    },
    {
      project: "新品宣传推广",
      partner: "A广告公司",
      stage: "初稿提交",
      ourOwner: "市场部",
      partnerOwner: "创意总监",
      plannedDate: "2024-05-20",
      actualDate: "2024-05-18",
      deliverable: "宣传海报初稿3版",
      issuesSolutions: "我方要求增加品牌标语",
      nextStep: "5月22日前修改",
    },
    {
      project: "新品宣传推广",
      partner: "A广告公司",
      stage: "最终交付",
      ourOwner: "市场部",
      partnerOwner: "创意总监",
      plannedDate: "2024-05-30",
      actualDate: "-",
      deliverable: "印刷稿100份",
      issuesSolutions: "-",
      nextStep: "待验收",
    },
  ],
  titleColumns: ["project", "stage"],
  // 实际 > 计划 → late. The sheet has no project start date, so "实际完成 before the project
  // started" cannot be checked; 反馈 before 提交 can. Our own feedback is owed once a partner has
  // submitted, so an empty 我方反馈时间 is late after 2 working days.
  rules: [
    { kind: "due", due: "plannedDate", done: "actualDate" },
    { kind: "deadline", from: "submittedAt", to: "feedbackAt", limit: { workdays: 2 }, missingIsLate: true },
    { kind: "not-before", later: "feedbackAt", earlier: "submittedAt" },
  ],
} as const satisfies TemplateDef;
