import type { Catalog } from "../index";

/**
 * Reminders (`liaison remind`, the pane's 催办消息): the digest's wording, the CLI's lines about
 * sending, and the pane's buttons. Chinese typeset as Chinese (full-width punctuation, dates as
 * 2024年7月5日 in the messages people read).
 */
export const remindMessages = {
  "zh-CN": {
    // Help
    helpRemind: `用法：liaison remind <文件.xlsx|文件夹>... --to <wecom|dingtalk|feishu|email> [--webhook <地址>] [--secret <密钥>]
               [--smtp smtp(s)://user:password@host:port --from <发件地址>] [--contacts <通讯录.xlsx>]
               [--today YYYY-MM-DD] [--now "YYYY-MM-DD HH:mm"] [--state <状态.json>] [--dry-run] [--lang zh-CN|en-US]

检查给出的工作簿（文件夹：其中所有 .xlsx，含子文件夹），把即将到期、已逾期和需问责的未完成事项
按负责人整理成催办消息（问责在前），发到群机器人或按人发邮件。

选项：
  --to wecom|dingtalk|feishu|email  发到企业微信、钉钉、飞书群机器人，或按负责人发邮件
  --webhook <地址>       群机器人的 Webhook 地址
  --secret <密钥>        钉钉“加签”或飞书“签名校验”的密钥
  --smtp <URL>           邮件服务器，如 smtps://user:pass@smtp.example.com:465
  --from <地址>          发件地址
  --contacts <文件.xlsx> 含“通讯录”表（姓名、手机、邮箱）的工作簿：按手机号@负责人，按邮箱发邮件
  --state <文件.json>    记下已发送的提醒：同一天再运行不重复发送，第二天只发有变化的
  --dry-run              只打印消息，不发送
  --today / --now        固定“今天”/当前时刻（默认：Asia/Shanghai 的当前日期）
  --lang zh-CN|en-US     语言
  -h, --help             显示本帮助

发送失败（网络错误、HTTP 5xx/429、限流）会退避重试几次；签名错误不重试。
退出码：0 全部发送成功（或没有要发送的）；1 有发送失败（逐条写在 stderr）；2 什么也做不了（参数错误、无法读取输入）。`,
    // The digest
    title: "催办提醒（{date}）",
    titlePart: "催办提醒（{date}，第{i}/{n}条）",
    summary: "共{total}项：需问责{escalation}项，已逾期{overdue}项，即将到期{dueSoon}项。",
    "level.escalation": "问责",
    "level.overdue": "逾期",
    "level.due-soon": "即将到期",
    daysLate: "已逾期{days}天",
    dueToday: "今天到期",
    dueTomorrow: "明天到期",
    due: "截止{date}",
    where: "{file} › {sheet} › 第{row}行",
    whereInBook: "{sheet} › 第{row}行",
    noOwner: "未指定负责人",
    continued: "{owner}（续）",
    line: "【{level}】{item}｜{due}，{days}｜{where}",
    ownerHeading: "{owner}（{n}项）",
    rule: "按制度：到期前1天催办，逾期2天启动问责。",
    mentionText: "请以下负责人查收今天的催办：{names}",
    // E-mail to one owner
    "email.subject": "【催办】{owner}：{n}项待办（{date}）",
    "email.greeting": "{owner}，您好：",
    "email.intro": "以下事项需要您跟进（截至{date}）：",
    "email.closing": "请尽快处理；完成后请在表格中填写完成日期。",
    "email.signature": "—— 沟通协作助手 Liaison 自动发送",
    // Channels
    "channel.wecom": "企业微信",
    "channel.dingtalk": "钉钉",
    "channel.feishu": "飞书",
    "channel.email": "邮件",
    // CLI: arguments
    missingTo: "缺少 --to：请指定 wecom、dingtalk、feishu 或 email。",
    badTo: "--to 的值“{value}”无效，可用：wecom、dingtalk、feishu、email。",
    missingWebhook: "--to {to} 需要 --webhook <机器人的 Webhook 地址>。",
    badWebhook: "--webhook 的值“{value}”不是 http:// 或 https:// 地址。",
    secretNotForWecom: "企业微信群机器人没有签名密钥：--secret 只用于钉钉和飞书。",
    robotOptionForEmail: "--to email 不使用 {option}。",
    emailOptionForRobot: "--to {to} 不使用 {option}（只用于 --to email）。",
    missingSmtp: "--to email 需要 --smtp smtp(s)://user:password@host:port。",
    missingFrom: "--to email 需要 --from <发件地址>。",
    badSmtp: "--smtp 的值无效：应为 smtp://user:password@host:port 或 smtps://…（465 端口）。",
    badFrom: "--from 的值“{value}”不是电子邮件地址。",
    emailNeedsContacts: "--to email 需要 --contacts <通讯录.xlsx>：邮件发往通讯录中的邮箱。",
    badState: "状态文件“{file}”无法使用：{reason}。请修正或删除它（删除后今天的提醒会再发一次）。",
    cannotWriteState: "无法写入状态文件“{file}”（{reason}）：已发送的消息没有记下，下次运行会再发一次。",
    // CLI: contacts
    contactsNoTable: "“{file}”中没有找到“通讯录”表（表头：姓名、手机、邮箱）。",
    contactsUnreadable: "通讯录“{file}”无法读取：{message}",
    contactDuplicate: "通讯录：“{name}”出现了{n}次（{places}），无法确定是哪一位：不会@此人，也不会给此人发邮件。",
    contactNoMobile: "通讯录：“{name}”没有手机号（{place}），群消息中无法@此人。",
    contactNoEmail: "通讯录：“{name}”没有邮箱（{place}），此人的{n}项没有发邮件。",
    contactMissing: "通讯录中没有“{name}”，群消息中无法@此人。",
    contactMissingEmail: "通讯录中没有“{name}”，此人的{n}项没有发邮件。",
    noOwnerEmail: "{n}项没有负责人，无法发邮件（见群消息或 --dry-run）。",
    place: "{sheet} 第{row}行",
    // CLI: files
    fileSkipped: "已跳过 {file}：{message}",
    fileOpenElsewhere: "注意：{file} 正在 Excel 或 WPS 中打开（有锁文件 {lock}），检查的是它最后保存的内容。",
    beingWritten: "文件正在被写入（读取期间大小或修改时间发生变化），已跳过；写完后再运行一次。",
    noWorkbooks: "“{folder}”中没有 .xlsx 文件。",
    noneReadable: "没有一个工作簿可以检查（共{n}个）。",
    workers: "用{workers}个工作线程读取{files}个工作簿。",
    // CLI: sending
    nothingToSend: "没有需要提醒的事项（{files}个工作簿，截至{date}）。",
    nothingNew: "这{n}项今天已提醒过，没有新的变化，未发送。",
    alreadySent: "{n}项今天已提醒过，不再重复。",
    dryRunHeader: "—— 预览（--dry-run，未发送）：{channel} 第{i}/{n}条 ——",
    dryRunEmailHeader: "—— 预览（--dry-run，未发送）：邮件 {i}/{n}，收件人 {to} ——",
    sent: "已发送到{channel}：第{i}/{n}条（{items}项）。",
    sendFailed: "发送到{channel}失败（第{i}/{n}条，{items}项）：{reason}",
    retrying: "发送到{channel}失败（{reason}），{seconds}秒后重试（第{attempt}次重试，共{max}次）。",
    emailSent: "已发邮件给{owner} <{to}>：{items}项。",
    emailFailed: "给{owner} <{to}> 的邮件发送失败：{reason}",
    summarySent: "共发送{sent}条，失败{failed}条。",
    // Why a send failed
    "reason.http": "HTTP {status}",
    "reason.errcode": "{channel}返回错误码 {code}：{message}",
    "reason.signature":
      "签名校验失败（错误码 {code}：{message}）。请检查 --secret 是否为机器人安全设置里“加签”的密钥，本机时间是否准确；不重试",
    "reason.keyword": "关键词或 IP 校验失败（错误码 {code}：{message}）。请在机器人安全设置中核对自定义关键词和 IP 白名单；不重试",
    "reason.rateLimited": "发送太频繁，被{channel}限流（{detail}）",
    "reason.timeout": "{seconds}秒内没有响应",
    "reason.network": "网络错误：{message}",
    "reason.badResponse": "响应不是{channel}的 JSON 格式（HTTP {status}）：{body}",
    "reason.smtp": "SMTP 错误：{message}",
    // check over many workbooks (a folder, several files)
    "many.header": "{file}",
    "many.failed": "无法检查：{message}",
    "many.totals": "共{files}个工作簿：已检查{checked}个，无法检查{failed}个；错误{error}条，警告{warning}条，提示{info}条。",
    "many.outOneFile": "--out 只能用于单个工作簿，不能用于文件夹或多个文件。",
    // Pane (文书 tab)
    "pane.title": "催办消息",
    "pane.intro": "把本工作簿中即将到期、已逾期和需问责的事项按负责人整理成一条催办消息，问责在前。",
    "pane.copy": "复制催办消息",
    "pane.copied": "已复制{n}项的催办消息，可以粘贴到企业微信、钉钉或飞书群。",
    "pane.nothing": "没有即将到期、已逾期或需问责的事项。",
    "pane.email": "发邮件",
    "pane.emailTo": "给{owner}发邮件（{n}项）",
    "pane.emailNoAddress": "本工作簿没有“通讯录”表（姓名、手机、邮箱），邮件草稿的收件人需要自己填写。",
    "pane.robots":
      "群机器人（企业微信、钉钉、飞书）只从命令行 liaison remind 发送：机器人的 Webhook 地址和密钥是机密，不应保存在共享的工作簿中。做法见 docs/reminders.md。",
    "pane.busy": "正在读取…",
    "pane.failed": "无法生成催办消息：{message}",
    "pane.copyFailed": "无法写入剪贴板（{message}）。请选中下面的消息手动复制。",
    "pane.preview": "催办消息预览",
  },
  "en-US": {
    helpRemind: `Usage: liaison remind <file.xlsx|folder>... --to <wecom|dingtalk|feishu|email> [--webhook <url>] [--secret <s>]
               [--smtp smtp(s)://user:pass@host:port --from <address>] [--contacts <file.xlsx>]
               [--today YYYY-MM-DD] [--now "YYYY-MM-DD HH:mm"] [--state <file.json>] [--dry-run] [--lang zh-CN|en-US]

Checks the workbooks given (a folder: every .xlsx in it, recursively) and sends the open items that
are due soon, overdue or to be escalated, grouped by owner (escalations first), to a group robot or
by e-mail to each owner.

Options:
  --to wecom|dingtalk|feishu|email  WeCom, DingTalk or Feishu group robot, or e-mail per owner
  --webhook <url>        the robot's webhook URL
  --secret <s>           DingTalk's signing secret (加签) or Feishu's (签名校验)
  --smtp <url>           mail server, e.g. smtps://user:pass@smtp.example.com:465
  --from <address>       sender address
  --contacts <file.xlsx> a workbook with a 通讯录 table (姓名, 手机, 邮箱): @-mention by mobile, e-mail by address
  --state <file.json>    remembers what was sent: a second run the same day sends nothing new, the next day what changed
  --dry-run              print the messages, send nothing
  --today / --now        fix "today" / "now" (default: the current date in Asia/Shanghai)
  --lang zh-CN|en-US     language
  -h, --help             show this help

Failed sends (network errors, HTTP 5xx/429, rate limits) are retried with backoff; signature errors are not.
Exit codes: 0 everything sent (or nothing to send); 1 some sends failed (each named on stderr); 2 nothing could be done (bad arguments, unreadable input).`,
    title: "Reminders ({date})",
    titlePart: "Reminders ({date}, {i} of {n})",
    summary: "{total} item(s): {escalation} to escalate, {overdue} overdue, {dueSoon} due soon.",
    "level.escalation": "Escalate",
    "level.overdue": "Overdue",
    "level.due-soon": "Due soon",
    daysLate: "{days} day(s) overdue",
    dueToday: "due today",
    dueTomorrow: "due tomorrow",
    due: "due {date}",
    where: "{file} › {sheet} › row {row}",
    whereInBook: "{sheet} › row {row}",
    noOwner: "No owner given",
    continued: "{owner} (continued)",
    line: "[{level}] {item} | {due}, {days} | {where}",
    ownerHeading: "{owner} ({n} item(s))",
    rule: "The rule: remind one day before the due date; escalate two days after it.",
    mentionText: "Owners, please see today's reminders: {names}",
    "email.subject": "[Reminder] {owner}: {n} open item(s) ({date})",
    "email.greeting": "Dear {owner},",
    "email.intro": "The following items need your attention (as of {date}):",
    "email.closing": "Please deal with them soon, and enter the completion date in the sheet when done.",
    "email.signature": "— sent by Liaison",
    "channel.wecom": "WeCom",
    "channel.dingtalk": "DingTalk",
    "channel.feishu": "Feishu",
    "channel.email": "e-mail",
    missingTo: "--to is missing: give wecom, dingtalk, feishu or email.",
    badTo: 'Invalid --to "{value}": use wecom, dingtalk, feishu or email.',
    missingWebhook: "--to {to} needs --webhook <the robot's webhook URL>.",
    badWebhook: 'The --webhook "{value}" is not an http:// or https:// URL.',
    secretNotForWecom: "A WeCom group robot has no signing secret: --secret is for DingTalk and Feishu only.",
    robotOptionForEmail: "--to email does not use {option}.",
    emailOptionForRobot: "--to {to} does not use {option} (it is for --to email only).",
    missingSmtp: "--to email needs --smtp smtp(s)://user:password@host:port.",
    missingFrom: "--to email needs --from <sender address>.",
    badSmtp: "Invalid --smtp: write smtp://user:password@host:port, or smtps://… (port 465).",
    badFrom: 'The --from "{value}" is not an e-mail address.',
    emailNeedsContacts: "--to email needs --contacts <contacts.xlsx>: e-mails go to the addresses in the contacts.",
    badState: 'The state file "{file}" cannot be used: {reason}. Fix or delete it (after deleting it, today\'s reminders go out again).',
    cannotWriteState: 'Cannot write the state file "{file}" ({reason}): what was sent is not recorded and will be sent again next time.',
    contactsNoTable: 'No 通讯录 (contacts) table in "{file}" (headers: 姓名, 手机, 邮箱).',
    contactsUnreadable: 'The contacts "{file}" cannot be read: {message}',
    contactDuplicate:
      'Contacts: "{name}" appears {n} times ({places}); which one is meant is unclear: no @-mention and no e-mail for this name.',
    contactNoMobile: 'Contacts: "{name}" has no mobile number ({place}); the group message cannot @-mention them.',
    contactNoEmail: 'Contacts: "{name}" has no e-mail address ({place}); their {n} item(s) were not e-mailed.',
    contactMissing: '"{name}" is not in the contacts; the group message cannot @-mention them.',
    contactMissingEmail: '"{name}" is not in the contacts; their {n} item(s) were not e-mailed.',
    noOwnerEmail: "{n} item(s) have no owner and cannot be e-mailed (see the group message or --dry-run).",
    place: "{sheet} row {row}",
    fileSkipped: "Skipped {file}: {message}",
    fileOpenElsewhere: "Note: {file} is open in Excel or WPS (lock file {lock}); its last saved content is checked.",
    beingWritten:
      "the file is being written (its size or modification time changed while it was read); skipped. Run again once it is saved.",
    noWorkbooks: 'No .xlsx file in "{folder}".',
    noneReadable: "None of the {n} workbook(s) could be checked.",
    workers: "Reading {files} workbook(s) with {workers} worker thread(s).",
    nothingToSend: "Nothing to remind ({files} workbook(s), as of {date}).",
    nothingNew: "These {n} item(s) were already reminded today and have not changed; nothing sent.",
    alreadySent: "{n} item(s) were already reminded today and are not repeated.",
    dryRunHeader: "—— Preview (--dry-run, not sent): {channel} message {i} of {n} ——",
    dryRunEmailHeader: "—— Preview (--dry-run, not sent): e-mail {i} of {n} to {to} ——",
    sent: "Sent to {channel}: message {i} of {n} ({items} item(s)).",
    sendFailed: "Sending to {channel} failed (message {i} of {n}, {items} item(s)): {reason}",
    retrying: "Sending to {channel} failed ({reason}); retrying in {seconds} s (retry {attempt} of {max}).",
    emailSent: "E-mailed {owner} <{to}>: {items} item(s).",
    emailFailed: "The e-mail to {owner} <{to}> failed: {reason}",
    summarySent: "{sent} message(s) sent, {failed} failed.",
    "reason.http": "HTTP {status}",
    "reason.errcode": "{channel} answered error code {code}: {message}",
    "reason.signature":
      "signature check failed (error code {code}: {message}). Check that --secret is the robot's signing secret (加签) and that this machine's clock is right; not retried",
    "reason.keyword":
      "keyword or IP check failed (error code {code}: {message}). Check the robot's custom keywords and IP allow-list; not retried",
    "reason.rateLimited": "sending too fast, rate-limited by {channel} ({detail})",
    "reason.timeout": "no answer within {seconds} s",
    "reason.network": "network error: {message}",
    "reason.badResponse": "the answer is not {channel}'s JSON (HTTP {status}): {body}",
    "reason.smtp": "SMTP error: {message}",
    "many.header": "{file}",
    "many.failed": "Cannot be checked: {message}",
    "many.totals":
      "{files} workbook(s): {checked} checked, {failed} could not be checked; {error} error(s), {warning} warning(s), {info} info.",
    "many.outOneFile": "--out works on one workbook only, not on a folder or several files.",
    "pane.title": "Reminder message",
    "pane.intro":
      "Collects this workbook's items that are due soon, overdue or to be escalated into one message, by owner, escalations first.",
    "pane.copy": "Copy reminder message",
    "pane.copied": "Copied the reminder for {n} item(s); paste it into your WeCom, DingTalk or Feishu group.",
    "pane.nothing": "No item is due soon, overdue or to be escalated.",
    "pane.email": "E-mail",
    "pane.emailTo": "E-mail {owner} ({n} item(s))",
    "pane.emailNoAddress": "This workbook has no 通讯录 (contacts) table; fill in the recipients of the drafts yourself.",
    "pane.robots":
      "Group robots (WeCom, DingTalk, Feishu) are called from the command line only (liaison remind): their webhook URLs and secrets are secrets and do not belong in a shared workbook. See docs/reminders.md.",
    "pane.busy": "Reading…",
    "pane.failed": "Cannot build the reminder: {message}",
    "pane.copyFailed": "Cannot write to the clipboard ({message}). Select the message below and copy it by hand.",
    "pane.preview": "Reminder preview",
  },
} as const satisfies Catalog;

export type RemindKey = keyof (typeof remindMessages)["zh-CN"];
