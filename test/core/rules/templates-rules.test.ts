import { TEMPLATES, getTemplate } from "../../../src/core/templates";
import { checkRuleSpecs } from "../../../src/core/rules/check-specs";
import { reportSchema } from "../../../src/core/report/schema";
import { buildReport } from "../../../src/core/report/build";
import { createCalendar } from "../../../src/core/calendar/calendar";
import type { RuleSpec } from "../../../src/core/rules/spec";
import { check, cells, day } from "./fixtures";

/** The rules attached to the 11 templates (manual.md §2), run on the templates' own examples and on edge rows. */

describe("every template's rules", () => {
  it.each(TEMPLATES.map((t) => [t.id]))("%s: specs match its columns", (id) => {
    expect(checkRuleSpecs(getTemplate(id))).toEqual([]);
  });

  it("together cover every rule of manual.md §2", () => {
    const kinds = new Set(TEMPLATES.flatMap((t) => (t.rules ?? []).map((r: RuleSpec) => r.kind)));
    for (const k of [
      "sum",
      "threshold",
      "consecutive",
      "unique",
      "min-count",
      "deadline",
      "due",
      "done-needs-date",
      "problem-needs-text",
      "quantified",
      "stale-update",
    ]) {
      expect(kinds).toContain(k);
    }
  });

  it.each(TEMPLATES.map((t) => [t.id]))("%s: the examples give well-formed findings", (id) => {
    const tpl = getTemplate(id);
    const calendar = createCalendar();
    const findings = check(tpl, tpl.examples, { today: "2024-10-08", calendar });
    const report = buildReport({
      file: "examples.xlsx",
      today: day("2024-10-08"),
      tables: [{ found: { sheet: tpl.name, templateId: id, headerRow: 1, rows: tpl.examples.length }, findings }],
      calendar,
    });
    expect(reportSchema.safeParse(report).error).toBeUndefined();
  });
});

describe("the templates' rules on their own examples (today 2024-10-08)", () => {
  it("supplier-evaluation: 78/77 consecutive, 79.5 below the line", () => {
    const tpl = getTemplate("supplier-evaluation");
    const f = check(tpl, tpl.examples);
    // Within one cell, rules follow contract order (errors first).
    expect(cells(f)).toEqual(["H3 threshold", "H4 consecutive", "H4 threshold", "H5 threshold"]);
  });

  it("action-items: due soon, overdue and escalation by status", () => {
    const tpl = getTemplate("action-items");
    const f = check(tpl, tpl.examples);
    // 2024-09-30 进行中 → escalation; 10-09 → due soon (tomorrow); 10-10 → nothing yet.
    expect(cells(f)).toEqual(["C3 escalation", "C4 due-soon"]);
  });

  it("purchase-orders: the 不合格 order re-shipped within 2 days is fine; due dates follow", () => {
    const tpl = getTemplate("purchase-orders");
    // The example's 实际交付日期 2024-10-09 is after 2024-10-08: a delivery that cannot have happened yet (issue 10).
    expect(cells(check(tpl, tpl.examples))).toEqual(["I3 consistency"]);
    expect(cells(check(tpl, tpl.examples, { today: "2024-10-15" }))).toEqual(["H4 due-soon"]);
  });
});

