import { ACTION_HEADER } from "../officejs/documents-fixtures";
import type { RangeRef } from "../../../src/app/port";
import type { WorkbookSetup } from "./adapters";
import { bothAdapters, outcome } from "./run-both";

/**
 * contract: the rows a person chose, through both adapters — several areas, one cell per row,
 * rows hidden by a filter or by hand left out of a selection but taken when named (CLI `--rows`),
 * and the refusals (no table under the selection, two tables, no data row) identical.
 */
const run = bothAdapters();

const ROWS = [
  ACTION_HEADER,
  ["发报价", "王五", "2024-07-05", "进行中"],
  ["订会议室", "赵六", "2024-07-06", "未开始"],
  ["写纪要", "钱七", "2024-07-07", "已完成"],
  ["回访客户", "孙八", "2024-07-08", "进行中"],
  ["核对合同", "周九", "2024-07-09", "未开始"],
  [],
  [],
  ["事项内容", "负责人", "截止日期", "状态"],
  ["第二张表", "吴十", "2024-07-10", "未开始"],
];

const setup = (selection?: RangeRef, hidden: readonly number[] = []): WorkbookSetup => ({
  sheets: [{ name: "待办", rows: ROWS, tables: [{ name: "Todo", address: "A1:D6" }] }],
  hiddenRows: { 待办: hidden },
  ...(selection ? { selection } : {}),
});

describe("selection: both adapters agree", () => {
  it.each([
    ["several areas and one cell per row", "B3,A5:C5,D6", [], [3, 5, 6]],
    ["a block with a hidden row inside", "A2:D5", [3], [2, 4, 5]],
    ["the header and a blank row below the table", "A1:D8", [], [2, 3, 4, 5, 6]],
  ])("%s", async (_what, address, hidden, rows) => {
    const r = await run(setup({ sheet: "待办", address }, hidden), async (s) => {
      const got = await s.port.readSelectedRows();
      return { table: [got.table.sheet, got.table.address, got.table.templateId], excelRows: got.excelRows, body: got.body };
    });
    expect(r.officejs).toEqual(r.exceljs);
    expect(r.exceljs.excelRows).toEqual(rows);
    expect(r.exceljs.table).toEqual(["待办", "A1:D6", "action-items"]);
    expect(r.exceljs.body[0][0]).toBe(ROWS[rows[0] - 1][0]);
  });

  it("rows named explicitly are taken even when hidden", async () => {
    const r = await run(setup(undefined, [3]), async (s) => (await s.port.readSelectedRows({ sheet: "待办", rows: [3, 4] })).excelRows);
    expect(r.officejs).toEqual(r.exceljs);
    expect(r.exceljs).toEqual([3, 4]);
  });

  it.each([
    ["no table under the selection", "F20", [], "noTableAtSelection"],
    ["two tables", "A5:A10", [], "selectionSpansTables"],
    ["only the header row", "A1:D1", [], "noDataRowsSelected"],
    ["only hidden rows", "A3:D4", [3, 4], "noDataRowsSelected"],
  ])("refuses %s identically", async (_what, address, hidden, key) => {
    const r = await run(setup({ sheet: "待办", address }, hidden), (s) => outcome(s.port.readSelectedRows()));
    expect(r.officejs).toEqual(r.exceljs);
    expect(r.exceljs).toMatchObject({ refused: key });
  });
});
