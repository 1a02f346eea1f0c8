import fc from "fast-check";
import type { RawCell } from "../../../src/core/cells/types";
import { isLiaisonError } from "../../../src/core/errors";
import {
  addCorrection,
  correctionFor,
  rowFingerprint,
  removeCorrection,
  type CorrectionRequest,
  type LayoutCorrection,
} from "../../../src/core/layout/corrections";
import { CORRECTIONS_HEADER, correctionsFromGrid, correctionsToRows } from "../../../src/core/layout/corrections-sheet";
import { locateLayout, locateStored, locateTables } from "../../../src/core/layout/locate";
import { gridFromDense, type ExcelTableInfo, type SheetSnapshot } from "../../../src/core/layout/snapshot";
import { ownSheetKind } from "../../../src/core/layout/own-sheets";

/** Layout corrections (issue 10): applied once in the core, anchored, stale when the anchor moves. */

const HEADER = ["事项内容", "负责人", "截止日期", "状态"];
const sheet = (name: string, rows: (readonly RawCell[])[], tables: ExcelTableInfo[] = []): SheetSnapshot => ({
  name,
  grid: gridFromDense(rows),
  tables,
  merges: [],
});

/** A weekly list whose first data row begins 注意: (read as a note, ending the table), then real rows. */
function book(title = true): SheetSnapshot {
  const rows: RawCell[][] = [
    ...(title ? [["行动项清单"]] : []),
    HEADER,
    ["发报价", "王五", "2024-07-05", "进行中"],
    ["注意:消防检查", "赵六", "2024-07-08", "未开始"],
    ["订会议室", "钱七", "2024-07-09", "已完成"],
    ["合计", "", "", ""],
    ["回访客户", "王五", "2024-07-11", "未开始"],
  ];
  return sheet("待办", rows);
}

function request(sheets: SheetSnapshot[], req: CorrectionRequest): LayoutCorrection {
  return correctionFor(sheets, locateTables(sheets), req);
}

