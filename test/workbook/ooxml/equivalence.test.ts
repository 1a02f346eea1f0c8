import * as ExcelJS from "exceljs";
import { checkTables } from "../../../src/core/check";
import { parseIsoDate } from "../../../src/core/cells/civil";
import { DEFAULT_SETTINGS, settingsFromRows, settingsToRows } from "../../../src/core/settings";
import { TEMPLATES } from "../../../src/core/templates";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";
import { generateDocuments, writeGenerated } from "../../../src/app/generate/build";
import { OoxmlWorkbook } from "../../../src/workbook/ooxml/workbook";

/**
 * The streaming reader against the ExcelJS adapter on the workbooks the existing tests use
 * (every template with the manual's examples, written by the adapter; settings; documents and
 * their register; hand-made sheets with every kind of value ExcelJS writes): the same sheets,
 * tables, rows, settings, register, selected rows — and so the same report.
 */

const TODAY = parseIsoDate("2024-10-08") as number;
const bytesOf = async (b: XlsxWorkbook): Promise<Uint8Array> => b.toBuffer();

async function allTemplates(): Promise<XlsxWorkbook> {
  const b = XlsxWorkbook.create();
  for (const t of TEMPLATES) await b.insertTemplate(t.id, { examples: true });
  return b;
}

/**
 * An empty string cell and an empty cell are the same to the core (both blank). The grid both
 * readers' tables come from ends a row at its last non-empty cell, so a trailing "" reads as
 * null there while the ExcelJS adapter's direct cell reads keep it: compared as equal.
 */
const blank = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v, (_, x: unknown) => (x === "" ? null : x))) as T));

async function compare(bytes: Uint8Array): Promise<void> {
  const old = await XlsxWorkbook.load(bytes);
  const now = OoxmlWorkbook.load(bytes);
  expect(await now.listSheets()).toEqual(await old.listSheets());
  expect(await now.findTables()).toEqual(await old.findTables());
  const tables = await now.readTables({ kind: "all" });
  expect(blank(tables)).toEqual(blank(await old.readTables({ kind: "all" })));
  expect(blank(await now.readSettings())).toEqual(blank(await old.readSettings()));
  expect(await now.readRegister()).toEqual(await old.readRegister());
  const report = (t: typeof tables) =>
    checkTables({
      file: "t.xlsx",
      sheets: [],
      tables: t,
      settings: settingsFromRows([], "zh-CN").settings,
      today: TODAY,
      now: TODAY * 1440 + 600,
      lang: "zh-CN",
    });
  expect(report(tables)).toEqual(report(await old.readTables({ kind: "all" })));
}

describe("same findings as the ExcelJS adapter", () => {
  it("every template with the manual's examples", async () => {
    await compare(await bytesOf(await allTemplates()));
  });

  it("with settings, documents and their register", async () => {
    const b = await allTemplates();
    await b.writeSettings(settingsToRows({ ...DEFAULT_SETTINGS, threshold: 85 }));
    const found = await b.findTables();
    const actions = found.find((f) => f.templateId === "action-items");
    if (!actions) throw new Error("no action items");
    const g = await generateDocuments(b, {
      kind: "reminder",
      lang: "zh-CN",
      target: { sheet: actions.sheet, rows: [actions.headerRow + 1, actions.headerRow + 2, actions.headerRow + 3] },
      today: parseIsoDate("2030-01-01") as number,
      instant: new Date(Date.UTC(2030, 0, 1)),
    });
    await writeGenerated(b, g);
    const bytes = await bytesOf(b);
    await compare(bytes);
    const target = { sheet: actions.sheet, rows: [actions.headerRow + 1, actions.headerRow + 3] };
    expect(blank(await OoxmlWorkbook.load(bytes).readSelectedRows(target))).toEqual(
      blank(await (await XlsxWorkbook.load(bytes)).readSelectedRows(target)),
    );
  });

  it("hand-made sheets: every kind of value, merges, hidden rows, a 1904 workbook", async () => {
    for (const date1904 of [false, true]) {
      const wb = new ExcelJS.Workbook();
      wb.properties.date1904 = date1904;
      const ws = wb.addWorksheet("待办");
      ws.addRow(["事项内容", "负责人", "截止日期", "状态", "完成日期", "来源会议"]);
      ws.addRow([
        { richText: [{ text: "富" }, { text: "文本", font: { bold: true } }] },
        { text: "链接", hyperlink: "https://example.com" },
        new Date(Date.UTC(2024, 4, 20)),
        "进行中",
        { formula: "C2+1", result: new Date(Date.UTC(2024, 4, 21)) },
        12.5,
      ]);
      ws.addRow(["=不是公式", { error: "#N/A" }, 45000, true, { formula: "1/0", result: { error: "#DIV/0!" } }, ""]);
      ws.addRow(["合并", null, "2024-13-40", "已完成", null, "会"]);
      ws.mergeCells("A4:B5");
      ws.getCell("C3").numFmt = "yyyy年m月d日";
      ws.getRow(3).hidden = true;
      wb.addWorksheet("Notes").getCell("D9").value = "随手记";
      await compare((await wb.xlsx.writeBuffer()) as unknown as Uint8Array);
    }
  });
});
