import { writeFileSync } from "node:fs";

/**
 * Preloaded (`node --require dist/bench/peak-rss.cjs …`) into every child process the bench
 * measures — `liaison check` and the bare ExcelJS read alike — so both are measured the same way.
 * At exit it writes the process's peak resident set size and CPU times to $BENCH_PEAK_FILE.
 * (`/usr/bin/time -v` is not on every machine; `process.resourceUsage()` is.)
 */

export interface PeakRecord {
  /** Peak resident set size, KiB (getrusage ru_maxrss). */
  readonly maxRssKiB: number;
  /** Milliseconds since the process started, at exit. */
  readonly uptimeMs: number;
  readonly userCpuMs: number;
  readonly systemCpuMs: number;
}

const file = process.env.BENCH_PEAK_FILE;
if (file) {
  process.on("exit", () => {
    const ru = process.resourceUsage();
    const record: PeakRecord = {
      maxRssKiB: ru.maxRSS,
      uptimeMs: performance.now(),
      userCpuMs: ru.userCPUTime / 1000,
      systemCpuMs: ru.systemCPUTime / 1000,
    };
    writeFileSync(file, JSON.stringify(record));
  });
}
