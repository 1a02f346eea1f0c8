import type { TemplateDef } from "./types";

/**
 * 文书登记 (manual §3: every generated document is logged — 编号, 类型, 来源行, 时间 — so that a
 * number is given out once), grown into the 整改 loop of 001 三(三) 步骤5: notice → the supplier's
 * 回执 → 整改 → 复核. Liaison writes the register as an Excel table of this template, so it is found
 * and checked like any other: a notice past its 整改期限 whose 状态 is not yet 已整改 or 已复核 is
 * `overdue` / `escalation` by the same due-date rule as an action item (contract "Counting time").
 * Minutes and reminders have no 整改期限 and are never due.
 */
export const documentRegister = {
  id: "document-register",
  name: "文书登记",
  en: "Document register",
  purpose: "登记生成的每份文书：编号只发一次；整改通知书跟踪到回执、整改和复核，过了整改期限仍未整改的会被提醒。",
  purposeEn:
    "Logs every generated document so that no number is given out twice, and follows each corrective notice through receipt, correction and review; a notice past its deadline is flagged.",
  source: "手册 §3；001 三(三) 步骤5",
  tableName: "DocumentRegister",
  columns: [
    { key: "number", name: "编号", en: "No.", type: "text", required: true, width: 18, aliases: ["文书编号", "Number"] },
    {
      key: "kind",
      name: "类型",
      en: "Type",
      type: "enum",
      required: true,
      options: ["会议纪要", "整改通知书", "催办通知"],
      optionAliases: {
        minutes: "会议纪要",
        notice: "整改通知书",
        reminder: "催办通知",
        "Meeting minutes": "会议纪要",
        "Corrective notice": "整改通知书",
        "Overdue reminder": "催办通知",
        整改通知: "整改通知书",
      },
      width: 12,
      aliases: ["文书类型", "Kind"],
    },
    { key: "documentSheet", name: "文书工作表", en: "Document sheet", type: "text", width: 24 },
    { key: "sourceSheet", name: "来源工作表", en: "Source sheet", type: "text", width: 18 },
    { key: "sourceRows", name: "来源行", en: "Source rows", type: "text", width: 12 },
    // Written as text (`2024-07-05 10:00`, Shanghai time), as every register cell is.
    { key: "createdAt", name: "生成时间", en: "Created", type: "text", width: 18 },
    { key: "recipient", name: "收件方", en: "Recipient", type: "text", width: 22, aliases: ["收件人", "主送", "致"] },
    {
      key: "status",
      name: "状态",
      en: "Status",
      type: "enum",
      options: ["已生成", "已发出", "已回执", "已整改", "已复核"],
      optionAliases: {
        生成: "已生成",
        已发送: "已发出",
        发出: "已发出",
        回执: "已回执",
        已回复: "已回执",
        整改完成: "已整改",
        复核完成: "已复核",
      },
      width: 10,
      hint: "已生成 → 已发出 → 已回执 → 已整改 → 已复核",
    },
    { key: "dueDate", name: "整改期限", en: "Correct by", type: "date", width: 12, aliases: ["期限", "Deadline"] },
  ],
  examples: [
    {
      number: "ZG-2023Q3-002",
      kind: "整改通知书",
      documentSheet: "整改通知书 ZG-2023Q3-002",
      sourceSheet: "供应商评估表",
      sourceRows: "7",
      createdAt: "2023-10-10 10:00",
      recipient: "乙公司",
      status: "已整改",
      dueDate: "2023-10-31",
    },
    {
      number: "JY-2023-015",
      kind: "会议纪要",
      documentSheet: "会议纪要 JY-2023-015",
      sourceSheet: "沟通会议记录",
      sourceRows: "16",
      createdAt: "2023-12-21 09:30",
      recipient: "张伟、刘强、王芳",
      status: "已发出",
    },
  ],
  titleColumns: ["number", "recipient"],
  rules: [
    { kind: "due", due: "dueDate", status: "status", doneValues: ["已整改", "已复核"] },
    { kind: "unique", column: "number" },
  ],
} as const satisfies TemplateDef;
