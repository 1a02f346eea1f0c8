/**
 * The task pane's live validation glue against the ExcelJS adapter, with a fake timer: the start
 * shows a full check's marks, an edit re-checks only its rows after the quiet period and updates
 * their marks, the add-in's own writes never cause a re-check, and the merged findings list.
 */
import type { Timer } from "../../src/app/live";
import { marksOf } from "../../src/preview/marks-view";
import { mergeLiveFindings, countBySeverity } from "../../src/taskpane/live/merge";
import { startPaneLiveSession, type LiveSnapshot, type PaneLivePort } from "../../src/app/live/pane-session";
import { loadLiveMode, saveLiveMode, storageKey, LIVE_MODE_KEY, type PreferenceStore } from "../../src/taskpane/live/preference";
import { runValidation } from "../../src/app/validate/run";
import { XlsxWorkbook } from "../../src/workbook/exceljs/adapter";
import type { TableScope } from "../../src/app/port";

const INSTANT = new Date("2024-10-08T04:00:00Z");
const SHEET = "供应商评估表";

/** A timer that fires only when told. */
function fakeTimer() {
  const pending = new Map<number, () => void>();
  let next = 1;
  const timer: Timer = {
    set: (callback) => {
      const id = next++;
      pending.set(id, callback);
      return id;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  return {
    timer,
    get pending() {
      return pending.size;
    },
    fire() {
      const callbacks = [...pending.values()];
      pending.clear();
      for (const c of callbacks) c();
    },
  };
}

/** The book's port with its calls counted. */
function spy(book: XlsxWorkbook) {
  const calls = { readAll: 0, readSheet: 0, updates: [] as { sheet: string; rows: readonly number[] }[] };
  const port: PaneLivePort = {
    readSettings: () => book.readSettings(),
    readTables: async (scope: TableScope) => {
      if (scope.kind === "all") calls.readAll++;
      if (scope.kind === "sheet") calls.readSheet++;
      return book.readTables(scope);
    },
    updateMarks: async (sheet, rows, marks) => {
      calls.updates.push({ sheet, rows: [...rows] });
      return book.updateMarks(sheet, rows, marks);
    },
    watchChanges: (listener, onError) => book.watchChanges(listener, onError),
  };
  return { port, calls };
}

async function supplierBook(): Promise<XlsxWorkbook> {
  const book = XlsxWorkbook.create();
  await book.insertTemplate("supplier-evaluation", { examples: true });
  return book;
}

/** Resolves once the session's pending re-check (if any) has run. */
async function settle(session: { flush(): Promise<void> }, t: ReturnType<typeof fakeTimer>) {
  t.fire();
  await session.flush();
}

describe("startPaneLiveSession (ExcelJS adapter, fake timer)", () => {
  it("starts with a full check's marks, re-checks only an edited row, and ignores its own writes", async () => {
    const book = await supplierBook();
    const reference = await supplierBook();
    await runValidation(reference, { scope: { kind: "all" }, lang: "zh-CN", instant: INSTANT });

    const { port, calls } = spy(book);
    const t = fakeTimer();
    const snapshots: LiveSnapshot[] = [];
    const errors: unknown[] = [];
    const session = await startPaneLiveSession({
      port,
      mode: "liaison",
      lang: "zh-CN",
      markAtStart: true,
      now: () => INSTANT,
      timer: t.timer,
      onChange: (s) => snapshots.push(s),
      onError: (e) => errors.push(e),
    });
    const ws = () => book.workbook.getWorksheet(SHEET)!;
    // The start: the same marks as a Check of the same workbook.
    expect(marksOf(ws(), 50, 20)).toEqual(marksOf(reference.workbook.getWorksheet(SHEET)!, 50, 20));
    expect(calls.readAll).toBe(1);
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0].tables.map((x) => x.tableName)).toEqual(["SupplierEvaluation"]);
    expect(session.snapshot().rechecks).toBe(0);
    const startFindings = session.snapshot().findings.get(SHEET) ?? [];
    expect(startFindings.some((f) => f.row === 2 && f.cell.startsWith("C"))).toBe(false);

    // 产品质量 of 华东 (row 2, alone in its supplier group) → 35, over its 30 points.
    await book.setCellValue(SHEET, "C2", "35");
    expect(t.pending).toBe(1); // waiting for the quiet period, nothing checked yet
    expect(calls.readSheet).toBe(0);
    await settle(session, t);
    expect(errors).toEqual([]);
    expect(calls.readSheet).toBe(1);
    expect(session.snapshot().rechecks).toBe(1);
    const update = calls.updates.at(-1)!;
    expect(update).toEqual({ sheet: SHEET, rows: [2] });
    expect(marksOf(ws(), 50, 20).get("2:2")).toBe("error");
    const now = session.snapshot().findings.get(SHEET) ?? [];
    expect(now.some((f) => f.cell === "C2" && f.severity === "error")).toBe(true);
    // Rows 3–5 were not re-checked: their findings are the very objects of the start.
    expect(now.filter((f) => f.row > 2)).toEqual(startFindings.filter((f) => f.row > 2));

    // The add-in's own writes (a Check's marks, settings) are not edits: no re-check follows.
    const updatesBefore = calls.updates.length;
    await book.applyMarks([]);
    await book.updateMarks(SHEET, [4], []);
    await book.writeSettings([["threshold", 80]]);
    expect(t.pending).toBe(0);
    await settle(session, t);
    expect(calls.readSheet).toBe(1);
    expect(calls.updates.length).toBe(updatesBefore);

    // Fixing the value takes the mark away again.
    await book.setCellValue(SHEET, "C2", "27");
    await settle(session, t);
    expect(calls.readSheet).toBe(2);
    expect(marksOf(ws(), 50, 20).has("2:2")).toBe(false);
    expect((session.snapshot().findings.get(SHEET) ?? []).some((f) => f.cell === "C2")).toBe(false);

    // Several edits within the quiet period: one re-check.
    await book.setCellValue(SHEET, "H2", "八十");
    await book.setCellValue(SHEET, "H2", "九十");
    await settle(session, t);
    expect(calls.readSheet).toBe(3);
    expect(marksOf(ws(), 50, 20).get("2:7")).toBe("error");

    await session.stop();
    await book.setCellValue(SHEET, "C2", "99");
    expect(t.pending).toBe(0);
  });

  it("`all` mode covers plain ranges too; `liaison` leaves them alone", async () => {
    const book = XlsxWorkbook.create();
    const ws = book.workbook.addWorksheet("待办");
    ws.addRow(["事项内容", "负责人", "截止日期", "状态", "完成日期", "来源会议"]);
    ws.addRow(["原型设计", "", "2024-09-01", "进行中", "", "周例会"]);
    const t = fakeTimer();
    for (const [mode, expected] of [
      ["liaison", 0],
      ["all", 1],
    ] as const) {
      const { port } = spy(book);
      const session = await startPaneLiveSession({
        port,
        mode,
        lang: "zh-CN",
        markAtStart: true,
        now: () => INSTANT,
        timer: t.timer,
        onChange: () => undefined,
        onError: (e) => {
          throw e;
        },
      });
      expect(session.snapshot().tables).toHaveLength(expected);
      expect(marksOf(ws, 10, 10).size > 0).toBe(expected > 0);
      await session.stop();
    }
  });

  it("without markAtStart (pane opened, restart after 清除标记) the start writes nothing", async () => {
    const book = await supplierBook();
    const { port, calls } = spy(book);
    const session = await startPaneLiveSession({
      port,
      mode: "liaison",
      lang: "zh-CN",
      now: () => INSTANT,
      timer: fakeTimer().timer,
      onChange: () => undefined,
      onError: (e) => {
        throw e;
      },
    });
    expect(calls.updates).toEqual([]);
    expect(marksOf(book.workbook.getWorksheet(SHEET)!, 50, 20).size).toBe(0);
    expect((session.snapshot().findings.get(SHEET) ?? []).length).toBeGreaterThan(0);
    await session.stop();
  });

  it("a start that cannot write its marks fails, having stopped listening", async () => {
    const book = await supplierBook();
    const { port } = spy(book);
    let watching = 0;
    const failing: PaneLivePort = {
      ...port,
      watchChanges: async (l, e) => {
        watching++;
        const off = await port.watchChanges(l, e);
        return async () => {
          watching--;
          await off();
        };
      },
      updateMarks: async () => {
        throw new Error("protected");
      },
    };
    await expect(
      startPaneLiveSession({
        port: failing,
        mode: "liaison",
        markAtStart: true,
        lang: "zh-CN",
        now: () => INSTANT,
        onChange: () => undefined,
        onError: () => undefined,
      }),
    ).rejects.toThrow("protected");
    expect(watching).toBe(0);
  });
});