describe("layout corrections", () => {
  it("without corrections the note ends the table", () => {
    const [t] = locateTables([book()]);
    expect(t.dataRows).toEqual([3]);
    expect(t.skippedRows).toEqual([{ row: 4, reason: "note" }]);
  });

  it("“this row is data” on a note reads it as data and the table goes on past it", () => {
    const s = [book()];
    const c = request(s, { kind: "row-is-data", sheet: "待办", headerRow: 2, row: 4 });
    expect(c).toEqual({
      kind: "row-is-data",
      sheet: "待办",
      headerRow: 2,
      header: "事项内容|负责人|截止日期|状态",
      row: 4,
      rowText: "注意:消防检查 | 赵六 | 2024-07-08 | 未开始",
    });
    const { tables, corrections } = locateLayout(s, [c]);
    expect(tables[0].dataRows).toEqual([3, 4, 5, 7]);
    expect(tables[0].skippedRows).toEqual([{ row: 6, reason: "total" }]);
    expect(tables[0].range).toBe("A2:D7");
    expect(corrections).toEqual([{ correction: c, status: "applied" }]);
  });

  it("“this row is data” on a totals row keeps it", () => {
    const s = [book()];
    const data = request(s, { kind: "row-is-data", sheet: "待办", headerRow: 2, row: 4 });
    const total = correctionFor(s, locateTables(s, [data]), { kind: "row-is-data", sheet: "待办", headerRow: 2, row: 6 });
    expect(locateTables(s, [data, total])[0].dataRows).toEqual([3, 4, 5, 6, 7]);
  });

  it("“the table ends here” stops the data after that row; rows below are no table's", () => {
    const s = [book()];
    const data = request(s, { kind: "row-is-data", sheet: "待办", headerRow: 2, row: 4 });
    const end = correctionFor(s, locateTables(s, [data]), { kind: "table-ends", sheet: "待办", headerRow: 2, row: 5 });
    const { tables, corrections } = locateLayout(s, [data, end]);
    expect(tables).toHaveLength(1);
    expect(tables[0].dataRows).toEqual([3, 4, 5]);
    expect(tables[0].range).toBe("A2:D5");
    expect(corrections.map((x) => x.status)).toEqual(["applied", "applied"]);
  });

  it("“this is not a table” leaves the table out", () => {
    const s = [book()];
    const c = request(s, { kind: "not-a-table", sheet: "待办", headerRow: 2 });
    expect(c.row).toBeUndefined();
    const { tables, corrections } = locateLayout(s, [c]);
    expect(tables).toEqual([]);
    expect(corrections[0].status).toBe("applied");
  });

  it("works on an Excel table too (its totals row read as data)", () => {
    const rows: RawCell[][] = [HEADER, ["发报价", "王五", "2024-07-05", "进行中"], ["合计", "", "", ""]];
    const info: ExcelTableInfo = {
      name: "T",
      rect: { top: 1, left: 0, bottom: 3, right: 3 },
      hasHeaderRow: true,
      hasTotalsRow: true,
      columnNames: HEADER,
    };
    const s = [sheet("表", rows, [info])];
    expect(locateTables(s)[0].dataRows).toEqual([2]);
    const c = request(s, { kind: "row-is-data", sheet: "表", headerRow: 1, row: 3 });
    expect(locateTables(s, [c])[0].dataRows).toEqual([2, 3]);
  });

  it("a moved table, a retyped header, a changed row or a renamed sheet make the correction stale, not misapplied", () => {
    const c = request([book()], { kind: "row-is-data", sheet: "待办", headerRow: 2, row: 4 });
    // Title row deleted: the header is now on row 1.
    const moved = locateLayout([book(false)], [c]);
    expect(moved.corrections[0].status).toBe("stale");
    expect(moved.tables[0].dataRows).toEqual([2]);
    // The row's text changed.
    const edited = book();
    const rows = [1, 2, 3, 4, 5, 6, 7].map((r) => [...edited.grid.row(r)]);
    rows[3][1] = "孙八";
    const changed = locateLayout([sheet("待办", rows)], [c]);
    expect(changed.corrections[0].status).toBe("stale");
    expect(changed.tables[0].dataRows).toEqual([3]);
    // The header retyped (another column): another fingerprint.
    rows[3][1] = "赵六";
    const retyped = rows.map((r) => [...r]);
    retyped[1][1] = "责任人";
    expect(locateLayout([sheet("待办", rows)], [c]).corrections[0].status).toBe("applied");
    expect(locateLayout([sheet("待办", retyped)], [c]).corrections[0].status).toBe("stale");
    // The sheet renamed.
    expect(locateLayout([{ ...book(), name: "待办2" }], [c]).corrections[0].status).toBe("stale");
  });

  it("refuses a request that does not fit the table, with a clear error", () => {
    const s = [book()];
    const expectError = (req: CorrectionRequest, key: string): void => {
      try {
        request(s, req);
        throw new Error("no error");
      } catch (e) {
        expect(isLiaisonError(e) && e.key).toBe(key);
      }
    };
    expectError({ kind: "row-is-data", sheet: "待办", headerRow: 3, row: 4 }, "layoutNoTable");
    expectError({ kind: "row-is-data", sheet: "待办", headerRow: 2, row: 3 }, "layoutNotSkipped");
    expectError({ kind: "table-ends", sheet: "待办", headerRow: 2, row: 4 }, "layoutNotData");
    // The signature line after the weekly report's note lies outside the table: not offered.
    const weekly = [sheet("周报", [HEADER, ["发报价", "王五", "2024-07-05", "进行中"], ["注:见附件"], ["制表:王五"]])];
    expect(locateTables(weekly)[0].skippedRows).toEqual([
      { row: 3, reason: "note" },
      { row: 4, reason: "signature" },
    ]);
    try {
      correctionFor(weekly, locateTables(weekly), { kind: "row-is-data", sheet: "周报", headerRow: 1, row: 4 });
      throw new Error("no error");
    } catch (e) {
      expect(isLiaisonError(e) && e.key).toBe("layoutNotSkipped");
    }
    expectError({ kind: "table-ends", sheet: "待办", headerRow: 2 }, "layoutNotData");
  });

  it("adding keeps one end per table and no duplicates; removing takes exactly that correction", () => {
    const s = [book()];
    const data = request(s, { kind: "row-is-data", sheet: "待办", headerRow: 2, row: 4 });
    const end3 = request(s, { kind: "table-ends", sheet: "待办", headerRow: 2, row: 3 });
    let list = addCorrection(addCorrection([], data), data);
    expect(list).toEqual([data]);
    list = addCorrection(list, end3);
    const end5 = correctionFor(s, locateTables(s, [data]), { kind: "table-ends", sheet: "待办", headerRow: 2, row: 5 });
    list = addCorrection(list, end5);
    expect(list).toEqual([data, end5]);
    expect(removeCorrection(list, data)).toEqual([end5]);
  });
});

