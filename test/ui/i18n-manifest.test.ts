/**
 * The ribbon speaks the user's language too: every string the manifest gives Office (the add-in's
 * name and description, each ribbon label and tooltip) has an English override beside its Chinese
 * default, so English Office shows "Liaison / Check / …" rather than Chinese.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { DOMParser, type Element } from "@xmldom/xmldom";

const xml = readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "text/xml");

/** Elements by local name, whatever their namespace prefix (bt:String, Override, bt:Override). */
function byLocalName(name: string): Element[] {
  const all = doc.getElementsByTagName("*");
  const out: Element[] = [];
  for (let i = 0; i < all.length; i++) if (all[i].localName === name) out.push(all[i]);
  return out;
}

function englishOverride(el: Element): string | undefined {
  for (let i = 0; i < el.childNodes.length; i++) {
    const child = el.childNodes[i] as Element;
    if (child.localName === "Override" && child.getAttribute("Locale") === "en-US") return child.getAttribute("Value") ?? undefined;
  }
  return undefined;
}

const HAN = /[\u3400-\u9fff]/;
/** Sheet names the add-in creates are names, not words: an English text may quote them. */
const SHEET_NAMES = ["文书登记", "Liaison设置"];
const unquoted = (text: string): string => SHEET_NAMES.reduce((t, name) => t.split(name).join(""), text);
// The strings themselves (a Supertip's <Description resid="…"/> only points at one).
const strings = [...byLocalName("DisplayName"), ...byLocalName("Description"), ...byLocalName("String")].filter((el) =>
  el.hasAttribute("DefaultValue"),
);

describe("manifest strings in both languages", () => {
  it("has strings to check (name, description, ribbon labels and tooltips)", () => {
    expect(strings.length).toBeGreaterThanOrEqual(6);
  });

  it.each(strings.map((el) => [el.getAttribute("id") ?? el.localName, el] as const))(
    "%s has a Chinese default and an English override",
    (_id, el) => {
      const zh = el.getAttribute("DefaultValue") ?? "";
      const en = englishOverride(el);
      expect(HAN.test(zh)).toBe(true);
      expect(en).toBeDefined();
      expect(en?.trim()).not.toBe("");
      expect(HAN.test(unquoted(en ?? ""))).toBe(false);
    },
  );
});
