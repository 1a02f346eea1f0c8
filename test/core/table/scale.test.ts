import { dayFromYmd, serialFromDay } from "../../../src/core/cells/civil";
import { excelDate, type RawCell } from "../../../src/core/cells/types";
import { matchHeaders } from "../../../src/core/headers/recognize";
import { readTable } from "../../../src/core/table/read-table";
import { getTemplate } from "../../../src/core/templates";

/**
 * A guard against accidental quadratic work, not a benchmark (the machine may be busy): 100 000
 * rows of a realistic order sheet read in well under the bound, with every problem accounted for.
 */
it("reads 100 000 rows × 11 columns, counting each problem once", () => {
  const tpl = getTemplate("purchase-orders");
  const m = matchHeaders(tpl.columns.map((c) => c.name))!;
  const may = (d: number) => excelDate(serialFromDay(dayFromYmd(2024, 5, d)));
  const body: RawCell[][] = [];
  for (let i = 0; i < 100_000; i++) {
    body.push([
      `PO-${i}`,
      "甲供应商",
      "A4纸 10箱",
      i % 1000 === 0 ? "十" : 10 + (i % 5),
      25.5,
      255,
      " 上海市浦东新区 ",
      may(1 + (i % 28)),
      i % 3 ? null : may(20),
      i % 2 ? "合格" : "不合格",
      i % 500 === 0 ? "05-22 10:00" : null,
    ]);
  }
  const t0 = Date.now();
  const r = readTable(tpl, m.columns, body, { today: dayFromYmd(2024, 10, 8), firstExcelRow: 2 });
  const ms = Date.now() - t0;
  expect(r.values).toHaveLength(100_000);
  expect(r.issues.filter((x) => x.kind === "invalid")).toHaveLength(100);
  expect(r.issues.filter((x) => x.kind === "year-inferred")).toHaveLength(200);
  expect(r.values[1][6]).toBe("上海市浦东新区");
  expect(ms).toBeLessThan(5000);
});
