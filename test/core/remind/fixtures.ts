import ExcelJS from "exceljs";
import { parseIsoDate } from "../../../src/core/cells/civil";
import { checkTables } from "../../../src/core/check";
import { collectRemindItems, type RemindItem } from "../../../src/core/remind";
import { parseSettings } from "../../../src/core/settings";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";

/** Workbooks for the reminder tests, written with ExcelJS as a person would type them. */

export type ActionRow = readonly [content: string, owner: string, due: string, status: string];

export async function actionItemsBook(rows: readonly ActionRow[], contacts?: readonly (readonly string[])[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("待办事项");
  ws.addRow(["事项内容", "负责人", "截止日期", "状态", "完成日期"]);
  for (const r of rows) ws.addRow([...r, null]);
  if (contacts) {
    const cs = wb.addWorksheet("通讯录");
    cs.addRow(["姓名", "手机", "邮箱"]);
    for (const c of contacts) cs.addRow([...c]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function contactsBook(rows: readonly (readonly (string | null)[])[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const cs = wb.addWorksheet("通讯录");
  cs.addRow(["姓名", "手机", "邮箱"]);
  for (const c of rows) cs.addRow([...c]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The reminder items of a workbook, as `liaison remind` collects them. */
export async function itemsOf(bytes: Uint8Array, today: string, file = "book.xlsx"): Promise<RemindItem[]> {
  const book = await XlsxWorkbook.load(bytes);
  const tables = await book.readTables({ kind: "all" });
  const day = parseIsoDate(today) as number;
  const report = checkTables({
    file,
    sheets: await book.listSheets(),
    tables,
    settings: parseSettings(undefined, "zh-CN").settings,
    today: day,
    now: day * 1440 + 600,
    lang: "zh-CN",
  });
  return collectRemindItems({ report, tables, today: day });
}
