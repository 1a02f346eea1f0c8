import type { TemplateDef } from "./types";

/**
 * 001 三(三) 步骤3-4: 《采购订单》 (订单号、产品明细、数量、交付地址、时间) and its acceptance; a
 * rejected delivery must be re-shipped within 48 hours, hence 补发时间 is a date-time.
 */
export const purchaseOrders = {
  id: "purchase-orders",
  name: "采购订单",
  en: "Purchase orders",
  purpose: "登记采购订单的明细、交付要求与验收结果,跟踪交付期限和不合格补发。",
  purposeEn: "Records purchase orders with their items, delivery terms and acceptance result; tracks due dates and re-shipments.",
  source: "001 三(三) 步骤3-4",
  tableName: "PurchaseOrders",
  columns: [
    { key: "orderNo", name: "订单号", en: "Order no.", type: "text", required: true, width: 14, aliases: ["订单编号", "采购订单号", "单号", "PO号", "Order number", "PO"], hint: "唯一,不可重复" },
    { key: "supplierName", name: "供应商名称", en: "Supplier", type: "text", required: true, width: 20, aliases: ["供应商", "Supplier name"] },
    { key: "items", name: "产品明细", en: "Items", type: "text", required: true, width: 24, aliases: ["产品", "明细", "产品名称", "货物明细", "Item"] },
    { key: "quantity", name: "数量", en: "Quantity", type: "number", required: true, gt: 0, width: 8, aliases: ["采购数量", "订购数量", "Qty"], hint: "大于0" },
    { key: "unitPrice", name: "单价", en: "Unit price", type: "number", min: 0, width: 10, format: "#,##0.00", aliases: ["单价(元)", "Price"] },
    { key: "amount", name: "金额", en: "Amount", type: "number", min: 0, width: 12, format: "#,##0.00", aliases: ["总价", "订单金额", "合计金额", "金额(元)", "Total"] },
    { key: "address", name: "交付地址", en: "Delivery address", type: "text", required: true, width: 26, aliases: ["收货地址", "送货地址", "交货地址", "Address"] },
    { key: "requiredDate", name: "要求交付日期", en: "Required date", type: "date", required: true, width: 12, aliases: ["交付日期", "要求交货日期", "交货日期", "交付时间", "Due date"] },
    { key: "actualDate", name: "实际交付日期", en: "Delivered on", type: "date", width: 12, aliases: ["实际交货日期", "到货日期", "实际到货日期", "Delivery date"] },
    {
      key: "inspection",
      name: "验收结果",
      en: "Inspection",
      type: "enum",
      options: ["合格", "不合格"],
      optionAliases: { 通过: "合格", 验收合格: "合格", 不通过: "不合格", 验收不合格: "不合格", 拒收: "不合格" },
      width: 10,
      aliases: ["验收", "验收情况", "Acceptance"],
      hint: "合格 / 不合格(不合格须48小时内补发)",
    },
    { key: "reshipAt", name: "补发时间", en: "Re-shipped at", type: "datetime", width: 17, aliases: ["补发日期", "补货时间", "Reshipment"], hint: "不合格拒收后48小时内补发" },
  ],
  examples: [
    { orderNo: "PO-2024-0915", supplierName: "华东办公用品有限公司", items: "A4复印纸 70g", quantity: 200, unitPrice: 22.5, amount: 4500, address: "上海市浦东新区世纪大道100号8楼", requiredDate: "2024-09-25", actualDate: "2024-09-24", inspection: "合格" },
    { orderNo: "PO-2024-0921", supplierName: "恒通IT设备有限公司", items: "笔记本电脑 14英寸", quantity: 20, unitPrice: 5299, amount: 105980, address: "上海市浦东新区世纪大道100号8楼", requiredDate: "2024-10-10", actualDate: "2024-10-09", inspection: "不合格", reshipAt: "2024-10-11 16:00" },
    { orderNo: "PO-2024-0930", supplierName: "洁美保洁服务公司", items: "季度保洁服务", quantity: 1, unitPrice: 18000, amount: 18000, address: "上海市浦东新区世纪大道100号", requiredDate: "2024-10-15" },
  ],
  titleColumns: ["orderNo", "supplierName"],
  // 数量 > 0 is the column's `gt`. The sheet has no separate 验收 date: goods are inspected on
  // arrival, so the 48 hours for 补发 run from 实际交付日期 (a date: within 2 days of it), and an
  // 不合格 order still without 补发时间 once they have passed is late too.
  rules: [
    { kind: "unique", column: "orderNo" },
    { kind: "due", due: "requiredDate", done: "actualDate" },
    { kind: "deadline", from: "actualDate", to: "reshipAt", limit: { hours: 48 }, when: { column: "inspection", equals: "不合格" }, missingIsLate: true },
  ],
} as const satisfies TemplateDef;
