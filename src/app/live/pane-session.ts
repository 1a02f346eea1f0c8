import { clockOf } from "../clock";
import { lastRowOf } from "../../core/layout/types";
import type { Lang } from "../../core/i18n";
import { isLiveTable, type LiveMode } from "../../core/live";
import { startLiveSession, type LiveSession } from "./session";
import type { Timer } from "./debounce";
import type { Finding } from "../../core/rules/finding";
import { loadSettings } from "../settings";
import type { FoundTable, LivePort, TableData, TableScope, ValidationPort } from "../port";
import type { Mark } from "../../core/marks/mark";
import { marksFromFindings } from "../marks";

/**
 * The task pane's live validation (a use case: the pane inside Excel runs it next to its port, the
 * preview in its workbook's worker — app/runner.ts): the live session, started from the
 * workbook's settings, plus what the pane needs around it.
 *
 * Start: the live tables are checked in full (the session's baseline). With `markAtStart` — when
 * the person has just turned live validation on — their marks are written too (one `updateMarks`
 * per sheet, on the tables' rows only: marks of other tables and sheets stay), so the sheet shows
 * at once what the findings list says. Otherwise (the pane opened, a restart after 校验, 清除标记
 * or a settings change) the marks stay as they are until their rows are edited: opening the pane
 * must not write to the workbook, and 清除标记 must not be undone behind the person's back.
 * After the start, each edit re-checks the edited rows after a quiet period and updates their
 * marks (the core session does that).
 *
 * The add-in's own writes never come back as edits (the adapters see to it: the Office adapter
 * turns events off around them, the ExcelJS adapter only reports `setCellValue`), so writing
 * marks never triggers a re-check. `rechecks` counts re-checks, for tests and diagnostics.
 *
 * A validation run (校验) is not affected: it checks the data it read and writes its marks; an
 * edit made while it runs is heard by the session and re-checked afterwards.
 */

export type PaneLivePort = Pick<ValidationPort, "readTables" | "readSettings"> & LivePort;

export interface LiveSnapshot {
  /** Findings of every live table, by sheet (the sheet's own spelling). */
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
  /** The live tables as last read (at the start, and on each re-check of their sheet). */
  readonly tables: readonly FoundTable[];
  /** Re-checks run since the start (one per sheet and quiet period). */
  readonly rechecks: number;
}

export interface PaneLiveOptions {
  readonly port: PaneLivePort;
  readonly mode: Exclude<LiveMode, "off">;
  readonly lang: Lang;
  /** Write the live tables' marks at the start (the person just turned live validation on). */
  readonly markAtStart?: boolean;
  /** The moment of each re-check (the workbook's fixed today/now in its settings win). */
  readonly now?: () => Date;
  readonly debounceMs?: number;
  readonly timer?: Timer;
  /** After the start and after every re-check. */
  readonly onChange: (snapshot: LiveSnapshot) => void;
  /** A re-check that failed (the session goes on; the next edit tries again). */
  readonly onError: (error: unknown) => void;
}

export interface PaneLiveSession {
  snapshot(): LiveSnapshot;
  /** Problems in the workbook's stored settings (a bad value fell back to its default). */
  readonly settingsProblems: readonly string[];
  /** Runs pending re-checks now. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/** Debounce of the pane: edits within half a second are re-checked together. */
export const PANE_LIVE_DEBOUNCE_MS = 500;

const rowOf = (cell: string): number => Number(/\d+$/.exec(cell)?.[0]);

/** Excel rows a table answers for: its header row to its last data row. */
function tableRows(table: FoundTable): number[] {
  const out: number[] = [];
  for (let row = table.headerRow, last = lastRowOf(table); row <= last; row++) out.push(row);
  return out;
}

export async function startPaneLiveSession(options: PaneLiveOptions): Promise<PaneLiveSession> {
  const { port, mode, lang } = options;
  const now = options.now ?? (() => new Date());
  const { settings, problems } = await loadSettings(port, lang);

  // The live tables per sheet (lower-cased name), as the session last read them.
  const tables = new Map<string, FoundTable[]>();
  let rechecks = 0;
  const note = (scope: TableScope, datas: readonly TableData[]): void => {
    if (scope.kind === "all") tables.clear();
    if (scope.kind === "sheet") tables.delete(scope.sheet.toLowerCase());
    for (const { table } of datas) {
      if (!isLiveTable(table, mode)) continue;
      const key = table.sheet.toLowerCase();
      tables.set(key, [...(tables.get(key) ?? []), table]);
    }
  };
  const watched: Pick<ValidationPort, "readTables"> & LivePort = {
    readTables: async (scope) => {
      if (scope.kind === "sheet") rechecks++;
      const datas = await port.readTables(scope);
      note(scope, datas);
      return datas;
    },
    updateMarks: (sheet, rows, marks) => port.updateMarks(sheet, rows, marks),
    watchChanges: (listener, onError) => port.watchChanges(listener, onError),
  };

  // Called only once the session exists (its first update follows an edit, after the start).
  const snapshot = (): LiveSnapshot => ({
    findings: session.findings(),
    tables: [...tables.values()].flat(),
    rechecks,
  });
  const session: LiveSession = await startLiveSession({
    port: watched,
    settings,
    mode,
    clock: () => clockOf(settings, now()),
    toMarks: (findings) => marksFromFindings(findings),
    lang,
    debounceMs: options.debounceMs ?? PANE_LIVE_DEBOUNCE_MS,
    timer: options.timer,
    onUpdate: () => options.onChange(snapshot()),
    onError: options.onError,
  });

  if (options.markAtStart) {
    try {
      // The starting picture: every live table's marks as a check would make them.
      const findings = session.findings();
      for (const list of tables.values()) {
        const sheet = list[0].sheet;
        const rows = new Set(list.flatMap(tableRows));
        const marks: Mark[] = marksFromFindings(findings.get(sheet) ?? []);
        for (const m of marks) rows.add(rowOf(m.cell));
        await port.updateMarks(
          sheet,
          [...rows].sort((a, b) => a - b),
          marks,
        );
      }
    } catch (error) {
      // Not started after all: stop listening before reporting the failure.
      await session.stop();
      throw error;
    }
  }
  options.onChange(snapshot());

  return {
    snapshot,
    settingsProblems: problems,
    flush: () => session.flush(),
    stop: () => session.stop(),
  };
}
