import { cellAddress } from "../src/core/a1";
import { planMarks } from "../src/core/marks/plan";
import type { Severity } from "../src/core/rules";
import { OfficeWorkbook } from "../src/workbook/officejs/adapter";
import type { Mark } from "../src/core/marks/mark";
import { installExcelDouble, WorkbookModel } from "../test/doubles/excel-double";
import { Prng } from "./prng";

/**
 * Part 4: marks. `applyMarks` then `clearMarks` of `n` findings through the Office.js adapter on
 * the strict double (syncs, largest batch), and the planning alone (core/marks/plan.ts, the pane's
 * thread in Excel). Findings are spread like a real check's: four checked columns of a sheet as
 * tall as the findings, rows drawn at random (seeded), so runs are short and areas many — harder
 * than one long run per column. A user's own rule sits under the marks and must survive.
 */

export interface MarkFigures {
  readonly findings: number;
  /** Median planning time of planMarks alone, ms. */
  readonly planMs: number;
  readonly areas: number;
  readonly applySyncs: number;
  readonly applyMaxBatchBytes: number;
  readonly clearSyncs: number;
  readonly clearMaxBatchBytes: number;
}

const SHEET = "待办事项";
const COLUMNS = [2, 4, 6, 9];
const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export function benchMarks(n: number, seed = 11): Mark[] {
  const prng = new Prng(seed);
  return Array.from({ length: n }, () => ({
    sheet: SHEET,
    cell: cellAddress(COLUMNS[Math.floor(prng.next() * COLUMNS.length)], 2 + Math.floor(prng.next() * n)),
    severity: SEVERITIES[Math.floor(prng.next() * 3)],
    message: "",
  }));
}

function medianMs(f: () => unknown, reps: number): number {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function officeMarks(n: number, reps = 5): Promise<MarkFigures> {
  const marks = benchMarks(n);
  const plan = planMarks(marks);
  const areas = plan.reduce((sum, p) => sum + [...p.bySeverity.values()].reduce((s, r) => s + r.length, 0), 0);
  const planMs = medianMs(() => planMarks(marks), reps);

  const model = new WorkbookModel(SHEET);
  const user = model.sheet(SHEET).seedConditionalFormat("Custom", "A2:L9", { formula: "=$A2=1", fill: "#00FF00" });
  const installed = installExcelDouble(model);
  try {
    const port = new OfficeWorkbook();
    model.resetStats();
    await port.applyMarks(marks);
    const apply = { syncs: model.syncs, max: model.maxBatchBytes };
    model.resetStats();
    await port.clearMarks();
    const clear = { syncs: model.syncs, max: model.maxBatchBytes };
    const left = model.sheet(SHEET).conditionalFormats;
    if (left.length !== 1 || left[0] !== user) throw new Error("bench: clearMarks did not leave exactly the user's rule");
    return {
      findings: n,
      planMs,
      areas,
      applySyncs: apply.syncs,
      applyMaxBatchBytes: apply.max,
      clearSyncs: clear.syncs,
      clearMaxBatchBytes: clear.max,
    };
  } finally {
    installed.restore();
  }
}
