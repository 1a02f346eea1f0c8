import { columnLetter } from "../src/core/a1";
import { EXCEL_EPOCH_OFFSET } from "../src/core/cells/civil";
import type { RawCell } from "../src/core/cells/types";
import { checkTables } from "../src/core/check";
import { matchHeaders } from "../src/core/headers/recognize";
import { validateTable } from "../src/core/rules";
import { calendarOf, DEFAULT_SETTINGS } from "../src/core/settings";
import { readTable, type TableRead } from "../src/core/table/read-table";
import { getTemplate, type ColumnDef, type TemplateDef } from "../src/core/templates";
import { rowSchema } from "../src/core/templates/schema";
import type { FoundTable } from "../src/app/port";
import type { BenchSheet } from "./data";

/**
 * The three ways of going over a bench sheet that part 1 compares:
 * - `scan`: the least any reader must do — look at every cell once (its type, a string's length);
 * - `trim scan`: the scan, also trimming every text (what a reader of typed-in text must do at least),
 *   for the record;
 * - `zod`: the obvious alternative to the engine — build each row as an object from the same cells
 *   with a trivial conversion, then `rowSchema(tpl).safeParse` it (column checks only: no
 *   cross-row rules, no messages, no year inference — less work than the engine does);
 * - `engine`: `readTable` + `validateTable`, with the run's calendar, as `checkTables` calls them;
 * - `check`: the whole pure check (`checkTables`, report included), for the record.
 */

/** Clock of every bench run, as `liaison check --today 2024-10-08` sets it (23:59 of that day). */
export const TODAY_ISO = "2024-10-08";

export interface Prepared {
  readonly tpl: TemplateDef;
  readonly table: FoundTable;
  readonly body: readonly (readonly RawCell[])[];
}

export function prepare(sheet: BenchSheet): Prepared {
  const tpl = getTemplate(sheet.templateId);
  const match = matchHeaders(sheet.headers, [tpl.id]);
  if (!match || match.templateId !== tpl.id) throw new Error(`bench: headers of ${tpl.id} not recognised`);
  const mapped = match.columns.filter((c) => c.key !== undefined).length;
  if (mapped !== tpl.columns.length) throw new Error(`bench: ${tpl.id}: ${mapped} of ${tpl.columns.length} template columns recognised`);
  const rows = sheet.body.length;
  const table: FoundTable = {
    sheet: tpl.name,
    templateId: tpl.id,
    kind: "range",
    headerRow: 1,
    firstColumn: 0,
    rows,
    address: `A1:${columnLetter(sheet.headers.length - 1)}${rows + 1}`,
    columns: match.columns,
    missingRequired: match.missingRequired,
  };
  return { tpl, table, body: sheet.body };
}

/** Every cell once: its type, and a string's length. Returns a checksum so the loop must run. */
export function bareScan(body: readonly (readonly RawCell[])[]): number {
  let acc = 0;
  for (let r = 0; r < body.length; r++) {
    const row = body[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      switch (typeof v) {
        case "string":
          acc += v.length;
          break;
        case "number":
          acc += 1;
          break;
        case "boolean":
          acc += 2;
          break;
        default:
          acc += v === null ? 0 : 3;
      }
    }
  }
  return acc;
}

/** The bare scan, trimming every text cell too. Returns the number of non-blank cells. */
export function trimScan(body: readonly (readonly RawCell[])[]): number {
  let filled = 0;
  for (let r = 0; r < body.length; r++) {
    const row = body[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string") {
        if (v.trim() !== "") filled++;
      } else if (v !== null) filled++;
    }
  }
  return filled;
}

type Convert = (raw: RawCell) => unknown;

/** The trivial conversion a hand-written reader would start from: trim text, take numbers and date serials as they are. */
function converter(col: ColumnDef): Convert {
  const text = (raw: RawCell): string | null => {
    if (typeof raw !== "string") return null;
    const t = raw.trim();
    return t === "" ? null : t;
  };
  switch (col.type) {
    case "number":
    case "integer":
      return (raw) => {
        if (typeof raw === "number") return raw;
        const t = text(raw);
        return t === null ? (raw === null ? null : raw) : Number(t);
      };
    case "date":
    case "datetime": {
      const withTime = col.type === "datetime";
      return (raw) => {
        if (typeof raw === "object" && raw !== null && raw.kind === "date") {
          return withTime ? Math.round((raw.serial - EXCEL_EPOCH_OFFSET) * 1440) : Math.floor(raw.serial) - EXCEL_EPOCH_OFFSET;
        }
        return typeof raw === "string" ? text(raw) : raw;
      };
    }
    case "multi-enum":
      return (raw) => {
        const t = text(raw);
        return t === null ? raw : t.split(/[+、,，]/).map((s) => s.trim());
      };
    default:
      return (raw) => (typeof raw === "string" ? text(raw) : raw);
  }
}

/** Builds each row's object and safeParses it; returns the number of rows that pass. */
export function zodBaseline(p: Prepared): () => number {
  const schema = rowSchema(p.tpl);
  const byKey = new Map(p.tpl.columns.map((c) => [c.key, c]));
  const plan = p.table.columns
    .filter((fc) => fc.key !== undefined)
    .map((fc) => ({ key: fc.key!, source: fc.index, convert: converter(byKey.get(fc.key!)!) }));
  return () => {
    let ok = 0;
    for (const cells of p.body) {
      const row: Record<string, unknown> = {};
      for (const { key, source, convert } of plan) row[key] = convert(cells[source] ?? null);
      if (schema.safeParse(row).success) ok++;
    }
    return ok;
  };
}

export interface EngineResult {
  readonly rows: number;
  readonly readIssues: number;
  readonly findings: number;
}

export function engineRun(p: Prepared, today: number): () => EngineResult {
  return () => {
    const calendar = calendarOf(DEFAULT_SETTINGS);
    const read = readTable(p.tpl, p.table.columns, p.body, { today, firstExcelRow: p.table.headerRow + 1 });
    const findings = validateTable({
      tpl: p.tpl,
      read,
      table: p.table,
      settings: DEFAULT_SETTINGS,
      today,
      now: today * 1440 + 1439,
      calendar,
    });
    // Counted from excelRows (one per row read): `values` is built on first use (readTable keeps
    // columns), and merely counting rows must not time building 100,000 row arrays that
    // checkTables never asks for.
    return { rows: read.excelRows.length, readIssues: read.issues.length, findings: findings.length };
  };
}

/** The engine's two halves alone, to show where its time goes: reading cells, then the rules on a read table. */
export function engineHalves(p: Prepared, today: number): { read: () => TableRead; validate: () => number } {
  const read = (): TableRead => readTable(p.tpl, p.table.columns, p.body, { today, firstExcelRow: p.table.headerRow + 1 });
  const done = read();
  const calendar = calendarOf(DEFAULT_SETTINGS);
  return {
    read,
    validate: () =>
      validateTable({ tpl: p.tpl, read: done, table: p.table, settings: DEFAULT_SETTINGS, today, now: today * 1440 + 1439, calendar })
        .length,
  };
}

/** The whole pure check of the sheet (reading, rules, report). Returns the number of findings. */
export function checkRun(p: Prepared, today: number): () => number {
  return () =>
    checkTables({
      file: "bench.xlsx",
      sheets: [p.table.sheet],
      tables: [{ table: p.table, body: p.body }],
      settings: DEFAULT_SETTINGS,
      today,
      now: today * 1440 + 1439,
    }).findings.length;
}
