import type { Catalog } from "../index";

/** Strings of the ribbon commands and of the result dialog the 校验 button opens. */
export const commandsMessages = {
  "zh-CN": {
    resultTitle: "Liaison 校验结果",
    summary: "{error} 错误 / {warning} 警告 / {info} 提示",
    detail: "检查了 {tables} 个表格（{rows} 行数据），今天按 {today} 计；已在工作簿中标记 {marked} 个单元格。",
    byRule: "按规则：{list}",
    noFindings: "没有发现问题。",
    noTables: "没有可校验的表格。请先在任务窗格中插入模板或结构化一个区域。",
    provisional: "部分年份的法定节假日数据未收录，这些年份的工作日暂按周一至周五计算。",
    settingsProblems: "设置有误，已改用默认值：",
    more: "打开任务窗格的“校验”页可查看每个问题并定位到单元格。",
    failedTitle: "校验未完成",
    failed: "校验未完成：{message}",
    close: "关闭",
    listSeparator: "、",
    badPayload: "无法显示校验结果。",
  },
  "en-US": {
    resultTitle: "Liaison check results",
    summary: "{error} errors / {warning} warnings / {info} info",
    detail: "Checked {tables} tables ({rows} data rows) as of {today}; {marked} cells are marked in the workbook.",
    byRule: "By rule: {list}",
    noFindings: "No problems found.",
    noTables: "There is no table to check. Insert a template or structure a range in the task pane first.",
    provisional: "Some years have no statutory-holiday data; working days in those years are counted Monday–Friday.",
    settingsProblems: "Some settings are invalid; their defaults were used:",
    more: "Open the Check tab of the task pane to see each finding and go to its cell.",
    failedTitle: "Check not completed",
    failed: "The check did not complete: {message}",
    close: "Close",
    listSeparator: ", ",
    badPayload: "The check results cannot be shown.",
  },
} satisfies Catalog;

export type CommandsKey = keyof (typeof commandsMessages)["zh-CN"];
