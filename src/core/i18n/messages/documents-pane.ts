import type { Catalog } from "../index";

/**
 * Strings of document generation inside Excel: the task pane's 文书 tab and the ribbon buttons
 * 生成会议纪要 / 生成整改通知书 / 生成催办通知 with their result dialog. (Document contents are in
 * documents.ts; the Word renderer's own strings in render.ts.)
 */
export const documentsPaneMessages = {
  "zh-CN": {
    // Tab 文书
    intro:
      "文书由选中的行生成：先在表格里选中行（每行一个单元格即可，可以是多块区域或整行；表头行和被筛选隐藏的行不计入），再点下面的按钮。",
    selection: "当前选区：{range}",
    noSelection: "还没有选区：请先在表格中选中行。",
    "kind.minutes": "会议纪要",
    "kind.notice": "整改通知书",
    "kind.reminder": "催办通知",
    "from.minutes": "选中“沟通会议记录”或“待办事项”中的行：每次会议一份，附上它的待办事项。",
    "from.notice": "选中“供应商评估表”中的行：总分低于合格线（见“设置”页）的供应商每家一份，其余行跳过。",
    "from.reminder": "选中“待办事项”中的行：已逾期且未完成的事项每项一份，其余行跳过。",
    // Button texts name their document: the visible text is the whole accessible name.
    generateSheets: "生成{document}工作表",
    downloadWord: "下载{document}的 Word 文件",
    wordNote:
      "“生成…工作表”为每份文书新建一张可打印的工作表（A4，适合页宽）并记入“文书登记”。“下载…的 Word 文件”只下载 .docx，不改动工作簿、不登记编号（与命令行一致），下次生成会再用这些编号；要登记的 Word，请先生成工作表，再点“下载这些文书的 Word”。",
    busy: "正在生成…",
    sheetsDone: "已生成 {count} 份{document}，并记入“文书登记”。",
    wordDone: "已下载 {file}：{count} 份{document}。Word 文件未登记，编号没有记入“文书登记”。",
    documentsLabel: "生成的文书",
    colNumber: "编号",
    colSheet: "工作表",
    goToSheet: "转到工作表“{sheet}”",
    wordOfThese: "下载这些文书的 Word",
    wordOfTheseDone: "已下载 {file}（编号与工作表相同，已登记）。",
    skippedTitle: "已跳过 {n} 行",
    settingsProblems: "设置有误，已改用默认值：{list}",
    wordFileMany: "文书-{date}.docx",
    // The register
    registerTitle: "文书登记",
    registerIntro: "工作簿中“文书登记”表的最近 {n} 条（新的在前）。编号据此连续，重新打开文件也不会重复。",
    registerEmpty: "还没有登记的文书。",
    registerNotLoaded: "正在读取登记表…",
    registerRefresh: "刷新",
    registerCount: "共 {n} 条登记。",
    colKind: "类型",
    colSource: "来源",
    colTime: "时间",
    source: "{sheet} 第 {rows} 行",
    // Ribbon buttons and their result dialog
    dialogTitle: "Liaison 生成{document}",
    dialogDone: "已生成 {count} 份{document}",
    dialogNumbers: "编号：{list}",
    dialogSheets: "新工作表：{list}",
    dialogRegistered: "已记入“文书登记”，工作簿已切换到第一份文书。",
    dialogSkipped: "已跳过 {n} 行：",
    dialogMore: "……另有 {n} 行",
    dialogFailed: "未生成{document}",
    listSeparator: "、",
  },
  "en-US": {
    intro:
      "Documents are made from the selected rows: select rows of a table (one cell per row is enough; several areas or whole rows work too; the header row and rows hidden by a filter are left out), then press a button below.",
    selection: "Selection: {range}",
    noSelection: "Nothing is selected: select rows of a table first.",
    "kind.minutes": "Meeting minutes",
    "kind.notice": "Rectification notice",
    "kind.reminder": "Reminder",
    "from.minutes": 'Select rows of "Meetings" or "Action items": one document per meeting, with its action items.',
    "from.notice":
      'Select rows of "Supplier evaluation": one notice per supplier whose total is under the pass mark (see the Settings tab); other rows are skipped.',
    "from.reminder": 'Select rows of "Action items": one reminder per overdue, unfinished item; other rows are skipped.',
    generateSheets: "Create {document} sheets",
    downloadWord: "Download {document} as a Word file",
    wordNote:
      '"Create … sheets" adds one print-ready sheet per document (A4, fitted to the page width) and logs it in the register "文书登记". "Download … as a Word file" only downloads a .docx: the workbook is not changed and the numbers are not logged (as with the CLI), so later documents reuse them. For a logged Word file, create the sheets, then use "Download these as Word".',
    busy: "Generating…",
    sheetsDone: 'Created {count} {document} document(s), logged in the register "文书登记".',
    wordDone: 'Downloaded {file}: {count} {document} document(s). A Word file is not logged: its numbers are not in "文书登记".',
    documentsLabel: "Documents created",
    colNumber: "Number",
    colSheet: "Sheet",
    goToSheet: 'Go to sheet "{sheet}"',
    wordOfThese: "Download these as Word",
    wordOfTheseDone: "Downloaded {file} (same numbers as the sheets, logged).",
    skippedTitle: "{n} row(s) skipped",
    settingsProblems: "Some settings are invalid; their defaults were used: {list}",
    wordFileMany: "documents-{date}.docx",
    registerTitle: "Register",
    registerIntro:
      'The last {n} entries of the workbook\'s register sheet "文书登记" (newest first). Numbers run on from it, also after reopening the file.',
    registerEmpty: "No document has been logged yet.",
    registerNotLoaded: "Reading the register…",
    registerRefresh: "Refresh",
    registerCount: "{n} entries in all.",
    colKind: "Type",
    colSource: "Source",
    colTime: "Time",
    source: "{sheet} rows {rows}",
    dialogTitle: "Liaison: {document}",
    dialogDone: "Created {count} {document} document(s)",
    dialogNumbers: "Numbers: {list}",
    dialogSheets: "New sheets: {list}",
    dialogRegistered: 'Logged in the register "文书登记"; the workbook now shows the first document.',
    dialogSkipped: "{n} row(s) skipped:",
    dialogMore: "…and {n} more",
    dialogFailed: "No {document} created",
    listSeparator: ", ",
  },
} as const satisfies Catalog;

export type DocumentsPaneKey = keyof (typeof documentsPaneMessages)["zh-CN"];
