import { meetings } from "../../../src/core/templates/meetings";
import { customerLog } from "../../../src/core/templates/customer-log";
import { actionItems } from "../../../src/core/templates/action-items";
import { incidents } from "../../../src/core/templates/incidents";
import { purchaseOrders } from "../../../src/core/templates/purchase-orders";
import { partnerProgress } from "../../../src/core/templates/partner-progress";
import { createCalendar } from "../../../src/core/calendar/calendar";
import { check, cells, day, withRules } from "./fixtures";

const meeting = (time: string, extra: Record<string, string | null> = {}) => ({
  topic: "周例会",
  time,
  host: "张三",
  recorder: "李四",
  attendees: "全员",
  ...extra,
});

describe("deadline: 纪要发送时间 ≤ 会议时间 + 1 工作日", () => {
  const tpl = withRules(meetings, [{ kind: "deadline", from: "time", to: "minutesSentAt", limit: { workdays: 1 } }]);
  const late = (time: string, sent: string) => cells(check(tpl, [meeting(time, { minutesSentAt: sent })]), "deadline").length === 1;

  it("meeting on the make-up Sunday 2024-09-29: minutes due Monday 09-30", () => {
    expect(late("2024-09-29 10:00", "2024-09-30 23:59")).toBe(false);
    expect(late("2024-09-29 10:00", "2024-10-01 09:00")).toBe(true);
  });
  it("meeting on Friday 2024-10-11: the next working day is the make-up Saturday 10-12", () => {
    expect(late("2024-10-11 15:00", "2024-10-12 17:00")).toBe(false);
    expect(late("2024-10-11 15:00", "2024-10-13 09:00")).toBe(true);
    expect(late("2024-10-11 15:00", "2024-10-14 09:00")).toBe(true);
  });
  it("National Day week: a meeting on 2024-09-30 has until 2024-10-08", () => {
    expect(late("2024-09-30 16:00", "2024-10-07 20:00")).toBe(false);
    expect(late("2024-09-30 16:00", "2024-10-08 20:00")).toBe(false);
    expect(late("2024-09-30 16:00", "2024-10-09 08:00")).toBe(true);
  });
  it("Labour Day week: a meeting on 2024-04-30 has until 2024-05-06", () => {
    expect(late("2024-04-30 10:00", "2024-05-06 18:00")).toBe(false);
    expect(late("2024-04-30 10:00", "2024-05-07 09:00")).toBe(true);
  });
  it("an ordinary Friday: minutes due on Monday", () => {
    expect(late("2024-11-08 10:00", "2024-11-11 18:00")).toBe(false);
    expect(late("2024-11-08 10:00", "2024-11-12 09:00")).toBe(true);
  });
  it("lands on 纪要发送时间 with the limit in the message", () => {
    const f = check(tpl, [meeting("2024-09-29 10:00", { minutesSentAt: "2024-10-08 09:00" })]);
    expect(f).toEqual([
      {
        sheet: "沟通会议记录",
        row: 2,
        column: "纪要发送时间",
        cell: "H2",
        rule: "deadline",
        severity: "warning",
        message: "纪要发送时间2024-10-08 09:00晚于期限2024-09-30（会议时间后1个工作日）",
        key: "deadline.late",
        params: {
          to: { column: "minutesSentAt", name: "纪要发送时间", en: "Minutes sent" },
          from: { column: "time", name: "会议时间", en: "Meeting time" },
          rule: { message: "deadline.rule.workdays", params: { n: 1 } },
          limit: "2024-09-30",
          toValue: "2024-10-08 09:00",
        },
      },
    ]);
  });
  it("an empty 纪要发送时间 is not checked unless the rule says missing is late", () => {
    const rows = [meeting("2024-09-29 10:00"), meeting("2024-10-08 09:00")];
    expect(cells(check(tpl, rows), "deadline")).toEqual([]);
    const strict = withRules(meetings, [
      { kind: "deadline", from: "time", to: "minutesSentAt", limit: { workdays: 1 }, missingIsLate: true },
    ]);
    const f = check(strict, rows, { today: "2024-10-08" });
    expect(cells(f, "deadline")).toEqual(["H2 deadline"]);
    expect(f[0].message).toBe("纪要发送时间未填写，已超过期限2024-09-30（会议时间后1个工作日）");
  });
  it("the user's own holidays count", () => {
    const calendar = createCalendar({ extraHolidays: [day("2024-10-14")] }); // a Monday
    const f = check(tpl, [meeting("2024-10-12 10:00", { minutesSentAt: "2024-10-15 10:00" })], { calendar });
    expect(cells(f, "deadline")).toEqual([]);
  });
});

