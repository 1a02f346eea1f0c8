import type { TemplateDef } from "./types";

/**
 * 001 三(三) 步骤4-5: the quarterly supplier score, 满分100 = 产品质量30 + 交付及时性25 + 服务态度20 +
 * 价格合理性15 + 问题解决能力10; below 80 a 整改通知书 is due. The manual has no example rows, so
 * the samples show a pass, two consecutive quarters below the line, and a near miss (79.5).
 */
const score = (max: number) => ({ type: "number", required: true, min: 0, max, width: 10, format: "0.0", hint: `0–${max} 分` }) as const;

export const supplierEvaluation = {
  id: "supplier-evaluation",
  name: "供应商评估表",
  en: "Supplier evaluation",
  purpose: "每季度按五项指标为供应商打分(满分100分),低于80分的发出整改通知书。",
  purposeEn: "Scores each supplier every quarter on five weighted criteria (out of 100); below 80 a corrective-action notice is due.",
  source: "001 三(三) 步骤4-5",
  tableName: "SupplierEvaluation",
  columns: [
    { key: "supplierName", name: "供应商名称", en: "Supplier", type: "text", required: true, width: 20, aliases: ["供应商", "供应商全称", "Supplier name"] },
    { key: "period", name: "评估周期", en: "Period", type: "quarter", required: true, width: 10, aliases: ["评估季度", "季度", "评估期间", "周期", "Quarter"], hint: "如 2024Q2" },
    { key: "quality", name: "产品质量", en: "Quality", ...score(30), aliases: ["产品质量(30分)", "产品质量(30)", "质量", "Product quality"] },
    { key: "delivery", name: "交付及时性", en: "On-time delivery", ...score(25), aliases: ["交付及时性(25分)", "交付及时性(25)", "交付", "及时性", "Delivery"] },
    { key: "service", name: "服务态度", en: "Service", ...score(20), aliases: ["服务态度(20分)", "服务态度(20)", "服务", "Service attitude"] },
    { key: "price", name: "价格合理性", en: "Price", ...score(15), aliases: ["价格合理性(15分)", "价格合理性(15)", "价格", "Pricing"] },
    { key: "problemSolving", name: "问题解决能力", en: "Problem solving", ...score(10), aliases: ["问题解决能力(10分)", "问题解决能力(10)", "问题解决", "Problem-solving"] },
    {
      key: "total",
      name: "总分",
      en: "Total",
      type: "number",
      min: 0,
      max: 100,
      width: 10,
      format: "0.0",
      aliases: ["总分(100分)", "综合评分", "综合得分", "合计", "总计", "得分", "Total score"],
      hint: "五项之和,满分100,低于80分需整改",
    },
    { key: "evaluator", name: "评估人", en: "Evaluator", type: "text", width: 10, aliases: ["评估人员", "评分人", "评价人"] },
    { key: "conclusion", name: "结论", en: "Conclusion", type: "text", width: 24, aliases: ["评估结论", "处理意见", "Result"] },
  ],
  examples: [
    { supplierName: "华东办公用品有限公司", period: "2024Q1", quality: 27, delivery: 22, service: 17, price: 12, problemSolving: 7, total: 85, evaluator: "采购部 王磊", conclusion: "合格,继续合作" },
    { supplierName: "鑫达物流有限公司", period: "2023Q4", quality: 24, delivery: 19, service: 16, price: 12, problemSolving: 7, total: 78, evaluator: "采购部 王磊", conclusion: "低于80分,发整改通知书" },
    { supplierName: "鑫达物流有限公司", period: "2024Q1", quality: 23, delivery: 20, service: 16, price: 11, problemSolving: 7, total: 77, evaluator: "采购部 王磊", conclusion: "连续两季度低于80分" },
    { supplierName: "恒通IT设备有限公司", period: "2024Q1", quality: 24, delivery: 20, service: 16, price: 12, problemSolving: 7.5, total: 79.5, evaluator: "行政部 陈静", conclusion: "低于80分,发整改通知书" },
  ],
  titleColumns: ["supplierName", "period"],
  // Item bounds (0–30 …) come from the columns' max (rule `range`); 合格线 and 期数 from the settings.
  rules: [
    { kind: "sum", total: "total", parts: ["quality", "delivery", "service", "price", "problemSolving"] },
    { kind: "threshold", column: "total", parts: ["quality", "delivery", "service", "price", "problemSolving"] },
    { kind: "consecutive", key: "supplierName", period: "period", column: "total", parts: ["quality", "delivery", "service", "price", "problemSolving"] },
  ],
} as const satisfies TemplateDef;
