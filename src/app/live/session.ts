import type { Clock } from "../../core/check";
import type { WorkCalendar } from "../../core/calendar/calendar";
import { DEFAULT_LANG, type Lang } from "../../core/i18n";
import { validateTable } from "../../core/rules";
import type { Finding } from "../../core/rules/finding";
import { calendarOf, type Settings } from "../../core/settings";
import { readTableData, type TableRead } from "../../core/table/read-table";
import { getTemplate } from "../../core/templates";
import type { FoundTable, LivePort, SheetChange, TableData, ValidationPort } from "../port";
import type { Mark } from "../../core/marks/mark";
import { createDebouncer, type Batch, type Timer } from "./debounce";
import { isLiveTable } from "../../core/live/live-table";
import type { LiveMode } from "../../core/live/mode";
import { recheckTable } from "../../core/live/recheck";

/**
 * Live validation: watches the person's edits, and after a quiet moment re-checks the edited
 * rows of the live tables (plus the rows their cross-row groups share) and updates the marks of
 * exactly those rows. The task pane starts one session while live validation is on and stops it
 * when it is turned off or the settings change (a new session starts from the new settings).
 *
 * The first findings are those of the workbook when the session starts; marks already on the
 * sheet (from a Check) are left as they are until their rows are edited.
 */

export interface LiveSessionOptions {
  readonly port: Pick<ValidationPort, "readTables"> & LivePort;
  readonly settings: Settings;
  readonly mode: LiveMode;
  /** Today and now for each re-check; when the day changes, a table is re-checked whole. */
  readonly clock: () => Clock;
  /** Findings → marks (the task pane's `marksFromFindings`). */
  readonly toMarks: (findings: readonly Finding[]) => Mark[];
  readonly lang?: Lang;
  /** Quiet period after the last edit, ms. */
  readonly debounceMs?: number;
  readonly timer?: Timer;
  /** After each re-check of a sheet: all findings of that sheet's live tables now. */
  readonly onUpdate?: (sheet: string, findings: readonly Finding[]) => void;
  readonly onError: (error: unknown) => void;
}

export interface LiveSession {
  /** Findings of every live table, by sheet. */
  findings(): ReadonlyMap<string, readonly Finding[]>;
  /** Runs the pending re-checks now. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

export const DEFAULT_LIVE_DEBOUNCE_MS = 400;

interface TableState {
  readonly table: FoundTable;
  readonly read: TableRead;
  readonly findings: readonly Finding[];
  readonly today: number;
}

const sheetKey = (sheet: string): string => sheet.toLowerCase();
/** A table is the same table while its template, header row and first column stay. */
const tableKey = (t: FoundTable): string => `${t.templateId}\u0000${t.headerRow}\u0000${t.firstColumn}`;

export async function startLiveSession(options: LiveSessionOptions): Promise<LiveSession> {
  const { port, settings, mode, toMarks, onError } = options;
  const lang = options.lang ?? DEFAULT_LANG;
  const calendar: WorkCalendar = calendarOf(settings);
  const bySheet = new Map<string, { sheet: string; tables: Map<string, TableState> }>();

  const readOf = (data: TableData, today: number): TableRead => readTableData(getTemplate(data.table.templateId), data, today);

  const baseline = (data: TableData): TableState => {
    const { today, now } = options.clock();
    const tpl = getTemplate(data.table.templateId);
    const read = readOf(data, today);
    const findings = validateTable({ tpl, read, table: data.table, settings, today, now, calendar, lang });
    return { table: data.table, read, findings, today };
  };

  const setSheet = (sheet: string, tables: Map<string, TableState>): void => {
    if (tables.size === 0) bySheet.delete(sheetKey(sheet));
    else bySheet.set(sheetKey(sheet), { sheet, tables });
  };

  for (const data of await port.readTables({ kind: "all" })) {
    if (!isLiveTable(data.table, mode)) continue;
    const entry = bySheet.get(sheetKey(data.table.sheet)) ?? { sheet: data.table.sheet, tables: new Map<string, TableState>() };
    entry.tables.set(tableKey(data.table), baseline(data));
    bySheet.set(sheetKey(data.table.sheet), entry);
  }

  const recheckSheet = async (sheet: string, batch: Batch): Promise<void> => {
    const old = bySheet.get(sheetKey(sheet))?.tables ?? new Map<string, TableState>();
    const datas = (await port.readTables({ kind: "sheet", sheet })).filter((d) => isLiveTable(d.table, mode));
    const { today, now } = options.clock();
    const next = new Map<string, TableState>();
    const touched = new Set<number>();
    const changed = new Set(batch.rows);

    for (const data of datas) {
      const key = tableKey(data.table);
      const before = old.get(key);
      const tpl = getTemplate(data.table.templateId);
      const after = readOf(data, today);
      const sameDay = before !== undefined && before.today === today;
      const result = recheckTable({
        tpl,
        table: data.table,
        tableBefore: batch.all || !sameDay ? undefined : before?.table,
        before: batch.all || !sameDay ? undefined : before?.read,
        after,
        previous: before?.findings ?? [],
        changedRows: changed,
        settings,
        today,
        now,
        calendar,
        lang,
      });
      for (const row of result.rows) touched.add(row);
      next.set(key, { table: data.table, read: after, findings: result.findings, today });
    }
    // Tables gone from the sheet (deleted, or no longer recognised): their marks go.
    for (const [key, state] of old) {
      if (next.has(key)) continue;
      for (const f of state.findings) touched.add(f.row);
      for (const row of state.read.excelRows) touched.add(row);
    }

    const sheetName = datas[0]?.table.sheet ?? bySheet.get(sheetKey(sheet))?.sheet ?? sheet;
    setSheet(sheetName, next);
    if (touched.size > 0) {
      const rows = [...touched].sort((a, b) => a - b);
      const findings = [...next.values()].flatMap((s) => s.findings).filter((f) => touched.has(f.row));
      await port.updateMarks(sheetName, rows, toMarks(findings));
    }
    options.onUpdate?.(
      sheetName,
      [...next.values()].flatMap((s) => s.findings),
    );
  };

  const debouncer = createDebouncer<string>({
    ms: options.debounceMs ?? DEFAULT_LIVE_DEBOUNCE_MS,
    timer: options.timer,
    // Keyed by sheet: one read of the sheet's tables per quiet period, whatever was edited on it.
    run: (key, batch) => recheckSheet(names.get(key) ?? key, batch),
    onError: (e) => onError(e),
  });
  const names = new Map<string, string>();
  const listener = (change: SheetChange): void => {
    const key = sheetKey(change.sheet);
    names.set(key, change.sheet);
    debouncer.add(key, change.rows, change.all);
  };
  const unsubscribe = await port.watchChanges(listener, onError);

  return {
    findings: () => new Map([...bySheet.values()].map(({ sheet, tables }) => [sheet, [...tables.values()].flatMap((s) => s.findings)])),
    flush: () => debouncer.flush(),
    async stop() {
      debouncer.cancel();
      await unsubscribe();
    },
  };
}
