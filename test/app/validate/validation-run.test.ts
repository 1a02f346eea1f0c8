/**
 * The validation flow shared by the pane and the ribbon command, against the real ExcelJS adapter:
 * findings become marks (one per cell, highest severity), cancelling writes no mark, the
 * workbook's bad settings are reported, big inputs go to the worker checker.
 */
import { dayFromYmd } from "../../../src/core/cells/civil";
import { checkTables } from "../../../src/core/check";
import type { Report, ReportFinding } from "../../../src/core/report";
import { ValidationCancelled } from "../../../src/app/validate/cancel";
import type { Checker } from "../../../src/app/validate/checker";
import { marksFromFindings } from "../../../src/app/marks";
import { runValidation, type ValidationProgress, type ValidationWorkbook } from "../../../src/app/validate/run";
import { marksOf } from "../../../src/preview/marks-view";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";
import type { TableScope } from "../../../src/app/port";
import type { Mark } from "../../../src/core/marks/mark";

/** 2024-10-08 12:00 in Shanghai: a fixed moment, whatever the machine's zone. */
const INSTANT = new Date("2024-10-08T04:00:00Z");
const SHEET = "供应商评估表";

async function bookWith(...templates: string[]): Promise<XlsxWorkbook> {
  const book = XlsxWorkbook.create();
  for (const id of templates) await book.insertTemplate(id, { examples: true });
  return book;
}

/** The port with its calls recorded, and hooks to act in the middle of one. */
function spy(book: XlsxWorkbook, hooks: { beforeReadTables?: () => void } = {}) {
  const applied: (readonly Mark[])[] = [];
  const port: ValidationWorkbook = {
    listSheets: () => book.listSheets(),
    readSettings: () => book.readSettings(),
    readTables: async (scope: TableScope) => {
      hooks.beforeReadTables?.();
      return book.readTables(scope);
    },
    applyMarks: async (marks) => {
      applied.push(marks);
      return book.applyMarks(marks);
    },
    updateMarks: (sheet, rows, marks) => book.updateMarks(sheet, rows, marks),
  };
  return { port, applied };
}

const RANK = { error: 3, warning: 2, info: 1 } as const;

describe("marksFromFindings", () => {
  const f = (
    cell: string,
    severity: ReportFinding["severity"],
    rule: ReportFinding["rule"],
    message = `${rule}@${cell}`,
  ): ReportFinding => ({
    sheet: "S",
    row: Number(cell.slice(1)),
    column: "c",
    cell,
    rule,
    severity,
    message,
  });

  it("marks each cell once, with its highest severity and that severity's messages", () => {
    const marks = marksFromFindings([
      f("H4", "warning", "threshold"),
      f("H4", "error", "consecutive"),
      f("H4", "error", "sum"),
      f("B2", "info", "due-soon"),
      f("B2", "warning", "overdue"),
      f("C3", "warning", "late"),
    ]);
    expect(marks).toEqual([
      { sheet: "S", cell: "H4", severity: "error", message: "consecutive@H4\nsum@H4" },
      { sheet: "S", cell: "B2", severity: "warning", message: "overdue@B2" },
      { sheet: "S", cell: "C3", severity: "warning", message: "late@C3" },
    ]);
  });

  it("keeps cells of different sheets apart and leaves the run-wide calendar notice unmarked", () => {
    const other = { ...f("A2", "error", "required"), sheet: "T" };
    expect(marksFromFindings([f("A2", "warning", "deadline"), other, f("A3", "info", "calendar")])).toEqual([
      { sheet: "S", cell: "A2", severity: "warning", message: "deadline@A2" },
      { sheet: "T", cell: "A2", severity: "error", message: "required@A2" },
    ]);
  });
});

