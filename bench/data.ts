import { dayFromYmd, serialFromDay } from "../src/core/cells/civil";
import { excelDate, excelError, type RawCell } from "../src/core/cells/types";
import { Prng } from "./prng";

/**
 * Realistic sheets for the bench: 12 columns of what people type, generated from a seed. About
 * one row in twenty (MESSY_SHARE) has one messy cell of the kinds seen in real workbooks —
 * placeholders, numbers written as words or with units, dates without a year or as prose,
 * out-of-range scores, error values, blank required cells. The clean rows still hold the ordinary
 * variety (alternative spellings of a quarter or a status, numbers typed as text, padded text),
 * and the data itself breaks the manual's rules where real data would (totals below 80, overdue
 * items), so the rules have findings to report.
 */

export const BENCH_TEMPLATES = ["supplier-evaluation", "action-items"] as const;
export type BenchTemplate = (typeof BENCH_TEMPLATES)[number];

export interface BenchSheet {
  readonly templateId: BenchTemplate;
  /** Header row (12 texts; those the template does not know stay unmapped). */
  readonly headers: readonly string[];
  readonly body: RawCell[][];
  /** Rows given a messy cell. */
  readonly messyRows: number;
}

export const MESSY_SHARE = 0.05;
export const COLUMNS = 12;

const PLACEHOLDERS = ["-", "—", "/", "无", "N/A", "待定", "暂无", "?"];
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林"];
const GIVEN = ["伟", "芳", "磊", "静", "强", "敏", "洋", "艳", "杰", "娟", "涛", "明", "超", "秀英", "建国", "晓燕"];
const DEPARTMENTS = ["采购部", "行政部", "市场部", "销售部", "研发部", "财务部", "人事部", "客服部"];
const CITIES = [
  "华东",
  "华南",
  "北方",
  "西南",
  "东莞",
  "苏州",
  "宁波",
  "青岛",
  "成都",
  "武汉",
  "合肥",
  "厦门",
  "长沙",
  "天津",
  "无锡",
  "佛山",
  "郑州",
  "南昌",
  "昆明",
  "济南",
];
const WORDS = [
  "鑫达",
  "恒通",
  "瑞丰",
  "宏远",
  "金桥",
  "永盛",
  "华信",
  "中联",
  "博远",
  "安捷",
  "新锐",
  "利群",
  "天成",
  "德润",
  "佳宇",
  "盛世",
  "众诚",
  "嘉禾",
  "海纳",
  "同创",
  "远航",
  "卓越",
  "启明",
  "明辉",
  "长城",
];
const TRADES = [
  "办公用品",
  "物流",
  "IT设备",
  "包装材料",
  "印刷",
  "电子元件",
  "五金",
  "化工",
  "家具",
  "劳保用品",
  "食品",
  "机电",
  "塑胶",
  "纸业",
  "建材",
  "贸易",
  "科技",
  "仪器",
  "模具",
  "服饰",
];
const VERBS = ["完成", "提交", "整理", "评估", "跟进", "确认", "准备", "更新", "联系", "组织", "核对", "起草"];
const OBJECTS = [
  "新产品原型设计初稿",
  "开发排期表",
  "上线宣传物料",
  "用户安抚话术",
  "供应商报价对比",
  "季度采购计划",
  "合同条款修订",
  "客户回访记录",
  "培训课件",
  "预算调整方案",
  "验收报告",
  "会议纪要",
];
const MEETINGS = [
  "新产品上线项目启动会",
  "新产品上线项目原型评审会",
  "周例会",
  "月度经营分析会",
  "供应商季度评审会",
  "客户投诉复盘会",
  "预算评审会",
];

function personName(rng: Prng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN);
}

/** Excel serial of a civil date (as a workbook stores a typed date). */
function dateCell(year: number, month: number, day: number): RawCell {
  return excelDate(serialFromDay(dayFromYmd(year, month, day)));
}

