import { findingMessages, reportMessages, settingsMessages } from "../../../src/core/i18n/messages/findings";
import type { Catalog } from "../../../src/core/i18n";

/** Both languages of each catalog have the same keys and the same placeholders. */
describe.each([
  ["findings", findingMessages],
  ["settings", settingsMessages],
  ["report", reportMessages],
] as const)("%s catalog", (_name, catalog: Catalog) => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  it("has the same keys in zh-CN and en-US", () => {
    expect(Object.keys(catalog["en-US"]).sort()).toEqual(Object.keys(catalog["zh-CN"]).sort());
  });
  it("uses the same placeholders in both languages", () => {
    for (const key of Object.keys(catalog["zh-CN"])) {
      expect([key, placeholders(catalog["en-US"][key])]).toEqual([key, placeholders(catalog["zh-CN"][key])]);
    }
  });
});
