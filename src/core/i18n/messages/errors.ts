import type { Catalog } from "../index";

/**
 * Messages of `LiaisonError`: bad input that changes nothing. Each says what is wrong and, where
 * there is one, what to do instead. Add keys in both languages.
 */
export const errorMessages = {
  "zh-CN": {
    unknownTemplate: "未知模板“{id}”。可用模板:{ids}",
    emptySelection: "请先选中一个区域(包含表头行和数据行)。",
    wholeColumnSelection: "选区是整列或整行,范围过大。请只选中表格所在的区域。",
    mergedCells: "选区中有合并单元格({address})。Excel 表格不能包含合并单元格,请先取消合并。",
    noTemplateMatch: "选区的表头与任何模板都不匹配。请确认选区包含表头行(如“项目名称”“协作部门”…)。",
    alreadyTable: "选区已经是表格“{table}”的一部分,无需再次结构化。",
    sheetExists: "工作表“{sheet}”已存在。请换一个名称,现有工作表不会被覆盖。",
    tableNameInUse: "表格名称“{table}”已被使用。请换一个名称。",
    invalidSheetName: "工作表名称“{sheet}”无效:不能为空、超过 31 个字符或包含 : \\ / ? * [ ]。",
    invalidTableName: "表格名称“{table}”无效:须以字母、汉字或下划线开头,且不含空格和符号。",
    sheetNotFound: "找不到工作表“{sheet}”。",
    tooManyRows: "选区共有 {rows} 行,超过上限 {limit} 行。",
  },
  "en-US": {
    unknownTemplate: 'Unknown template "{id}". Available templates: {ids}',
    emptySelection: "Select a range first (its header row and the data rows).",
    wholeColumnSelection: "The selection is a whole column or row, which is too large. Select just the range of the table.",
    mergedCells: "The selection contains merged cells ({address}). An Excel table cannot contain merged cells: unmerge them first.",
    noTemplateMatch: 'The header of the selection matches no template. Make sure the selection includes the header row (e.g. "项目名称", "协作部门" …).',
    alreadyTable: 'The selection is already part of the table "{table}"; there is nothing to structure.',
    sheetExists: 'A sheet named "{sheet}" already exists. Choose another name: existing sheets are never overwritten.',
    tableNameInUse: 'The table name "{table}" is already in use. Choose another name.',
    invalidSheetName: 'The sheet name "{sheet}" is invalid: it must not be empty, longer than 31 characters, or contain : \\ / ? * [ ].',
    invalidTableName: 'The table name "{table}" is invalid: it must start with a letter, a Chinese character or an underscore, with no spaces or symbols.',
    sheetNotFound: 'There is no sheet named "{sheet}".',
    tooManyRows: "The selection has {rows} rows, more than the limit of {limit}.",
  },
} satisfies Catalog;

export type ErrorKey = keyof (typeof errorMessages)["zh-CN"];