/** A date `offset` days after `base` (day number), as a date cell. */
function dayCell(day: number): RawCell {
  return excelDate(serialFromDay(day));
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

// ---------------------------------------------------------------------------------------------
// 供应商评估表: 10 template columns + 备注, 附件编号

const SUPPLIER_HEADERS = [
  "供应商名称",
  "评估周期",
  "产品质量",
  "交付及时性",
  "服务态度",
  "价格合理性",
  "问题解决能力",
  "总分",
  "评估人",
  "结论",
  "备注",
  "附件编号",
];
const SCORE_MAX = [30, 25, 20, 15, 10];

function supplierName(s: number): string {
  // 20 × 25 × 20 = 10,000 distinct names, in an order that does not look generated.
  return CITIES[s % 20] + WORDS[Math.floor(s / 20) % 25] + TRADES[Math.floor(s / 500) % 20] + "有限公司";
}

function supplierRow(rng: Prng, k: number): { row: RawCell[]; messy: boolean } {
  // Each supplier is evaluated over ten consecutive quarters (2022Q1 … 2024Q2).
  const q = k % 10;
  const year = 2022 + Math.floor(q / 4);
  const quarter = (q % 4) + 1;
  const period = rng.chance(0.1) ? `${year}年第${quarter}季度` : rng.chance(0.05) ? `${year}-Q${quarter}` : `${year}Q${quarter}`;
  // A supplier's level drifts little from quarter to quarter, so some stay below 80 for two quarters running.
  const level = 0.78 + ((Math.floor(k / 10) * 7919) % 22) / 100 + (rng.next() - 0.5) * 0.08;
  const scores = SCORE_MAX.map((max) => Math.min(max, Math.max(0, round1(max * (level + (rng.next() - 0.5) * 0.12)))));
  let total = round1(scores.reduce((a, b) => a + b, 0));
  if (rng.chance(0.02)) total = round1(total + rng.pick([-5, -1, 1, 2, 10])); // a sum typed wrong
  const row: RawCell[] = [
    supplierName(Math.floor(k / 10)),
    period,
    ...scores.map((s): RawCell => (rng.chance(0.03) ? String(s) : s)), // numbers typed as text
    total,
    `${rng.pick(DEPARTMENTS)} ${personName(rng)}`,
    total >= 80 ? "合格,继续合作" : "低于80分,发整改通知书",
    rng.chance(0.15) ? rng.pick(["需复评", "已沟通整改计划", "价格偏高", "交付延迟两次", "服务响应慢"]) : null,
    `FJ-${year}-${String(k).padStart(6, "0")}`,
  ];
  if (!rng.chance(MESSY_SHARE)) return { row, messy: false };
  const score = 2 + rng.int(0, 4);
  switch (rng.int(0, 8)) {
    case 0:
      row[score] = rng.pick(PLACEHOLDERS);
      break;
    case 1:
      row[score] = rng.pick(["二十五", "25分", "约20", "20-25", "满分"]);
      break;
    case 2:
      row[score] = SCORE_MAX[score - 2] + rng.int(1, 20); // over the item's maximum
      break;
    case 3:
      row[score] = -rng.int(1, 5);
      break;
    case 4:
      row[rng.chance(0.5) ? 0 : 1] = rng.chance(0.5) ? null : "   ";
      break;
    case 5:
      row[1] = rng.pick(["2024Q5", "Q2", "二季度", "2024上半年", "2023-13"]);
      break;
    case 6:
      row[7] = excelError(rng.pick(["#N/A", "#VALUE!", "#REF!", "#DIV/0!"]));
      break;
    case 7:
      row[score] = `　${String(row[score])} `; // full-width and ordinary spaces around a number
      break;
    default:
      row[7] = rng.pick(PLACEHOLDERS);
  }
  return { row, messy: true };
}

// ---------------------------------------------------------------------------------------------
// 待办事项: 6 template columns + 6 columns of the team's own

const ACTION_HEADERS = [
  "事项内容",
  "负责人",
  "截止日期",
  "状态",
  "完成日期",
  "来源会议",
  "优先级",
  "所属部门",
  "备注",
  "跟进记录",
  "登记人",
  "登记日期",
];

/** The bench's "today" (as `--today 2024-10-08`): items are spread around it as in a live tracker. */
const TODAY = dayFromYmd(2024, 10, 8);

/**
 * Status as a team keeps it: items due long ago are nearly all done, items due around today are
 * in progress, items due later mostly not started — with the stragglers that make the rules'
 * findings (overdue, done late, done without a date).
 */
function statusOf(rng: Prng, due: number): string {
  const p = rng.next();
  const age = TODAY - due;
  if (age > 14) return p < 0.95 ? "已完成" : p < 0.985 ? "进行中" : "未开始";
  if (age > -7) return p < 0.5 ? "已完成" : p < 0.9 ? "进行中" : "未开始";
  return p < 0.1 ? "已完成" : p < 0.5 ? "进行中" : "未开始";
}

function actionRow(rng: Prng, k: number): { row: RawCell[]; messy: boolean } {
  const created = TODAY - rng.int(0, 240);
  const due = created + rng.int(3, 45);
  const status = statusOf(rng, due);
  const statusText = rng.chance(0.08)
    ? rng.pick(status === "已完成" ? ["完成", "已办结"] : status === "进行中" ? ["處理中", "跟进中"] : ["待开始", "未启动"])
    : status;
  // Most finished items carry their date, mostly on time; a few do not (rule done-needs-date).
  const done =
    status === "已完成" && !rng.chance(0.03) ? dayCell(Math.min(TODAY, due + (rng.chance(0.1) ? rng.int(1, 5) : -rng.int(0, 10)))) : null;
  const row: RawCell[] = [
    `${rng.pick(VERBS)}${rng.pick(OBJECTS)}`,
    personName(rng),
    dayCell(due),
    statusText,
    done,
    rng.pick(MEETINGS),
    rng.pick(["高", "中", "低"]),
    rng.pick(DEPARTMENTS),
    rng.chance(0.2) ? rng.pick(["需协调资源", "等待对方回复", "已延期一次", "优先处理"]) : null,
    rng.chance(0.5) ? `${rng.int(1, 12)}月${rng.int(1, 28)}日已电话跟进` : null,
    personName(rng),
    dayCell(created),
  ];
  if (!rng.chance(MESSY_SHARE)) return { row, messy: false };
  switch (rng.int(0, 8)) {
    case 0:
      row[2] = rng.pick(PLACEHOLDERS);
      break;
    case 1: {
      // A due date typed without a year (read with an inferred year and a warning).
      const m = rng.int(1, 12);
      row[2] = rng.chance(0.5) ? `${m}-${rng.int(1, 28)}` : `${m}月${rng.int(1, 28)}日`;
      break;
    }
    case 2:
      row[2] = rng.pick(["下周五", "月底前", "尽快", "2024-02-30", "20241301"]);
      break;
    case 3:
      row[3] = rng.pick(["暂停", "取消", "延期", "进行", "OK"]);
      break;
    case 4:
      row[rng.chance(0.5) ? 0 : 1] = rng.chance(0.5) ? null : " ";
      break;
    case 5:
      row[4] = excelError(rng.pick(["#N/A", "#REF!"]));
      break;
    case 6:
      // A done date on an item still open (rule date-contradicts-status).
      row[3] = "进行中";
      row[4] = dateCell(2024, rng.int(1, 9), rng.int(1, 28));
      break;
    case 7:
      row[2] = `${2024}/${rng.int(1, 12)}/${rng.int(1, 28)}`; // a full date typed as text
      break;
    default:
      row[4] = rng.pick(["已完成", "是", "√"]);
  }
  return { row, messy: true };
}

/** `rows` data rows of the template's bench sheet; the same seed gives the same sheet. */
export function benchSheet(templateId: BenchTemplate, rows: number, seed = 20241008): BenchSheet {
  const rng = new Prng(seed);
  const make = templateId === "supplier-evaluation" ? supplierRow : actionRow;
  const body: RawCell[][] = new Array<RawCell[]>(rows);
  let messyRows = 0;
  for (let k = 0; k < rows; k++) {
    const { row, messy } = make(rng, k);
    body[k] = row;
    if (messy) messyRows++;
  }
  return { templateId, headers: templateId === "supplier-evaluation" ? SUPPLIER_HEADERS : ACTION_HEADERS, body, messyRows };
}