describe("runValidation", () => {
  it("checks, then marks every finding's cell with its highest severity", async () => {
    const book = await bookWith("supplier-evaluation", "collab-request");
    const phases: string[] = [];
    const result = await runValidation(book, {
      scope: { kind: "all" },
      lang: "zh-CN",
      instant: INSTANT,
      onProgress: (p) => phases.push(p.phase),
    });
    expect(result.ranIn).toBe("thread");
    expect(result.report.tables.map((t) => t.template)).toEqual(["supplier-evaluation", "collab-request"]);
    expect(result.report.today).toBe("2024-10-08");
    expect(result.report.findings.length).toBeGreaterThan(0);
    expect([...new Set(phases)]).toEqual(["settings", "reading", "checking", "marking"]);

    // Expected: per cell, the highest severity among its findings (calendar aside).
    const expected = new Map<string, ReportFinding["severity"]>();
    for (const x of result.report.findings) {
      if (x.rule === "calendar") continue;
      const key = `${x.sheet}!${x.cell}`;
      const prev = expected.get(key);
      if (!prev || RANK[x.severity] > RANK[prev]) expected.set(key, x.severity);
    }
    expect(result.marked).toBe(expected.size);
    const marked = new Map<string, string>();
    for (const ws of book.workbook.worksheets) {
      for (const [rc, severity] of marksOf(ws, 10_000, 100)) {
        const [row, col] = rc.split(":").map(Number);
        marked.set(`${ws.name}!${String.fromCharCode(65 + col)}${row}`, severity);
      }
    }
    expect(marked).toEqual(expected);
    // The supplier table has a total below the pass mark: a threshold warning at least.
    expect(result.report.findings.some((x) => x.sheet === SHEET && x.rule === "threshold")).toBe(true);
  });

  it("gives the same report as the core's checkTables (the flow adds nothing of its own)", async () => {
    const book = await bookWith("supplier-evaluation");
    const result = await runValidation(book, { scope: { kind: "all" }, lang: "en-US", instant: INSTANT, file: "x.xlsx", keepSaid: true });
    const direct = checkTables({
      file: "x.xlsx",
      sheets: await book.listSheets(),
      tables: await book.readTables({ kind: "all" }),
      settings: result.settings,
      today: dayFromYmd(2024, 10, 8),
      now: dayFromYmd(2024, 10, 8) * 1440 + 12 * 60,
      lang: "en-US",
      keepSaid: true, // the pane keeps each finding's key and params, to render it in its language
    });
    expect(result.report).toEqual(direct);
  });

  it("a full run replaces every previous mark", async () => {
    const book = await bookWith("supplier-evaluation", "collab-request");
    const collab = (await book.listSheets()).find((s) => s !== SHEET) ?? "";
    await book.applyMarks([{ sheet: collab, cell: "Z99", severity: "info", message: "stale" }]);
    const result = await runValidation(book, { scope: { kind: "all" }, lang: "zh-CN", instant: INSTANT });
    expect(marksOf(book.workbook.getWorksheet(collab)!, 100, 30).has("99:25")).toBe(false);
    const total = [SHEET, collab].reduce((n, s) => n + marksOf(book.workbook.getWorksheet(s)!, 100, 30).size, 0);
    expect(total).toBe(result.marked);
  });

  it("with no table in scope changes no mark", async () => {
    const book = await bookWith("supplier-evaluation");
    const first = await runValidation(book, { scope: { kind: "all" }, lang: "zh-CN", instant: INSTANT });
    book.workbook.addWorksheet("空白");
    const result = await runValidation(book, { scope: { kind: "sheet", sheet: "空白" }, lang: "zh-CN", instant: INSTANT });
    expect(result.report.tables).toEqual([]);
    expect(result.report.summary).toEqual({ error: 0, warning: 0, info: 0 });
    expect(marksOf(book.workbook.getWorksheet(SHEET)!, 100, 30).size).toBe(first.marked);
  });

  describe("cancellation writes no mark", () => {
    it("cancelled while the tables are read", async () => {
      const book = await bookWith("supplier-evaluation");
      await runValidation(book, { scope: { kind: "all" }, lang: "zh-CN", instant: INSTANT });
      const before = JSON.stringify(marksOf(book.workbook.getWorksheet(SHEET)!, 100, 30));
      const abort = new AbortController();
      const { port, applied } = spy(book, { beforeReadTables: () => abort.abort() });
      await expect(
        runValidation(port, { scope: { kind: "all" }, lang: "zh-CN", instant: INSTANT, signal: abort.signal }),
      ).rejects.toBeInstanceOf(ValidationCancelled);
      expect(applied).toEqual([]);
      // The marks of the earlier run are still there, untouched.
      expect(JSON.stringify(marksOf(book.workbook.getWorksheet(SHEET)!, 100, 30))).toBe(before);
    });

    it("cancelled in the middle of an in-thread check (after the first table)", async () => {
      const book = await bookWith("supplier-evaluation", "collab-request", "action-items");
      const abort = new AbortController();
      const { port, applied } = spy(book);
      const onProgress = (p: ValidationProgress) => {
        if (p.phase === "checking" && (p.check?.tablesDone ?? 0) >= 1) abort.abort();
      };
      await expect(
        runValidation(port, { scope: { kind: "all" }, lang: "zh-CN", instant: INSTANT, signal: abort.signal, onProgress }),
      ).rejects.toBeInstanceOf(ValidationCancelled);
      expect(applied).toEqual([]);
    });

    it("cancelled while the worker checks", async () => {
      const book = await bookWith("supplier-evaluation");
      const abort = new AbortController();
      const { port, applied } = spy(book);
      // A worker stand-in that settles only when cancelled, as terminate() does.
      const hanging: Checker = (_job, { signal }) =>
        new Promise<Report>((_resolve, reject) => signal?.addEventListener("abort", () => reject(new ValidationCancelled())));
      const run = runValidation(port, {
        scope: { kind: "all" },
        lang: "zh-CN",
        instant: INSTANT,
        signal: abort.signal,
        checkInWorker: hanging,
        workerThreshold: 0,
      });
      setTimeout(() => abort.abort(), 10);
      await expect(run).rejects.toBeInstanceOf(ValidationCancelled);
      expect(applied).toEqual([]);
    });

    it("a checker that finishes although cancelled still writes nothing", async () => {
      const book = await bookWith("supplier-evaluation");
      const abort = new AbortController();
      const { port, applied } = spy(book);
      const late: Checker = async (job) => {
        abort.abort();
        return checkTables(job);
      };
      await expect(
        runValidation(port, {
          scope: { kind: "all" },
          lang: "zh-CN",
          instant: INSTANT,
          signal: abort.signal,
          checkInWorker: late,
          workerThreshold: 0,
        }),
      ).rejects.toBeInstanceOf(ValidationCancelled);
      expect(applied).toEqual([]);
    });
  });

  it("reports the workbook's invalid settings (and checks with the defaults)", async () => {
    const book = await bookWith("supplier-evaluation");
    await book.writeSettings([
      ["threshold", "八十"],
      ["minQuotes", 5],
      ["colour", "red"],
    ]);
    const seen: (readonly string[])[] = [];
    const result = await runValidation(book, {
      scope: { kind: "all" },
      lang: "zh-CN",
      instant: INSTANT,
      onSettingsProblems: (p) => seen.push(p),
    });
    expect(seen).toHaveLength(1);
    expect(result.settingsProblems).toEqual(seen[0]);
    expect(result.settingsProblems.join("\n")).toMatch(/合格线.*八十/);
    expect(result.settingsProblems.join("\n")).toMatch(/colour/);
    expect(result.settings.threshold).toBe(80);
    expect(result.settings.minQuotes).toBe(5);
  });

  it("a fixed today in the settings wins over the clock", async () => {
    const book = await bookWith("action-items");
    await book.writeSettings([["today", "2024-05-21"]]);
    const result = await runValidation(book, { scope: { kind: "all" }, lang: "zh-CN", instant: INSTANT });
    expect(result.report.today).toBe("2024-05-21");
  });

  it("sends inputs over the threshold to the worker checker, smaller ones not", async () => {
    const book = await bookWith("supplier-evaluation");
    const jobs: number[] = [];
    const worker: Checker = async (job, { onProgress }) => {
      jobs.push(job.tables.length);
      onProgress?.({ tablesDone: 1, tables: 1, rowsDone: 1, rows: 1 });
      return checkTables(job);
    };
    const rows = (await book.readTables({ kind: "all" }))[0].body.length;
    const small = await runValidation(book, {
      scope: { kind: "all" },
      lang: "zh-CN",
      instant: INSTANT,
      checkInWorker: worker,
      workerThreshold: rows,
    });
    expect(small.ranIn).toBe("thread");
    expect(jobs).toEqual([]);
    const big = await runValidation(book, {
      scope: { kind: "all" },
      lang: "zh-CN",
      instant: INSTANT,
      checkInWorker: worker,
      workerThreshold: rows - 1,
    });
    expect(big.ranIn).toBe("worker");
    expect(jobs).toEqual([1]);
    expect(big.report).toEqual(small.report);
  });

  it("passes a worker's failure on, unchanged, and marks nothing", async () => {
    const book = await bookWith("supplier-evaluation");
    const { port, applied } = spy(book);
    const failing: Checker = async () => {
      throw new Error("validation worker failed: boom");
    };
    await expect(
      runValidation(port, { scope: { kind: "all" }, lang: "zh-CN", instant: INSTANT, checkInWorker: failing, workerThreshold: 0 }),
    ).rejects.toThrow("validation worker failed: boom");
    expect(applied).toEqual([]);
  });

  it("passes the adapter's LiaisonError on (no table under the selection)", async () => {
    const book = await bookWith("supplier-evaluation");
    book.selection = { sheet: SHEET, address: "Z99" };
    await expect(runValidation(book, { scope: { kind: "current" }, lang: "zh-CN", instant: INSTANT })).rejects.toMatchObject({
      key: "noTableAtSelection",
    });
  });
});
