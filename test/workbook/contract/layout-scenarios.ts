import * as ExcelJS from "exceljs";
import type { WorkbookModel } from "../../doubles/excel-double";

/**
 * Sheets typed by hand (issue 10, contract.md "Table layout"), each built the same way in an
 * .xlsx (ExcelJS, for the ExcelJS adapter and the CLI) and in the strict Excel double (for the
 * Office adapter). Dates are typed as text (`2024-07-05`), read the same by every front end.
 */
export type Cell = string | number | null;

export interface ScenarioTable {
  readonly name: string;
  /** The whole table, header row (and totals row) included. */
  readonly address: string;
  readonly totals?: boolean;
}

export interface ScenarioSheet {
  readonly name: string;
  /** Rows from A1. */
  readonly rows: readonly (readonly Cell[])[];
  readonly merges?: readonly string[];
  readonly tables?: readonly ScenarioTable[];
}

export interface Scenario {
  readonly name: string;
  readonly today: string;
  readonly sheets: readonly ScenarioSheet[];
}

const blank: Cell[] = [];

export const SCENARIOS: readonly Scenario[] = [
  {
    name: "title + two-row header with 对接人 merged over 姓名/部门/联系方式",
    today: "2024-07-01",
    sheets: [
      {
        name: "协作需求",
        rows: [
          ["2024年跨部门协作需求汇总表"],
          ["项目名称", "协作部门", "需求描述", "期望成果", "对接人", null, null, "时间节点"],
          [null, null, null, null, "姓名", "部门", "联系方式", null],
          ["新品发布", "市场部", "发布会物料", "物料清单", "王五", "市场部", "13800138000", "2024-07-20"],
          ["渠道拓展", "销售部", "渠道名单", "名单一份", "赵六", "销售部", "13900139000", "2024-07-25"],
          ["系统升级", "", "需求不清", "", "钱七", "IT部", "13700137000", "2024-07-30"],
        ],
        merges: ["A1:H1", "E2:G2", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "H2:H3"],
      },
    ],
  },
  {
    name: "合计 row of SUM results under purchase orders, then 制表/审核",
    today: "2024-07-01",
    sheets: [
      {
        name: "采购",
        rows: [
          ["2024年7月采购订单"],
          ["序号", "订单号", "供应商名称", "产品明细", "数量", "单价", "金额", "交付地址", "要求交付日期"],
          [1, "PO-001", "鑫达", "打印纸", 10, "¥25.00", 250, "上海", "2024-07-10"],
          [2, "PO-002", "恒通", "墨盒", 5, "￥120", 600, "上海", "2024-07-12"],
          [3, "PO-003", "华东", "笔记本", 20, "15元", 300, "", "2024-07-15"],
          ["合计", null, null, null, 35, null, 1150, null, null],
          blank,
          ["制表:王五", null, null, "审核:", "李经理"],
        ],
        merges: ["A1:I1"],
      },
    ],
  },
  {
    name: "weekly report with padded headers, a 注: note and a signature line",
    today: "2024-07-08",
    sheets: [
      {
        name: "周报",
        rows: [
          ["部门周工作汇报"],
          ["汇 报 人", "部  门", "汇报周期", "本周核心工作\n内容", "完成情况（√/×/部分完成）", "存在问题", "下周工作计划"],
          ["张三", "市场部", "2024-W27", "完成发布会", "√", "", "筹备渠道会"],
          ["李四", "销售部", "2024-W27", "拜访客户", "×", "", "继续拜访"],
          blank,
          ["注：完成情况请填写 √、× 或 部分完成"],
          ["制表人: 王五", null, null, "审核:", "李经理"],
        ],
        merges: ["A1:G1"],
      },
    ],
  },
  {
    name: "rows typed directly under an Excel table",
    today: "2024-07-01",
    sheets: [
      {
        name: "待办",
        rows: [
          ["事项内容", "负责人", "截止日期", "状态"],
          ["发报价", "王五", "2024-07-05", "进行中"],
          ["订会议室", "赵六", "2024-07-06", "未开始"],
          ["写纪要", "", "2024-07-07", "未开始"],
          ["回访客户", "钱七", "2024-07-08", "搁置"],
        ],
        tables: [{ name: "Todo", address: "A1:D3" }],
      },
    ],
  },
  {
    name: "two tables on one sheet: meetings, blank rows, caption 待办事项, action items below row 10",
    today: "2024-07-10",
    sheets: [
      {
        name: "会议",
        rows: [
          ["项目周例会记录"],
          ["会议主题", "会议时间", "记录人", "参会人", "关键结论"],
          ["周例会", "2024-07-01 10:00", "王五", "张三、李四", "按期推进"],
          ["评审会", "2024-07-03 14:00", "赵六", "张三", "通过"],
          ["复盘会", "2024-07-05 09:30", "", "李四", "待定"],
          blank,
          blank,
          blank,
          blank,
          ["待办事项"],
          ["事项", "责任人", "截至时间", "状态", "完成日期"],
          ["发纪要", "王五", "2024-07-02", "已完成", "2024-07-02"],
          ["订场地", "赵六", "2024-07-08", "进行中", null],
          ["做预算", "李四", "2024-07-09", "已完成", "2024-07-20"],
        ],
        merges: ["A1:E1"],
      },
    ],
  },
  {
    name: "supplier name merged down over its periods, repeated header on a new page",
    today: "2024-07-01",
    sheets: [
      {
        name: "评估",
        rows: [
          ["供应商名称", "评估周期", "产品质量", "交付及时性", "服务态度", "价格合理性", "问题解决能力", "总分"],
          ["鑫达", "2023Q4", 20, 18, 15, 12, 6, 71],
          [null, "2024Q1", 21, 18, 15, 12, 7, 73],
          [null, "2024Q2", 28, 22, 18, 12, 9, 89],
          ["供应商名称", "评估周期", "产品质量", "交付及时性", "服务态度", "价格合理性", "问题解决能力", "总分"],
          ["恒通", "2024Q1", 28, 22, 18, 12, 9, 89],
          ["小计", null, null, null, null, null, null, 322],
        ],
        merges: ["A2:A4"],
      },
    ],
  },
  {
    name: "a marked copy's 校验结果 sheet and a sheet that is only a title",
    today: "2024-07-01",
    sheets: [
      {
        name: "供应商",
        rows: [
          ["供应商名称", "类别", "营业执照", "行业资质", "联系人", "联系电话"],
          ["鑫达", "常规供应商", "91310000MA1", "ISO9001", "王五", "13800138000"],
        ],
      },
      {
        name: "校验结果",
        rows: [
          ["工作表", "单元格", "列", "规则", "级别", "说明"],
          ["供应商", "E2", "合作状态", "enum", "错误", "合作状态“x”不在可选值中"],
        ],
      },
      { name: "封面", rows: [["2024年供应商管理台账"]], merges: ["A1:F1"] },
      {
        name: "未知",
        rows: [
          ["甲", "乙", "丙"],
          [1, 2, 3],
        ],
      },
    ],
  },
  {
    name: "the manual's own tables typed by hand: 表2 and 表4 with titles, 序号, merged-down cells, 制表/审核",
    // Two days after 最终交付 was due (2024-05-30) and still open: the one real finding.
    today: "2024-06-01",
    sheets: [
      {
        name: "周报",
        rows: [
          ["表2:周/月度工作汇报表"],
          [
            "序号",
            "汇报人",
            "部门",
            "汇报周期",
            "本周/月核心工作内容(按优先级排序)",
            "完成情况(√/×/部分完成)",
            "量化成果(数据/案例)",
            "遇到的问题及需支持事项",
            "下周/月工作计划",
          ],
          [
            1,
            "赵六",
            "销售部",
            "2024年5月第2周",
            "1.完成8家客户拜访",
            "√",
            "签约1家,金额5万元",
            "2家客户反馈价格异议,需市场部提供政策说明",
            "1.跟进价格异议客户(3家);2.完成5家新客户拜访",
          ],
          [2, null, null, null, "2.整理4月销售数据报表", "√", "报表准确率100%", "无", null],
          blank,
          ["制表:赵六", null, null, null, "审核:", "李经理"],
        ],
        merges: ["A1:I1", "B3:B4", "C3:C4", "D3:D4", "I3:I4"],
      },
      {
        name: "合作进度",
        rows: [
          ["表4:合作伙伴协作进度表"],
          [
            "合作项目",
            "合作伙伴",
            "项目阶段",
            "我方负责人",
            "合作伙伴负责人",
            "计划完成时间",
            "实际完成时间",
            "交付物",
            "问题及解决方案",
            "下一步计划",
          ],
          [
            "新品宣传推广",
            "A广告公司",
            "需求确认",
            "/市场部",
            "创意总监",
            "2024-05-10",
            "2024-05-10",
            "《项目需求说明书》",
            "无",
            "启动设计",
          ],
          [null, null, "初稿提交", null, null, "2024-05-20", "2024-05-18", "宣传海报初稿3版", "我方要求增加品牌标语", "5月22日前修改"],
          [null, null, "最终交付", null, null, "2024-05-30", "-", "印刷稿100份", "-", "待验收"],
          ["注:实际完成时间未到的填“-”"],
        ],
        merges: ["A1:J1", "A3:A5", "B3:B5", "D3:D5", "E3:E5"],
      },
    ],
  },
  {
    name: "an Excel table with its totals row shown, and a blank row inside it",
    today: "2024-07-01",
    sheets: [
      {
        name: "询价",
        rows: [
          ["事项内容", "负责人", "截止日期", "状态"],
          ["发报价", "王五", "2024-07-05", "进行中"],
          blank,
          ["订会议室", "", "2024-07-06", "未开始"],
          ["合计", null, null, null],
          ["不属于表格", "", "", "?"],
        ],
        tables: [{ name: "Todo2", address: "A1:D5", totals: true }],
      },
    ],
  },
  {
    // Issue 9's own case: the Office adapter found `range action-items A1:D3`, the ExcelJS adapter nothing.
    name: "a typed header with data at A1, an Excel table at A6:D8, more data at A11",
    today: "2024-07-01",
    sheets: [
      {
        name: "混合",
        rows: [
          ["事项内容", "负责人", "截止日期", "状态"],
          ["发报价", "王五", "2024-07-05", "进行中"],
          ["订会议室", "", "2024-07-06", "未开始"],
          blank,
          blank,
          ["事项内容", "负责人", "截止日期", "状态"],
          ["写纪要", "赵六", "2024-07-07", "未开始"],
          ["回访客户", "钱七", "2024-07-08", "搁置"],
          blank,
          blank,
          ["核对合同", "孙八", "2024-07-09", "进行中"],
        ],
        tables: [{ name: "Todo3", address: "A6:D8" }],
      },
    ],
  },
];

