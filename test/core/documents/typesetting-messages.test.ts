import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Catalog } from "../../../src/core/i18n";
import { TEMPLATES } from "../../../src/core/templates";
import { filledWithChinese, halfWidthInChinese } from "./typesetting";

/**
 * Issue 13: every zh-CN message — pane, ribbon, CLI, findings, errors, documents — is typeset as
 * Chinese. Catalogs are found by walking src/core/i18n/messages, so a new file is covered too;
 * each message is checked as written and with its placeholders filled by Chinese words
 * (`{label}:{value}` reads `供应商名称:甲公司` once filled).
 */
const dir = join(__dirname, "../../../src/core/i18n/messages");
const zhMessages: [string, string][] = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(join(dir, file)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(mod)) {
    const zh = (value as Partial<Catalog> | null)?.["zh-CN"];
    if (typeof zh === "object" && zh !== null)
      for (const [key, text] of Object.entries(zh)) zhMessages.push([`${file}:${name}.${key}`, text]);
  }
}

describe("the typesetting check itself", () => {
  it.each([
    "编号:ZG-2024Q2-001",
    "致:鑫达",
    "贵司总分为77分,低于合格线",
    "请于 2024-07-05 前反馈(2个工作日内)",
    "liaison: 警告",
    "无法读取.",
    "完成情况（√/×）;1 个",
    "设置(LIAISON_LANG 环境变量)",
  ])("catches %s", (text) => expect(halfWidthInChinese(text).length).toBeGreaterThan(0));
  it.each(["--rows 5,7-9", "09:00–18:00", "A1:F20", "保存为 文件.xlsx", "Liaison (add-in)", "编号：ZG-2024Q2-001", "（联系人：李明）"])(
    "lets %s be",
    (text) => expect(halfWidthInChinese(text)).toEqual([]),
  );
});

describe("zh-CN messages", () => {
  it("are found", () => expect(zhMessages.length).toBeGreaterThan(300));
  it("have no half-width punctuation inside Chinese text, as written or filled in", () => {
    const offences = zhMessages.flatMap(([where, text]) =>
      [...halfWidthInChinese(text), ...halfWidthInChinese(filledWithChinese(text))].map((o) => `${where}: …${o.excerpt}…`),
    );
    expect([...new Set(offences)]).toEqual([]);
  });
});

describe("template texts shown in the pane and as Excel input hints", () => {
  it("purposes and column hints have no half-width punctuation inside Chinese text", () => {
    const texts = TEMPLATES.flatMap((t) => [
      [`${t.id}.purpose`, t.purpose] as const,
      ...t.columns.flatMap((c) => (c.hint ? [[`${t.id}.${c.key}.hint`, c.hint] as const] : [])),
    ]);
    expect(texts.flatMap(([where, text]) => halfWidthInChinese(text).map((o) => `${where}: …${o.excerpt}…`))).toEqual([]);
  });
});
