/**
 * The 生成… ribbon buttons without Office: the shared documents flow on the ExcelJS adapter, the
 * outcome handed to the result dialog, and event.completed() called exactly once on every path.
 */
import { payloadOfGenerateError, runGenerateCommand } from "../../src/commands/generate-command";
import { resultView } from "../../src/commands/result-lines";
import { decodePayload, encodePayload, type ResultPayload } from "../../src/commands/result-payload";
import { REGISTER_SHEET } from "../../src/core/documents";
import { LiaisonError } from "../../src/core/errors";
import { XlsxWorkbook } from "../../src/workbook/exceljs/adapter";

const INSTANT = new Date("2024-10-08T02:00:00Z");
const SHEET = "供应商评估表";

async function book(address: string): Promise<XlsxWorkbook> {
  const b = XlsxWorkbook.create();
  await b.insertTemplate("supplier-evaluation", { examples: true });
  b.selection = { sheet: SHEET, address };
  return b;
}

async function press(b: XlsxWorkbook, kind: "minutes" | "notice" | "reminder", show?: (p: ResultPayload) => Promise<void>) {
  const shown: ResultPayload[] = [];
  const logged: unknown[] = [];
  const order: string[] = [];
  let completed = 0;
  await runGenerateCommand(
    kind,
    {
      port: b,
      lang: "zh-CN",
      instant: INSTANT,
      show:
        show ??
        (async (p) => {
          shown.push(p);
          order.push("show");
        }),
      log: (e) => logged.push(e),
    },
    () => {
      completed++;
      order.push("completed");
    },
  );
  return { shown, logged, order, completed };
}

describe("runGenerateCommand", () => {
  it("writes the notices and the register, shows numbers, sheets and skipped rows, then completes once", async () => {
    const b = await book("A2:A4");
    const { shown, logged, order, completed } = await press(b, "notice");
    expect(completed).toBe(1);
    expect(order).toEqual(["show", "completed"]);
    expect(logged).toEqual([]);
    const register = await b.readRegister();
    expect(register).toHaveLength(2);
    expect(await b.listSheets()).toContain(REGISTER_SHEET);

    const p = shown[0];
    if (p.kind !== "message") throw new Error(`unexpected ${JSON.stringify(p)}`);
    expect(p.tone).toBe("warning");
    expect(p.headline).toBe("已生成 2 份整改通知书");
    expect(p.lines).toEqual([
      `编号：${register.map((e) => e.number).join("、")}`,
      `新工作表：${register.map((e) => e.documentSheet).join("、")}`,
      "已记入“文书登记”，工作簿已切换到第一份文书。",
      "已跳过 1 行：",
    ]);
    expect(p.list).toEqual([expect.stringMatching(/^第2行 .*85.*无需整改$/)]);
    // It survives the trip through the dialog URL, and the page shows it as given.
    expect(decodePayload(`#${encodePayload(p)}`)).toEqual(p);
    expect(resultView(p)).toEqual({ title: p.title, headline: p.headline, tone: "warning", lines: p.lines, list: p.list, close: "关闭" });
  });

  it("nothing eligible: shows the explanation, writes nothing, completes once", async () => {
    const b = await book("B2");
    const before = await b.listSheets();
    const { shown, logged, completed } = await press(b, "notice");
    expect(completed).toBe(1);
    expect(logged).toEqual([expect.objectContaining({ key: "noEligibleRows" })]);
    expect(shown).toEqual([
      {
        kind: "message",
        lang: "zh-CN",
        title: "Liaison 生成整改通知书",
        headline: "未生成整改通知书",
        tone: "error",
        lines: [expect.stringMatching(/^所选行中没有可生成整改通知书的行/)],
        list: [],
      },
    ]);
    expect(await b.listSheets()).toEqual(before);
  });

  it("the wrong kind for the table: explained, completes once", async () => {
    const b = await book("B3");
    const { shown, completed } = await press(b, "minutes");
    expect(completed).toBe(1);
    expect(shown[0]).toMatchObject({ kind: "message", tone: "error", lines: [expect.stringContaining("供应商评估表")] });
  });

  it("completes even when the dialog cannot be shown, logging why", async () => {
    const b = await book("B3");
    const { logged, completed } = await press(b, "notice", async () => {
      throw new Error("displayDialogAsync failed (12007)");
    });
    expect(completed).toBe(1);
    expect(String(logged[0])).toMatch(/12007/);
    // The documents were made before the dialog failed.
    expect(await b.readRegister()).toHaveLength(1);
  });

  it("an unexpected failure is shown by name, in English too", () => {
    const p = payloadOfGenerateError("reminder", new TypeError("boom"), "en-US");
    expect(p).toEqual({
      kind: "message",
      lang: "en-US",
      title: "Liaison: Overdue reminder",
      headline: "No Overdue reminder created",
      tone: "error",
      lines: ["TypeError: boom"],
      list: [],
    });
    const explained = payloadOfGenerateError("notice", new LiaisonError("noDataRowsSelected"), "en-US");
    expect(explained.kind === "message" && explained.lines[0]).toMatch(/holds no data row/);
  });

  it("a tampered message payload is refused", () => {
    expect(decodePayload(encodeURIComponent(JSON.stringify({ kind: "message", lang: "zh-CN", title: "x", headline: 1 })))).toBeUndefined();
    expect(
      decodePayload(
        encodeURIComponent(JSON.stringify({ kind: "message", lang: "zh-CN", title: "x", headline: "y", tone: "red", lines: [], list: [] })),
      ),
    ).toBeUndefined();
  });
});
