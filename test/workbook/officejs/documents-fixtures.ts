import type { RegisterEntry } from "../../../src/core/documents/model";
import type { SheetLayout } from "../../../src/core/documents/sheet-layout-types";
import type { DocumentToWrite } from "../../../src/app/port";

/** Hand-made documents for the adapters' tests (independent of the document builders). */

export const SUPPLIER_HEADER = ["供应商名称", "评估周期", "产品质量", "交付及时性", "服务态度", "价格合理性", "问题解决能力", "总分"];
export const ACTION_HEADER = ["事项内容", "负责人", "截止日期", "状态"];

/** A notice-like layout: title merged over A:F, bordered fields (one merged), a formula-looking value, a dashed cut line. */
export function noticeLayout(n: number, supplier = '=HYPERLINK("http://x","甲公司")'): SheetLayout {
  const number = `ZG-2024Q2-${String(n).padStart(3, "0")}`;
  return {
    sheetName: `整改通知书-${number}`,
    cells: [
      { row: 1, col: 0, text: "整改通知书", style: { bold: true, fontSize: 18, horizontal: "center", vertical: "middle" } },
      { row: 2, col: 0, text: `编号:${number}`, style: { horizontal: "right" } },
      { row: 3, col: 0, text: "供应商名称", style: { bold: true, border: true, fill: "#F2F2F2" } },
      { row: 3, col: 1, text: supplier, style: { border: true, wrap: true } },
      { row: 4, col: 0, text: "总分", style: { bold: true, border: true, fill: "#F2F2F2" } },
      { row: 4, col: 1, text: "79", style: { border: true, fontColor: "#C00000" } },
      { row: 4, col: 2, text: "2024-05-10", style: { border: true } },
      { row: 6, col: 0, text: "回执", style: { dashedTop: true, bold: true } },
    ],
    merges: [
      { top: 1, left: 0, bottom: 1, right: 5 },
      { top: 2, left: 0, bottom: 2, right: 5 },
      { top: 3, left: 1, bottom: 3, right: 5 },
      { top: 6, left: 0, bottom: 6, right: 5 },
    ],
    columnWidths: [14, 14, 14, 14, 14, 14],
    rowHeights: { 1: 36, 3: 30 },
    print: {
      paper: "A4",
      orientation: "portrait",
      fitToWidth: true,
      printArea: "A1:F6",
      titleRows: "1:2",
      footer: number,
      margins: { top: 0.75, bottom: 0.75, left: 0.7, right: 0.7 },
    },
  };
}

export function noticeEntry(n: number, rows = "4"): RegisterEntry {
  return {
    number: `ZG-2024Q2-${String(n).padStart(3, "0")}`,
    kind: "notice",
    documentSheet: "",
    sourceSheet: "供应商评估表",
    sourceRows: rows,
    createdAt: "2024-06-03 09:30",
    recipient: "",
    status: "已生成",
    dueDate: "",
  };
}

export function notices(count: number, from = 1): DocumentToWrite[] {
  return Array.from({ length: count }, (_, i) => ({ layout: noticeLayout(from + i), entry: noticeEntry(from + i, String(4 + i)) }));
}
