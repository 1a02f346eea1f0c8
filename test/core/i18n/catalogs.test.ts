import { readdirSync } from "node:fs";
import { join } from "node:path";
import { LANGS, type Catalog } from "../../../src/core/i18n";

/**
 * Every message catalog, found by walking src/core/i18n/messages (so a new catalog file is
 * covered without touching this test): each language has the same keys, the same {placeholders}
 * per key, and no empty message.
 */
const dir = join(__dirname, "../../../src/core/i18n/messages");

function isCatalog(value: unknown): value is Catalog {
  return typeof value === "object" && value !== null && LANGS.every((l) => typeof (value as Record<string, unknown>)[l] === "object");
}

const catalogs: [string, Catalog][] = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(join(dir, file)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(mod)) if (isCatalog(value)) catalogs.push([`${file}:${name}`, value]);
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogs", () => {
  it("are found (one per messages file at least)", () => {
    const files = new Set(catalogs.map(([n]) => n.split(":")[0]));
    expect(files.size).toBe(readdirSync(dir).filter((f) => f.endsWith(".ts")).length);
  });

  it.each(catalogs)("%s has the same keys in every language", (_name, catalog) => {
    const [first, ...rest] = LANGS;
    const keys = Object.keys(catalog[first]).sort();
    for (const lang of rest) expect(Object.keys(catalog[lang]).sort()).toEqual(keys);
  });

  it.each(catalogs)("%s uses the same placeholders in every language and no empty message", (_name, catalog) => {
    for (const key of Object.keys(catalog["zh-CN"])) {
      const zh = catalog["zh-CN"][key];
      for (const lang of LANGS) {
        const text = catalog[lang][key];
        expect({ key, lang, empty: text.trim() === "" }).toEqual({ key, lang, empty: false });
        expect({ key, lang, placeholders: placeholders(text) }).toEqual({ key, lang, placeholders: placeholders(zh) });
      }
    }
  });
});
