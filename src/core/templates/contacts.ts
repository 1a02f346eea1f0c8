import type { TemplateDef } from "./types";

/**
 * 通讯录: who the 负责人 of the other tables are and how to reach them. Not a table of the manual:
 * `liaison remind --contacts` reads it to @-mention owners by mobile in the group robots'
 * messages (企业微信 mentioned_mobile_list, 钉钉 at.atMobiles) and to e-mail each owner. A name
 * given twice is an error (`unique`): a reminder must not go to the wrong person.
 */
export const contacts = {
  id: "contacts",
  name: "通讯录",
  en: "Contacts",
  purpose: "登记负责人的手机和邮箱，用于在群机器人消息中@负责人、按人发送催办邮件。",
  purposeEn:
    "Lists the owners' mobile numbers and e-mail addresses, used to @-mention them in group robot messages and to e-mail reminders.",
  source: "沟通协作助手（催办）",
  tableName: "Contacts",
  columns: [
    { key: "name", name: "姓名", en: "Name", type: "text", required: true, width: 10, aliases: ["名字", "员工姓名", "Full name"] },
    {
      key: "mobile",
      name: "手机",
      en: "Mobile",
      type: "phone",
      width: 15,
      aliases: ["手机号", "手机号码", "移动电话", "Mobile phone", "Cell"],
      hint: "群机器人按手机号@人",
    },
    { key: "email", name: "邮箱", en: "E-mail", type: "text", width: 26, aliases: ["电子邮箱", "邮件", "Email", "Mail"] },
  ],
  examples: [
    { name: "刘强", mobile: "13800138001", email: "liuqiang@example.com" },
    { name: "王芳", mobile: "13800138002", email: "wangfang@example.com" },
    { name: "陈静", mobile: "13800138003" },
  ],
  titleColumns: ["name"],
  rules: [{ kind: "unique", column: "name" }],
} as const satisfies TemplateDef;
