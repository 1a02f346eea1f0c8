import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";
import type { LoadProgress } from "../../../src/workbook/exceljs/load-hooks";
import { OoxmlWorkbook } from "../../../src/workbook/ooxml/workbook";
import { ACTION_HEADER, book, textRow, worksheet } from "../ooxml/package-builder";

/**
 * The ExcelJS adapter (the preview's workbook, in its worker) reads a workbook's date system in
 * both spellings, as the streaming reader (`liaison check`) does: LibreOffice saves
 * `<workbookPr date1904="true"/>`, which ExcelJS alone reads as the 1900 system (dates four years
 * early, "已逾期1457天"). Packages written part by part.
 */

// 截止日期 43830 in the 1904 system is 2024-01-01 (serial 45292 in the 1900 system); style 1 is yyyy-mm-dd.
const rows =
  textRow(1, [...ACTION_HEADER]) +
  `<row r="2"><c r="A2" t="inlineStr"><is><t>整理会议纪要</t></is></c><c r="B2" t="inlineStr"><is><t>王伟</t></is></c><c r="C2" s="1"><v>43830</v></c><c r="D2" t="inlineStr"><is><t>进行中</t></is></c></row>`;
const file = (spelling: string) => book({ sheets: [{ name: "待办事项", xml: worksheet(rows) }], date1904: spelling });

describe("date1904 in the ExcelJS adapter", () => {
  it.each(["1", "true"])('reads date1904="%s" dates as Excel shows them', async (spelling) => {
    const wb = await XlsxWorkbook.load(file(spelling));
    const cell = wb.workbook.getWorksheet("待办事项")?.getCell("C2").value;
    expect(cell).toEqual(new Date(Date.UTC(2024, 0, 1)));
    expect(wb.workbook.properties.date1904).toBe(true);
  });

  it.each(["1", "true", "false"])('reads the same table data as the streaming reader (date1904="%s")', async (spelling) => {
    const viaExcelJs = await (await XlsxWorkbook.load(file(spelling))).readTables({ kind: "all" });
    const viaReader = await OoxmlWorkbook.load(file(spelling)).readTables({ kind: "all" });
    expect(viaExcelJs.map((t) => t.body)).toEqual(viaReader.map((t) => t.body));
    const due = viaExcelJs[0].body[0][2];
    expect(due).toEqual({ kind: "date", serial: spelling === "false" ? 43830 : 45292 });
  });

  it("writes the date system back so a copy keeps its dates", async () => {
    const copy = await XlsxWorkbook.load(await (await XlsxWorkbook.load(file("true"))).toBuffer());
    expect(copy.workbook.getWorksheet("待办事项")?.getCell("C2").value).toEqual(new Date(Date.UTC(2024, 0, 1)));
  });

  it("reports progress through each worksheet part, up to its size", async () => {
    const seen: LoadProgress[] = [];
    const big =
      textRow(1, [...ACTION_HEADER]) +
      Array.from({ length: 3000 }, (_, i) => textRow(i + 2, [`事项${i}`, "王伟", null, "进行中"])).join("");
    await XlsxWorkbook.load(
      book({
        sheets: [
          { name: "待办事项", xml: worksheet(big) },
          { name: "S2", xml: worksheet("") },
        ],
      }),
      {
        onProgress: (p) => seen.push(p),
      },
    );
    expect(seen[0]).toEqual({ sheet: 0, sheets: 2, done: 0, total: 0 });
    const first = seen.filter((p) => p.sheet === 1);
    expect(first.length).toBeGreaterThan(3);
    expect(first[first.length - 1].done).toBe(first[0].total);
    expect(seen.some((p) => p.sheet === 2)).toBe(true);
  });
});
