/**
 * What the self-test needs from the host beyond the workbook port: facts about the host and a few
 * checks the port has no call for. Implemented for Excel in `src/workbook/officejs/self-test-probe.ts`.
 */

/** Host facts for a support request (`Office.context.diagnostics`, requirement sets). */
export interface HostInfo {
  readonly host: string;
  readonly platform: string;
  readonly version: string;
  /** Requirement sets the host supports, e.g. `ExcelApi 1.17`, `DialogApi 1.2`. */
  readonly apiSets: readonly string[];
  readonly language: string;
}

/** The active cell, as a sheet name and an A1 address. */
export interface CellPlace {
  readonly sheet: string;
  readonly cell: string;
}

export interface SelfTestProbe {
  hostInfo(): Promise<HostInfo>;
  /** Sheet names of the workbook (to tell what the self-test may create and must then remove). */
  sheetNames(): Promise<string[]>;
  activeCell(): Promise<CellPlace>;
  /** Gives the workbook back its active cell (and so its active sheet). */
  restoreActiveCell(place: CellPlace): Promise<void>;
  /** Adds a person's own conditional format (not a mark) over `cell`. */
  addUserRule(sheet: string, cell: string): Promise<void>;
  /** Conditional formats on `sheet`: the add-in's marks and everything else (a person's rules). */
  countRules(sheet: string): Promise<{ readonly marks: number; readonly others: number }>;
  /**
   * Writes `text` into `cell` and resolves with the change event Excel raises for it (the
   * add-in's own write, so it reports the event's `triggerSource` where the host has it);
   * rejects when none arrives within `timeoutMs`.
   */
  receiveChange(sheet: string, cell: string, text: string, timeoutMs: number): Promise<{ readonly triggerSource?: string }>;
  /** Deletes a sheet the self-test created (hidden ones too). */
  deleteSheet(name: string): Promise<void>;
}
