import type { TemplateDef } from "./types";

/**
 * 000 二(一)1(3)-(4): the 待办事项 of 《会议纪要》 (事项内容、负责人、截止日期), followed up weekly —
 * 提前1天催办, 逾期2天启动问责.
 */
export const actionItems = {
  id: "action-items",
  name: "待办事项",
  en: "Action items",
  purpose: "跟踪会议形成的待办事项,到期前1天催办,逾期2天启动问责。",
  purposeEn: "Tracks the action items agreed in meetings: reminded a day before the due date, escalated two days after.",
  source: "000 二(一)1(3)-(4)",
  tableName: "ActionItems",
  columns: [
    { key: "content", name: "事项内容", en: "Action", type: "text", required: true, width: 32, aliases: ["事项", "待办事项", "行动项", "任务", "任务内容", "工作内容", "Task", "Action item"] },
    { key: "owner", name: "负责人", en: "Owner", type: "text", required: true, width: 10, aliases: ["责任人", "执行人", "承办人", "Assignee"] },
    { key: "dueDate", name: "截止日期", en: "Due date", type: "date", required: true, width: 12, aliases: ["截止时间", "到期日", "到期日期", "完成期限", "期限", "Deadline", "Due"] },
    {
      key: "status",
      name: "状态",
      en: "Status",
      type: "enum",
      required: true,
      options: ["未开始", "进行中", "已完成"],
      optionAliases: { 待开始: "未开始", 未启动: "未开始", 处理中: "进行中", 跟进中: "进行中", 执行中: "进行中", 完成: "已完成", 已办结: "已完成", 办结: "已完成" },
      width: 10,
      aliases: ["进度", "完成状态", "当前状态"],
      hint: "未开始 / 进行中 / 已完成",
    },
    { key: "doneDate", name: "完成日期", en: "Done on", type: "date", width: 12, aliases: ["完成时间", "实际完成日期", "实际完成时间", "Completed"], hint: "已完成的事项须填写" },
    { key: "sourceMeeting", name: "来源会议", en: "From meeting", type: "text", width: 22, aliases: ["会议", "来源", "所属会议", "Source"] },
  ],
  examples: [
    { content: "完成新产品原型设计初稿", owner: "张伟", dueDate: "2024-09-26", status: "已完成", doneDate: "2024-09-26", sourceMeeting: "新产品上线项目启动会" },
    { content: "评估开发周期并提交排期表", owner: "刘强", dueDate: "2024-09-30", status: "进行中", sourceMeeting: "新产品上线项目启动会" },
    { content: "准备上线宣传物料", owner: "王芳", dueDate: "2024-10-09", status: "未开始", sourceMeeting: "新产品上线项目原型评审会" },
    { content: "整理用户安抚话术", owner: "陈静", dueDate: "2024-10-10", status: "进行中", sourceMeeting: "新产品上线项目原型评审会" },
  ],
  titleColumns: ["content", "owner"],
  rules: [
    { kind: "due", due: "dueDate", done: "doneDate", status: "status", doneValues: ["已完成"] },
    { kind: "done-needs-date", status: "status", doneValues: ["已完成"], date: "doneDate" },
    { kind: "date-contradicts-status", date: "doneDate", status: "status", values: ["未开始", "进行中"] },
  ],
} as const satisfies TemplateDef;
