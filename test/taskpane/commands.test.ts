/**
 * The 校验 ribbon command without Office: the shared flow on the ExcelJS adapter, the result
 * handed to the dialog, and event.completed() called exactly once on every path.
 */
import { LiaisonError } from "../../src/core/errors";
import { decodePayload, encodePayload, payloadOfError, type ResultPayload } from "../../src/commands/result-payload";
import { resultView } from "../../src/commands/result-lines";
import { runValidateCommand } from "../../src/commands/validate-command";
import { marksOf } from "../../src/preview/marks-view";
import { XlsxWorkbook } from "../../src/workbook/exceljs/adapter";

const INSTANT = new Date("2024-10-08T04:00:00Z");

async function book(): Promise<XlsxWorkbook> {
  const b = XlsxWorkbook.create();
  await b.insertTemplate("supplier-evaluation", { examples: true });
  return b;
}

describe("runValidateCommand", () => {
  it("checks every table, marks the cells, shows the counts, then completes", async () => {
    const b = await book();
    const shown: ResultPayload[] = [];
    const order: string[] = [];
    await runValidateCommand(
      {
        port: b,
        lang: "zh-CN",
        instant: INSTANT,
        show: async (p) => {
          shown.push(p);
          order.push("show");
        },
        log: (e) => {
          throw e;
        },
      },
      () => order.push("completed"),
    );
    expect(order).toEqual(["show", "completed"]);
    const p = shown[0];
    if (p.kind !== "done") throw new Error(`unexpected ${JSON.stringify(p)}`);
    expect(p.tables).toBe(1);
    expect(p.today).toBe("2024-10-08");
    expect(p.summary.error + p.summary.warning + p.summary.info).toBeGreaterThan(0);
    expect(p.marked).toBe(marksOf(b.workbook.getWorksheet("供应商评估表")!, 100, 30).size);
    expect(p.rules.some(([rule]) => rule === "threshold")).toBe(true);
  });

  it("shows a failure (explained) and still completes", async () => {
    const b = await book();
    const failing = Object.assign(Object.create(b) as XlsxWorkbook, {
      readTables: async () => {
        throw new LiaisonError("sheetProtected", { sheet: "供应商评估表" });
      },
    });
    const shown: ResultPayload[] = [];
    const logged: unknown[] = [];
    let completed = 0;
    await runValidateCommand(
      { port: failing, lang: "en-US", instant: INSTANT, show: async (p) => void shown.push(p), log: (e) => logged.push(e) },
      () => completed++,
    );
    expect(completed).toBe(1);
    expect(logged).toHaveLength(1);
    expect(shown).toEqual([{ kind: "error", lang: "en-US", message: expect.stringMatching(/protected/) }]);
  });

  it("completes even when the dialog cannot be shown, logging why", async () => {
    const b = await book();
    const logged: unknown[] = [];
    let completed = 0;
    await runValidateCommand(
      {
        port: b,
        lang: "zh-CN",
        instant: INSTANT,
        show: async () => {
          throw new Error("displayDialogAsync failed (12007)");
        },
        log: (e) => logged.push(e),
      },
      () => completed++,
    );
    expect(completed).toBe(1);
    expect(String(logged[0])).toMatch(/12007/);
  });
});

describe("the result dialog's payload and text", () => {
  const done: ResultPayload = {
    kind: "done",
    lang: "zh-CN",
    summary: { error: 2, warning: 3, info: 1 },
    tables: 2,
    rows: 9,
    today: "2024-10-08",
    marked: 5,
    provisional: true,
    rules: [
      ["range", 2],
      ["threshold", 3],
      ["due-soon", 1],
    ],
    settingsProblems: ["设置“合格线（分）”的值“八十”无效，已使用默认值“80”"],
  };

  it("travels through the URL fragment unchanged; a tampered fragment is refused", () => {
    expect(decodePayload(`#${encodePayload(done)}`)).toEqual(done);
    const error = payloadOfError(new Error("x"), "en-US");
    expect(decodePayload(encodePayload(error))).toEqual({ kind: "error", lang: "en-US", message: "Error: x" });
    expect(decodePayload("#not-json")).toBeUndefined();
    expect(decodePayload(encodePayload({ ...done, kind: "other" } as unknown as ResultPayload))).toBeUndefined();
    // Unknown rules are dropped rather than shown raw.
    const odd = decodePayload(
      encodeURIComponent(
        JSON.stringify({
          ...done,
          rules: [
            ["nope", 1],
            ["sum", 2],
          ],
        }),
      ),
    );
    expect(odd?.kind === "done" && odd.rules).toEqual([["sum", 2]]);
  });

  it("reads as the summary line, the counts by rule and the notices", () => {
    const v = resultView(done);
    expect(v.headline).toBe("2 错误 / 3 警告 / 1 提示");
    expect(v.tone).toBe("error");
    expect(v.lines).toEqual([
      "检查了 2 个表格（9 行数据），今天按 2024-10-08 计；已在工作簿中标记 5 个单元格。",
      "按规则：数值范围 2、低于合格线 3、即将到期 1",
      "部分年份的法定节假日数据未收录，这些年份的工作日暂按周一至周五计算。",
      "打开任务窗格的“校验”页可查看每个问题并定位到单元格。",
      "设置有误，已改用默认值：",
    ]);
    expect(v.list).toEqual(done.settingsProblems);
    const clean = resultView({
      ...done,
      lang: "en-US",
      summary: { error: 0, warning: 0, info: 0 },
      rules: [],
      provisional: false,
      settingsProblems: [],
    });
    expect([clean.headline, clean.tone, clean.lines[1], clean.close]).toEqual([
      "0 errors / 0 warnings / 0 info",
      "ok",
      "No problems found.",
      "Close",
    ]);
    expect(resultView(payloadOfError(new LiaisonError("sheetNotFound", { sheet: "S" }), "zh-CN")).lines).toEqual([
      "校验未完成：找不到工作表“S”。",
    ]);
  });
});
