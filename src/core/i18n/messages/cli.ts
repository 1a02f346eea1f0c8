import type { Catalog } from "../index";

/**
 * The command line `liaison`: usage errors, progress lines and help. An error is printed as one
 * line `liaison: <message>`; usage errors add `helpHint` so people know where to look.
 */
export const cliMessages = {
  "zh-CN": {
    // Usage errors (exit 2).
    missingCommand: "缺少命令。",
    unknownCommand: "未知命令“{command}”。可用命令：template、check、generate、remind、dashboard。",
    unknownOption: "命令 {command} 没有选项“{option}”。",
    unknownGlobalOption: "未知选项“{option}”。",
    missingValue: "选项 {option} 需要一个值（以 - 开头的值请写成 {option}=<值>）。",
    optionTakesNoValue: "选项 {option} 不带值。",
    optionRepeated: "选项 {option} 只能给一次。",
    missingOption: "缺少必需的选项 {option}。",
    missingTemplateIds: "缺少模板 id。请给出一个或多个模板 id，或 all。",
    missingFile: "缺少要处理的 .xlsx 文件。",
    missingKind: "缺少文书类型：minutes、notice 或 reminder。",
    unknownKind: "未知文书类型“{kind}”。可用：minutes、notice、reminder。",
    extraArguments: "多余的参数：{args}。",
    badLang: "不支持的语言“{lang}”。可用：zh-CN、en-US。",
    badFormat: "不支持的输出格式“{format}”。可用：text、json。",
    badToday: "--today 的值“{value}”无效，应为 YYYY-MM-DD 格式的真实日期，如 2024-05-20。",
    badNow: '--now 的值“{value}”无效，应为“YYYY-MM-DD HH:mm”，如 "2024-05-20 09:30"。',
    todayNowDisagree: "--today {today} 与 --now {now} 不是同一天。只给其中一个即可。",
    badRows: "--rows 的值“{value}”无效，应为行号或行号范围，用逗号分隔，如 5,7-9。",
    emptySheetName: "--sheet 的值不能为空。",
    outNotXlsx: "--out 的文件“{file}”须以 .xlsx 结尾（输入为 .xlsm、.xltx 或 .xltm 时，用与输入相同的扩展名）。",
    outNotXlsxOrDocx: "--out 的文件“{file}”须以 .xlsx、.docx 或 .pdf 结尾。",
    outIsInput: "--out 不能是输入文件本身（{file}）：输入文件从不修改，请另选一个输出文件。",
    helpHint: "用 {usage} --help 查看用法。",
    // Files.
    inputMissing: "找不到文件“{file}”。",
    inputIsDirectory: "“{file}”是一个文件夹，不是 .xlsx 文件。",
    cannotRead: "无法读取文件“{file}”（{reason}）。",
    outDirMissing: "无法写入“{file}”：文件夹“{dir}”不存在。",
    outIsDirectory: "无法写入“{file}”：这是一个文件夹。",
    cannotWrite: "无法写入文件“{file}”（{reason}）。",
    fileError: "{file}：{message}",
    // Results.
    templateWritten: "已写入 {file}：{count} 个模板表格。",
    dashboardWritten: "已写入 {file}：看板工作表“{sheet}”（{owners} 位负责人，{periods} 个评估周期）。",
    dashboardNoCharts: "注意：命令行写出的看板只有数字表格；图表只在 Excel 中绘制（在任务窗格“看板”页点“写入看板工作表”）。",
    templateLine: "  {id}  工作表“{sheet}”  表格 {table}  {address}  {rows} 行示例",
    notImplemented: "命令 {command} 尚未实现（参数已检查无误）。",
    noKnownTable: "“{file}”中没有找到任何已知模板的表格：没有一行的列名与某个模板的列对得上（如“事项内容、负责人、截止日期”）。",
    settingsWarning: "liaison：警告：工作簿设置：{message}",
    layoutCorrectionStale:
      "liaison：警告：表格更正“{kind}”（工作表“{sheet}”第 {headerRow} 行起的表格）未生效：表格已改动（工作表、表头或相关行的内容不同了），未套用到别的行。",
    layoutCorrectionStaleRow:
      "liaison：警告：表格更正“{kind}”（工作表“{sheet}”第 {headerRow} 行起的表格，第 {row} 行）未生效：表格已改动（工作表、表头或该行的内容不同了），未套用到别的行。",
    layoutCorrectionsUnreadable: "liaison：警告：表格更正工作表“{sheet}”的第 {rows} 行无法读取，已忽略。",
    "correctionKind.row-is-data": "这一行是数据",
    "correctionKind.table-ends": "表格到此为止",
    "correctionKind.not-a-table": "这不是表格",
    annotatedWritten: "已写入标注副本 {file}：{marks} 个单元格已标出，发现列在工作表“{sheet}”。",
    signatureInvalidated: "liaison：注意：该工作簿带有数字签名，标注副本“{file}”中的签名已失效（原文件未改动，签名仍有效）。",
    outTypeMismatch: "--out 的文件“{file}”须以 {ext} 结尾：副本与输入的工作簿是同一种文件（{kind}），换了扩展名 Excel 会拒绝打开。",
    outputFailed: "liaison：无法写出结果（{reason}）。",
    registerWouldDropParts:
      "无法把文书编号记入“{file}”的“文书登记”：重写该工作簿会丢失其中的{parts}。未写入任何文件。请改为输出 .xlsx 副本（--out 副本.xlsx），或在 Excel 中用 Liaison 生成。",
    copyDropsParts: "liaison：注意：生成的副本由 ExcelJS 重新写出，原工作簿中的{parts}在副本中不会保留（原文件未改动）。",
    "dropped.charts": "图表",
    "dropped.pivots": "数据透视表",
    "dropped.vba": "宏（VBA）",
    "dropped.embeddings": "嵌入对象",
    "dropped.threadedComments": "批注会话",
    "dropped.cellPictures": "单元格内图片",
    "dropped.signature": "数字签名",
    "dropped.template": "模板类型（副本为普通工作簿）",
    skippedRow: "liaison：已跳过：{reason}",
    documentsWrittenXlsx: "已写入 {file}：{count} 份文书（{numbers}），工作表 {sheets}，已记入“文书登记”。",
    documentsWrittenWord: "已写入 {file}：{count} 份文书（{numbers}），编号已记入 {book} 的“文书登记”。",
    repeatNotice: "liaison：注意：{message}",
    templateNotDocx: "--template 的文件“{file}”须是 .docx（Word 模板）。",
    templateNeedsWordOut: "--template 只用于 Word 或 PDF 输出：请把 --out 设为 .docx 或 .pdf 文件。",
    pdfNeedsLibreOffice: "生成 PDF 需要 LibreOffice，但没有找到 soffice：请安装 LibreOffice（或设置 LIAISON_SOFFICE），或改为输出 .docx。",
    pdfConversionFailed: "LibreOffice 未能把文书转换为 PDF（{reason}），未写入任何文件。",
    findingsSheet: "校验结果",
    findingsHeader: "工作表|单元格|列|规则|级别|说明",
    // Bugs (anything that is not bad input).
    /** A stopping error, one line: Chinese text after a full-width colon. */
    errorLine: "liaison：{message}",
    internalError: "liaison 内部错误：{message}",
    bugNotice: "这是 liaison 的缺陷，不是你的操作问题。请把上面这行和所用命令报告给维护者（设置 LIAISON_DEBUG=1 可显示调用栈）。",
    // Help.
    helpOverview: `liaison {version} — 沟通协作助手的命令行

用法：
  liaison template <模板id...|all> --out <文件.xlsx> [--examples] [--lang zh-CN|en-US]
  liaison check <文件.xlsx|文件夹>... [--today YYYY-MM-DD] [--now "YYYY-MM-DD HH:mm"] [--format text|json] [--out <标注副本.xlsx>]
  liaison generate <minutes|notice|reminder> <文件.xlsx> --sheet <工作表> --rows <5,7-9> --out <文件.xlsx|文件.docx|文件.pdf> [--template <模板.docx>] [--today YYYY-MM-DD] [--now "YYYY-MM-DD HH:mm"]
  liaison dashboard <文件.xlsx> --out <看板.xlsx> [--today YYYY-MM-DD]

命令：
  template   生成一个新工作簿，每个模板一个工作表（Excel 表格，含格式、下拉列表与输入提示）
  check      检查工作簿中所有已知模板的表格，报告不符合规范之处
  generate   根据表格中的行生成会议纪要、整改通知书或催办通知
  remind     把即将到期、逾期和需问责的事项发到企业微信、钉钉、飞书群或按人发邮件（liaison remind --help）
  dashboard  把看板的数字（按负责人、按部门、逾期和升级走势、供应商得分对照合格线）写成一个新工作簿

通用选项：
  --lang zh-CN|en-US   界面语言（默认 zh-CN；也可设置环境变量 LIAISON_LANG）
  -h, --help           显示帮助（liaison <命令> --help 显示该命令的帮助）
  --version            显示版本

退出码：0 成功（check：没有错误级发现）；1 check 发现错误；2 无法完成（参数错误、文件无法读取等）。`,
    helpDashboard: `用法：liaison dashboard <文件.xlsx> --out <看板.xlsx> [--today YYYY-MM-DD] [--lang zh-CN|en-US]

检查工作簿中所有已知模板的表格（与 check 相同），把看板的数字写成一个新工作簿的“看板”工作表：
按负责人、按部门统计的问题（临期、逾期、升级、其他），逾期和升级按截止月份的走势，
供应商得分按评估周期对照合格线（取自工作簿的设置）。输入文件不会被修改。
命令行写出的看板只有数字表格，不画图表；图表只在 Excel 中绘制。

选项：
  --out <看板.xlsx>     要写出的新工作簿（不能是输入文件）
  --today YYYY-MM-DD   按这一天统计（默认取工作簿设置中的日期，否则为上海时间的今天）

退出码：0 已写出；2 未写出（参数错误、文件无法读取、没有已知模板的表格）。`,
    helpTemplate: `用法：liaison template <模板id...|all> --out <文件.xlsx> [--examples] [--lang zh-CN|en-US]

生成一个新的工作簿，每个模板一个工作表，工作表上是一个 Excel 表格：表头、列宽、数字格式、
下拉列表和输入提示都已设置好，表头行已冻结。

参数：
  <模板id...|all>   一个或多个模板 id，或 all 表示全部模板：
{templates}
选项：
  --out <文件.xlsx>   要写入的新工作簿；已存在的同名文件会被替换
  --examples          同时写入手册中的示例行
  --lang zh-CN|en-US  界面语言
  -h, --help          显示本帮助`,
    helpCheck: `用法：liaison check <文件.xlsx|文件夹>... [--today YYYY-MM-DD] [--now "YYYY-MM-DD HH:mm"] [--format text|json] [--out <标注副本.xlsx>] [--lang zh-CN|en-US]

检查工作簿中每个已知模板的表格（Excel 表格，或表头与模板相符的普通区域，可在工作表任意位置、一张工作表多个；
标题、合计行、备注和签字行不算数据；表头可以是简体、繁体中文或英文，工作表名称不限）。输入文件从不修改。
给出文件夹或多个文件时，检查其中每个 .xlsx（含子文件夹，并行读取），输出一份总报告（JSON 中为 files[]）；
无法读取的文件逐个报告并跳过，全部无法读取时退出码为 2。

选项：
  --today YYYY-MM-DD      固定“今天”（默认：Asia/Shanghai 的当前日期）
  --now "YYYY-MM-DD HH:mm" 固定当前时刻
  --format text|json      输出格式（默认：在终端上为 text，否则为 json）
  --out <标注副本.xlsx>    另存一份副本：有问题的单元格以颜色标出，所有发现列在“校验结果”工作表中
  --lang zh-CN|en-US      界面语言
  -h, --help              显示本帮助

退出码：0 没有错误级发现；1 至少一个错误；2 无法检查（文件不存在、不是 .xlsx、已损坏、已加密、没有已知表格）。`,
    helpGenerate: `用法：liaison generate <minutes|notice|reminder> <文件.xlsx> --sheet <工作表> --rows <5,7-9> --out <文件.xlsx|文件.docx|文件.pdf> [--template <模板.docx>] [--today YYYY-MM-DD] [--lang zh-CN|en-US]

根据指定行生成文书：minutes 会议纪要，notice 整改通知书，reminder 催办通知。
输出 .xlsx 时写入工作簿副本（含新文书工作表和更新后的登记表），输入文件不变；
输出 .docx 或 .pdf 时写出文书，并把编号记入输入工作簿的“文书登记”（编号只发一次）。
不符合条件的行会被跳过并说明原因。

选项：
  --sheet <工作表>     数据所在的工作表
  --rows <5,7-9>       工作表中的行号或范围，逗号分隔
  --out <文件>         输出文件（.xlsx、.docx 或 .pdf；PDF 需要安装 LibreOffice）
  --template <模板.docx>  用公司自己的 Word 模板（占位符如 {供应商名称}、{总分}、{#待办事项}…{/待办事项}）
  --today YYYY-MM-DD   固定“今天”（默认：Asia/Shanghai 的当前日期）
  --now "YYYY-MM-DD HH:mm"  固定“现在”（登记的生成时间；只给 --now 时今天取其日期）
  --lang zh-CN|en-US   界面语言
  -h, --help           显示本帮助

退出码：0 已写出文书；2 什么也没写（参数错误、找不到工作表、没有符合条件的行、模板有误、没有 LibreOffice）。`,
    templateListLine: "                    {id}  {name}",
  },
  "en-US": {
    missingCommand: "No command given.",
    unknownCommand: 'Unknown command "{command}". Commands: template, check, generate, remind, dashboard.',
    unknownOption: 'The command {command} has no option "{option}".',
    unknownGlobalOption: 'Unknown option "{option}".',
    missingValue: "The option {option} needs a value (write a value starting with - as {option}=<value>).",
    optionTakesNoValue: "The option {option} takes no value.",
    optionRepeated: "The option {option} can be given only once.",
    missingOption: "The required option {option} is missing.",
    missingTemplateIds: "No template id given. Give one or more template ids, or all.",
    missingFile: "No .xlsx file given.",
    missingKind: "No document kind given: minutes, notice or reminder.",
    unknownKind: 'Unknown document kind "{kind}". Kinds: minutes, notice, reminder.',
    extraArguments: "Unexpected arguments: {args}.",
    badLang: 'Unsupported language "{lang}". Languages: zh-CN, en-US.',
    badFormat: 'Unsupported format "{format}". Formats: text, json.',
    badToday: 'The --today value "{value}" is invalid: give a real date as YYYY-MM-DD, e.g. 2024-05-20.',
    badNow: 'The --now value "{value}" is invalid: give "YYYY-MM-DD HH:mm", e.g. "2024-05-20 09:30".',
    todayNowDisagree: "--today {today} and --now {now} are not the same day. Give only one of them.",
    badRows: 'The --rows value "{value}" is invalid: give row numbers or ranges separated by commas, e.g. 5,7-9.',
    emptySheetName: "The --sheet value must not be empty.",
    outNotXlsx: 'The --out file "{file}" must end in .xlsx (or, for an .xlsm, .xltx or .xltm input, in the same extension as the input).',
    outNotXlsxOrDocx: 'The --out file "{file}" must end in .xlsx, .docx or .pdf.',
    outIsInput: "--out must not be the input file itself ({file}): the input is never modified; choose another output file.",
    /** Leading space: it follows an English sentence (the Chinese one follows 。 directly). */
    helpHint: " Run {usage} --help for usage.",
    inputMissing: 'The file "{file}" does not exist.',
    inputIsDirectory: '"{file}" is a folder, not an .xlsx file.',
    cannotRead: 'The file "{file}" cannot be read ({reason}).',
    outDirMissing: 'Cannot write "{file}": the folder "{dir}" does not exist.',
    outIsDirectory: 'Cannot write "{file}": it is a folder.',
    cannotWrite: 'Cannot write the file "{file}" ({reason}).',
    fileError: "{file}: {message}",
    templateWritten: "Wrote {file}: {count} template table(s).",
    dashboardWritten: 'Wrote {file}: dashboard sheet "{sheet}" ({owners} owners, {periods} evaluation periods).',
    dashboardNoCharts:
      "Note: a dashboard written by the command line holds the figures only; charts are drawn in Excel only (the pane's Dashboard tab, Write dashboard sheet).",
    templateLine: '  {id}  sheet "{sheet}"  table {table}  {address}  {rows} example row(s)',
    notImplemented: "The command {command} is not implemented yet (its arguments are valid).",
    noKnownTable:
      'No table of a known template was found in "{file}": no row has column names that match a template (such as 事项内容, 负责人, 截止日期).',
    settingsWarning: "liaison: warning: workbook settings: {message}",
    layoutCorrectionStale:
      'liaison: warning: the layout correction "{kind}" (table from row {headerRow} of the sheet "{sheet}") was not applied: the table has changed (sheet, header or rows differ); it is never applied elsewhere.',
    layoutCorrectionStaleRow:
      'liaison: warning: the layout correction "{kind}" (table from row {headerRow} of the sheet "{sheet}", row {row}) was not applied: the table has changed (sheet, header or the row\'s content differ); it is never applied to another row.',
    layoutCorrectionsUnreadable: 'liaison: warning: rows {rows} of the layout corrections sheet "{sheet}" cannot be read and are ignored.',
    "correctionKind.row-is-data": "This row is data",
    "correctionKind.table-ends": "The table ends here",
    "correctionKind.not-a-table": "This is not a table",
    annotatedWritten: 'Wrote the annotated copy {file}: {marks} cell(s) marked, findings listed on the sheet "{sheet}".',
    signatureInvalidated:
      'liaison: note: the workbook is digitally signed; the signature in the annotated copy "{file}" is no longer valid (the original file is unchanged and its signature still holds).',
    outTypeMismatch:
      'The --out file "{file}" must end in {ext}: the copy is the same kind of file as the input ({kind}), and Excel refuses to open it under another extension.',
    outputFailed: "liaison: cannot write the output ({reason}).",
    registerWouldDropParts:
      'Cannot log the document numbers in the register "文书登记" of "{file}": rewriting that workbook would lose its {parts}. Nothing was written. Write an .xlsx copy instead (--out copy.xlsx), or generate from Liaison inside Excel.',
    copyDropsParts:
      "liaison: note: the generated copy is rewritten by ExcelJS, which does not keep the workbook's {parts} (the original file is unchanged).",
    "dropped.charts": "charts",
    "dropped.pivots": "pivot tables",
    "dropped.vba": "macros (VBA)",
    "dropped.embeddings": "embedded objects",
    "dropped.threadedComments": "threaded comments",
    "dropped.cellPictures": "in-cell pictures",
    "dropped.signature": "digital signature",
    "dropped.template": "template type (the copy is a plain workbook)",
    skippedRow: "liaison: skipped: {reason}",
    documentsWrittenXlsx: 'Wrote {file}: {count} document(s) ({numbers}) on the sheet(s) {sheets}, logged in the register "文书登记".',
    documentsWrittenWord: 'Wrote {file}: {count} document(s) ({numbers}); their numbers are logged in the register "文书登记" of {book}.',
    repeatNotice: "liaison: note: {message}",
    templateNotDocx: 'The --template file "{file}" must be a .docx (a Word template).',
    templateNeedsWordOut: "--template is for Word or PDF output: give --out a .docx or .pdf file.",
    pdfNeedsLibreOffice:
      "A PDF needs LibreOffice, and soffice was not found: install LibreOffice (or set LIAISON_SOFFICE), or write a .docx instead.",
    pdfConversionFailed: "LibreOffice could not convert the documents to PDF ({reason}); nothing was written.",
    findingsSheet: "Check results",
    findingsHeader: "Sheet|Cell|Column|Rule|Severity|Message",
    errorLine: "liaison: {message}",
    internalError: "liaison internal error: {message}",
    bugNotice:
      "This is a bug in liaison, not a mistake of yours. Please report the line above and the command you ran (set LIAISON_DEBUG=1 to show the stack trace).",
    helpOverview: `liaison {version} — the command line of Liaison

Usage:
  liaison template <id...|all> --out <file.xlsx> [--examples] [--lang zh-CN|en-US]
  liaison check <file.xlsx|folder>... [--today YYYY-MM-DD] [--now "YYYY-MM-DD HH:mm"] [--format text|json] [--out <annotated.xlsx>]
  liaison generate <minutes|notice|reminder> <file.xlsx> --sheet <name> --rows <5,7-9> --out <file.xlsx|file.docx|file.pdf> [--template <company.docx>] [--today YYYY-MM-DD] [--now "YYYY-MM-DD HH:mm"]
  liaison dashboard <file.xlsx> --out <dashboard.xlsx> [--today YYYY-MM-DD]

Commands:
  template   Write a new workbook with one sheet per template (an Excel table with formats, dropdowns and input hints)
  check      Check every table of a known template in a workbook and report what breaks the rules
  generate   Make minutes, corrective notices or overdue reminders from rows of a table
  remind     Send the items due soon, overdue or to escalate to a WeCom/DingTalk/Feishu group or by e-mail (liaison remind --help)
  dashboard  Write the dashboard's figures (by owner, by department, overdue and escalations over time, supplier scores against the pass mark) as a new workbook

Common options:
  --lang zh-CN|en-US   Language of messages (default zh-CN; or set the LIAISON_LANG environment variable)
  -h, --help           Show help (liaison <command> --help for one command)
  --version            Show the version

Exit codes: 0 success (check: no error findings); 1 check found errors; 2 could not finish (bad arguments, unreadable file, …).`,
    helpDashboard: `Usage: liaison dashboard <file.xlsx> --out <dashboard.xlsx> [--today YYYY-MM-DD] [--lang zh-CN|en-US]

Checks every table of a known template in the workbook (as check does) and writes the dashboard's
figures on a "Dashboard" sheet of a new workbook: findings by owner and by department (due soon,
overdue, escalated, other), overdue and escalated items by due month, and supplier scores by
evaluation period against the pass mark (from the workbook's settings). The input is never modified.
The command line writes the figures only, no chart: charts are drawn in Excel only.

Options:
  --out <dashboard.xlsx>  the new workbook to write (not the input file)
  --today YYYY-MM-DD      count as of this day (default: the workbook's settings, else today in Shanghai)

Exit codes: 0 written; 2 nothing written (bad arguments, unreadable file, no table of a known template).`,
    helpTemplate: `Usage: liaison template <id...|all> --out <file.xlsx> [--examples] [--lang zh-CN|en-US]

Writes a new workbook with one sheet per template. Each sheet holds an Excel table with its
header, column widths, number formats, dropdown lists and input hints set, and a frozen header row.

Arguments:
  <id...|all>   one or more template ids, or all for every template:
{templates}
Options:
  --out <file.xlsx>   the new workbook to write; an existing file of that name is replaced
  --examples          also write the manual's example rows
  --lang zh-CN|en-US  language of messages
  -h, --help          show this help`,
    helpCheck: `Usage: liaison check <file.xlsx|folder>... [--today YYYY-MM-DD] [--now "YYYY-MM-DD HH:mm"] [--format text|json] [--out <annotated.xlsx>] [--lang zh-CN|en-US]

Checks every table of a known template in the workbook: Excel tables, and plain ranges whose
header (anywhere on a sheet, several per sheet; simplified or traditional Chinese, or English)
matches a template; titles, totals, note and signature rows are not data. Sheet names do not matter. The input file is never modified.
Given a folder or several files, every .xlsx among them (folders recursively, read in parallel) is
checked into one report (files[] in JSON); a file that cannot be read is reported and skipped, exit 2
only when none could be.

Options:
  --today YYYY-MM-DD        fix "today" (default: the current date in Asia/Shanghai)
  --now "YYYY-MM-DD HH:mm"  fix the current time
  --format text|json        output format (default: text on a terminal, json otherwise)
  --out <annotated.xlsx>    also write a copy with the flagged cells coloured and every finding listed on a "Check results" sheet
  --lang zh-CN|en-US        language of messages
  -h, --help                show this help

Exit codes: 0 no error findings; 1 at least one error; 2 the file could not be checked (missing, not an .xlsx, damaged, encrypted, no known table).`,
    helpGenerate: `Usage: liaison generate <minutes|notice|reminder> <file.xlsx> --sheet <name> --rows <5,7-9> --out <file.xlsx|file.docx|file.pdf> [--template <company.docx>] [--today YYYY-MM-DD] [--lang zh-CN|en-US]

Makes documents from the given rows: minutes (meeting minutes), notice (corrective notice),
reminder (overdue reminder). An .xlsx output is a copy of the workbook with the new document
sheet(s) and the updated register; the input is unchanged. A .docx or .pdf output holds the
documents, and their numbers are logged in the input workbook's register (文书登记), so a number
is given out once. Rows that do not qualify are skipped with a message.

Options:
  --sheet <name>       the sheet holding the rows
  --rows <5,7-9>       sheet row numbers or ranges, separated by commas
  --out <file>         the output file (.xlsx, .docx or .pdf; a PDF needs LibreOffice)
  --template <company.docx>  fill the company's own Word template (placeholders such as {供应商名称}, {总分}, {#待办事项}…{/待办事项})
  --today YYYY-MM-DD   fix "today" (default: the current date in Asia/Shanghai)
  --now "YYYY-MM-DD HH:mm"  fix "now" (the register's time; with --now alone, today is its date)
  --lang zh-CN|en-US   language of messages
  -h, --help           show this help

Exit codes: 0 documents written; 2 nothing written (bad arguments, unknown sheet, no qualifying row, a bad template, no LibreOffice).`,
    templateListLine: "                {id}  {name}",
  },
} satisfies Catalog;

export type CliKey = keyof (typeof cliMessages)["zh-CN"];
