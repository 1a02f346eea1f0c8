import { parseIsoDate, parseIsoDateTime } from "../core/cells/civil";
import type { DayNumber, MinuteNumber } from "../core/cells/types";
import { LANGS, type Lang } from "../core/i18n";
import { CliError } from "./errors";
import { sameFile } from "./io";

/** Checks of option values shared by the commands. Each throws a CliError pointing at `usage --help`. */

export function langValue(value: string | undefined, usage: string): Lang | undefined {
  if (value === undefined) return undefined;
  const lang = LANGS.find((l) => l.toLowerCase() === value.toLowerCase());
  if (!lang) throw new CliError("badLang", { lang: value }, usage);
  return lang;
}

export function todayValue(value: string | undefined, usage: string): DayNumber | undefined {
  if (value === undefined) return undefined;
  const day = parseIsoDate(value);
  if (day === undefined) throw new CliError("badToday", { value }, usage);
  return day;
}

export function nowValue(value: string | undefined, usage: string): MinuteNumber | undefined {
  if (value === undefined) return undefined;
  const minute = parseIsoDateTime(value);
  if (minute === undefined) throw new CliError("badNow", { value }, usage);
  return minute;
}

export function requiredString(value: string | undefined, option: string, usage: string): string {
  if (value === undefined) throw new CliError("missingOption", { option }, usage);
  return value;
}

/**
 * The input workbook. Its name is not checked: the content decides (an .xlsm or a file without an
 * extension may well be a workbook), and reading it reports a missing or unreadable file.
 */
export function inputFile(file: string | undefined, usage: string): string {
  if (file === undefined) throw new CliError("missingFile", {}, usage);
  return file;
}

/** An output file must not be the input: the input is never modified. */
export function notInput(out: string, input: string | undefined, usage: string): string {
  if (input !== undefined && sameFile(out, input)) throw new CliError("outIsInput", { file: out }, usage);
  return out;
}

export function noExtraArguments(rest: readonly string[], usage: string): void {
  if (rest.length > 0) throw new CliError("extraArguments", { args: rest.join(" ") }, usage);
}

/**
 * `5,7-9` → [5, 7, 8, 9]: sheet row numbers (1-based), sorted, without repeats. Ranges must run
 * upwards; every number must be a row of a sheet (1 … 1 048 576).
 */
export function rowsValue(value: string, usage: string, maxRow: number): number[] {
  const rows = new Set<number>();
  const bad = (): CliError => new CliError("badRows", { value }, usage);
  const parts = value.split(",").map((p) => p.trim());
  if (parts.some((p) => p === "")) throw bad();
  for (const part of parts) {
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m) throw bad();
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to < from || to > maxRow) throw bad();
    for (let r = from; r <= to; r++) rows.add(r);
  }
  return [...rows].sort((a, b) => a - b);
}
