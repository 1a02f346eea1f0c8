import type { DocumentModel } from "../../../src/core/documents/model";

/**
 * Hand-built documents in the shape the builders produce (manual §3), with the awkward values a
 * real workbook holds: a formula-looking name, a phone number with a plus sign, long lists.
 */

export const NOTICE: DocumentModel = {
  kind: "notice",
  number: "ZG-2024Q2-001",
  title: "整改通知书",
  subtitle: "编号：ZG-2024Q2-001",
  addressee: "致：华东精密零部件有限公司",
  sheetName: "整改通知书 ZG-2024Q2-001",
  footer: "ZG-2024Q2-001",
  source: { sheet: "供应商评估表", rows: [5] },
  recipient: "",
  data: {},
  blocks: [
    {
      kind: "paragraph",
      text: "根据《供应商评估管理办法》，我公司于2024年第二季度对贵公司的供货表现进行了综合评估。贵公司本期总分低于合格线，现将评估结果及整改要求通知如下：",
    },
    {
      kind: "fields",
      fields: [
        { label: "供应商名称", value: "华东精密零部件有限公司" },
        { label: "评估周期", value: "2024Q2" },
        { label: "总分", value: "72 分（合格线 80 分）" },
        { label: "评估人", value: "王芳（采购部）" },
        { label: "联系电话", value: "+86 138 0013 8000" },
        { label: "结论", value: "不合格" },
      ],
    },
    { kind: "heading", text: "评估得分", numbered: true },
    {
      kind: "table",
      columns: [
        { header: "评估项目", width: 3, align: "left" },
        { header: "得分", width: 1.5, align: "center" },
        { header: "满分", width: 1.5, align: "center" },
        { header: "得分率", width: 1.5, align: "center" },
      ],
      rows: [
        ["产品质量", "22", "30", "73%"],
        ["交付及时性", "15", "25", "60%"],
        ["服务态度", "17", "20", "85%"],
        ["价格合理性", "12", "15", "80%"],
        ["问题解决能力", "6", "10", "60%"],
        ["总分", "72", "100", "72%"],
      ],
      highlightRows: [1, 4],
    },
    { kind: "heading", text: "主要问题", numbered: true },
    {
      kind: "paragraph",
      text: "得分最低的项目为交付及时性（15/25，60%）和问题解决能力（6/10，60%）：本季度共 4 批次订单延期交付，最长延期 6 天；质量问题反馈后平均 5 个工作日才给出处理方案。",
    },
    { kind: "heading", text: "整改要求", numbered: true },
    {
      kind: "paragraph",
      text: "1. 针对交付延期问题分析原因，制定交付保障措施（排产计划、安全库存、物流备选方案）；2. 建立质量问题快速响应机制，48 小时内给出书面处理方案；3. 整改完成后提交书面整改报告及相关证明材料。",
    },
    { kind: "heading", text: "整改期限", numbered: true },
    {
      kind: "paragraph",
      text: "请于 2024年7月26日（15个工作日）前完成整改并提交整改报告。逾期未完成整改，或连续 2 个评估周期低于合格线的，我公司将建议将贵公司移出供应商名录。",
      emphasis: true,
    },
    {
      kind: "signature",
      lines: [
        { label: "签发部门", value: "采购部" },
        { label: "签发日期", value: "2024年7月5日" },
        { label: "（盖章）", value: "" },
      ],
    },
    {
      kind: "receipt",
      title: "整改通知书回执",
      text: "我公司已收到编号为 ZG-2024Q2-001 的《整改通知书》，将按要求在整改期限内完成整改并提交整改报告。",
      lines: [
        { label: "供应商（盖章）", value: "" },
        { label: "签收人", value: "" },
        { label: "联系电话", value: "" },
        { label: "签收日期", value: "" },
      ],
    },
  ],
};

export const MINUTES: DocumentModel = {
  kind: "minutes",
  number: "JY-2024-001",
  title: "会议纪要",
  subtitle: "编号：JY-2024-001",
  sheetName: "会议纪要 JY-2024-001",
  footer: "JY-2024-001",
  source: { sheet: "沟通会议记录", rows: [3, 4] },
  recipient: "",
  data: {},
  blocks: [
    {
      kind: "fields",
      fields: [
        { label: "会议主题", value: "年度新品发布会筹备协调会" },
        { label: "会议时间", value: "2024-05-20 14:00" },
        { label: "地点/线上", value: "3楼大会议室 + 腾讯会议" },
        { label: "主持人", value: "张三" },
        { label: "记录人", value: "李四" },
        { label: "参会人", value: "张三（市场部）、李四（市场部）、王五（研发部）、赵六（销售部）、钱七（财务部）、孙八（行政部）" },
      ],
    },
    { kind: "heading", text: "讨论议题", numbered: true },
    { kind: "paragraph", text: "1. 发布会场地与日期；2. 新品演示样机的准备进度；3. 宣传物料与媒体邀约；4. 预算调整。" },
    { kind: "heading", text: "关键结论", numbered: true },
    {
      kind: "paragraph",
      text: "发布会定于6月18日在市会展中心举行；研发部6月10日前交付3台演示样机；预算在原方案基础上增加5万元，由财务部走追加审批流程。",
    },
    { kind: "heading", text: "待办事项", numbered: true },
    {
      kind: "table",
      columns: [
        { header: "序号", width: 0.8, align: "center" },
        { header: "事项内容", width: 5 },
        { header: "负责人", width: 1.4, align: "center" },
        { header: "截止日期", width: 1.8, align: "center" },
      ],
      rows: [
        ["1", "确认会展中心场地合同并支付定金", "张三", "2024-05-24"],
        ["2", "交付3台演示样机", "王五", "2024-06-10"],
        ["3", '=HYPERLINK("x")', "赵六", "2024-05-31"],
        ["4", "联系媒体（热线 +86 138 0013 8000）", "李四", "2024-06-05"],
      ],
    },
    {
      kind: "fields",
      fields: [
        { label: "审核人", value: "周九" },
        { label: "发送日期", value: "2024-05-21" },
      ],
    },
    { kind: "paragraph", text: "请于 2024-05-23 前反馈确认意见。", emphasis: true },
  ],
};

export const REMINDER: DocumentModel = {
  kind: "reminder",
  number: "CB-2024-001",
  title: "催办通知",
  subtitle: "编号：CB-2024-001",
  addressee: "致：王五（研发部）",
  sheetName: "催办通知 CB-2024-001",
  footer: "CB-2024-001",
  source: { sheet: "待办事项", rows: [6, 8] },
  recipient: "",
  data: {},
  blocks: [
    { kind: "paragraph", text: "以下事项已超过截止日期仍未完成，请尽快处理并回复处理进展：" },
    {
      kind: "table",
      columns: [
        { header: "事项内容", width: 5 },
        { header: "负责人", width: 1.4, align: "center" },
        { header: "截止日期", width: 1.8, align: "center" },
        { header: "逾期天数", width: 1.4, align: "center" },
      ],
      rows: [
        ["交付3台演示样机", "王五", "2024-06-10", "3"],
        ["更新样机测试报告", "王五", "2024-06-12", "1"],
      ],
      highlightRows: [0],
    },
    {
      kind: "paragraph",
      text: "按《沟通流程标准化手册》，事项逾期 2 天及以上将启动问责，标色事项已达到问责条件。",
      emphasis: true,
    },
    {
      kind: "signature",
      lines: [
        { label: "催办人", value: "李四" },
        { label: "日期", value: "2024-06-13" },
      ],
    },
  ],
};