describe("deadline: 邀约发送时间 ≤ 会议时间 − 2 工作日", () => {
  const tpl = withRules(meetings, [{ kind: "deadline", from: "time", to: "inviteSentAt", limit: { workdaysBefore: 2 } }]);
  const late = (time: string, sent: string) => cells(check(tpl, [meeting(time, { inviteSentAt: sent })]), "deadline").length === 1;
  it("a meeting on 2024-10-09 needs the invitation by 2024-09-30 (across National Day and the make-up Sunday)", () => {
    expect(late("2024-10-09 10:00", "2024-09-30 17:00")).toBe(false);
    expect(late("2024-10-09 10:00", "2024-10-01 09:00")).toBe(true);
    expect(late("2024-10-09 10:00", "2024-10-08 09:00")).toBe(true);
  });
  it("a meeting on Wednesday 2024-11-13 needs it by Monday 11-11", () => {
    expect(late("2024-11-13 10:00", "2024-11-11 23:00")).toBe(false);
    expect(late("2024-11-13 10:00", "2024-11-12 08:00")).toBe(true);
  });
  it("message", () => {
    const f = check(tpl, [meeting("2024-11-13 10:00", { inviteSentAt: "2024-11-12 08:00" })]);
    expect(f.map((x) => [x.cell, x.message])).toEqual([["F2", "邀约发送时间2024-11-12 08:00晚于期限2024-11-11（会议时间前2个工作日）"]]);
  });
});

describe("deadline: customer response 2 h inside working hours, else 4 h", () => {
  const tpl = withRules(customerLog, [{ kind: "deadline", from: "inquiryTime", to: "firstResponseTime", limit: { response: true } }]);
  const row = (inquiry: string, response: string) => ({
    customerName: "甲公司",
    inquiryTime: inquiry,
    firstResponseTime: response,
    commTime: inquiry,
    commMethod: "电话",
    owner: "王五",
  });
  const late = (inquiry: string, response: string, settings = {}) =>
    cells(check(tpl, [row(inquiry, response)], { settings }), "deadline").length === 1;

  it("Saturday 2024-05-11 was a make-up workday: 2 hours", () => {
    expect(late("2024-05-11 10:00", "2024-05-11 12:00")).toBe(false);
    expect(late("2024-05-11 10:00", "2024-05-11 12:01")).toBe(true);
  });
  it("2024-05-01 was a holiday: 4 hours", () => {
    expect(late("2024-05-01 10:00", "2024-05-01 14:00")).toBe(false);
    expect(late("2024-05-01 10:00", "2024-05-01 14:01")).toBe(true);
  });
  it("working hours are 09:00 ≤ t < 18:00", () => {
    expect(late("2024-05-13 08:59", "2024-05-13 12:59")).toBe(false); // before 09:00: 4 h
    expect(late("2024-05-13 09:00", "2024-05-13 11:01")).toBe(true); // at 09:00: 2 h
    expect(late("2024-05-13 17:59", "2024-05-13 20:00")).toBe(true);
    expect(late("2024-05-13 18:00", "2024-05-13 22:00")).toBe(false);
  });
  it("follows the working-hours and response settings", () => {
    expect(late("2024-05-13 08:30", "2024-05-13 10:31", { workingHours: { start: "08:30", end: "17:30" } })).toBe(true);
    expect(late("2024-05-13 10:00", "2024-05-13 12:30", { responseHours: { inHours: 3, offHours: 6 } })).toBe(false);
  });
  it("message names the limit and why", () => {
    const f = check(tpl, [row("2024-05-11 10:00", "2024-05-11 13:00")]);
    expect(f.map((x) => [x.cell, x.column, x.message])).toEqual([
      ["H2", "首次响应时间", "首次响应时间2024-05-11 13:00晚于期限2024-05-11 12:00（来询时间后2小时，来询在工作时间内）"],
    ]);
  });
});

