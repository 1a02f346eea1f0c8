// Every English locale Office can report gets the English ribbon and name, as the pane switches to
// English for every en-* language (pickLang); zh-* fall back to the Chinese default, as the pane does.
import { pickLang } from "../../src/core/i18n";
import { readManifestText } from "./manifest-model";

const xml = readManifestText();
const ENGLISH = ["en-US", "en-GB", "en-AU", "en-CA", "en-IE", "en-IN", "en-NZ", "en-SG", "en-ZA", "en-HK", "en-MY", "en-PH"];

/** Value of each Override per locale, in document order, for every string the manifest localises. */
function overrides(locale: string): string[] {
  return [...xml.matchAll(new RegExp(`<(?:bt:)?Override Locale="${locale}" Value="([^"]*)"`, "g"))].map((m) => m[1]);
}

describe("manifest locales", () => {
  it("gives every English locale the same English strings as en-US", () => {
    const us = overrides("en-US");
    expect(us.length).toBeGreaterThan(10);
    for (const locale of ENGLISH) {
      expect(pickLang(locale)).toBe("en-US");
      expect(overrides(locale)).toEqual(us);
    }
  });

  it("leaves Chinese locales to the Chinese default (the pane shows Chinese for them too)", () => {
    expect(xml).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
    for (const locale of ["zh-CN", "zh-TW", "zh-HK", "zh-SG"]) {
      expect(pickLang(locale)).toBe("zh-CN");
      expect(overrides(locale)).toEqual([]);
    }
  });

  it("declares the Dialog API the ribbon's result dialogs need", () => {
    expect(xml).toMatch(/<Set Name="DialogApi" MinVersion="1\.1"\/>/);
  });
});
