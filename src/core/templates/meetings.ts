import type { TemplateDef } from "./types";

/**
 * 000 二(一)1(1)-(3) and 001 步骤3: a cross-department meeting with the times its rules need —
 * 邀约 at least 2 工作日 before, 纪要 within 1 工作日 after, confirmation within 2 工作日 of sending.
 * Samples follow 000's 新产品上线项目 (启动会, then a review after the National Day holiday).
 */
export const meetings = {
  id: "meetings",
  name: "沟通会议记录",
  en: "Meetings",
  purpose: "记录跨部门沟通会议的时间、主持人、记录人、参会人、结论，以及邀约和纪要的发送时效。",
  purposeEn:
    "Records cross-department meetings (time, chair, minute-taker, attendees, conclusions) and when invitations and minutes were sent.",
  source: "000 二(一)1(1)-(3); 001 步骤3",
  tableName: "Meetings",
  columns: [
    {
      key: "topic",
      name: "会议主题",
      en: "Topic",
      type: "text",
      required: true,
      width: 22,
      aliases: ["会议名称", "主题", "议题", "会议", "Meeting"],
    },
    {
      key: "time",
      name: "会议时间",
      en: "Meeting time",
      type: "datetime",
      required: true,
      width: 17,
      aliases: ["会议日期", "开会时间", "时间", "Date"],
      hint: "如 2024-09-23 14:00",
    },
    { key: "host", name: "主持人", en: "Chair", type: "text", required: true, width: 10, aliases: ["会议主持", "主持", "Host"] },
    {
      key: "recorder",
      name: "记录人",
      en: "Minute-taker",
      type: "text",
      required: true,
      width: 10,
      aliases: ["记录员", "纪要人", "Recorder"],
    },
    {
      key: "attendees",
      name: "参会人",
      en: "Attendees",
      type: "text",
      required: true,
      width: 28,
      aliases: ["参会人员", "参与人", "与会人员", "出席人员", "参加人员", "Participants"],
    },
    {
      key: "inviteSentAt",
      name: "邀约发送时间",
      en: "Invitation sent",
      type: "datetime",
      width: 17,
      aliases: ["邀约时间", "邀请发送时间", "通知发送时间", "Invited at"],
      hint: "至少提前2个工作日发送",
    },
    {
      key: "conclusions",
      name: "关键结论",
      en: "Key conclusions",
      type: "text",
      width: 32,
      aliases: ["会议结论", "结论", "决议", "Conclusions"],
    },
    {
      key: "minutesSentAt",
      name: "纪要发送时间",
      en: "Minutes sent",
      type: "datetime",
      width: 17,
      aliases: ["会议纪要发送时间", "纪要发送日期", "Minutes sent at"],
      hint: "会后1个工作日内发送",
    },
    {
      key: "confirmDeadline",
      name: "确认截止时间",
      en: "Confirm by",
      type: "date",
      width: 12,
      aliases: ["确认截止日期", "反馈截止时间", "反馈截止日期", "Confirmation deadline"],
      hint: "纪要发送后2个工作日内反馈确认",
    },
  ],
  examples: [
    {
      topic: "新产品上线项目启动会",
      time: "2024-09-23 14:00",
      host: "王芳",
      recorder: "李明",
      attendees: "王芳(市场部经理)、刘强(技术部主管)、张伟(设计部负责人)",
      inviteSentAt: "2024-09-19 10:00",
      conclusions: "技术部评估开发周期需15天;设计部3天内完成初稿;功能优先级按投票结果执行",
      minutesSentAt: "2024-09-24 17:00",
      confirmDeadline: "2024-09-26",
    },
    {
      topic: "新产品上线项目原型评审会",
      time: "2024-10-08 10:00",
      host: "王芳",
      recorder: "李明",
      attendees: "王芳、刘强、张伟、陈静(客服部负责人)",
      inviteSentAt: "2024-09-27 15:30",
      conclusions: "原型通过评审,10月9日起进入开发",
      minutesSentAt: "2024-10-10 09:30",
      confirmDeadline: "2024-10-14",
    },
  ],
  titleColumns: ["topic", "time"],
  // An invitation may have gone out another way, so an empty 邀约发送时间 is not judged; minutes
  // are always due, so an empty 纪要发送时间 is late once the working day has passed.
  // 确认截止时间 is a date given to the participants: it cannot precede the sending of the minutes.
  rules: [
    { kind: "deadline", from: "time", to: "inviteSentAt", limit: { workdaysBefore: 2 } },
    { kind: "deadline", from: "time", to: "minutesSentAt", limit: { workdays: 1 }, missingIsLate: true },
    { kind: "not-before", later: "minutesSentAt", earlier: "time" },
    { kind: "not-before", later: "confirmDeadline", earlier: "minutesSentAt" },
  ],
} as const satisfies TemplateDef;
