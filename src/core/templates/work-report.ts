import type { TemplateDef } from "./types";

/** 001 表2 周/月度工作汇报表: one row per core work item of a report. */
export const workReport = {
  id: "work-report",
  name: "周/月度工作汇报表",
  // Excel forbids "/" in sheet names.
  sheetName: "周、月度工作汇报表",
  en: "Weekly/monthly work report",
  purpose: "按优先级汇报本周期核心工作、完成情况、量化成果、问题与下期计划。",
  purposeEn: "Reports the period's core work by priority, its completion, measurable results, blockers and next plan.",
  source: "001 表2",
  tableName: "WorkReport",
  columns: [
    { key: "reporter", name: "汇报人", en: "Reporter", type: "text", required: true, width: 10, aliases: ["姓名", "员工", "Name"] },
    { key: "department", name: "部门", en: "Department", type: "text", required: true, width: 10, aliases: ["所属部门", "Dept"] },
    { key: "period", name: "汇报周期", en: "Period", type: "text", required: true, width: 16, aliases: ["周期", "汇报期间", "Reporting period"], hint: "如 2024年5月第2周、2024年4月" },
    {
      key: "coreWork",
      name: "核心工作内容",
      en: "Core work",
      type: "text",
      required: true,
      width: 34,
      aliases: ["本周/月核心工作内容(按优先级排序)", "本周/月核心工作内容", "本周核心工作内容", "本月核心工作内容", "工作内容", "Work item"],
      hint: "按优先级排序,每行一项",
    },
    {
      key: "completion",
      name: "完成情况",
      en: "Completion",
      type: "enum",
      required: true,
      options: ["√", "×", "部分完成"],
      // Look-alike marks people type for √ and ×, and the plain words.
      optionAliases: {
        "✓": "√",
        "✔": "√",
        "☑": "√",
        已完成: "√",
        完成: "√",
        "✗": "×",
        "✘": "×",
        x: "×",
        X: "×",
        "╳": "×",
        未完成: "×",
        部分: "部分完成",
      },
      width: 10,
      aliases: ["完成情况(√/×/部分完成)", "完成状态", "Status"],
      hint: "√ / × / 部分完成",
    },
    { key: "quantifiedResult", name: "量化成果", en: "Quantified result", type: "text", width: 24, aliases: ["量化成果(数据/案例)", "成果", "Result"], hint: "用数据代替模糊描述,如 拜访10家客户,转化率20%" },
    { key: "issues", name: "遇到的问题及需支持事项", en: "Issues and support needed", type: "text", width: 30, aliases: ["遇到的问题", "问题及需支持事项", "需支持事项", "问题", "Issues"] },
    { key: "nextPlan", name: "下周/月工作计划", en: "Next period plan", type: "text", required: true, width: 34, aliases: ["下周工作计划", "下月工作计划", "下周/月计划", "下期工作计划", "工作计划", "Plan"] },
  ],
  // 赵六's report as written. 汇报人, 部门, 汇报周期 and the plan were merged over both rows in the
  // manual, so they are repeated in the second row.
  examples: [
    {
      reporter: "赵六",
      department: "销售部",
      period: "2024年5月第2周",
      coreWork: "1.完成8家客户拜访",
      completion: "√",
      quantifiedResult: "签约1家,金额5万元",
      issues: "2家客户反馈价格异议,需市场部提供政策说明",
      nextPlan: "1.跟进价格异议客户(3家);2.完成5家新客户拜访",
    },
    {
      reporter: "赵六",
      department: "销售部",
      period: "2024年5月第2周",
      coreWork: "2.整理4月销售数据报表",
      completion: "√",
      quantifiedResult: "报表准确率100%",
      issues: "无",
      nextPlan: "1.跟进价格异议客户(3家);2.完成5家新客户拜访",
    },
  ],
  titleColumns: ["reporter", "period", "coreWork"],
  rules: [
    { kind: "problem-needs-text", status: "completion", values: ["×", "部分完成"], text: "issues" },
    { kind: "quantified", column: "quantifiedResult", status: "completion", doneValues: ["√"] },
  ],
} as const satisfies TemplateDef;
