/** The settings' write queue and the form's change list (settings cannot be lost). */
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { keepDraft, queueSettingsWrite, settingsWritten, takeDraft } from "../../src/taskpane/settings-sync";
import { changedFields, formFromSettings } from "../../src/taskpane/validation/settings-form";

describe("settings write queue", () => {
  it("runs writes one after another, and settingsWritten waits for all of them", async () => {
    const log: string[] = [];
    let release: () => void = () => undefined;
    const first = queueSettingsWrite(
      () =>
        new Promise<void>((r) => {
          log.push("first start");
          release = () => {
            log.push("first end");
            r();
          };
        }),
    );
    const second = queueSettingsWrite(async () => {
      log.push("second");
    });
    const written = settingsWritten().then(() => log.push("written"));
    await Promise.resolve();
    expect(log).toEqual(["first start"]);
    release();
    await Promise.all([first, second, written]);
    expect(log).toEqual(["first start", "first end", "second", "written"]);
  });

  it("a failed write is reported to its caller and does not stop the next one", async () => {
    const failed = queueSettingsWrite(async () => {
      throw new Error("disk full");
    });
    let ran = false;
    const next = queueSettingsWrite(async () => {
      ran = true;
    });
    await expect(failed).rejects.toThrow("disk full");
    await next;
    expect(ran).toBe(true);
    await expect(settingsWritten()).resolves.toBeUndefined();
  });

  it("keeps one draft until it is taken", () => {
    const form = { ...formFromSettings(DEFAULT_SETTINGS), threshold: "八十" };
    keepDraft(form, 0);
    expect(takeDraft(0)).toBe(form);
    expect(takeDraft(0)).toBeUndefined();
  });

  it("gives a draft back in its own workbook only (the preview can show another file)", () => {
    const form = { ...formFromSettings(DEFAULT_SETTINGS), threshold: "八十" };
    keepDraft(form, 1);
    expect(takeDraft(2)).toBeUndefined();
    // Taken, even by another workbook: it does not come back later either.
    expect(takeDraft(1)).toBeUndefined();
  });
});

describe("changedFields", () => {
  it("lists the fields whose text changed, ignoring surrounding spaces", () => {
    const before = formFromSettings(DEFAULT_SETTINGS);
    expect(changedFields(before, { ...before, threshold: " 80 " })).toEqual([]);
    expect(changedFields(before, { ...before, threshold: "85", reviewer: "王五" })).toEqual(["threshold", "reviewer"]);
  });
});
