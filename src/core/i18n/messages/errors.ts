import type { Catalog } from "../index";

/**
 * Messages of `LiaisonError`: bad input that changes nothing. Each says what is wrong and, where
 * there is one, what to do instead. Add keys in both languages.
 */
export const errorMessages = {
  "zh-CN": {
    unknownTemplate: "未知模板“{id}”。可用模板：{ids}",
    emptySelection: "请先选中一个区域（包含表头行和数据行）。",
    wholeColumnSelection: "选区是整列或整行，范围过大。请只选中表格所在的区域。",
    mergedCells: "选区中有合并单元格（{address}）。Excel 表格不能包含合并单元格，请先取消合并。",
    noTemplateMatch: "选区的表头与任何模板都不匹配。请确认选区包含表头行（如“项目名称”“协作部门”…）。",
    alreadyTable: "选区已经是表格“{table}”的一部分，无需再次结构化。",
    sheetExists: "工作表“{sheet}”已存在。请换一个名称，现有工作表不会被覆盖。",
    tableNameInUse: "表格名称“{table}”已被使用。请换一个名称。",
    invalidSheetName: "工作表名称“{sheet}”无效：不能为空、超过 31 个字符或包含：\\ / ? * [ ]。",
    invalidTableName: "表格名称“{table}”无效：须以字母、汉字或下划线开头，且不含空格和符号。",
    sheetNotFound: "找不到工作表“{sheet}”。",
    tooManyRows: "选区共有 {rows} 行，超过上限 {limit} 行。",
    tableHeaderNotText:
      "表头单元格 {cells} 为空、重复或不是文字。建表时 Excel 会改写这样的表头，为保证数据不被改动，请先填写或修改这些表头。",
    unreadableFile: "无法读取该文件：它不是有效的 .xlsx 工作簿，或已损坏。",
    encryptedFile: "该工作簿设有打开密码（已加密），无法读取。请在 Excel/WPS 中取消密码并另存为 .xlsx 后再试。",
    legacyXlsFile: "这是旧版 .xls 格式的工作簿，无法读取。请在 Excel/WPS 中另存为 .xlsx 后再试。",
    xlsbFile: "这是二进制格式（.xlsb）的工作簿，无法读取。请在 Excel/WPS 中另存为 .xlsx 后再试。",
    odsFile: "这是 OpenDocument 电子表格（.ods），不是 .xlsx。请在 Excel/WPS 或 LibreOffice 中另存为 .xlsx 后再试。",
    numbersFile: "这是 Apple Numbers 文件（.numbers），不是 .xlsx。请在 Numbers 中选择“文件 → 导出为 → Excel”，存为 .xlsx 后再试。",
    textNotWorkbook: "这是文本文件（CSV、HTML 或 XML 表格），不是 .xlsx 工作簿。请在 Excel/WPS 中打开并另存为 .xlsx 后再试。",
    notWorkbookPackage: "这是 Office 文件，但不是 Excel 工作簿（例如 Word 或 PowerPoint 文件），无法校验。",
    invalidAddress: "区域地址“{address}”无效，应类似 A1:F20。",
    calendarConflict: "日期 {date} 同时被设为节假日和调休工作日，请只保留其中一个。",
    invalidWorkingHours: "工作时间 {start}–{end} 无效：开始时间须早于结束时间，且都在 00:00–24:00 之内。",
    noTableAtSelection: "当前单元格不在任何可识别的表格中。请先点击要检查的表格内的单元格（含表头行）。",
    workbookReadOnly: "此工作簿以只读方式打开，无法写入（标记、设置等）。请启用编辑或另存一份副本后再试，未做任何更改。",
    sheetProtected: "工作表“{sheet}”受保护，无法更改。请先撤销工作表保护（审阅 → 撤销工作表保护）后再试，未做任何更改。",
    sheetHidden: "工作表“{sheet}”已隐藏，无法定位到其中的单元格。请先取消隐藏该工作表（右键工作表标签 → 取消隐藏）。",
    invalidSeverity: "标记的严重程度“{severity}”无效，只能是 error、warning 或 info。未做任何更改。",
    marksUnreadable:
      "工作表“{sheets}”的条件格式无法读取（Excel 无法读回重复或叠加的规则），这些工作表上的标记未能更新；其他工作表已完成。请在“条件格式 → 管理规则”中删除重复的规则后再试。（{detail}）",
    noActiveSheet: "无法确定当前工作表。请先点击工作表中的一个单元格，再校验“当前工作表”。",
    wrongTemplateForDocument: "{document}只能由{expected}中的行生成，所选行属于“{actual}”。请选中{expected}中的行后再试。",
    noEligibleRows: "所选行中没有可生成{document}的行：{reasons}",
    selectionSpansTables: "选区跨越了多个表格（{tables}）。请只选中同一个表格中的行。",
    noDataRowsSelected: "选区中没有数据行（表头行和被筛选隐藏的行不算）。请选中表格中要生成文书的行。",
    noTableAtRows: "工作表“{sheet}”的第 {rows} 行不在任何可识别的表格中。",
    layoutNoTable: "工作表“{sheet}”第 {row} 行没有识别出的表格表头，可能表格已经改动。请刷新“表格”页后再试，未做任何更改。",
    layoutNotSkipped:
      "工作表“{sheet}”第 {row} 行不能标为数据：它不是该表格跳过的行，或在结束表格的注释行、签字行之后（请先把那一行标为数据）。请刷新“表格”页后再试，未做任何更改。",
    layoutNotData: "工作表“{sheet}”第 {row} 行不是该表格的数据行，不能在此结束表格。请刷新“表格”页后再试，未做任何更改。",
    documentNumberInUse: "文书编号“{number}”已在“文书登记”中使用，未做任何更改。",
    registerBadType: "“文书登记”第 {row} 行的类型“{value}”无法识别（应为 会议纪要、整改通知书 或 催办通知）。请改正后再试。",
    wordTemplateUnreadable: "Word 模板无法读取：它不是有效的 .docx 文件。未生成任何文件。",
    wordTemplateInvalid: "Word 模板中的占位符写法有误：{problems}。请在 Word 中改正后再试，未生成任何文件。",
    wordTemplateUnknownPlaceholders: "Word 模板中有 Liaison 无法填写的占位符：{names}。可用的占位符：{known}。未生成任何文件。",
  },
  "en-US": {
    unknownTemplate: 'Unknown template "{id}". Available templates: {ids}',
    emptySelection: "Select a range first (its header row and the data rows).",
    wholeColumnSelection: "The selection is a whole column or row, which is too large. Select just the range of the table.",
    mergedCells: "The selection contains merged cells ({address}). An Excel table cannot contain merged cells: unmerge them first.",
    noTemplateMatch:
      'The header of the selection matches no template. Make sure the selection includes the header row (e.g. "项目名称", "协作部门" …).',
    alreadyTable: 'The selection is already part of the table "{table}"; there is nothing to structure.',
    sheetExists: 'A sheet named "{sheet}" already exists. Choose another name: existing sheets are never overwritten.',
    tableNameInUse: 'The table name "{table}" is already in use. Choose another name.',
    invalidSheetName: 'The sheet name "{sheet}" is invalid: it must not be empty, longer than 31 characters, or contain : \\ / ? * [ ].',
    invalidTableName:
      'The table name "{table}" is invalid: it must start with a letter, a Chinese character or an underscore, with no spaces or symbols.',
    sheetNotFound: 'There is no sheet named "{sheet}".',
    tooManyRows: "The selection has {rows} rows, more than the limit of {limit}.",
    tableHeaderNotText:
      "The header cells {cells} are empty, duplicated or not text. Excel would rewrite such headers when making a table; to keep your data unchanged, fill in or rename them first.",
    unreadableFile: "The file cannot be read: it is not a valid .xlsx workbook, or it is damaged.",
    encryptedFile:
      "The workbook is protected by an open password (encrypted) and cannot be read. Remove the password in Excel or WPS, save it as .xlsx and try again.",
    legacyXlsFile: "This is an old-style .xls workbook, which cannot be read. Save it as .xlsx in Excel or WPS and try again.",
    xlsbFile: "This is a binary workbook (.xlsb), which cannot be read. Save it as .xlsx in Excel or WPS and try again.",
    odsFile: "This is an OpenDocument spreadsheet (.ods), not an .xlsx. Save it as .xlsx in Excel, WPS or LibreOffice and try again.",
    numbersFile:
      "This is an Apple Numbers file (.numbers), not an .xlsx. In Numbers choose File → Export To → Excel, save it as .xlsx and try again.",
    textNotWorkbook:
      "This is a text file (CSV, HTML or an XML spreadsheet), not an .xlsx workbook. Open it in Excel or WPS, save it as .xlsx and try again.",
    notWorkbookPackage:
      "This is an Office file but not an Excel workbook (a Word or PowerPoint file, for instance), so it cannot be checked.",
    invalidAddress: 'The range address "{address}" is invalid; it should look like A1:F20.',
    calendarConflict: "The date {date} is listed both as a holiday and as a make-up workday; keep only one of them.",
    invalidWorkingHours: "The working hours {start}–{end} are invalid: the start must be before the end, both within 00:00–24:00.",
    noTableAtSelection:
      "The active cell is not in a recognised table. Click a cell inside the table to check (its header row counts) first.",
    workbookReadOnly:
      "This workbook is open read-only, so nothing can be written to it (marks, settings …). Enable editing or save a copy, then try again; nothing was changed.",
    sheetProtected:
      'The sheet "{sheet}" is protected and cannot be changed. Unprotect it first (Review → Unprotect Sheet) and try again; nothing was changed.',
    sheetHidden: 'The sheet "{sheet}" is hidden, so its cells cannot be shown. Unhide it first (right-click a sheet tab → Unhide).',
    invalidSeverity: 'The mark severity "{severity}" is invalid; it must be error, warning or info. Nothing was changed.',
    marksUnreadable:
      'The conditional formats of the sheet(s) "{sheets}" cannot be read (Excel cannot read back duplicated or stacked rules), so the marks there were not updated; every other sheet is done. Delete the duplicated rules (Conditional Formatting → Manage Rules) and try again. ({detail})',
    noActiveSheet: 'The active sheet is unknown. Click a cell of the sheet first, then check "Active sheet".',
    wrongTemplateForDocument:
      'The document "{document}" is made from rows of {expected}; the selected rows belong to "{actual}". Select rows of {expected} and try again.',
    noEligibleRows: 'None of the selected rows can make the document "{document}": {reasons}',
    selectionSpansTables: "The selection spans several tables ({tables}). Select rows of one table only.",
    noDataRowsSelected:
      "The selection holds no data row (the header row and rows hidden by a filter do not count). Select the table rows to make documents from.",
    noTableAtRows: 'Rows {rows} of the sheet "{sheet}" are not in any recognised table.',
    layoutNoTable:
      'Row {row} of the sheet "{sheet}" is not the header of a recognised table; the table may have changed. Refresh the Tables tab and try again. Nothing was changed.',
    layoutNotSkipped:
      'Row {row} of the sheet "{sheet}" cannot be marked as data: it is not a row this table skipped, or it comes after the note or signature row that ended the table (mark that row as data first). Refresh the Tables tab and try again. Nothing was changed.',
    layoutNotData:
      'Row {row} of the sheet "{sheet}" is not a data row of this table, so the table cannot end there. Refresh the Tables tab and try again. Nothing was changed.',
    documentNumberInUse: 'The document number "{number}" is already in the register (文书登记); nothing was changed.',
    registerBadType:
      'Row {row} of the register (文书登记) has the type "{value}", which is not one of 会议纪要, 整改通知书, 催办通知. Correct it and try again.',
    wordTemplateUnreadable: "The Word template cannot be read: it is not a valid .docx file. Nothing was written.",
    wordTemplateInvalid:
      "The Word template has malformed placeholders: {problems}. Correct them in Word and try again; nothing was written.",
    wordTemplateUnknownPlaceholders:
      "The Word template has placeholders Liaison cannot fill: {names}. Placeholders available: {known}. Nothing was written.",
  },
} satisfies Catalog;

export type ErrorKey = keyof (typeof errorMessages)["zh-CN"];
