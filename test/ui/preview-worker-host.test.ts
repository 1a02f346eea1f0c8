import type { SheetChange } from "../../src/app/port";
import { loadDashboard } from "../../src/app/dashboard/run";
import { ValidationCancelled } from "../../src/app/validate/cancel";
import type { Checker } from "../../src/app/validate/checker";
import type { LiveSnapshot } from "../../src/app/live/pane-session";
import type { SerializedError } from "../../src/app/validate/protocol";
import { runValidation, type ValidationProgress } from "../../src/app/validate/run";
import { checkTables } from "../../src/core/check";
import { XlsxWorkbook } from "../../src/workbook/exceljs/adapter";
import { WorkbookHost } from "../../src/preview/worker/host";
import { SAMPLE_SHEET } from "../../src/preview/sample";
import { book, worksheet } from "../workbook/ooxml/package-builder";

/**
 * The preview's workbook as it runs in its Web Worker (host.ts, called here directly, without the
 * message channel): what the page's grid reads (tabs, a sheet's shape and rows), edits and their
 * change events, and the big reads and writes the page moves in slices.
 */

const SHEET = "供应商评估表";

async function withSupplierTable(): Promise<WorkbookHost> {
  const wb = XlsxWorkbook.create();
  await wb.insertTemplate("supplier-evaluation", { examples: true });
  const host = new WorkbookHost();
  await host.open(await wb.toBuffer());
  return host;
}

