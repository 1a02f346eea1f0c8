/**
 * Who answers for a row of each template, as the 看板 groups them: the 负责人 column, and the
 * department column where the table has one. Tables that name a person together with their
 * department (协作需求表: 对接人-姓名 / 对接人-部门; 工作汇报表: 汇报人 / 部门) also tell the
 * department of that person, which the 看板 uses for rows of tables that have no department column
 * (待办事项 names only its 负责人).
 *
 * Column keys are template column keys (templates/*.ts).
 */
export interface RowRoles {
  /** The person the row belongs to. */
  readonly owner: string;
  /** The row's own department column, when the table has one. */
  readonly department?: string;
  /** A (person, department) pair of columns telling which department a person belongs to. */
  readonly knows?: readonly [person: string, department: string];
}

export const ROLES: Readonly<Record<string, RowRoles>> = {
  "action-items": { owner: "owner" },
  "customer-log": { owner: "owner" },
  "partner-progress": { owner: "ourOwner" },
  "collab-request": { owner: "contactName", department: "department", knows: ["contactName", "contactDept"] },
  "work-report": { owner: "reporter", department: "department", knows: ["reporter", "department"] },
};

/** The template whose rows the supplier-score figures are drawn from, and its columns. */
export const SCORES = {
  templateId: "supplier-evaluation",
  supplier: "supplierName",
  period: "period",
  total: "total",
  parts: ["quality", "delivery", "service", "price", "problemSolving"],
} as const;
