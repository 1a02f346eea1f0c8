import type { Catalog } from "../index";

/** Strings of the 校验 tab's findings added with the fix hints (a catalog of their own). */
export const findingsPaneMessages = {
  "zh-CN": {
    fixLabel: "怎么改：",
    summaryDetailCleared: "检查了 {tables} 个表格（{rows} 行数据），今天按 {today} 计；标记已清除。",
  },
  "en-US": {
    fixLabel: "How to fix: ",
    summaryDetailCleared: "Checked {tables} tables ({rows} data rows) as of {today}; the marks have been cleared.",
  },
} satisfies Catalog;
