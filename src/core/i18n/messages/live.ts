import type { Catalog } from "../index";

/** Strings of live validation in the task pane (setting, indicator) and of the preview grid's cell editor. */
export const liveMessages = {
  "zh-CN": {
    liveLabel: "实时校验",
    liveHint: "编辑单元格后自动重新检查所在行并更新标记。此设置保存在本机的加载项中，不随工作簿保存。",
    liveOff: "关闭",
    liveLiaison: "Liaison 创建的表格",
    liveAll: "所有表格",
    liveOn: "实时校验已开启",
    liveOnDetail: "{tables} 个表格 · 编辑后自动重新检查",
    liveStarting: "正在启动实时校验…",
    liveOffNote: "实时校验已关闭，请用“校验”按钮检查。",
    liveFailed: "实时校验出错",
    liveRetry: "重新启动",
    livePrefUnreadable: "无法读取实时校验设置（浏览器存储不可用），已使用默认设置。",
    livePrefUnsaved: "无法保存实时校验设置（浏览器存储不可用）：本次打开期间有效，关闭后恢复默认。",
    editCell: "编辑单元格 {cell}",
    editFailed: "无法写入单元格 {cell}",
  },
  "en-US": {
    liveLabel: "Live validation",
    liveHint:
      "After you edit a cell, its row is checked again and the marks are updated. Stored with the add-in on this computer, not in the workbook.",
    liveOff: "Off",
    liveLiaison: "Tables made by Liaison",
    liveAll: "All tables",
    liveOn: "Live validation is on",
    liveOnDetail: "Tables checked as you edit: {tables}",
    liveStarting: "Starting live validation…",
    liveOffNote: "Live validation is off; use the Check button.",
    liveFailed: "Live validation failed",
    liveRetry: "Restart",
    livePrefUnreadable: "The live validation setting could not be read (browser storage is unavailable); the default is used.",
    livePrefUnsaved:
      "The live validation setting could not be saved (browser storage is unavailable): it applies until the pane is closed.",
    editCell: "Edit cell {cell}",
    editFailed: "Could not write cell {cell}",
  },
} satisfies Catalog;

export type LiveKey = keyof (typeof liveMessages)["zh-CN"];
