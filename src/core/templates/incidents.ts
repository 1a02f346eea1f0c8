import type { TemplateDef } from "./types";

/**
 * 000 二(一)2 紧急事务沟通 (服务器宕机): 预案 within 10 minutes, 快报 within 30 minutes, progress every
 * hour until solved, 复盘会 within 24 hours of the fix. All times are date-times.
 */
export const incidents = {
  id: "incidents",
  name: "紧急事件记录",
  en: "Incidents",
  purpose: "记录紧急事件从发现、启动预案、发布快报、进展更新到解决和复盘的时间与结论。",
  purposeEn: "Records an incident from discovery through response plan, bulletin, hourly updates and resolution to the review meeting.",
  source: "000 二(一)2",
  tableName: "Incidents",
  columns: [
    { key: "name", name: "事件名称", en: "Incident", type: "text", required: true, width: 20, aliases: ["事件", "事件标题", "紧急事件", "Incident name"] },
    { key: "discoveredAt", name: "发现时间", en: "Discovered", type: "datetime", required: true, width: 17, aliases: ["发生时间", "发觉时间", "报告时间", "Discovered at"] },
    { key: "discoverer", name: "发现人", en: "Discovered by", type: "text", required: true, width: 10, aliases: ["发觉人", "报告人", "上报人", "Reporter"] },
    { key: "impact", name: "影响范围", en: "Impact", type: "text", required: true, width: 24, aliases: ["影响", "影响面", "Scope"] },
    { key: "planStartedAt", name: "预案启动时间", en: "Plan started", type: "datetime", width: 17, aliases: ["应急预案启动时间", "启动预案时间", "响应时间"], hint: "发现后10分钟内启动应急预案" },
    { key: "bulletinAt", name: "快报发布时间", en: "Bulletin sent", type: "datetime", width: 17, aliases: ["紧急事件快报发布时间", "快报时间", "通报时间"], hint: "发现后30分钟内发布《紧急事件快报》" },
    { key: "lastUpdateAt", name: "最近进展更新时间", en: "Last update", type: "datetime", width: 17, aliases: ["最近更新时间", "最后更新时间", "进展更新时间", "更新时间"], hint: "未解决前每小时更新一次" },
    { key: "resolvedAt", name: "解决时间", en: "Resolved", type: "datetime", width: 17, aliases: ["恢复时间", "修复时间", "解决日期", "Resolved at"] },
    { key: "reviewAt", name: "复盘会时间", en: "Review meeting", type: "datetime", width: 17, aliases: ["复盘时间", "复盘会议时间", "Review at"], hint: "解决后24小时内召开复盘会" },
    { key: "cause", name: "原因", en: "Cause", type: "text", width: 24, aliases: ["事件原因", "故障原因", "根本原因", "Root cause"] },
    { key: "improvements", name: "改进措施", en: "Improvements", type: "text", width: 28, aliases: ["整改措施", "改进方案", "Actions"] },
  ],
  examples: [
    {
      name: "核心服务器宕机",
      discoveredAt: "2024-09-10 09:20",
      discoverer: "孙磊(运维工程师)",
      impact: "用户无法登录",
      planStartedAt: "2024-09-10 09:28",
      bulletinAt: "2024-09-10 09:45",
      lastUpdateAt: "2024-09-10 10:40",
      resolvedAt: "2024-09-10 11:05",
      reviewAt: "2024-09-11 10:00",
      cause: "内存条损坏(硬件老化未及时更换)",
      improvements: "增加服务器巡检频率;优化紧急信息同步渠道",
    },
    {
      name: "订单数据库连接超时",
      discoveredAt: "2024-10-12 14:05",
      discoverer: "赵强(运维工程师)",
      impact: "部分用户无法下单",
      planStartedAt: "2024-10-12 14:20",
      bulletinAt: "2024-10-12 14:30",
      lastUpdateAt: "2024-10-12 15:10",
    },
  ],
  titleColumns: ["name", "discoveredAt"],
  // Each step is owed from the moment its clock starts, so a missing time is late once the limit
  // has passed; updates are due every settings.updateIntervalMinutes until 解决时间 is filled in.
  rules: [
    { kind: "deadline", from: "discoveredAt", to: "planStartedAt", limit: { minutes: 10 }, missingIsLate: true },
    { kind: "deadline", from: "discoveredAt", to: "bulletinAt", limit: { minutes: 30 }, missingIsLate: true },
    { kind: "deadline", from: "resolvedAt", to: "reviewAt", limit: { hours: 24 }, missingIsLate: true },
    { kind: "stale-update", last: "lastUpdateAt", resolved: "resolvedAt", since: "discoveredAt" },
    { kind: "not-before", later: "resolvedAt", earlier: "discoveredAt" },
  ],
} as const satisfies TemplateDef;