describe("mergeLiveFindings", () => {
  it("replaces the report's findings of live tables by the session's, keeps the rest, in check order", async () => {
    const book = await supplierBook();
    const other = book.workbook.addWorksheet("待办");
    other.addRow(["事项内容", "负责人", "截止日期", "状态", "完成日期", "来源会议"]);
    other.addRow(["原型设计", "", "2024-09-01", "进行中", "", "周例会"]);
    const run = await runValidation(book, { scope: { kind: "all" }, lang: "zh-CN", instant: INSTANT, keepSaid: true });
    const t = fakeTimer();
    const { port } = spy(book);
    const session = await startPaneLiveSession({
      port,
      mode: "liaison",
      lang: "zh-CN",
      now: () => INSTANT,
      timer: t.timer,
      onChange: () => undefined,
      onError: () => undefined,
    });
    // Unchanged workbook: the merge is the report's list.
    expect(mergeLiveFindings(run.report, session.snapshot())).toEqual(run.report.findings);

    await book.setCellValue(SHEET, "C2", "35");
    await settle(session, t);
    const merged = mergeLiveFindings(run.report, session.snapshot());
    expect(merged.filter((f) => f.sheet === "待办")).toEqual(run.report.findings.filter((f) => f.sheet === "待办"));
    expect(merged.some((f) => f.cell === "C2" && f.sheet === SHEET)).toBe(true);
    expect(countBySeverity(merged).error).toBeGreaterThan(run.report.summary.error);
    const sheets = [...new Set(merged.map((f) => f.sheet))];
    expect(sheets).toEqual([...new Set(run.report.findings.map((f) => f.sheet))]);
    expect(mergeLiveFindings(run.report, undefined)).toEqual(run.report.findings);
    expect(mergeLiveFindings(undefined, session.snapshot())).toEqual(session.snapshot().findings.get(SHEET));

    // A scoped check (the 待办 sheet only) keeps listing its scope: the live supplier table is not added.
    const scoped = await runValidation(book, { scope: { kind: "sheet", sheet: "待办" }, lang: "zh-CN", instant: INSTANT, keepSaid: true });
    expect(mergeLiveFindings(scoped.report, session.snapshot())).toEqual(scoped.report.findings);
    await session.stop();
  });
});

describe("the live mode preference", () => {
  const mapStore = (): PreferenceStore & { data: Map<string, string> } => {
    const data = new Map<string, string>();
    return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
  };

  it("defaults to liaison, round-trips, ignores unknown values", () => {
    const s = mapStore();
    expect(loadLiveMode(s)).toEqual({ mode: "liaison" });
    expect(saveLiveMode(s, "off")).toBe(true);
    expect(loadLiveMode(s)).toEqual({ mode: "off" });
    s.data.set(LIVE_MODE_KEY, "sometimes");
    expect(loadLiveMode(s)).toEqual({ mode: "liaison" });
  });

  it("says so when storage is blocked", () => {
    const blocked: PreferenceStore = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    expect(loadLiveMode(blocked)).toEqual({ mode: "liaison", problem: "unreadable" });
    expect(saveLiveMode(blocked, "all")).toBe(false);
    expect(loadLiveMode(undefined).problem).toBe("unreadable");
    expect(log).toHaveBeenCalledTimes(2);
    log.mockRestore();
  });

  it("prefixes the key with Office's partition key", () => {
    expect(storageKey(undefined)).toBe(LIVE_MODE_KEY);
    expect(storageKey("p1")).toBe(`p1${LIVE_MODE_KEY}`);
  });
});
