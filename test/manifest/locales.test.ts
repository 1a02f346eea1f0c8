// Every English locale Office can report gets the English ribbon and name, as the pane switches to
// English for every en-* language (pickLang); zh-TW/zh-HK/zh-MO get the 繁體 ribbon, the other zh-*
// fall back to the Chinese default, as the pane does.
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

  it("leaves simplified-Chinese locales to the Chinese default, and gives 繁體 locales the zh-TW ribbon the pane switches to", () => {
    expect(xml).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
    for (const locale of ["zh-CN", "zh-SG"]) {
      expect(pickLang(locale)).toBe("zh-CN");
      expect(overrides(locale)).toEqual([]);
    }
    const tw = overrides("zh-TW");
    expect(tw.length).toBe(overrides("en-US").length);
    expect(tw).toContain("溝通協作");
    for (const locale of ["zh-TW", "zh-HK", "zh-MO"]) {
      expect(pickLang(locale)).toBe("zh-TW");
      expect(overrides(locale)).toEqual(tw);
    }
  });

  it("declares the Dialog API the ribbon's result dialogs need", () => {
    expect(xml).toMatch(/<Set Name="DialogApi" MinVersion="1\.1"\/>/);
  });
});
