import { cellAddress } from "../../../src/core/a1";
import { checkTables } from "../../../src/core/check";
import { startLiveSession } from "../../../src/app/live";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/schema";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";
import { typedValue } from "../../../src/workbook/exceljs/watch";
import { type SheetChange } from "../../../src/app/port";
import { MARK_SIGNATURE, type Mark } from "../../../src/core/marks/mark";
import { marksFromFindings } from "../../../src/app/marks";
import { expectLiaisonKey } from "./live-helpers";

interface Block {
  ref: string;
  rules: { formulae?: string[] }[];
}
/** The sheet's marks as severity → cells. */
function markedCells(book: XlsxWorkbook, sheet: string): Record<string, string[]> {
  const ws = book.workbook.getWorksheet(sheet)!;
  const out: Record<string, string[]> = {};
  for (const b of (ws as unknown as { conditionalFormattings: Block[] }).conditionalFormattings) {
    const f = b.rules.flatMap((r) => r.formulae ?? []).find((x) => x.includes(MARK_SIGNATURE));
    if (!f) continue;
    const severity = /liaison-mark:(\w+)/.exec(f)?.[1] ?? "?";
    for (const area of b.ref.split(" ")) {
      const [a, z = a] = area.split(":");
      const col = (s: string) => s.replace(/\d+/g, "");
      const row = (s: string) => Number(s.replace(/\D+/g, ""));
      for (let r = row(a); r <= row(z); r++) (out[severity] ??= []).push(`${col(a)}${r}`);
    }
  }
  for (const k of Object.keys(out)) out[k].sort();
  return out;
}

const mark = (cell: string, severity: Mark["severity"], sheet = "S"): Mark => ({ sheet, cell, severity, message: cell });

describe("XlsxWorkbook.updateMarks", () => {
  it("replaces exactly the given rows' marks, in memory and after a save and load", async () => {
    const book = XlsxWorkbook.create();
    const ws = book.workbook.addWorksheet("S");
    ws.addConditionalFormatting({ ref: "A1:A9", rules: [{ type: "expression", formulae: ["A1>5"], priority: 1, style: {} }] } as never);
    await book.applyMarks([mark("B2", "error"), mark("B3", "error"), mark("C3", "warning"), mark("C5", "info"), mark("D6", "warning")]);
    await book.updateMarks("S", [3, 5], [mark("B3", "warning"), mark("D5", "error"), mark("D5", "info")]);
    const expected = { error: ["B2", "D5"], warning: ["B3", "D6"] };
    expect(markedCells(book, "S")).toEqual(expected);
    const user = (ws as unknown as { conditionalFormattings: Block[] }).conditionalFormattings.filter((b) => b.ref === "A1:A9");
    expect(user).toHaveLength(1);

    const again = await XlsxWorkbook.load(await book.toBuffer());
    expect(markedCells(again, "S")).toEqual(expected);
    await again.updateMarks("S", [2, 6], []);
    expect(markedCells(again, "S")).toEqual({ error: ["D5"], warning: ["B3"] });
    const third = await XlsxWorkbook.load(await again.toBuffer());
    expect(markedCells(third, "S")).toEqual({ error: ["D5"], warning: ["B3"] });
  });

  it("refuses marks off the rows or the sheet, and unknown sheets", async () => {
    const book = XlsxWorkbook.create();
    book.workbook.addWorksheet("S");
    await expectLiaisonKey(book.updateMarks("T", [2], []), "sheetNotFound");
    await expectLiaisonKey(book.updateMarks("S", [2], [mark("B3", "error")]), "invalidAddress");
    await expectLiaisonKey(book.updateMarks("S", [2], [mark("B2", "error", "T")]), "invalidAddress");
  });
});

describe("XlsxWorkbook.setCellValue / watchChanges", () => {
  it("notifies watchers with the edited row; the adapter's own writes never do", async () => {
    const book = XlsxWorkbook.create();
    const changes: SheetChange[] = [];
    const stop = await book.watchChanges(
      (c) => changes.push(c),
      (e) => {
        throw e;
      },
    );
    const inserted = await book.insertTemplate("action-items", { examples: true });
    await book.applyMarks([mark("A2", "error", inserted.sheet)]);
    await book.updateMarks(inserted.sheet, [2], []);
    await book.writeSettings([["threshold", 85]]);
    await book.clearMarks();
    expect(changes).toEqual([]);

    await book.setCellValue(inserted.sheet.toUpperCase(), "C3", "=1+1");
    expect(changes).toEqual([{ sheet: inserted.sheet, rows: [3], all: false }]);
    expect(book.workbook.getWorksheet(inserted.sheet)!.getCell("C3").value).toBe("=1+1"); // text, never a formula
    await stop();
    await book.setCellValue(inserted.sheet, "C4", "x");
    expect(changes).toHaveLength(1);
  });

  it("types input as Excel would store it, as far as validation can tell", () => {
    expect(typedValue("85", undefined)).toBe(85);
    expect(typedValue(" -3.5 ", "General")).toBe(-3.5);
    expect(typedValue("85", "@")).toBe("85");
    expect(typedValue("007", undefined)).toBe("007");
    expect(typedValue("2024-05-10", undefined)).toBe("2024-05-10");
    expect(typedValue("=SUM(A1)", undefined)).toBe("=SUM(A1)");
    expect(typedValue("", undefined)).toBeNull();
  });
});

describe("live session over an .xlsx workbook", () => {
  it("an edit re-checks the touched rows and their groups; findings and marks equal a full check", async () => {
    const book = XlsxWorkbook.create();
    const { sheet } = await book.insertTemplate("purchase-orders", { examples: true });
    const clock = { today: 19_850, now: 19_850 * 1440 + 600 };
    const full = async () =>
      checkTables({
        file: "x",
        sheets: await book.listSheets(),
        tables: await book.readTables({ kind: "all" }),
        settings: DEFAULT_SETTINGS,
        ...clock,
        // The live session keeps each finding's key and params, as the pane's 校验 does, so the pane can render it in its language.
        keepSaid: true,
      });
    // A Check first: the marks of the whole table.
    await book.applyMarks(marksFromFindings((await full()).findings));

    const updates: string[] = [];
    const session = await startLiveSession({
      port: book,
      settings: DEFAULT_SETTINGS,
      mode: "liaison",
      clock: () => clock,
      toMarks: marksFromFindings,
      debounceMs: 10_000,
      onUpdate: (s) => updates.push(s),
      onError: (e) => {
        throw e;
      },
    });
    const [data] = await book.readTables({ kind: "all" });
    const col = data.table.columns.find((c) => c.key === "orderNo")!;
    const first = data.table.headerRow + 1;
    const orderNo = book.workbook.getWorksheet(sheet)!.getCell(first, data.table.firstColumn + col.index + 1).text;
    // The second row takes the first row's order number: both become a `unique` group.
    await book.setCellValue(sheet, cellAddress(data.table.firstColumn + col.index, first + 1), orderNo);
    await book.setCellValue(sheet, cellAddress(data.table.firstColumn, first + 2), "");
    expect(updates).toEqual([]); // debounced
    await session.flush();
    expect(updates).toEqual([sheet]);

    const report = await full();
    expect(report.findings.some((f) => f.rule === "unique")).toBe(true);
    expect(session.findings().get(sheet)).toEqual(report.findings.filter((f) => f.sheet === sheet));
    const incremental = markedCells(book, sheet);
    await book.applyMarks(marksFromFindings(report.findings));
    expect(incremental).toEqual(markedCells(book, sheet));
    await session.stop();
  });
});
