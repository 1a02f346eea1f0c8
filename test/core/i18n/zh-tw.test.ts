/** 繁體中文 (zh-TW): picked from Office's display language, built from the zh-CN catalogs at build time. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { installTraditional, localize, pickLang, translator } from "../../../src/core/i18n";
import { taskpaneMessages } from "../../../src/core/i18n/messages/taskpane";
import { ZH_TW } from "../../../src/core/i18n/zh-tw.generated";

const root = path.resolve(__dirname, "../../..");

describe("zh-TW", () => {
  it.each([
    ["zh-TW", "zh-TW"],
    ["zh-HK", "zh-TW"],
    ["zh-MO", "zh-TW"],
    ["zh-Hant-TW", "zh-TW"],
    ["zh-CN", "zh-CN"],
    ["zh-SG", "zh-CN"],
    ["en-GB", "en-US"],
    [undefined, "zh-CN"],
  ])("Office display language %s → %s", (tag, lang) => {
    expect(pickLang(tag)).toBe(lang);
  });

  it("translates through the generated table, with the reviewed terms (儲存格, 「」, 欄)", () => {
    installTraditional(ZH_TW);
    const t = translator(taskpaneMessages, "zh-TW");
    expect(t("settingsSave")).toBe("儲存");
    expect(t("templateColumns", { n: 3 })).toBe("3 欄");
    expect(t("insertDone", { sheet: "供应商评估表", table: "T", address: "A1:B2", rows: 2 })).toContain("「供应商评估表」");
    expect(localize("供应商评估表", "zh-TW")).toBe("供應商評估表");
    // Data is not interface text: a sheet name passed as a parameter stays as the workbook has it.
    expect(localize("鑫达物流有限公司", "zh-TW")).toBe("鑫达物流有限公司");
    expect(localize("供应商评估表", "zh-CN")).toBe("供应商评估表");
  });

  it("the generated table is up to date with the catalogs (else: npm run i18n:zh-tw)", () => {
    const run = spawnSync(process.execPath, [path.join(root, "scripts/build-zh-tw.mjs"), "--check"], { cwd: root, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  }, 60_000);
});