describe("the corrections sheet", () => {
  const corrections: LayoutCorrection[] = [
    { kind: "row-is-data", sheet: "周报 (2)", headerRow: 3, header: "汇报人|工作内容", row: 9, rowText: "=SUM(A1:A3) | 注:完成" },
    { kind: "not-a-table", sheet: "会议", headerRow: 12, header: "事项内容|负责人" },
    { kind: "table-ends", sheet: "会议", headerRow: 1, header: "会议名称|日期", row: 8, rowText: "周例会" },
  ];

  it("round-trips through its rows, text as text", () => {
    const rows = correctionsToRows(corrections);
    expect(rows[0]).toEqual([...CORRECTIONS_HEADER]);
    expect(rows[1]).toEqual(["周报 (2)", 3, "汇报人|工作内容", "这一行是数据", 9, "=SUM(A1:A3) | 注:完成"]);
    const grid = gridFromDense(rows);
    expect(correctionsFromGrid(grid.rowNumbers, (r) => grid.row(r))).toEqual({ corrections, unreadable: [] });
  });

  it("is one of the add-in's own sheets, found by its header row whatever its name; its corrections apply", () => {
    const rows = correctionsToRows([request([book()], { kind: "row-is-data", sheet: "待办", headerRow: 2, row: 4 })]);
    const own = sheet("改了名字", rows);
    expect(ownSheetKind(own)).toBe("corrections");
    const layout = locateStored([book(), own]);
    expect(layout.tables.map((t) => t.sheet)).toEqual(["待办"]);
    expect(layout.tables[0].dataRows).toEqual([3, 4, 5, 7]);
    expect(layout.stored).toHaveLength(1);
  });

  it("a long row text is cut by code point and still matches when read back", () => {
    // The 120th code point is a space: cut there, the text ends trimmed.
    const long = "a" + "𠀀".repeat(118) + " 注" + "x".repeat(100);
    const text = rowFingerprint([long, "王五"], 0, 2);
    expect(Array.from(text)).toHaveLength(119);
    expect(text.endsWith(" ")).toBe(false);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(text)).toBe(false);
    const rows = correctionsToRows([{ kind: "row-is-data", sheet: "S", headerRow: 1, header: "h", row: 2, rowText: text }]);
    const grid = gridFromDense(rows);
    expect(correctionsFromGrid(grid.rowNumbers, (r) => grid.row(r)).corrections[0].rowText).toBe(text);
  });

  it("lists rows it cannot read (typed by hand) and applies the rest", () => {
    const rows: RawCell[][] = [
      [...CORRECTIONS_HEADER],
      ["待办", "二", "事项内容", "这不是表格"],
      ["待办", 2, "x", "随便"],
      ["待办", 2, "事项内容|负责人|截止日期|状态", "This is not a table"],
    ];
    const grid = gridFromDense(rows);
    const read = correctionsFromGrid(grid.rowNumbers, (r) => grid.row(r));
    expect(read.unreadable).toEqual([2, 3]);
    expect(read.corrections).toEqual([{ kind: "not-a-table", sheet: "待办", headerRow: 2, header: "事项内容|负责人|截止日期|状态" }]);
  });

  it("property: corrections on other sheets or other header rows never change a table", () => {
    const base = locateTables([book()]);
    fc.assert(
      fc.property(
        fc.constantFrom<LayoutCorrection["kind"]>("row-is-data", "table-ends", "not-a-table"),
        fc.integer({ min: 1, max: 20 }),
        fc.boolean(),
        (kind, row, otherSheet) => {
          const c: LayoutCorrection = {
            kind,
            sheet: otherSheet ? "别的表" : "待办",
            headerRow: otherSheet ? 2 : row === 2 ? 3 : row,
            header: "事项内容|负责人|截止日期|状态",
            ...(kind === "not-a-table" ? {} : { row, rowText: "注意:消防检查 | 赵六 | 2024-07-08 | 未开始" }),
          };
          const { tables, corrections } = locateLayout([book()], [c]);
          expect(tables).toEqual(base);
          expect(corrections[0].status).toBe("stale");
        },
      ),
    );
  });
});
