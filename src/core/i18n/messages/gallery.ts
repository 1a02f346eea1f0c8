import type { Catalog } from "../index";

/**
 * Strings of the first-run introduction and of the template gallery's own tools (insert all,
 * search, plain-language sources, where an insert landed). A catalog of its own, so the first-run
 * chunk carries only these and the pane's main catalog stays as it is.
 */
export const galleryMessages = {
  "zh-CN": {
    // First run (a value placemat: what it does, three steps, one call to action, skippable)
    introLabel: "欢迎使用",
    introTitle: "把沟通手册变成能检查的 Excel 表格",
    introValue: "Liaison 按《沟通流程标准化手册》和《沟通协作交流指南》建好表格，替你检查时限、评分和必填项，并写出整改通知书等文书。",
    introStepsLabel: "三步上手",
    introStep1: "插入模板：每张表格都带下拉列表和格式。",
    introStep2: "校验：问题单元格被标出，每条问题都说明怎么改。",
    introStep3: "文书：一键生成整改通知书、会议纪要等。",
    introTry: "在示例上试试",
    introTryHint: "插入全部 {n} 张示例表格，再打开“校验”。",
    introSkip: "跳过",
    introClose: "关闭介绍",
    introTried: "已插入 {n} 张示例工作表。下一步：打开“校验”页，点击“校验”。",
    introGoValidate: "去校验",
    // Gallery tools
    searchLabel: "搜索模板",
    searchPlaceholder: "名称、用途或出处",
    searchNone: "没有与“{text}”相符的模板。",
    searchCount: "显示 {shown} / {total} 个模板",
    insertAllExamples: "全部插入（含示例）",
    insertAllEmpty: "全部插入空表",
    insertAllProgress: "正在插入 {done}/{total}…",
    insertAllDone: "已新建 {n} 张工作表：{sheets}。",
    insertAllPartial: "已新建 {n} 张工作表：{sheets}；其余未插入。",
    insertedExamples: "已新建工作表“{sheet}”，含 {rows} 行示例（{address}）。",
    insertedEmpty: "已新建工作表“{sheet}”，表格为空（{address}）。",
    sourceLine: "出处：{source}",
    sheetSeparator: "、",
    sheetQuoted: "“{sheet}”",
  },
  "en-US": {
    introLabel: "Welcome",
    introTitle: "Turn your communication manual into Excel sheets that check themselves",
    introValue:
      "Liaison builds the tables of the communication process manual and guide, checks deadlines, scores and required fields for you, and writes documents such as rectification notices.",
    introStepsLabel: "Three steps",
    introStep1: "Insert a template: every table comes with dropdowns and formats.",
    introStep2: "Check: cells with problems are marked, and each finding says how to fix it.",
    introStep3: "Documents: create rectification notices, minutes and more in one click.",
    introTry: "Try it on the examples",
    introTryHint: "Inserts all {n} example tables; then open Check.",
    introSkip: "Skip",
    introClose: "Close the introduction",
    introTried: "{n} example sheets inserted. Next: open the Check tab and press Check.",
    introGoValidate: "Go to Check",
    searchLabel: "Search templates",
    searchPlaceholder: "Name, purpose or source",
    searchNone: "No template matches “{text}”.",
    searchCount: "Showing {shown} of {total} templates",
    insertAllExamples: "Insert all (with examples)",
    insertAllEmpty: "Insert all, empty",
    insertAllProgress: "Inserting {done}/{total}…",
    insertAllDone: "{n} new sheets: {sheets}.",
    insertAllPartial: "{n} new sheets: {sheets}; the others were not inserted.",
    insertedExamples: "New sheet “{sheet}” with {rows} example rows ({address}).",
    insertedEmpty: "New sheet “{sheet}” with an empty table ({address}).",
    sourceLine: "Source: {source}",
    sheetSeparator: ", ",
    sheetQuoted: "“{sheet}”",
  },
} satisfies Catalog;

export type GalleryKey = keyof (typeof galleryMessages)["zh-CN"];
