import { columnLetter } from "../../../src/core/a1";
import { isDateFormat } from "../../../src/core/cells/number-format";
import { excelDate, type RawCell } from "../../../src/core/cells/types";
import { TEMPLATES, getTemplate } from "../../../src/core/templates";
import { templateLayout, type TemplateLayout } from "../../../src/core/templates/layout";
import { uniqueSheetName } from "../../../src/core/names";
import { OfficeWorkbook } from "../../../src/workbook/officejs/adapter";
import { charsToPoints } from "../../../src/workbook/officejs/formats";
import { writeTable } from "../../../src/workbook/officejs/insert-template";
import { asExcelContext, DoubleContext, WorkbookModel } from "../../doubles/excel-double";
import { expectLiaison, useExcelDouble } from "./setup";

const double = useExcelDouble("Sheet1");
const port = new OfficeWorkbook();

/** No cell of the sheet holds a formula: text was written as text. */
function formulas(model: WorkbookModel, sheet: string): string[] {
  const out: string[] = [];
  for (const [, cols] of model.sheet(sheet).rows) for (const [, cell] of cols) if (cell.formula) out.push(cell.formula);
  return out;
}

describe("OfficeWorkbook.insertTemplate", () => {
  describe.each(TEMPLATES.map((t) => [t.id, t] as const))("%s", (id, tpl) => {
    it.each([false, true])("examples: %s", async (examples) => {
      const model = double.model;
      const layout = templateLayout(tpl, { examples });
      const result = await port.insertTemplate(id, { examples });
      const n = Math.max(1, layout.rows.length);
      const last = columnLetter(layout.columns.length - 1);
      const sheetName = uniqueSheetName(tpl.name, ["Sheet1"]);
      expect(result).toEqual({ sheet: sheetName, table: tpl.tableName, address: `A1:${last}${n + 1}`, rows: layout.rows.length });
      expect(model.syncs).toBe(2);

      const sheet = model.sheet(sheetName);
      expect(sheet.values(`A1:${last}1`)).toEqual([layout.columns.map((c) => c.header)]);
      expect(model.table(tpl.tableName)).toMatchObject({
        sheet,
        rect: { top: 1, left: 0, bottom: n + 1, right: layout.columns.length - 1 },
      });
      expect(sheet.frozenRows).toBe(1);
      expect(model.activeSheet).toBe(sheet);
      expect(formulas(model, sheetName)).toEqual([]);

      layout.columns.forEach((col, c) => {
        expect(sheet.columnWidth(c)).toBe(charsToPoints(col.width));
        for (let r = 0; r < n; r++) {
          const cell = sheet.cell(`${columnLetter(c)}${r + 2}`);
          const raw: RawCell = layout.rows[r]?.[c] ?? null;
          if (typeof raw === "string") expect(cell).toMatchObject({ value: raw, format: "@" });
          else if (raw !== null && typeof raw === "object" && raw.kind === "date") {
            expect(cell.value).toBe(raw.serial);
            expect(isDateFormat(cell.format)).toBe(true);
          } else if (raw === null) expect(cell).toMatchObject({ value: "", format: col.numberFormat });
          else expect(cell).toMatchObject({ value: raw, format: col.numberFormat });

          const v = cell.validation;
          if (col.list) {
            expect(v?.rule).toEqual({ list: { inCellDropDown: true, source: col.list.join(",") } });
            expect(v?.errorAlert).toMatchObject({ showAlert: col.listStrict });
          } else expect(v?.rule).toBeUndefined();
          if (col.hint) expect(v?.prompt).toMatchObject({ showPrompt: true, message: col.hint });
        }
      });
    });
  });

  it("keeps the manual's messy text as text (05-20 in a date column, never a formula)", async () => {
    await port.insertTemplate("collab-request", { examples: true });
    const tpl = getTemplate("collab-request");
    const layout = templateLayout(tpl, { examples: true });
    const c = layout.columns.findIndex((col) => col.key === "milestone");
    const texts = layout.rows.map((r) => r[c]).filter((v): v is string => typeof v === "string");
    expect(texts.length).toBeGreaterThan(0); // the manual's 05-20 and friends
    const sheet = double.model.sheet(tpl.name);
    const written = layout.rows.map((_, r) => sheet.cell(`${columnLetter(c)}${r + 2}`).value);
    for (const t of texts) expect(written).toContain(t);
  });

  it("makes default names unique and refuses names in use without changing anything", async () => {
    const model = double.model;
    await port.insertTemplate("action-items", { examples: false });
    const second = await port.insertTemplate("action-items", { examples: false });
    expect(second).toMatchObject({ sheet: "待办事项 (2)", table: "ActionItems2" });
    model.names.push("Budget");

    const before = model.snapshot();
    model.resetStats();
    await expectLiaison(port.insertTemplate("action-items", { examples: false, sheetName: "待办事项" }), "sheetExists");
    await expectLiaison(port.insertTemplate("action-items", { examples: false, sheetName: "sheet1" }), "sheetExists");
    await expectLiaison(port.insertTemplate("action-items", { examples: false, tableName: "actionitems" }), "tableNameInUse");
    await expectLiaison(port.insertTemplate("action-items", { examples: false, tableName: "Budget" }), "tableNameInUse");
    await expectLiaison(port.insertTemplate("action-items", { examples: false, sheetName: "a/b" }), "invalidSheetName");
    await expectLiaison(port.insertTemplate("action-items", { examples: false, tableName: "A1" }), "invalidTableName");
    await expectLiaison(port.insertTemplate("no-such-template", { examples: false }), "unknownTemplate");
    expect(model.snapshot()).toEqual(before);
    expect(model.syncs).toBe(6); // one read each; the unknown template stops before Excel is asked
  });

  it("removes the half-built sheet when Excel fails mid-batch", async () => {
    const model = double.model;
    const before = model.snapshot();
    const original = model.createTable.bind(model);
    model.createTable = () => {
      throw new Error("simulated Excel failure");
    };
    await expect(port.insertTemplate("quotes", { examples: true })).rejects.toThrow("simulated Excel failure");
    model.createTable = original;
    expect(model.snapshot()).toEqual(before);
  });
});

