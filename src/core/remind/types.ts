/**
 * What `liaison remind` (and the pane's "复制催办消息") works on: the open items of a check that
 * are due soon, overdue or past escalation, with the row values people need to act on them.
 */

/** The due-date family of contract.md, in the order a reminder lists them (escalations first). */
export const REMIND_LEVELS = ["escalation", "overdue", "due-soon"] as const;
export type RemindLevel = (typeof REMIND_LEVELS)[number];

export const levelRank = (level: RemindLevel): number => REMIND_LEVELS.indexOf(level);

export interface RemindItem {
  /** The workbook's name as the report gives it (no folder). */
  readonly file: string;
  readonly sheet: string;
  /** Excel row number and A1 address of the due-date cell. */
  readonly row: number;
  readonly cell: string;
  readonly template: string;
  /** 负责人 as written; "" when the table has no owner column or the cell is empty. */
  readonly owner: string;
  /** 事项: the row's identifying values (事项内容, 合作项目 · 项目阶段, 订单号 · 供应商 …). */
  readonly item: string;
  /** Due date, YYYY-MM-DD. */
  readonly due: string;
  /** today − due in calendar days (contract.md: −1/0 due-soon, 1 overdue, ≥2 escalation). */
  readonly days: number;
  readonly level: RemindLevel;
}

/** The robots Liaison can post to. */
export const ROBOT_PLATFORMS = ["wecom", "dingtalk", "feishu"] as const;
export type RobotPlatform = (typeof ROBOT_PLATFORMS)[number];
export type RemindChannel = RobotPlatform | "email";

/** A person of the 通讯录, as far as a reminder needs one. */
export interface Contact {
  readonly name: string;
  /** Digits only (a leading +86 / 0086 removed), as the robots' mention lists take them. */
  readonly mobile?: string;
  readonly email?: string;
}
