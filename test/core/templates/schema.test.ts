import { dayFromYmd } from "../../../src/core/cells/civil";
import { getTemplate, type TemplateDef } from "../../../src/core/templates";
import { rowSchema, templateDefSchema } from "../../../src/core/templates/schema";

const evaluation = getTemplate("supplier-evaluation");
const validEvaluation = {
  supplierName: "鑫达物流有限公司",
  period: "2024Q1",
  quality: 23,
  delivery: 20,
  service: 16,
  price: 11,
  problemSolving: 7.5,
  total: 77.5,
  evaluator: null,
};

describe("rowSchema", () => {
  test("accepts a valid typed row and leaves optional columns out or null", () => {
    expect(rowSchema(evaluation).safeParse(validEvaluation).success).toBe(true);
  });

  test("is cached per template", () => {
    expect(rowSchema(evaluation)).toBe(rowSchema(evaluation));
  });

  test("rejects wrong types, bounds and missing required values", () => {
    const s = rowSchema(evaluation);
    const bad = (patch: Record<string, unknown>) => s.safeParse({ ...validEvaluation, ...patch }).success;
    expect(bad({ quality: "23" })).toBe(false); // a string where a number belongs
    expect(bad({ quality: 31 })).toBe(false); // over its weight
    expect(bad({ price: -1 })).toBe(false);
    expect(bad({ total: 101 })).toBe(false);
    expect(bad({ period: "2024 Q5" })).toBe(false);
    expect(bad({ supplierName: null })).toBe(false);
    expect(bad({ supplierName: "" })).toBe(false);
    expect(bad({ delivery: undefined })).toBe(false);
    expect(bad({ total: null })).toBe(true);
  });

  test("dates are day numbers, date-times minute numbers, multi-enums lists of options", () => {
    const collab = rowSchema(getTemplate("collab-request"));
    const row = {
      projectName: "年度新品发布会",
      department: "技术部",
      requirement: "提供产品功能演示",
      expectedOutcome: "完成3个核心功能演示",
      contactName: "刘强",
      contactPhone: "138 0013 8000",
      milestone: dayFromYmd(2024, 5, 20),
      commMechanism: ["例会", "邮件"],
    };
    expect(collab.safeParse(row).success).toBe(true);
    expect(collab.safeParse({ ...row, milestone: "2024-05-20" }).success).toBe(false);
    expect(collab.safeParse({ ...row, milestone: 19863.5 }).success).toBe(false);
    expect(collab.safeParse({ ...row, commMechanism: ["周例会"] }).success).toBe(false);
    expect(collab.safeParse({ ...row, commMechanism: [] }).success).toBe(false);
    expect(collab.safeParse({ ...row, commMechanism: "例会" }).success).toBe(false);
    expect(collab.safeParse({ ...row, contactPhone: "找前台" }).success).toBe(false);

    const incidents = rowSchema(getTemplate("incidents"));
    const inc = { name: "核心服务器宕机", discoveredAt: dayFromYmd(2024, 9, 10) * 1440 + 560, discoverer: "孙磊", impact: "用户无法登录" };
    expect(incidents.safeParse(inc).success).toBe(true);
    expect(incidents.safeParse({ ...inc, discoveredAt: "09:20" }).success).toBe(false);
  });

  test("enums accept canonical options only (aliases are the reader's job)", () => {
    const items = rowSchema(getTemplate("action-items"));
    const row = { content: "准备上线宣传物料", owner: "王芳", dueDate: dayFromYmd(2024, 10, 9), status: "进行中" };
    expect(items.safeParse(row).success).toBe(true);
    expect(items.safeParse({ ...row, status: "处理中" }).success).toBe(false);
  });

  test("integer and gt bounds", () => {
    const tpl: TemplateDef = {
      ...getTemplate("purchase-orders"),
      columns: [{ key: "n", name: "件数", en: "Pieces", type: "integer", required: true, gt: 0 }],
    };
    const s = rowSchema(tpl);
    expect(s.safeParse({ n: 3 }).success).toBe(true);
    expect(s.safeParse({ n: 2.5 }).success).toBe(false);
    expect(s.safeParse({ n: 0 }).success).toBe(false);
    const orders = rowSchema(getTemplate("purchase-orders"));
    const order = { orderNo: "PO-1", supplierName: "甲", items: "纸", quantity: 0.5, address: "上海", requiredDate: 19990 };
    expect(orders.safeParse(order).success).toBe(true);
    expect(orders.safeParse({ ...order, quantity: 0 }).success).toBe(false);
  });
});

describe("templateDefSchema rejects malformed templates", () => {
  const base = getTemplate("action-items");
  const issues = (tpl: unknown): string[] => {
    const r = templateDefSchema.safeParse(tpl);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };
  const withColumns = (cols: unknown[]) => ({ ...base, columns: [...base.columns, ...cols], examples: [] });

  test("the base template is valid", () => {
    expect(issues(base)).toEqual([]);
  });
  test("duplicate keys", () => {
    expect(issues(withColumns([{ ...base.columns[0], name: "另一列", en: "Other", aliases: [] }])).join()).toMatch(/duplicate key/);
  });
  test("a header shared by two columns", () => {
    expect(issues(withColumns([{ key: "other", name: "责任人", en: "Other", type: "text" }])).join()).toMatch(/also used by/);
  });
  test("enum without options, options on text", () => {
    expect(issues(withColumns([{ key: "x", name: "甲", en: "X", type: "enum" }])).join()).toMatch(/needs options/);
    expect(issues(withColumns([{ key: "x", name: "甲", en: "X", type: "text", options: ["a"] }])).join()).toMatch(/options on a text/);
  });
  test("option aliases must point to an option", () => {
    expect(
      issues(withColumns([{ key: "x", name: "甲", en: "X", type: "enum", options: ["是"], optionAliases: { Y: "yes" } }])).join(),
    ).toMatch(/unknown option/);
  });
  test("min > max, bounds on text", () => {
    expect(issues(withColumns([{ key: "x", name: "甲", en: "X", type: "number", min: 5, max: 1 }])).join()).toMatch(/min > max/);
    expect(issues(withColumns([{ key: "x", name: "甲", en: "X", type: "text", max: 1 }])).join()).toMatch(/max on a text/);
  });
  test("examples with unknown keys, unknown title columns", () => {
    expect(issues({ ...base, examples: [{ nope: "1" }] }).join()).toMatch(/unknown key "nope"/);
    expect(issues({ ...base, titleColumns: ["nope"] }).join()).toMatch(/unknown title column/);
  });
  test("invalid table names and ids, unknown fields", () => {
    expect(issues({ ...base, tableName: "待办" }).length).toBeGreaterThan(0);
    expect(issues({ ...base, tableName: "A1" }).length).toBeGreaterThan(0);
    expect(issues({ ...base, id: "Action Items" }).length).toBeGreaterThan(0);
    expect(issues({ ...base, colums: [] }).length).toBeGreaterThan(0);
  });
  test("a name with / needs a sheetName", () => {
    expect(issues({ ...base, name: "周/月" }).join()).toMatch(/sheetName/);
    expect(issues({ ...base, name: "周/月", sheetName: "周、月" })).toEqual([]);
  });
  test("grouped columns are named group-part", () => {
    expect(issues(withColumns([{ key: "x", name: "姓名", en: "X", type: "text", group: "对接人" }])).join()).toMatch(/对接人-/);
  });
});