describe("writeTable", () => {
  const tpl = getTemplate("action-items");
  const base = templateLayout(tpl, { examples: true });
  /** A layout of `n` rows made from the template's examples, with dates, text and `=` text. */
  const layoutOf = (n: number): TemplateLayout => ({
    ...base,
    rows: Array.from({ length: n }, (_, i) => {
      const row = [...base.rows[i % base.rows.length]];
      row[0] = i % 7 === 0 ? `=HYPERLINK("http://x/${i}")` : `事项 ${i}`;
      row[2] = i % 5 === 0 ? "05-20" : excelDate(45500 + (i % 300));
      return row;
    }),
  });

  async function write(n: number): Promise<{ syncs: number; maxBytes: number; model: WorkbookModel }> {
    const model = new WorkbookModel("Sheet1");
    const context = new DoubleContext(model);
    const sheet = asExcelContext(context).workbook.worksheets.add("Big");
    const result = await writeTable(asExcelContext(context), sheet, layoutOf(n), "Big");
    expect(result).toEqual({ address: `A1:F${n + 1}`, rows: n });
    return { syncs: model.syncs, maxBytes: model.maxBatchBytes, model };
  }

  it("uses the same number of syncs for 10 and 1,000 rows", async () => {
    const ten = await write(10);
    const thousand = await write(1000);
    expect(ten.syncs).toBe(1);
    expect(thousand.syncs).toBe(ten.syncs);
    const sheet = thousand.model.sheet("Big");
    expect(sheet.cell("A2")).toMatchObject({ value: '=HYPERLINK("http://x/0")', format: "@" });
    expect(sheet.cell("C2")).toMatchObject({ value: "05-20", format: "@" });
    expect(sheet.cell("C3")).toMatchObject({ value: 45501, format: "yyyy-mm-dd" });
    expect(sheet.cell("A1001").formula).toBeUndefined();
  });

  it("keeps every batch under 4 MB for 100,000 rows by chunking", async () => {
    const big = await write(100_000);
    expect(big.maxBytes).toBeLessThan(4 * 1024 * 1024);
    expect(big.syncs).toBeGreaterThan(1);
    expect(big.syncs).toBeLessThanOrEqual(Math.ceil((100_000 * 6) / 20_000) + 1);
    const sheet = big.model.sheet("Big");
    expect(sheet.cell("A100001").value).toBe("事项 99999");
    expect(big.model.table("Big")?.rect.bottom).toBe(100_001);
  });
});
