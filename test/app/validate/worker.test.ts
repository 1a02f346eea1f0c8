/** The validation worker's message handling, called directly (no Worker in jest), and errors across the boundary. */
import { dayFromYmd } from "../../../src/core/cells/civil";
import { checkTables } from "../../../src/core/check";
import { LiaisonError, isLiaisonError } from "../../../src/core/errors";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { ValidationCancelled, isValidationCancelled } from "../../../src/app/validate/cancel";
import { deserializeError, serializeError } from "../../../src/app/validate/errors";
import type { CheckJob, WorkerReply } from "../../../src/app/validate/protocol";
import { handleWorkerMessage } from "../../../src/app/validate/worker-handler";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";

const TODAY = dayFromYmd(2024, 10, 8);

async function job(): Promise<CheckJob> {
  const book = XlsxWorkbook.create();
  await book.insertTemplate("supplier-evaluation", { examples: true });
  await book.insertTemplate("action-items", { examples: true });
  return {
    file: "book.xlsx",
    sheets: await book.listSheets(),
    tables: await book.readTables({ kind: "all" }),
    settings: DEFAULT_SETTINGS,
    today: TODAY,
    now: TODAY * 1440 + 600,
    lang: "zh-CN",
  };
}

/** What a structured clone does to a message: plain data only (functions or class instances would not survive). */
const cloned = <T>(x: T): T => structuredClone(x);

describe("handleWorkerMessage", () => {
  it("posts progress after each table (rows weighted), then the core's report", async () => {
    const j = cloned(await job());
    const replies: WorkerReply[] = [];
    handleWorkerMessage({ type: "check", id: 7, job: j }, (r) => replies.push(cloned(r)));
    const rows = j.tables.map((t) => t.body.length);
    expect(replies.slice(0, 2)).toEqual([
      { type: "progress", id: 7, tablesDone: 1, tables: 2, rowsDone: rows[0], rows: rows[0] + rows[1] },
      { type: "progress", id: 7, tablesDone: 2, tables: 2, rowsDone: rows[0] + rows[1], rows: rows[0] + rows[1] },
    ]);
    expect(replies[2]).toEqual({ type: "result", id: 7, report: checkTables(j) });
    expect(replies).toHaveLength(3);
  });

  it("answers a malformed message with an error, keeping its id when it has one", () => {
    const replies: WorkerReply[] = [];
    handleWorkerMessage({ type: "check", id: 3 }, (r) => replies.push(r));
    handleWorkerMessage("hello", (r) => replies.push(r));
    expect(replies).toEqual([
      { type: "error", id: 3, error: { name: "TypeError", message: "validation worker: unexpected message" } },
      { type: "error", id: -1, error: { name: "TypeError", message: "validation worker: unexpected message" } },
    ]);
  });

  it("posts a failing check's error instead of throwing (a table of an unknown template)", async () => {
    const j = await job();
    const bad: CheckJob = { ...j, tables: [{ ...j.tables[0], table: { ...j.tables[0].table, templateId: "no-such-template" } }] };
    const replies: WorkerReply[] = [];
    expect(() => handleWorkerMessage({ type: "check", id: 1, job: bad }, (r) => replies.push(r))).not.toThrow();
    const last = replies[replies.length - 1];
    expect(last.type).toBe("error");
    if (last.type !== "error") throw new Error("unreachable");
    expect(last.error.message).toMatch(/no-such-template/);
    // The pane gets an Error it can show; a LiaisonError stays one (explained, not shown as a bug).
    const back = deserializeError(cloned(last.error));
    expect(back.message).toBe(last.error.message);
  });
});

describe("errors across the worker boundary", () => {
  it("a LiaisonError comes back as a LiaisonError with its key and params", () => {
    const back = deserializeError(cloned(serializeError(new LiaisonError("sheetNotFound", { sheet: "表1" }))));
    expect(isLiaisonError(back)).toBe(true);
    expect(back).toMatchObject({ key: "sheetNotFound", params: { sheet: "表1" } });
    expect((back as LiaisonError).describe("en-US")).toBe('There is no sheet named "表1".');
  });

  it("any other error keeps its name, message and stack; a thrown non-error its text", () => {
    const e = new RangeError("bad day");
    const back = deserializeError(cloned(serializeError(e)));
    expect([back.name, back.message, back.stack]).toEqual(["RangeError", "bad day", e.stack]);
    expect(deserializeError(serializeError("plain")).message).toBe("plain");
  });

  it("a cancelled run comes back as cancelled (the preview's 校验 is cancelled in its workbook's worker)", () => {
    const back = deserializeError(cloned(serializeError(new ValidationCancelled())));
    expect(isValidationCancelled(back)).toBe(true);
    // Only that class: another error merely named alike would have to say so itself.
    expect(isValidationCancelled(deserializeError({ name: "Error", message: "validation cancelled" }))).toBe(false);
  });
});
