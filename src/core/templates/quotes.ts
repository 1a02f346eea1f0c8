import type { TemplateDef } from "./types";

/** 001 三(三) 步骤1-2: quotes for one purchase need (at least 3 suppliers), compared before choosing. */
export const quotes = {
  id: "quotes",
  name: "询价比价表",
  en: "Quote comparison",
  purpose: "对同一采购需求收集至少3家供应商报价,比较规格、单价、配送周期和售后条款后选定供应商。",
  purposeEn: "Collects at least three supplier quotes per purchase need and compares spec, price, delivery time and after-sales terms.",
  source: "001 三(三) 步骤1-2",
  tableName: "Quotes",
  columns: [
    { key: "requirement", name: "采购需求", en: "Purchase need", type: "text", required: true, width: 20, aliases: ["采购项目", "采购内容", "需求", "Requirement"] },
    { key: "supplierName", name: "供应商名称", en: "Supplier", type: "text", required: true, width: 20, aliases: ["供应商", "报价供应商", "Supplier name"] },
    { key: "spec", name: "规格", en: "Specification", type: "text", width: 18, aliases: ["产品规格", "规格型号", "型号", "Spec"] },
    { key: "quantity", name: "数量", en: "Quantity", type: "number", gt: 0, width: 8, aliases: ["采购数量", "Qty"] },
    { key: "unitPrice", name: "单价", en: "Unit price", type: "number", required: true, min: 0, width: 10, format: "#,##0.00", aliases: ["单价(元)", "报价", "含税单价", "Price"] },
    { key: "deliveryCycle", name: "配送周期", en: "Delivery time", type: "text", width: 12, aliases: ["交货周期", "配送时间", "交期", "Lead time"], hint: "如 3天" },
    { key: "afterSales", name: "售后条款", en: "After-sales terms", type: "text", width: 20, aliases: ["售后服务", "售后", "After-sales"] },
    {
      key: "selected",
      name: "是否选中",
      en: "Selected",
      type: "enum",
      options: ["是", "否"],
      optionAliases: { "√": "是", "✓": "是", "✔": "是", 选中: "是", 中标: "是", Y: "是", Yes: "是", "×": "否", "✗": "否", 未选中: "否", 未中标: "否", N: "否", No: "否" },
      width: 10,
      aliases: ["选中", "是否中标", "中标", "Chosen"],
      hint: "是 / 否",
    },
  ],
  examples: [
    { requirement: "办公用品季度采购", supplierName: "华东办公用品有限公司", spec: "A4复印纸 70g", quantity: 200, unitPrice: 22.5, deliveryCycle: "2天", afterSales: "破损包换", selected: "是" },
    { requirement: "办公用品季度采购", supplierName: "晨光文具直营店", spec: "A4复印纸 70g", quantity: 200, unitPrice: 23.8, deliveryCycle: "3天", afterSales: "7天无理由退换", selected: "否" },
    { requirement: "办公用品季度采购", supplierName: "得力办公旗舰店", spec: "A4复印纸 70g", quantity: 200, unitPrice: 21.9, deliveryCycle: "7天", afterSales: "仅质量问题退换", selected: "否" },
    { requirement: "笔记本电脑采购", supplierName: "恒通IT设备有限公司", spec: "14英寸 i5/16G/512G", quantity: 20, unitPrice: 5299, deliveryCycle: "5天", afterSales: "三年上门保修", selected: "是" },
  ],
  titleColumns: ["requirement", "supplierName"],
  // 至少3家 (settings.minQuotes): distinct suppliers per 采购需求, so a supplier quoting twice counts once.
  rules: [{ kind: "min-count", group: "requirement", distinct: "supplierName" }],
} as const satisfies TemplateDef;