describe("deadline: minutes and hours (incidents, purchase orders)", () => {
  const tpl = withRules(incidents, [
    { kind: "deadline", from: "discoveredAt", to: "planStartedAt", limit: { minutes: 10 } },
    { kind: "deadline", from: "discoveredAt", to: "bulletinAt", limit: { minutes: 30 } },
    { kind: "deadline", from: "resolvedAt", to: "reviewAt", limit: { hours: 24 } },
  ]);
  const base = {
    name: "服务器宕机",
    discoveredAt: "2024-10-08 10:00",
    discoverer: "运维",
    impact: "全公司",
    lastUpdateAt: "2024-10-08 11:50",
  };
  it("10 and 30 minutes by the clock, 24 hours after resolution", () => {
    const ok = check(tpl, [
      {
        ...base,
        planStartedAt: "2024-10-08 10:10",
        bulletinAt: "2024-10-08 10:30",
        resolvedAt: "2024-10-08 11:00",
        reviewAt: "2024-10-09 11:00",
      },
    ]);
    expect(cells(ok, "deadline")).toEqual([]);
    const bad = check(tpl, [
      {
        ...base,
        planStartedAt: "2024-10-08 10:11",
        bulletinAt: "2024-10-08 10:31",
        resolvedAt: "2024-10-08 11:00",
        reviewAt: "2024-10-09 11:01",
      },
    ]);
    expect(cells(bad, "deadline")).toEqual(["E2 deadline", "F2 deadline", "I2 deadline"]);
    expect(bad[0].message).toBe("预案启动时间2024-10-08 10:11晚于期限2024-10-08 10:10（发现时间后10分钟）");
  });
  it("补发时间 ≤ 实际交付日期 + 48 小时, only when 验收结果 is 不合格 (a date-only delivery counts in whole days)", () => {
    const po = withRules(purchaseOrders, [
      { kind: "deadline", from: "actualDate", to: "reshipAt", limit: { hours: 48 }, when: { column: "inspection", equals: "不合格" } },
    ]);
    const order = (orderNo: string, inspection: string, reshipAt: string) => ({
      orderNo,
      supplierName: "甲",
      items: "纸",
      quantity: 10,
      address: "总部",
      requiredDate: "2024-10-10",
      actualDate: "2024-10-08",
      inspection,
      reshipAt,
    });
    const f = check(po, [
      order("PO1", "不合格", "2024-10-10 23:00"),
      order("PO2", "不合格", "2024-10-11 09:00"),
      order("PO3", "合格", "2024-10-20 09:00"),
      order("PO4", "验收不合格", "2024-10-12 09:00"),
    ]);
    expect(cells(f, "deadline")).toEqual(["K3 deadline", "K5 deadline"]);
  });
});

describe("due dates: D = today − due (today 2024-10-08)", () => {
  const tpl = withRules(actionItems, [
    { kind: "due", due: "dueDate", done: "doneDate", status: "status", doneValues: ["已完成"] },
    { kind: "done-needs-date", status: "status", doneValues: ["已完成"], date: "doneDate" },
  ]);
  const item = (dueDate: string, status = "进行中", doneDate: string | null = null) => ({
    content: "整理纪要",
    owner: "李四",
    dueDate,
    status,
    doneDate,
  });

  it.each([
    ["2024-10-10", -2, []],
    ["2024-10-09", -1, ["C2 due-soon info"]],
    ["2024-10-08", 0, ["C2 due-soon info"]],
    ["2024-10-07", 1, ["C2 overdue warning"]],
    ["2024-10-06", 2, ["C2 escalation error"]],
    ["2024-10-05", 3, ["C2 escalation error"]],
  ])("due %s (D = %d)", (due, _d, expected) => {
    expect(check(tpl, [item(due)]).map((f) => `${f.cell} ${f.rule} ${f.severity}`)).toEqual(expected);
  });

  it("messages", () => {
    const f = check(tpl, [item("2024-10-09"), item("2024-10-08"), item("2024-10-07"), item("2024-10-05")]);
    expect(f.map((x) => x.message)).toEqual([
      "截止日期2024-10-09为明天，请提前1天催办",
      "截止日期2024-10-08为今天，事项尚未完成，请及时催办",
      "已逾期1天（截止日期2024-10-07），请立即催办；逾期2天将启动问责",
      "已逾期3天（截止日期2024-10-05），应启动问责",
    ]);
  });

  it("an item with a completion date or a done status is not open", () => {
    expect(check(tpl, [item("2024-10-05", "进行中", "2024-10-05")])).toEqual([]);
    expect(cells(check(tpl, [item("2024-10-05", "已完成")]))).toEqual(["E2 consistency"]);
  });

  it("a placeholder in 完成日期 means no date: still open", () => {
    expect(cells(check(tpl, [item("2024-10-05", "进行中", "无")]))).toEqual(["C2 escalation"]);
  });

  it("late: done after the due date, on the done-date column", () => {
    const f = check(tpl, [item("2024-10-03", "已完成", "2024-10-05")]);
    expect(f.map((x) => [x.cell, x.column, x.rule, x.severity, x.message])).toEqual([
      ["E2", "完成日期", "late", "warning", "完成日期2024-10-05晚于截止日期2024-10-03，延迟2天完成"],
    ]);
  });

  it("results do not depend on the weekday or holidays (calendar days)", () => {
    expect(cells(check(tpl, [item("2024-10-01")], { today: "2024-10-03" }))).toEqual(["C2 escalation"]);
  });

  it("partner-progress: 计划 vs 实际 → late, no status column", () => {
    const pp = withRules(partnerProgress, [{ kind: "due", due: "plannedDate", done: "actualDate" }]);
    const row = (plannedDate: string, actualDate: string | null) => ({
      project: "发布会",
      partner: "A广告公司",
      stage: "策划",
      ourOwner: "张三",
      plannedDate,
      actualDate,
      deliverable: "方案",
    });
    expect(cells(check(pp, [row("2024-05-20", "2024-05-22"), row("2024-10-07", null), row("2024-10-20", null)]))).toEqual([
      "G2 late",
      "F3 overdue",
    ]);
  });

  it("customer-log: 完成时间 is the due date, 状态 closes it", () => {
    const cl = withRules(customerLog, [{ kind: "due", due: "doneDate", status: "status", doneValues: ["已完成", "已关闭"] }]);
    const row = (doneDate: string, status: string) => ({
      customerName: "甲公司",
      commTime: "2024-10-01 10:00",
      commMethod: "电话",
      owner: "王五",
      doneDate,
      status,
    });
    expect(cells(check(cl, [row("2024-10-06", "跟进中"), row("2024-10-06", "已关闭"), row("2024-10-09", "跟进中")]))).toEqual([
      "O2 escalation",
      "O4 due-soon",
    ]);
  });
});

