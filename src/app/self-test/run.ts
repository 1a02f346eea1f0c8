import { REGISTER_SHEET } from "../../core/documents/model";
import type { SheetLayout } from "../../core/documents/sheet-layout-types";
import type { Params } from "../../core/i18n";
import type { SelfTestKey } from "../../core/i18n/messages/self-test";
import { DEFAULT_LANG } from "../../core/i18n";
import { DEFAULT_SETTINGS, settingsToRows } from "../../core/settings";
import { loadSettings } from "../settings";
import { getTemplate } from "../../core/templates";
import { type DocumentPort, type LivePort, type ValidationPort, type WorkbookPort } from "../port";
import { SETTINGS_SHEET } from "../../core/settings/sheet";
import type { CellPlace, HostInfo, SelfTestProbe } from "./probe";

/**
 * Self-test (设置 → 自检): every Office operation the add-in uses, run once inside the person's
 * own Excel on a scratch sheet, each step shown as passed, failed or skipped — what an
 * administrator runs after deploying, and what a person copies to support.
 *
 * Orchestration only: the steps go through the same workbook port the pane uses, plus a few
 * checks of the probe. The workbook is left as it was found, even when a step fails: everything
 * the test creates is removed in a `finally`, the active cell is given back, and the last step
 * says whether that worked (never hidden). Workbook-wide state a person already has — the
 * settings sheet, the register — is read, never rewritten: those steps run fully only in a
 * workbook that has none yet (then the sheets made are removed again).
 */

export type StepId =
  "host" | "insert" | "read" | "userRule" | "mark" | "clear" | "settings" | "documents" | "select" | "change" | "cleanup";
export type StepStatus = "pass" | "fail" | "skip";

export interface StepNote {
  readonly key: SelfTestKey;
  readonly params?: Params;
}

export interface StepResult {
  readonly id: StepId;
  readonly status: StepStatus;
  readonly note?: StepNote;
  /** The error as Excel or the add-in reported it (code and message), untranslated. */
  readonly error?: string;
}

export interface SelfTestResult {
  readonly host?: HostInfo;
  readonly steps: readonly StepResult[];
  readonly ok: boolean;
}

export type SelfTestPort = Pick<WorkbookPort, "insertTemplate"> &
  Pick<ValidationPort, "readTables" | "selectCell" | "readSettings" | "writeSettings"> &
  Pick<LivePort, "updateMarks"> &
  Pick<DocumentPort, "readRegister" | "writeDocuments">;

export interface SelfTestOptions {
  /** The register line's time, `YYYY-MM-DD HH:mm` (the caller's clock). */
  readonly createdAt: string;
  /** How long to wait for Excel's change event. */
  readonly changeTimeoutMs?: number;
}

export const SCRATCH_SHEET = "Liaison自检";
const TEMPLATE = "action-items";
/** The mark and the user's rule share this cell: the mark must be removable without touching the rule. */
const MARKED_CELL = "B2";

class StepFailure extends Error {
  constructor(readonly note: StepNote) {
    super(note.key);
  }
}

function describeError(e: unknown): string {
  if (e instanceof StepFailure) return "";
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return typeof code === "string" && !e.message.includes(code) ? `${code}: ${e.message}` : e.message;
  }
  return String(e);
}

function uniqueName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!lower.has(`${base} (${i})`.toLowerCase())) return `${base} (${i})`;
}

function check(condition: boolean, key: SelfTestKey, params?: Params): void {
  if (!condition) throw new StepFailure({ key, params });
}