/** The scenario as an ExcelJS workbook (tables added with ExcelJS's own model, as a tool other than Excel leaves them). */
export function toExcelJs(s: Scenario): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of s.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
    for (const m of sheet.merges ?? []) ws.mergeCells(m);
    for (const t of sheet.tables ?? []) {
      const [from, to] = t.address.split(":");
      const top = Number(/\d+/.exec(from)?.[0]);
      const bottom = Number(/\d+/.exec(to)?.[0]);
      const left = from.charCodeAt(0) - 65;
      const right = to.charCodeAt(0) - 65;
      const header = sheet.rows[top - 1].slice(left, right + 1).map((h) => String(h));
      const rows = sheet.rows.slice(top, bottom - (t.totals ? 1 : 0)).map((row) => header.map((_, c) => row[left + c] ?? null));
      ws.addTable({
        name: t.name,
        ref: from,
        headerRow: true,
        totalsRow: t.totals === true,
        // The totals row: a label in the first column, nothing else (its values come from the rows).
        columns: header.map((name, c) =>
          t.totals && c === 0 ? { name, totalsRowLabel: String(sheet.rows[bottom - 1][left] ?? "") } : { name },
        ),
        rows,
      });
    }
  }
  return wb;
}

/** The same scenario in the strict Excel double. */
export function seedDouble(model: WorkbookModel, s: Scenario): void {
  for (const sheet of s.sheets) {
    const m = model.addSheet(sheet.name);
    const width = Math.max(1, ...sheet.rows.map((r) => r.length));
    const rows = sheet.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
    if (rows.length > 0) m.seed("A1", rows);
    for (const a of sheet.merges ?? []) m.merge(a);
    for (const t of sheet.tables ?? []) {
      const table = model.addTable(sheet.name, t.address, t.name);
      if (t.totals) table.showTotals = true;
    }
  }
}
