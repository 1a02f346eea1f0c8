import type { Catalog } from "../index";

/** Strings of the 设置 tab's saving: saved as soon as valid, with undo. */
export const settingsPaneMessages = {
  "zh-CN": {
    autosaveNote: "修改在数值有效时立即保存到工作簿，可以撤销。",
    saving: "正在保存…",
    savedOne: "{label}：{from} → {to}。",
    savedMany: "共 {n} 项修改。",
    savedDefaults: "已恢复默认值并保存。",
    undo: "撤销",
    undone: "已撤销，设置恢复为修改前的值。",
    invalidNotSaved: "有 {n} 项设置无效，尚未保存：请按提示修改，改正后会自动保存。",
    draftKept: "上次离开此页时有 {n} 项无效的修改，尚未保存，已保留在下方。",
    empty: "（空）",
  },
  "en-US": {
    autosaveNote: "Changes are saved in the workbook as soon as they are valid; you can undo them.",
    saving: "Saving…",
    savedOne: "{label}: {from} → {to}.",
    savedMany: "{n} changes.",
    savedDefaults: "Defaults restored and saved.",
    undo: "Undo",
    undone: "Undone: the settings are back to their previous values.",
    invalidNotSaved: "{n} settings are invalid and not saved yet: correct them as shown and they are saved.",
    draftKept: "When you left this tab, {n} invalid changes were not saved; they are kept below.",
    empty: "(empty)",
  },
} satisfies Catalog;