describe("WorkbookHost (the preview's worker)", () => {
  it("starts with the sample sheet and reads a sheet's shape and rows in view", async () => {
    const host = new WorkbookHost();
    const tabs = await host.createSample();
    expect(tabs).toEqual([{ id: expect.any(Number), name: SAMPLE_SHEET, visible: true }]);
    const slice = host.slice(SAMPLE_SHEET, 2, 3);
    expect(slice?.meta).toMatchObject({ name: SAMPLE_SHEET, lastRow: 5, lastCol: 8 });
    // Row 1 (the title) sets its own height: 24 pt = 32 px; other rows take the default.
    expect(slice?.meta.rowHeights[1]).toBe(32);
    expect(slice?.from).toBe(2);
    expect(slice?.rows.map((r) => r[0].text)).toEqual(["项目名称", "年度新品发布会"]);
    // An unknown sheet name shows the first sheet, as the page asks before its tabs arrive.
    expect(host.slice("nope", 1, 1)?.meta.name).toBe(SAMPLE_SHEET);
  });

  it("stores a person's edit, tells the listener, and shows it in the next slice", async () => {
    const host = await withSupplierTable();
    const changes: SheetChange[] = [];
    await host.listenToChanges((c) => changes.push(c));
    expect(host.slice(SHEET, 2, 2)?.rows[0][2].text).not.toBe("35.0");
    await host.setCellValue(SHEET, "C2", "35");
    expect(changes).toEqual([{ sheet: SHEET, rows: [2], all: false }]);
    expect(host.slice(SHEET, 2, 2)?.rows[0][2]).toMatchObject({ text: "35.0", edit: "35" });
    // Delete on a range empties the cells that hold something, each a person's edit.
    await expect(host.clearCells(SHEET, { top: 2, bottom: 3, left: 0, right: 1 })).resolves.toBe(4);
    expect(host.slice(SHEET, 2, 3)?.rows.map((r) => [r[0].text, r[1].text])).toEqual([
      ["", ""],
      ["", ""],
    ]);
  });

  it("hands table bodies out in slices equal to readTables, and applies marks sent in slices at once", async () => {
    const host = await withSupplierTable();
    const whole = await host.call("readTables", [{ kind: "all" }]);
    const { stage, tables } = await host.stageTables({ kind: "all" });
    expect(tables.map((t) => t.rows)).toEqual(whole.map((t) => t.body.length));
    const body = [...host.stagedRows(stage, 0, 0, 2), ...host.stagedRows(stage, 0, 2, 100)];
    expect(body).toEqual(whole[0].body);
    host.unstage(stage);
    expect(() => host.stagedRows(stage, 0, 0, 1)).toThrow();

    const first = host.stageMarks(undefined, [{ sheet: SHEET, cell: "C2", severity: "error", message: "e" }]);
    expect(host.stageMarks(first, [{ sheet: SHEET, cell: "D3", severity: "warning", message: "w" }])).toBe(first);
    // Nothing is written until the one command.
    expect(host.slice(SHEET, 2, 3)?.rows.some((r) => r.some((c) => c.mark))).toBe(false);
    await host.applyStagedMarks(first);
    const rows = host.slice(SHEET, 2, 3)?.rows ?? [];
    expect([rows[0][2].mark, rows[1][3].mark]).toEqual(["error", "warning"]);
    await host.call("clearMarks", []);
    expect(host.slice(SHEET, 2, 3)?.rows.some((r) => r.some((c) => c.mark))).toBe(false);
  });

  it('opens a LibreOffice workbook (date1904="true") with its dates right', async () => {
    const rows = `<row r="1"><c r="A1" s="1"><v>43830</v></c></row>`;
    const host = new WorkbookHost();
    const seen: number[] = [];
    await host.open(book({ sheets: [{ name: "S", xml: worksheet(rows) }], date1904: "true" }), (p) => seen.push(p.sheet));
    expect(host.slice("S", 1, 1)?.rows[0][0].text).toBe("2024-01-01");
    expect(seen).toContain(1);
  });

  describe("校验 and the 看板 where the rows are", () => {
    const INSTANT = new Date("2024-10-08T09:00:00+08:00");
    const marksOf = (host: WorkbookHost) =>
      (host.slice(SHEET, 1, 10)?.rows ?? []).flatMap((r, i) => r.flatMap((c, j) => (c.mark ? [`${i + 1}:${j}:${c.mark}`] : [])));

    it("validates in the worker exactly as runValidation over the same workbook, marks included", async () => {
      const host = await withSupplierTable();
      const twin = await XlsxWorkbook.load(await host.toBuffer());
      const progress: ValidationProgress[] = [];
      const problems: (readonly string[])[] = [];
      const opts = { scope: { kind: "all" }, lang: "zh-CN", instant: INSTANT, keepSaid: true } as const;
      const result = await host.validate(
        1,
        opts,
        (p) => progress.push(p),
        (p) => problems.push(p),
      );
      const expected = await runValidation(twin, opts);
      expect(result).toEqual(expected);
      expect(result.report.findings.length).toBeGreaterThan(0);
      expect(result.ranIn).toBe("thread");
      expect(progress.map((p) => p.phase)).toEqual(["settings", "reading", "checking", "checking", "marking"]);
      expect(problems).toEqual([]);
      // The marks are in the worker's workbook, as many cells as the run says.
      expect(marksOf(host)).toHaveLength(result.marked);
    });

    it("runs a big check in its checker, and 取消 stops it there: the run rejects and nothing is marked", async () => {
      let started = (): void => undefined;
      const inChecker = new Promise<void>((resolve) => (started = resolve));
      // A checker that, like the validation worker, answers only when done — and stops on abort.
      const checker: Checker = (job, { signal }) =>
        new Promise((resolve, reject) => {
          started();
          signal?.addEventListener("abort", () => reject(new ValidationCancelled()), { once: true });
          setTimeout(() => resolve(checkTables(job)), 50);
        });
      const wb = XlsxWorkbook.create();
      await wb.insertTemplate("supplier-evaluation", { examples: true });
      // Every check counts as big here (threshold 0), so this one goes to the checker.
      const host = new WorkbookHost({ checker, workerThreshold: 0 });
      await host.open(await wb.toBuffer());
      const cancelled = host.validate(8, { scope: { kind: "all" }, lang: "zh-CN", instant: INSTANT });
      await inChecker;
      host.cancel(8);
      await expect(cancelled).rejects.toBeInstanceOf(ValidationCancelled);
      expect(marksOf(host)).toEqual([]);

      // Not cancelled, the same run ends in the checker's report, marked.
      const done = await host.validate(9, { scope: { kind: "all" }, lang: "zh-CN", instant: INSTANT });
      expect(done.ranIn).toBe("worker");
      expect(marksOf(host)).toHaveLength(done.marked);
      expect(done.marked).toBeGreaterThan(0);
      // Cancelling a run that is over (or never was) changes nothing.
      host.cancel(8);
      host.cancel(99);
    });

    it("counts the 看板 in the worker exactly as loadDashboard over the same workbook", async () => {
      const host = await withSupplierTable();
      const twin = await XlsxWorkbook.load(await host.toBuffer());
      const opts = { lang: "zh-CN", instant: INSTANT } as const;
      await expect(host.dashboard(opts)).resolves.toEqual(await loadDashboard(twin, opts));
    });
  });

  describe("live validation where the rows are", () => {
    /** Resolves with the next snapshot `seen` receives. */
    const nextSnapshot = (seen: { wait?: (s: LiveSnapshot) => void }) => new Promise<LiveSnapshot>((resolve) => (seen.wait = resolve));
    const listen = () => {
      const seen: { all: LiveSnapshot[]; wait?: (s: LiveSnapshot) => void } = { all: [] };
      const onChange = (s: LiveSnapshot) => {
        seen.all.push(s);
        seen.wait?.(s);
      };
      return { seen, onChange };
    };
    const c2Errors = (s: LiveSnapshot | undefined) =>
      (s?.findings.get(SHEET) ?? []).filter((f) => f.cell === "C2" && f.severity === "error");

    it("re-checks a person's edit in the worker and tells the page the findings; stopped, it tells nothing more", async () => {
      const host = await withSupplierTable();
      const { seen, onChange } = listen();
      const errors: SerializedError[] = [];
      const first = nextSnapshot(seen);
      await host.startLive(1, { mode: "liaison", lang: "zh-CN", markAtStart: true, debounceMs: 5 }, onChange, (e) => errors.push(e));
      const start = await first;
      expect(start.tables.map((t) => t.tableName)).toEqual(["SupplierEvaluation"]);
      expect(c2Errors(start)).toEqual([]);
      // Marked at the start, in the worker's workbook, as the findings say.
      expect(host.slice(SHEET, 1, 10)?.rows.some((r) => r.some((c) => c.mark))).toBe(true);

      // 产品质量 of row 2 → 35, over its 30 points: re-checked after the quiet period.
      const after = nextSnapshot(seen);
      await host.setCellValue(SHEET, "C2", "35");
      const edited = await after;
      expect(edited.rechecks).toBe(1);
      expect(c2Errors(edited)).toHaveLength(1);
      expect(host.slice(SHEET, 2, 2)?.rows[0][2].mark).toBe("error");

      await host.stopLive(1);
      const told = seen.all.length;
      await host.setCellValue(SHEET, "C2", "36");
      await new Promise((r) => setTimeout(r, 50));
      expect(seen.all).toHaveLength(told);
      expect(errors).toEqual([]);
      // Stopping again, or a session that never was, changes nothing.
      await host.stopLive(1);
      await host.stopLive(42);
    });

    it("ends with its workbook: after another file is opened, edits there reach no old session", async () => {
      const host = await withSupplierTable();
      const { seen, onChange } = listen();
      const first = nextSnapshot(seen);
      await host.startLive(3, { mode: "liaison", lang: "zh-CN", debounceMs: 5 }, onChange, () => undefined);
      await first;
      const other = XlsxWorkbook.create();
      await other.insertTemplate("supplier-evaluation", { examples: true });
      await host.open(await other.toBuffer());
      await host.setCellValue(SHEET, "C2", "35");
      await new Promise((r) => setTimeout(r, 50));
      expect(seen.all).toHaveLength(1);
    });
  });
});
