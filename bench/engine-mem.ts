import { parseIsoDate } from "../src/core/cells/civil";
import { BENCH_TEMPLATES, benchSheet, type BenchTemplate } from "./data";
import { bareScan, checkRun, engineRun, prepare, TODAY_ISO, zodBaseline } from "./engine";
import { collect } from "./measure";

/**
 * Peak memory of one contender of part 1, in a process of its own (peak RSS is a high-water mark:
 * in a shared process the first contender's peak would hide the others'). Generates the sheet,
 * collects, notes the peak so far, runs the contender once and prints how far the peak rose.
 */

export interface MemRecord {
  /** Peak RSS with the sheet generated, before the contender ran (KiB). */
  readonly beforeKiB: number;
  /** Peak RSS after it ran (KiB). */
  readonly afterKiB: number;
  readonly result: unknown;
}

function main(): void {
  const [templateId, contender, rowsText] = process.argv.slice(2);
  if (!BENCH_TEMPLATES.includes(templateId as BenchTemplate)) throw new Error(`engine-mem: unknown template ${templateId}`);
  const today = parseIsoDate(TODAY_ISO)!;
  const p = prepare(benchSheet(templateId as BenchTemplate, Number(rowsText)));
  const runs: Record<string, () => unknown> = {
    scan: () => bareScan(p.body),
    zod: zodBaseline(p),
    engine: engineRun(p, today),
    check: checkRun(p, today),
  };
  const run = runs[contender];
  if (!run) throw new Error(`engine-mem: unknown contender ${contender}`);
  collect();
  const beforeKiB = process.resourceUsage().maxRSS;
  const result = run();
  const afterKiB = process.resourceUsage().maxRSS;
  const record: MemRecord = { beforeKiB, afterKiB, result };
  process.stdout.write(`${JSON.stringify(record)}\n`);
}

main();
