import type { RegisterEntry } from "./model";

/**
 * Document numbers (编号): `{stem}-{NNN}`, a sequence per stem.
 *  - 整改通知书: `{prefix}-{period}-{NNN}` (ZG-2024Q2-001), one sequence per prefix and period;
 *  - 会议纪要:   `JY-{YYYY}-{NNN}`, one sequence per year of today;
 *  - 催办通知:   `CB-{YYYY}-{NNN}`, likewise.
 * The register sheet is the memory: the next number continues after the highest one found there
 * for the same stem (not after the count of entries, so a deleted register line never makes a
 * number come back), and each number handed out in a run is remembered, so several documents of
 * one run get consecutive numbers. A number never equals one already in the register.
 */

export const MINUTES_PREFIX = "JY";
export const REMINDER_PREFIX = "CB";
/** Sequences are written with at least three digits (001); the 1000th is simply 1000. */
const SEQUENCE_DIGITS = 3;

export interface Numberer {
  notice(prefix: string, period: string): string;
  minutes(year: number): string;
  reminder(year: number): string;
}

/** Stems are compared case-insensitively: `zg-2024q2` and `ZG-2024Q2` share one sequence. */
const stemKey = (stem: string): string => stem.toUpperCase();

const NUMBER = /^(.+)-(\d+)$/;

/** `ZG-2024Q2-003` → stem `ZG-2024Q2`, sequence 3; undefined for a number of another shape. */
export function parseDocumentNumber(number: string): { stem: string; seq: number } | undefined {
  const m = NUMBER.exec(number.trim());
  if (!m) return undefined;
  const seq = Number(m[2]);
  return Number.isSafeInteger(seq) ? { stem: m[1], seq } : undefined;
}

export function formatDocumentNumber(stem: string, seq: number): string {
  return `${stem}-${String(seq).padStart(SEQUENCE_DIGITS, "0")}`;
}

export function createNumberer(register: readonly RegisterEntry[]): Numberer {
  const last = new Map<string, number>();
  const taken = new Set<string>();
  for (const entry of register) {
    taken.add(entry.number.trim().toUpperCase());
    const p = parseDocumentNumber(entry.number);
    if (!p) continue;
    const key = stemKey(p.stem);
    last.set(key, Math.max(last.get(key) ?? 0, p.seq));
  }
  const next = (stem: string): string => {
    const key = stemKey(stem);
    let seq = last.get(key) ?? 0;
    let number: string;
    // `max + 1` is free unless the register holds odd spellings (ZG-2024Q2-0004 beside 004).
    do number = formatDocumentNumber(stem, ++seq);
    while (taken.has(number.toUpperCase()));
    last.set(key, seq);
    taken.add(number.toUpperCase());
    return number;
  };
  return {
    notice: (prefix, period) => next(`${prefix}-${period}`),
    minutes: (year) => next(`${MINUTES_PREFIX}-${year}`),
    reminder: (year) => next(`${REMINDER_PREFIX}-${year}`),
  };
}
