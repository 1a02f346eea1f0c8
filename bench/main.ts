import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseIsoDate } from "../src/core/cells/civil";
import { getTemplate } from "../src/core/templates";
import { BENCH_TEMPLATES, benchSheet, COLUMNS, type BenchTemplate } from "./data";
import { bareScan, checkRun, engineHalves, engineRun, prepare, TODAY_ISO, trimScan, zodBaseline, type EngineResult } from "./engine";
import type { MemRecord } from "./engine-mem";
import { interleaved, median } from "./measure";
import { officeMarks } from "./marks";
import { officeRead, officeWrite, type SyncFigures } from "./office";
import { machineOf, renderMarkdown, renderText, writeDoc, type Goal, type Section } from "./report";
import { runMeasured, writeBenchXlsx, type ProcessRun } from "./xlsx";

/**
 * `npm run bench`: one run, three parts, every figure a ratio against a baseline measured in the
 * same run (see docs/performance.md for what each measures and why). Prints a table and writes
 * the same figures into docs/performance.md between its bench markers.
 *
 * Options: --rows N (default 100000), --reps N (timed rounds, default 7), --cli-reps N (default 3),
 * --skip-cli, --cli-only (part 2 alone), --no-doc (do not touch docs/performance.md).
 */

interface Options {
  readonly rows: number;
  readonly reps: number;
  readonly cliReps: number;
  readonly skipCli: boolean;
  /** Part 2 alone (the .xlsx reader against ExcelJS). */
  readonly cliOnly: boolean;
  readonly writeDoc: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const num = (flag: string, fallback: number): number => {
    const i = argv.indexOf(flag);
    if (i < 0) return fallback;
    const n = Number(argv[i + 1]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`bench: ${flag} needs a positive integer`);
    return n;
  };
  return {
    rows: num("--rows", 100_000),
    reps: num("--reps", 7),
    cliReps: num("--cli-reps", 3),
    skipCli: argv.includes("--skip-cli"),
    cliOnly: argv.includes("--cli-only"),
    writeDoc: !argv.includes("--no-doc"),
  };
}

const BENCH_DIR = __dirname; // dist/bench
const ROOT = path.resolve(BENCH_DIR, "../..");
const PRELOAD = path.join(BENCH_DIR, "peak-rss.cjs");

