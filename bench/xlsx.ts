import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import * as ExcelJS from "exceljs";
import type { RawCell } from "../src/core/cells/types";
import { serialToDate } from "../src/workbook/exceljs/cells";
import type { BenchSheet } from "./data";
import type { PeakRecord } from "./peak-rss";

/**
 * Part 2: `liaison check` on a 100,000-row .xlsx against ExcelJS merely reading the same file.
 * Both run as separate node processes, started the same way (same node, same preload that reports
 * peak RSS), so each figure includes node's start-up and module loading — as a user sees it.
 */

function cellValue(cell: RawCell): ExcelJS.CellValue {
  if (cell === null || typeof cell !== "object") return cell;
  return cell.kind === "date" ? serialToDate(cell.serial) : { error: cell.code as ExcelJS.CellErrorValue["error"] };
}

/**
 * Writes the sheet as a plain range from A1 (header row 1), with shared strings as Excel writes
 * them. Streamed, so the bench's own process does not hold the whole workbook model.
 */
export async function writeBenchXlsx(sheet: BenchSheet, sheetName: string, file: string): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(sheet.headers).commit();
  for (const r of sheet.body) {
    const row = ws.addRow(r.map(cellValue));
    r.forEach((cell, c) => {
      if (cell !== null && typeof cell === "object" && cell.kind === "date") row.getCell(c + 1).numFmt = "yyyy-mm-dd";
    });
    row.commit();
  }
  ws.commit();
  await wb.commit();
  return statSync(file).size;
}

export interface ProcessRun {
  readonly wallMs: number;
  readonly peak: PeakRecord;
  readonly exitCode: number;
  /** Bytes the process wrote to stdout. */
  readonly stdoutBytes: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node --require <peak preload> <args>` with stdout to a file, and measures the wall time
 * from spawn to exit in this process.
 */
export async function runMeasured(preload: string, args: readonly string[], workDir: string, tag: string): Promise<ProcessRun> {
  const peakFile = path.join(workDir, `${tag}.peak.json`);
  const outFile = path.join(workDir, `${tag}.out`);
  rmSync(peakFile, { force: true });
  const out = openSync(outFile, "w");
  let stderr = "";
  const t0 = performance.now();
  const exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ["--require", preload, ...args], {
      stdio: ["ignore", out, "pipe"],
      env: { ...process.env, BENCH_PEAK_FILE: peakFile },
    });
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? -1));
  });
  const wallMs = performance.now() - t0;
  closeSync(out);
  const stdout = readFileSync(outFile, "utf8");
  let peak: PeakRecord;
  try {
    peak = JSON.parse(readFileSync(peakFile, "utf8")) as PeakRecord;
  } catch (cause) {
    throw new Error(`bench: ${tag} left no peak record (exit ${exitCode}): ${stderr.slice(0, 2000)}`, { cause });
  }
  return { wallMs, peak, exitCode, stdoutBytes: Buffer.byteLength(stdout), stdout, stderr };
}
