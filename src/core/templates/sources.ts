import { type Lang, localize } from "../i18n";

/**
 * Where the manual describes each template, in words a clerk reads: which of the two source
 * documents (手册 = 企业内外部沟通流程标准化手册, 000; 指南 = 企业内外部沟通协作交流指南, 001),
 * the table number where it has one, and the topic of its section. The exact section reference
 * (`001 三(三) 步骤4-5`) stays in the template's `source`, for those who look it up.
 */
interface PlainSource {
  readonly zh: string;
  readonly en: string;
}

export const PLAIN_SOURCES: Readonly<Record<string, PlainSource>> = {
  "collab-request": { zh: "指南 表1 · 跨部门项目协作", en: "Guide, table 1 · Cross-department projects" },
  "work-report": { zh: "指南 表2 · 工作汇报与反馈", en: "Guide, table 2 · Reporting to your manager" },
  "customer-log": { zh: "指南 表3 · 客户需求对接", en: "Guide, table 3 · Customer requests" },
  "partner-progress": { zh: "指南 表4 · 合作伙伴协同", en: "Guide, table 4 · Working with partners" },
  "supplier-evaluation": { zh: "指南 · 供应商管理（验收与季度评估）", en: "Guide · Suppliers (acceptance and quarterly scores)" },
  "supplier-directory": { zh: "指南 · 供应商管理（筛选与资质审核）", en: "Guide · Suppliers (selection and vetting)" },
  quotes: { zh: "指南 · 供应商管理（询价与比价）", en: "Guide · Suppliers (quotes and comparison)" },
  "purchase-orders": { zh: "指南 · 供应商管理（下单与验收）", en: "Guide · Suppliers (orders and delivery)" },
  meetings: { zh: "手册 · 跨部门项目沟通；指南 · 启动会", en: "Manual · Cross-department projects; Guide · Kick-off meetings" },
  "action-items": { zh: "手册 · 跨部门项目沟通（任务分配与跟进）", en: "Manual · Cross-department projects (tasks and follow-up)" },
  incidents: { zh: "手册 · 紧急事务沟通", en: "Manual · Emergencies" },
  "document-register": { zh: "手册 · 文书登记；指南 · 供应商整改", en: "Manual · Document register; Guide · Supplier corrective action" },
  contacts: { zh: "Liaison · 催办提醒用的通讯录", en: "Liaison · Contacts for reminders" },
};

/** The plain-language source of a template; its section reference when it has none here. */
export function plainSource(id: string, reference: string, lang: Lang): string {
  const plain = PLAIN_SOURCES[id];
  if (!plain) return reference;
  return lang === "en-US" ? plain.en : localize(plain.zh, lang);
}
