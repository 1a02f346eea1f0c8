import type * as ExcelJS from "exceljs";
import { serialToDate } from "../workbook/exceljs/cells";
import { serialFromDay, dayFromYmd } from "../core/cells/civil";

/**
 * The preview's starting sheet: 表1 of the guide (跨部门协作需求表) typed by hand as a plain range,
 * with a title row above the header — the situation "结构化选中区域" is for. The values are the
 * guide's own rows, mess included: a date without a year (05-20), "无", contacts cut short.
 * Data, not UI text: it stays Chinese whatever the UI language.
 */
export const SAMPLE_SHEET = "协作需求(手工录入)";
export const SAMPLE_TITLE = "跨部门协作需求表(年度新品发布会)";
/** The typed header and data rows, A2:I5; the title is in A1. */
export const SAMPLE_RANGE = "A2:I5";

const HEADER = [
  "项目名称",
  "协作部门",
  "需求描述",
  "期望成果",
  "对接人(姓名/部门/联系方式)",
  "时间节点",
  "资源需求",
  "沟通机制(例会/群聊/邮件)",
  "备注",
];

const WIDTHS = [16, 10, 34, 22, 24, 12, 14, 16, 22];

export function addSampleSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SAMPLE_SHEET);
  ws.getCell("A1").value = SAMPLE_TITLE;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getRow(1).height = 24;
  ws.getRow(2).values = HEADER;
  ws.getRow(2).font = { bold: true };
  const rows: (string | Date)[][] = [
    [
      "年度新品发布会",
      "市场部",
      "负责发布会整体策划,包括场地选址、流程设计、嘉宾邀约",
      "完成《发布会执行方案》",
      "/市场部/138",
      // A date typed into Excel becomes a date cell: ExcelJS writes it from a UTC Date.
      serialToDate(serialFromDay(dayFromYmd(2024, 4, 30))),
      "预算5万元",
      "周例会+钉钉群",
      "需行政部协助场地协调",
    ],
    [
      "年度新品发布会",
      "技术部",
      "提供产品功能演示,准备演示设备及技术人员",
      "完成3个核心功能演示",
      "/技术部",
      "05-20",
      "无",
      "周例会+邮件",
      "演示时长≤15分钟",
    ],
    [
      "年度新品发布会",
      "销售部",
      "邀请潜在客户(目标300人),收集客户信息",
      "完成300人客户邀约",
      "/销售部",
      "06-10",
      "客户名单模板",
      "每日站会+钉钉群",
      "需市场部提供宣传物料",
    ],
  ];
  rows.forEach((values, i) => {
    ws.getRow(3 + i).values = values;
  });
  ws.getCell("F3").numFmt = "yyyy-mm-dd";
  WIDTHS.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return ws;
}