const ms = (x: number): string => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 2 : 1)} ms`);
const mb = (kib: number): string => `${(kib / 1024).toFixed(0)} MiB`;
const ratio = (x: number): string => `${x.toFixed(2)}×`;
const rowsText = (n: number): string => n.toLocaleString("en-US");

/** Results go to a global, so that no timed call can be optimised away as unused. */
function keep(result: unknown): void {
  (globalThis as { benchSink?: unknown }).benchSink = result;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Peak-RSS rise of one contender, in its own process (engine-mem.ts). */
function memoryOf(templateId: BenchTemplate, contender: string, rows: number): number {
  const r = spawnSync(process.execPath, ["--expose-gc", path.join(BENCH_DIR, "engine-mem.cjs"), templateId, contender, String(rows)], {
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`bench: engine-mem ${templateId} ${contender} failed: ${r.stderr}`);
  const rec = JSON.parse(r.stdout) as MemRecord;
  return rec.afterKiB - rec.beforeKiB;
}

async function partEngine(o: Options): Promise<{ section: Section; goals: Goal[] }> {
  const today = parseIsoDate(TODAY_ISO)!;
  const rows: string[][] = [];
  const goals: Goal[] = [];
  const notes: string[] = [];
  for (const id of BENCH_TEMPLATES) {
    log(`part 1: ${id}: generating ${rowsText(o.rows)} rows …`);
    const sheet = benchSheet(id, o.rows);
    const p = prepare(sheet);
    const engine = engineRun(p, today);
    const zod = zodBaseline(p);
    const halves = engineHalves(p, today);
    const sample: EngineResult = engine();
    const zodPass = zod();
    log(`part 1: ${id}: timing (${o.reps} interleaved rounds) …`);
    const t = await interleaved(
      [
        { name: "scan", run: () => bareScan(p.body) },
        { name: "trim", run: () => trimScan(p.body) },
        { name: "zod", run: zod },
        { name: "engine", run: engine },
        { name: "read", run: halves.read },
        { name: "validate", run: halves.validate },
        { name: "check", run: checkRun(p, today) },
      ],
      o.reps,
      2,
      keep,
    );
    const med = (name: string): number => median(t.samples.get(name)!);
    const min = (name: string): number => Math.min(...t.samples.get(name)!);
    log(`part 1: ${id}: peak memory (one process per contender) …`);
    const mem = (name: string): string => `+${mb(memoryOf(id, name, o.rows))}`;
    const scan = med("scan");
    const eng = med("engine");
    const z = med("zod");
    const tpl = getTemplate(id);
    const label = `${tpl.name} (${id})`;
    const line = (what: string, name: string, peak: string): string[] => [
      label,
      what,
      ms(med(name)),
      ms(min(name)),
      peak,
      ratio(med(name) / scan),
      ratio(min(name) / min("scan")),
    ];
    rows.push(line("bare scan: typeof + length (baseline a)", "scan", mem("scan")));
    rows.push(line("trim scan: bare scan + trim (for the record)", "trim", "–"));
    rows.push(line("zod: build row object + safeParse (baseline b)", "zod", mem("zod")));
    rows.push(line("engine: readTable + validateTable", "engine", mem("engine")));
    rows.push(line("  of which readTable", "read", "–"));
    rows.push(line("  of which validateTable", "validate", "–"));
    rows.push(line("whole pure check (checkTables, report)", "check", mem("check")));
    goals.push({
      what: `${id}: engine ≤ 4× bare scan`,
      measured: `${ratio(eng / scan)} (${ms(eng)} vs ${ms(scan)}; best ${ratio(min("engine") / min("scan"))})`,
      met: eng <= 4 * scan,
    });
    goals.push({
      what: `${id}: engine ≥ 3× faster than zod`,
      measured: `${ratio(z / eng)} (${ms(z)} vs ${ms(eng)}; best ${ratio(min("zod") / min("engine"))})`,
      met: z >= 3 * eng,
    });
    notes.push(
      `${id}: ${rowsText(sample.rows)} rows read, ${rowsText(sheet.messyRows)} with a messy cell; engine: ${rowsText(sample.readIssues)} read issues, ${rowsText(sample.findings)} findings; zod: ${rowsText(zodPass)} rows pass.`,
    );
  }
  return {
    section: {
      title: `Part 1 — core engine, ${rowsText(o.rows)} rows × ${COLUMNS} columns, in-process (median of ${o.reps} interleaved rounds after 2 warm-ups)`,
      header: ["Sheet", "Measurement", "Median", "Best", "Peak RSS rise", "× scan (median)", "× scan (best)"],
      rows,
      notes,
    },
    goals,
  };
}

async function partOffice(o: Options): Promise<{ section: Section; goals: Goal[] }> {
  log("part 3: Office.js adapter on the strict double …");
  const LIMIT = 4_000_000;
  const rows: string[][] = [];
  const goals: Goal[] = [];
  const line = (what: string, f: SyncFigures): string[] => [
    what,
    rowsText(f.rows),
    String(f.syncs),
    String(f.chunks),
    `${(f.maxBatchBytes / 1e6).toFixed(2)} MB`,
    `${(f.totalBytes / 1e6).toFixed(1)} MB`,
  ];
  for (const [what, op] of [
    ["readTables (all)", officeRead],
    ["writeTable (insert)", officeWrite],
  ] as const) {
    const small = await op(10);
    const big = await op(o.rows);
    rows.push(line(what, small), line(what, big));
    const extraSyncs = big.syncs - small.syncs;
    const extraChunks = big.chunks - small.chunks;
    goals.push({
      what: `${what}: syncs equal for 10 and ${rowsText(o.rows)} rows apart from payload chunks`,
      measured: `${small.syncs} vs ${big.syncs} syncs; ${big.chunks} chunks (${extraChunks} extra) → ${extraSyncs - extraChunks} syncs beyond the chunks`,
      met: extraSyncs === extraChunks,
    });
    goals.push({
      what: `${what}: largest batch < 4 MB`,
      measured: `${(Math.max(small.maxBatchBytes, big.maxBatchBytes) / 1e6).toFixed(2)} MB`,
      met: Math.max(small.maxBatchBytes, big.maxBatchBytes) < LIMIT,
    });
  }
  return {
    section: {
      title: "Part 3 — Office.js adapter on the strict Excel double (test/doubles/excel-double.ts), action items",
      header: ["Operation", "Rows", "Syncs", "Payload chunks", "Largest batch", "All batches"],
      rows,
      notes: [
        "A batch's size is the JSON of its queued requests plus the payload loaded back, as the double records it; 4 MB = 4,000,000 bytes (Office rejects requests over 5 MB).",
        "readTables reads a 12-column Excel table (dates formatted as dates); writeTable writes the template's 6 columns (what insertTemplate does after its name lookup).",
      ],
    },
    goals,
  };
}

async function partMarks(): Promise<{ section: Section; goals: Goal[] }> {
  log("part 4: marks (plan, applyMarks, clearMarks) on the strict double …");
  const small = await officeMarks(10);
  const big = await officeMarks(100_000);
  const line = (what: string, f: Awaited<ReturnType<typeof officeMarks>>, syncs: number, max: number): string[] => [
    what,
    rowsText(f.findings),
    rowsText(f.areas),
    ms(f.planMs),
    String(syncs),
    `${(max / 1e6).toFixed(2)} MB`,
  ];
  return {
    section: {
      title: "Part 4 — marks: planning (core/marks/plan.ts) and the Office.js adapter on the strict double",
      header: ["Operation", "Findings", "Areas", "Planning (median of 5)", "Syncs", "Largest batch"],
      rows: [
        line("applyMarks", small, small.applySyncs, small.applyMaxBatchBytes),
        line("applyMarks", big, big.applySyncs, big.applyMaxBatchBytes),
        line("clearMarks", small, small.clearSyncs, small.clearMaxBatchBytes),
        line("clearMarks", big, big.clearSyncs, big.clearMaxBatchBytes),
      ],
      notes: [
        "Findings drawn at random (seeded) over four columns of a sheet as tall as the findings, a third of each severity: short runs, many areas. A user's own rule sits under the marks and survives clearMarks.",
        "applyMarks: names and protection, the formats of every sheet, then deletions and additions; additions are cut into 1.5 MB batches of addresses (MAX_WRITE_BYTES), so syncs grow with the areas' addresses only. clearMarks does not depend on the number of marks.",
      ],
    },
    goals: [
      { what: "100,000 findings plan in under a second", measured: ms(big.planMs), met: big.planMs < 1000 },
      {
        what: "clearMarks: same syncs for 10 and 100,000 findings",
        measured: `${small.clearSyncs} vs ${big.clearSyncs}`,
        met: small.clearSyncs === big.clearSyncs,
      },
      {
        what: "marks: largest batch < 4 MB",
        measured: `${(Math.max(big.applyMaxBatchBytes, big.clearMaxBatchBytes) / 1e6).toFixed(2)} MB`,
        met: Math.max(big.applyMaxBatchBytes, big.clearMaxBatchBytes) < 4_000_000,
      },
    ],
  };
}

async function partCli(o: Options, cli: string): Promise<{ section: Section; goals: Goal[] }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "liaison-bench-"));
  try {
    const file = path.join(dir, "bench.xlsx");
    const sheet = benchSheet("supplier-evaluation", o.rows);
    log(`part 2: writing ${rowsText(o.rows)}-row .xlsx with ExcelJS …`);
    const size = await writeBenchXlsx(sheet, getTemplate("supplier-evaluation").name, file);
    const check = (i: number): Promise<ProcessRun> =>
      runMeasured(PRELOAD, [cli, "check", file, "--format", "json", "--today", TODAY_ISO], dir, `check${i}`);
    const read = (i: number): Promise<ProcessRun> => runMeasured(PRELOAD, [path.join(BENCH_DIR, "read-xlsx.cjs"), file], dir, `read${i}`);
    const checks: ProcessRun[] = [];
    const reads: ProcessRun[] = [];
    for (let i = 0; i < o.cliReps; i++) {
      log(`part 2: round ${i + 1}/${o.cliReps} …`);
      // Alternate which goes first, so that neither always runs on a warmer page cache.
      if (i % 2 === 0) {
        reads.push(await read(i));
        checks.push(await check(i));
      } else {
        checks.push(await check(i));
        reads.push(await read(i));
      }
    }
    for (const r of reads) if (r.exitCode !== 0) throw new Error(`bench: ExcelJS read failed: ${r.stderr}`);
    for (const r of checks)
      if (r.exitCode !== 0 && r.exitCode !== 1) throw new Error(`bench: liaison check exited ${r.exitCode}: ${r.stderr}`);
    const readRows = (JSON.parse(reads[0].stdout) as { rows: number }).rows;
    const report = JSON.parse(checks[0].stdout) as { findings: unknown[]; summary: Record<string, number> };

    const wall = (rs: readonly ProcessRun[]): number => median(rs.map((r) => r.wallMs));
    const peak = (rs: readonly ProcessRun[]): number => Math.max(...rs.map((r) => r.peak.maxRssKiB));
    const cpu = (rs: readonly ProcessRun[]): number => median(rs.map((r) => r.peak.userCpuMs + r.peak.systemCpuMs));
    const w = wall(checks) / wall(reads);
    const m = peak(checks) / peak(reads);
    // CPU time (user + system, every thread) hardly moves with the machine's load, wall time does.
    const c = cpu(checks) / cpu(reads);
    const rows = [
      [
        "ExcelJS readFile only (baseline)",
        ms(wall(reads)),
        ms(Math.min(...reads.map((r) => r.wallMs))),
        ms(cpu(reads)),
        mb(peak(reads)),
        "1.00×",
      ],
      [
        `liaison check --format json --today ${TODAY_ISO}`,
        ms(wall(checks)),
        ms(Math.min(...checks.map((r) => r.wallMs))),
        ms(cpu(checks)),
        mb(peak(checks)),
        `${ratio(w)} wall, ${ratio(c)} CPU, ${ratio(m)} peak`,
      ],
    ];
    return {
      section: {
        title: `Part 2 — \`liaison check\` on a ${rowsText(o.rows)}-row .xlsx, separate node processes (median of ${o.cliReps})`,
        header: ["Process", "Wall (median)", "Wall (best)", "CPU user+sys", "Peak RSS", "× baseline"],
        rows,
        notes: [
          `Workbook: one sheet 供应商评估表, ${rowsText(o.rows)} rows × ${COLUMNS} columns as a plain range, shared strings, ${(size / 1e6).toFixed(1)} MB (written once per run with ExcelJS's streaming writer).`,
          `ExcelJS saw ${rowsText(readRows)} rows; the check reported ${rowsText(report.findings.length)} findings (${Object.entries(
            report.summary,
          )
            .map(([k, v]) => `${k} ${rowsText(v)}`)
            .join(", ")}), ${(checks[0].stdoutBytes / 1e6).toFixed(1)} MB of JSON on stdout (to a file).`,
          "Wall time is measured by the bench from spawn to exit and includes node start-up and module loading for both processes; peak RSS is each process's own (getrusage via a --require preload). Ratio peak RSS: " +
            ratio(peak(checks) / peak(reads)) +
            ".",
        ],
      },
      goals: [
        {
          what: "liaison check ≤ 0.5× ExcelJS reading the file (wall time)",
          measured: `${ratio(w)} (${ms(wall(checks))} vs ${ms(wall(reads))}); CPU ${ratio(c)} (${ms(cpu(checks))} vs ${ms(cpu(reads))})`,
          met: w <= 0.5,
        },
        {
          what: "liaison check ≤ 0.4× ExcelJS reading the file (peak RSS)",
          measured: `${ratio(m)} (${mb(peak(checks))} vs ${mb(peak(reads))})`,
          met: m <= 0.4,
        },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const loadStart = os.loadavg()[0];
  const machine = machineOf();
  log(`bench: ${machine.cpu}, ${machine.cores} cores, ${machine.ram}, node ${machine.node}`);

  const sections: Section[] = [];
  const goals: Goal[] = [];
  const add = (r: { section: Section; goals: Goal[] }): void => {
    sections.push(r.section);
    goals.push(...r.goals);
  };
  if (!o.cliOnly) add(await partEngine(o));

  const cli = path.join(ROOT, "dist/cli/liaison.cjs");
  let cliSkipped: string | undefined;
  if (o.skipCli) cliSkipped = "skipped (--skip-cli)";
  else if (!existsSync(cli)) cliSkipped = `not run: ${path.relative(ROOT, cli)} missing`;
  if (cliSkipped === undefined) add(await partCli(o, cli));
  else {
    sections.push({ title: "Part 2 — `liaison check` on a .xlsx", header: [], rows: [], notes: [cliSkipped] });
    goals.push({
      what: "liaison check ≤ 0.5× the wall time and ≤ 0.4× the peak RSS of ExcelJS reading the file",
      measured: cliSkipped,
      met: undefined,
    });
  }

  if (!o.cliOnly) {
    add(await partOffice(o));
    add(await partMarks());
  }

  const totalMs = performance.now() - started;
  const run = { machine, rows: o.rows, totalMs, ownPeakKiB: process.resourceUsage().maxRSS, load: [loadStart, os.loadavg()[0]] as const };
  process.stdout.write(renderText(run, sections, goals));
  if (o.writeDoc) {
    const doc = path.join(ROOT, "docs/performance.md");
    writeDoc(doc, renderMarkdown(run, sections, goals));
    log(`bench: figures written to ${path.relative(ROOT, doc)}`);
  }
  if (goals.some((g) => g.met === false)) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 2;
});