describe("stale-update", () => {
  const tpl = withRules(incidents, [{ kind: "stale-update", last: "lastUpdateAt", resolved: "resolvedAt", since: "discoveredAt" }]);
  const inc = (extra: Record<string, string>) => ({
    name: "宕机",
    discoveredAt: "2024-10-08 09:00",
    discoverer: "运维",
    impact: "全公司",
    ...extra,
  });
  it("an unresolved incident not updated for more than 60 minutes (now 12:00)", () => {
    const f = check(
      tpl,
      [
        inc({ lastUpdateAt: "2024-10-08 10:59" }),
        inc({ lastUpdateAt: "2024-10-08 11:00" }),
        inc({ lastUpdateAt: "2024-10-08 09:00", resolvedAt: "2024-10-08 09:30" }),
      ],
      { now: "2024-10-08 12:00" },
    );
    expect(cells(f)).toEqual(["G2 stale-update"]);
    expect(f[0].message).toBe("事件尚未解决，最近进展更新时间2024-10-08 10:59至今已超过60分钟，应每60分钟更新一次进展");
  });
  it("never updated: counted from 发现时间", () => {
    const f = check(tpl, [inc({ discoveredAt: "2024-10-08 10:30" }), inc({ discoveredAt: "2024-10-08 11:30" })], {
      now: "2024-10-08 12:00",
    });
    expect(cells(f)).toEqual(["G2 stale-update"]);
  });
  it("follows the interval setting", () => {
    expect(
      cells(check(tpl, [inc({ lastUpdateAt: "2024-10-08 11:40" })], { now: "2024-10-08 12:00", settings: { updateIntervalMinutes: 15 } })),
    ).toEqual(["G2 stale-update"]);
  });
});

describe("calendar: a year without holiday data", () => {
  const tpl = withRules(meetings, [{ kind: "deadline", from: "time", to: "minutesSentAt", limit: { workdays: 1 } }]);
  it("is counted Monday–Friday and flagged once, on the first row counted that way", () => {
    const calendar = createCalendar();
    const f = check(
      tpl,
      [
        meeting("2024-10-11 10:00", { minutesSentAt: "2024-10-12 10:00" }),
        meeting("2027-10-01 10:00", { minutesSentAt: "2027-10-04 10:00" }),
        meeting("2027-10-08 10:00", { minutesSentAt: "2027-10-12 10:00" }),
      ],
      { calendar },
    );
    // 2027-10-01 is a Friday: counted Monday–Friday, the next working day is Monday 10-04.
    expect(f.map((x) => `${x.cell} ${x.rule} ${x.severity}`)).toEqual(["B3 calendar info", "H4 deadline warning"]);
    expect(f[0].message).toBe("2027年的法定节假日数据未收录，工作日暂按周一至周五计算；可在设置中补充节假日和调休");
    expect(calendar.provisionalYears()).toEqual([2027]);
  });
  it("no calendar finding when the data covers every year used", () => {
    expect(cells(check(tpl, [meeting("2024-10-11 10:00", { minutesSentAt: "2024-10-12 10:00" })]), "calendar")).toEqual([]);
  });
});
