/**
 * Findings carry their message key and params (rules/render.ts): rendered again in another
 * language, a finding reads exactly as the check in that language wrote it — which is what lets
 * the pane switch language without checking again (core/report/shown.ts).
 */
import { installTraditional, type Lang } from "../../../src/core/i18n";
import { ZH_TW } from "../../../src/core/i18n/zh-tw.generated";
import { buildReport } from "../../../src/core/report/build";
import { findingText } from "../../../src/core/report/shown";
import { renderFinding } from "../../../src/core/rules/render";
import { createCalendar } from "../../../src/core/calendar/calendar";
import { TEMPLATES } from "../../../src/core/templates";
import type { RawCell } from "../../../src/core/cells/types";
import { check, day, type Row } from "./fixtures";

const LANGS: readonly Lang[] = ["zh-CN", "en-US", "zh-TW"];
const MESSY: readonly RawCell[] = ["八十", "下周", "abc", "9月9日", "2024Q5", "", "已完成", 150, -3, "2024-10-01", "2024-09-20 08:00"];

/** Each template's example rows, then the same rows with one cell after another made messy. */
function rowsOf(examples: readonly Row[], keys: readonly string[]): Row[] {
  const rows: Row[] = [...examples];
  examples.forEach((ex, i) =>
    keys.forEach((k, j) => {
      rows.push({ ...ex, [k]: MESSY[(i * 7 + j) % MESSY.length] });
    }),
  );
  return rows;
}

beforeAll(() => installTraditional(ZH_TW));

describe("renderFinding", () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))("%s: a finding rendered in another language is that language's check", (_id, tpl) => {
    const rows = rowsOf(
      tpl.examples as readonly Row[],
      tpl.columns.map((c) => c.key),
    );
    const calendar = createCalendar();
    const by = Object.fromEntries(LANGS.map((lang) => [lang, check(tpl, rows, { lang, calendar })]));
    expect(by["zh-CN"].length).toBeGreaterThan(0);
    for (const lang of LANGS) {
      expect(by[lang].map((f) => f.key)).toEqual(by["zh-CN"].map((f) => f.key));
      by["zh-CN"].forEach((f, i) => expect(renderFinding(f, lang)).toBe(by[lang][i].message));
    }
  });

  it("the pane's report keeps key and params only when asked, and renders from them", () => {
    const tpl = TEMPLATES.find((t) => t.id === "supplier-evaluation");
    if (!tpl) throw new Error("no supplier-evaluation");
    const findings = check(tpl, [{ supplierName: "甲", period: "2024Q1", quality: "八十", total: 70 }]);
    const found = { sheet: tpl.name, templateId: tpl.id, headerRow: 1, rows: 1, range: "A1:H2" };
    const input = { file: "x.xlsx", today: day("2024-10-08"), tables: [{ found, findings }], calendar: createCalendar() };
    const plain = buildReport(input);
    expect(Object.keys(plain.findings[0])).toEqual(["sheet", "row", "column", "cell", "rule", "severity", "message"]);
    const kept = buildReport({ ...input, keepSaid: true });
    expect(kept.findings.map((f) => findingText(f, "zh-CN"))).toEqual(plain.findings.map((f) => f.message));
    expect(findingText(kept.findings[0], "en-US")).toMatch(/^[A-Za-z]/);
    // Without key and params (a report read back from JSON), the message as checked.
    expect(findingText(plain.findings[0], "en-US")).toBe(plain.findings[0].message);
  });
});
