import { MAX_DIALOG_MS, showResultDialog } from "../../src/commands/dialog";

/** A stand-in for Office's dialog API: records the URL, the handlers and whether the dialog was closed. */
function fakeOffice() {
  const handlers = new Map<string, (arg: unknown) => void>();
  const state = { url: "", closed: 0, handlers };
  const g = globalThis as Record<string, unknown>;
  g.window = { location: { href: "https://addin.example/liaison/commands.html?_host_Info=Excel|Win32" } };
  g.Office = {
    AsyncResultStatus: { Failed: "failed", Succeeded: "succeeded" },
    EventType: { DialogMessageReceived: "message", DialogEventReceived: "event" },
    context: {
      ui: {
        displayDialogAsync: (url: string, _options: unknown, callback: (r: unknown) => void) => {
          state.url = url;
          callback({
            status: "succeeded",
            value: { addEventHandler: (type: string, h: (arg: unknown) => void) => handlers.set(type, h), close: () => state.closed++ },
          });
        },
      },
    },
  };
  return state;
}

afterEach(() => {
  const g = globalThis as Record<string, unknown>;
  delete g.Office;
  delete g.window;
  jest.useRealTimers();
});

describe("the ribbon's result dialog", () => {
  it("closes itself before Office's 5-minute limit of a function command, so the command completes cleanly", async () => {
    jest.useFakeTimers();
    const office = fakeOffice();
    let done = false;
    const shown = showResultDialog({ kind: "error", lang: "zh-CN", message: "x" }).then(() => (done = true));
    expect(new URL(office.url).searchParams.get("liaison")).toContain('"kind":"error"');
    await jest.advanceTimersByTimeAsync(MAX_DIALOG_MS - 1);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await shown;
    expect(office.closed).toBe(1);
    expect(MAX_DIALOG_MS).toBeLessThan(5 * 60_000);
  });

  it("resolves when the person closes it, and rejects on any other dialog failure", async () => {
    const office = fakeOffice();
    const byX = showResultDialog({ kind: "error", lang: "zh-CN", message: "x" });
    office.handlers.get("event")?.({ error: 12006 });
    await expect(byX).resolves.toBeUndefined();
    const broken = showResultDialog({ kind: "error", lang: "zh-CN", message: "x" });
    office.handlers.get("event")?.({ error: 12002 });
    await expect(broken).rejects.toThrow("12002");
  });
});
