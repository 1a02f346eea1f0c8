import { createDebouncer, type Batch, type Timer } from "../../../src/app/live";

/** A timer the test moves by hand. */
function fakeTimer() {
  let now = 0;
  let next = 1;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timer: Timer = {
    set: (fn, ms) => {
      const id = next++;
      pending.set(id, { at: now + ms, fn });
      return id;
    },
    clear: (id) => void pending.delete(id as number),
  };
  const advance = async (ms: number) => {
    now += ms;
    for (const [id, t] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at > now) continue;
      pending.delete(id);
      t.fn();
    }
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return {
    timer,
    advance,
    get size() {
      return pending.size;
    },
  };
}

describe("createDebouncer", () => {
  it("coalesces the rows of one key until the quiet period ends", async () => {
    const t = fakeTimer();
    const runs: [string, Batch][] = [];
    const d = createDebouncer<string>({
      ms: 300,
      timer: t.timer,
      run: (k, b) => void runs.push([k, b]),
      onError: (e) => {
        throw e;
      },
    });
    d.add("s1", [5]);
    await t.advance(200);
    d.add("s1", [3, 5]);
    await t.advance(200); // 200 after the last change: still quiet
    expect(runs).toEqual([]);
    await t.advance(100);
    expect(runs).toEqual([["s1", { rows: [3, 5], all: false }]]);
  });

  it("keeps keys apart and carries `all`", async () => {
    const t = fakeTimer();
    const runs: [string, Batch][] = [];
    const d = createDebouncer<string>({
      ms: 100,
      timer: t.timer,
      run: (k, b) => void runs.push([k, b]),
      onError: (e) => {
        throw e;
      },
    });
    d.add("a", [1]);
    d.add("b", [2]);
    d.add("a", [], true);
    await t.advance(100);
    // "a" changed last, so its quiet period ends last.
    expect(runs).toEqual([
      ["b", { rows: [2], all: false }],
      ["a", { rows: [], all: true }],
    ]);
    expect(d.pending).toBe(0);
  });

  it("never overlaps two runs of a key: changes during a run wait for the next", async () => {
    const t = fakeTimer();
    const started: Batch[] = [];
    let release!: () => void;
    const d = createDebouncer<string>({
      ms: 50,
      timer: t.timer,
      run: async (_k, b) => {
        started.push(b);
        if (started.length === 1) await new Promise<void>((r) => (release = r));
      },
      onError: (e) => {
        throw e;
      },
    });
    d.add("a", [1]);
    await t.advance(50);
    expect(started).toHaveLength(1);
    d.add("a", [2]);
    await t.advance(500);
    expect(started).toHaveLength(1); // still running
    release();
    await t.advance(0);
    await t.advance(50);
    expect(started).toEqual([
      { rows: [1], all: false },
      { rows: [2], all: false },
    ]);
  });

  it("flush runs now; cancel drops; a failing run goes to onError", async () => {
    const t = fakeTimer();
    const errors: unknown[] = [];
    const runs: Batch[] = [];
    const d = createDebouncer<string>({
      ms: 1000,
      timer: t.timer,
      run: (_k, b) => {
        runs.push(b);
        if (b.rows.includes(9)) throw new Error("boom");
      },
      onError: (e) => errors.push(e),
    });
    d.add("a", [1]);
    await d.flush();
    expect(runs).toEqual([{ rows: [1], all: false }]);
    d.add("a", [2]);
    d.cancel();
    await t.advance(5000);
    expect(runs).toHaveLength(1);
    d.add("a", [9]);
    await d.flush();
    expect((errors[0] as Error).message).toBe("boom");
    expect(t.size).toBe(0);
  });
});