describe("the templates' rules on edge rows", () => {
  it("purchase-orders: duplicate 订单号, 数量 0, 不合格 without 补发 after 48 h", () => {
    const tpl = getTemplate("purchase-orders");
    const po = (orderNo: string, extra: Record<string, string | number> = {}) => ({
      orderNo,
      supplierName: "甲",
      items: "纸",
      quantity: 5,
      address: "总部",
      requiredDate: "2024-10-20",
      ...extra,
    });
    const f = check(tpl, [
      po("PO-1"),
      po("PO-1", { quantity: 0 }),
      po("PO-2", { requiredDate: "2024-10-01", actualDate: "2024-10-05", inspection: "不合格" }),
    ]);
    expect(f.map((x) => `${x.cell} ${x.column} ${x.rule}`)).toEqual([
      "A3 订单号 unique",
      "D3 数量 range",
      "I4 实际交付日期 late",
      "K4 补发时间 deadline",
    ]);
  });

  it("quotes: fewer than 3 suppliers for a 采购需求", () => {
    const tpl = getTemplate("quotes");
    const q = (requirement: string, supplierName: string) => ({ requirement, supplierName, unitPrice: 10 });
    expect(cells(check(tpl, [q("电脑", "甲"), q("电脑", "乙"), q("纸", "甲"), q("纸", "乙"), q("纸", "丙")]))).toEqual(["A2 min-count"]);
  });

  it("meetings: minutes on the make-up Sunday; a meeting whose minutes were never sent", () => {
    const tpl = getTemplate("meetings");
    const m = (time: string, extra: Record<string, string> = {}) => ({
      topic: "评审",
      time,
      host: "甲",
      recorder: "乙",
      attendees: "丙",
      ...extra,
    });
    const f = check(tpl, [
      m("2024-09-27 15:00", { minutesSentAt: "2024-09-29 11:00", inviteSentAt: "2024-09-25 10:00" }),
      m("2024-09-29 10:00", { minutesSentAt: "2024-10-08 09:00" }),
      m("2024-09-30 10:00"),
      m("2024-09-26 10:00"),
    ]);
    // 09-27 (Fri) + 1 working day = 09-29 (make-up Sunday); 09-27 − 2 working days = 09-25.
    // Unsent minutes: 09-30's are due 10-08 (today, not late yet), 09-26's were due 09-27.
    expect(cells(f)).toEqual(["H3 deadline", "H5 deadline"]);
  });

  it("customer-log: an unanswered enquiry past its limit, and an open item past its 完成时间", () => {
    const tpl = getTemplate("customer-log");
    const c = (extra: Record<string, string>) => ({
      customerName: "甲公司",
      commTime: "2024-10-08 10:00",
      commMethod: "电话",
      owner: "王五",
      ...extra,
    });
    const f = check(
      tpl,
      [c({ inquiryTime: "2024-10-08 09:30" }), c({ inquiryTime: "2024-10-08 11:00" }), c({ doneDate: "2024-10-06", status: "跟进中" })],
      { now: "2024-10-08 12:00" },
    );
    expect(cells(f)).toEqual(["H2 deadline", "O4 escalation"]);
  });

  it("incidents: missing steps are late once their clock has run out; unresolved and stale", () => {
    const tpl = getTemplate("incidents");
    const f = check(
      tpl,
      [{ name: "宕机", discoveredAt: "2024-10-08 11:40", discoverer: "运维", impact: "全公司", planStartedAt: "2024-10-08 11:45" }],
      { now: "2024-10-08 12:00" },
    );
    // 快报 (30 min) not yet due at 12:00; 预案 started in time; updates not yet due (20 min).
    expect(cells(f)).toEqual([]);
    const later = check(tpl, [{ name: "宕机", discoveredAt: "2024-10-08 10:00", discoverer: "运维", impact: "全公司" }], {
      now: "2024-10-08 12:00",
    });
    expect(cells(later)).toEqual(["E2 deadline", "F2 deadline", "G2 stale-update"]);
  });

  it("work-report: × without 问题; √ without figures", () => {
    const tpl = getTemplate("work-report");
    const w = (completion: string, extra: Record<string, string> = {}) => ({
      reporter: "赵六",
      department: "市场部",
      period: "2024年5月第2周",
      coreWork: "方案",
      completion,
      nextPlan: "执行",
      ...extra,
    });
    expect(cells(check(tpl, [w("×"), w("√", { quantifiedResult: "效果很好" }), w("√", { quantifiedResult: "转化率提升12%" })]))).toEqual([
      "G2 consistency",
      "F3 quantified",
    ]);
  });

  it("partner-progress: late delivery, feedback owed 2 working days after submission", () => {
    const tpl = getTemplate("partner-progress");
    const p = (extra: Record<string, string>) => ({
      project: "发布会",
      partner: "A广告公司",
      stage: "策划",
      ourOwner: "张三",
      plannedDate: "2024-10-20",
      deliverable: "方案",
      ...extra,
    });
    const f = check(tpl, [
      p({ plannedDate: "2024-09-20", actualDate: "2024-09-23" }),
      p({ submittedAt: "2024-09-27", feedbackAt: "2024-10-08" }),
      p({ submittedAt: "2024-09-27", feedbackAt: "2024-09-29" }),
      p({ submittedAt: "2024-09-30" }),
    ]);
    // 09-27 (Fri) + 2 working days = 09-30 (09-29 is a make-up Sunday); 09-30 + 2 = 10-09.
    expect(cells(f)).toEqual(["G2 late", "I3 deadline"]);
  });
});