export async function runSelfTest(port: SelfTestPort, probe: SelfTestProbe, options: SelfTestOptions): Promise<SelfTestResult> {
  const steps: StepResult[] = [];
  const created: string[] = [];
  let host: HostInfo | undefined;

  /** Runs a step; `requires` failed or skipped → skipped. Never throws. */
  const step = async (id: StepId, body: () => Promise<StepNote | undefined>, requires: readonly StepId[] = []): Promise<boolean> => {
    const blocked = requires.find((r) => steps.find((s) => s.id === r)?.status !== "pass");
    if (blocked) {
      steps.push({ id, status: "skip", note: { key: "skippedAfter", params: { step: blocked } } });
      return false;
    }
    try {
      const note = await body();
      steps.push({ id, status: "pass", note });
      return true;
    } catch (e) {
      steps.push({ id, status: "fail", note: e instanceof StepFailure ? e.note : undefined, error: describeError(e) || undefined });
      return false;
    }
  };

  let before: string[] = [];
  let place: CellPlace | undefined;
  try {
    await step("host", async () => {
      host = await probe.hostInfo();
      before = await probe.sheetNames();
      place = await probe.activeCell();
      return undefined;
    });
    const scratch = uniqueName(SCRATCH_SHEET, before);
    const tpl = getTemplate(TEMPLATE);

    await step(
      "insert",
      async () => {
        created.push(scratch);
        const r = await port.insertTemplate(TEMPLATE, { examples: true, sheetName: scratch });
        check(r.sheet === scratch && r.rows > 0, "insertUnexpected", { sheet: r.sheet, rows: r.rows });
        return { key: "inserted", params: { sheet: scratch, address: r.address, rows: r.rows } };
      },
      ["host"],
    );

    await step(
      "read",
      async () => {
        const tables = await port.readTables({ kind: "sheet", sheet: scratch });
        check(tables.length === 1, "readCount", { n: tables.length });
        const [t] = tables;
        check(t.table.templateId === tpl.id, "readTemplate", { id: String(t.table.templateId) });
        return { key: "read", params: { rows: t.body.length, columns: t.table.columns.length } };
      },
      ["insert"],
    );

    await step(
      "userRule",
      async () => {
        await probe.addUserRule(scratch, MARKED_CELL);
        const n = await probe.countRules(scratch);
        check(n.others === 1 && n.marks === 0, "rulesUnexpected", { marks: n.marks, others: n.others });
        return { key: "userRule", params: { cell: MARKED_CELL } };
      },
      ["insert"],
    );

    // Marks through the live path (one sheet's rows): a Check would replace every mark of the
    // workbook, and the person's own marks elsewhere must stay.
    await step(
      "mark",
      async () => {
        await port.updateMarks(scratch, [2], [{ sheet: scratch, cell: MARKED_CELL, severity: "error", message: "self-test" }]);
        const n = await probe.countRules(scratch);
        check(n.marks === 1 && n.others === 1, "rulesUnexpected", { marks: n.marks, others: n.others });
        return { key: "marked", params: { cell: MARKED_CELL } };
      },
      ["userRule"],
    );

    await step(
      "clear",
      async () => {
        await port.updateMarks(scratch, [2], []);
        const n = await probe.countRules(scratch);
        check(n.marks === 0, "markLeft", { marks: n.marks });
        check(n.others === 1, "userRuleLost", { others: n.others });
        return { key: "cleared" };
      },
      ["mark"],
    );

    await step("settings", async () => {
      if (before.includes(SETTINGS_SHEET)) {
        const rows = await port.readSettings();
        check(rows !== undefined, "settingsUnreadable");
        return { key: "settingsReadOnly", params: { sheet: SETTINGS_SHEET } };
      }
      created.push(SETTINGS_SHEET);
      await port.writeSettings(settingsToRows(DEFAULT_SETTINGS));
      const { stored, problems } = await loadSettings(port, DEFAULT_LANG);
      check(stored, "settingsUnreadable");
      check(problems.length === 0, "settingsProblems", { problems: problems.join("; ") });
      return { key: "settingsRoundTrip" };
    });

    await step(
      "documents",
      async () => {
        if (before.includes(REGISTER_SHEET)) {
          await port.readRegister();
          return { key: "registerReadOnly", params: { sheet: REGISTER_SHEET } };
        }
        created.push(REGISTER_SHEET);
        const number = "自检-0001";
        const layout = selfTestLayout(uniqueName("Liaison自检文书", before));
        // The sheet names the port chose are removed whatever happens next.
        const written = await port.writeDocuments([
          {
            layout,
            entry: {
              number,
              kind: "notice",
              documentSheet: layout.sheetName,
              sourceSheet: scratch,
              sourceRows: "2",
              createdAt: options.createdAt,
              recipient: "",
              status: "已生成",
              dueDate: "",
            },
          },
        ]);
        created.push(...written);
        const register = await port.readRegister();
        check(
          register.some((e) => e.number === number),
          "registerMissing",
          { number },
        );
        return { key: "documents", params: { sheet: written.join("、") } };
      },
      ["insert"],
    );

    await step(
      "select",
      async () => {
        await port.selectCell(scratch, "C3");
        const at = await probe.activeCell();
        check(at.sheet === scratch && at.cell === "C3", "selectedElsewhere", { sheet: at.sheet, cell: at.cell });
        return { key: "selected", params: { cell: `${scratch}!C3` } };
      },
      ["insert"],
    );

    await step(
      "change",
      async () => {
        const event = await probe.receiveChange(scratch, "H2", "自检", options.changeTimeoutMs ?? 5000);
        return event.triggerSource === undefined
          ? { key: "changeNoTrigger" }
          : { key: "changeWithTrigger", params: { source: event.triggerSource } };
      },
      ["insert"],
    );
  } finally {
    await step("cleanup", async () => {
      const problems: string[] = [];
      const now = await probe.sheetNames();
      for (const name of [...created].reverse()) {
        if (before.includes(name) || !now.includes(name)) continue;
        try {
          await probe.deleteSheet(name);
        } catch (e) {
          problems.push(`${name}: ${describeError(e)}`);
        }
      }
      if (place && before.includes(place.sheet)) {
        try {
          await probe.restoreActiveCell(place);
        } catch (e) {
          problems.push(`${place.sheet}!${place.cell}: ${describeError(e)}`);
        }
      }
      const after = await probe.sheetNames();
      check(problems.length === 0, "cleanupFailed", { problems: problems.join("; ") });
      check(after.join("\n") === before.join("\n"), "sheetsDiffer", { before: before.join("、"), after: after.join("、") });
      return { key: "cleanedUp" };
    });
  }
  return { host, steps, ok: steps.every((s) => s.status !== "fail") };
}

/** A one-cell document sheet: enough to exercise writing a layout (text, width, print setup). */
function selfTestLayout(sheetName: string): SheetLayout {
  return {
    sheetName,
    cells: [{ row: 1, col: 0, text: "Liaison 自检", style: { bold: true, border: true } }],
    merges: [],
    columnWidths: [16],
    rowHeights: {},
    print: {
      paper: "A4",
      orientation: "portrait",
      fitToWidth: true,
      printArea: "A1:A1",
      footer: "Liaison 自检",
      margins: { top: 0.75, bottom: 0.75, left: 0.7, right: 0.7 },
    },
  };
}
