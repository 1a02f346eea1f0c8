/**
 * The language chosen in the pane's header is kept in the add-in's browser storage (localStorage),
 * under Office's partition key where Excel on the web gives one; storage that is missing or full
 * never stops the pane.
 */
import { LANG_STORAGE_KEY, storedLang, storeLang } from "../../src/taskpane/language";

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

const g = globalThis as unknown as { window?: unknown };

describe("the stored language choice", () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterEach(() => {
    delete g.window;
    warn.mockRestore();
  });

  it("is kept and read back", () => {
    const storage = new MemoryStorage();
    g.window = { localStorage: storage };
    expect(storedLang()).toBeUndefined();
    storeLang("en-US");
    expect(storage.items.get(LANG_STORAGE_KEY)).toBe("en-US");
    expect(storedLang()).toBe("en-US");
    storeLang("zh-CN");
    expect(storedLang()).toBe("zh-CN");
  });

  it("is kept per storage partition (Excel on the web)", () => {
    const storage = new MemoryStorage();
    g.window = { localStorage: storage };
    storeLang("en-US", "partition-a");
    expect(storage.items.get(`partition-a${LANG_STORAGE_KEY}`)).toBe("en-US");
    expect(storedLang("partition-a")).toBe("en-US");
    expect(storedLang("partition-b")).toBeUndefined();
    expect(storedLang()).toBeUndefined();
  });

  it("ignores a value that is not a language we speak", () => {
    const storage = new MemoryStorage();
    storage.setItem(LANG_STORAGE_KEY, "fr-FR");
    g.window = { localStorage: storage };
    expect(storedLang()).toBeUndefined();
  });

  it("falls back (and says so on the console) when storage is blocked or full", () => {
    g.window = {
      get localStorage(): Storage {
        throw new Error("SecurityError: storage disabled");
      },
    };
    expect(storedLang()).toBeUndefined();
    expect(() => storeLang("en-US")).not.toThrow();
    expect(warn).toHaveBeenCalled();

    warn.mockClear();
    g.window = {
      localStorage: {
        getItem: () => null,
        setItem: () => {
          throw new Error("QuotaExceededError");
        },
      },
    };
    expect(() => storeLang("en-US")).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
