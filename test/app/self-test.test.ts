import { reportText } from "../../src/app/self-test/report";
import { runSelfTest, type SelfTestPort } from "../../src/app/self-test/run";
import { REGISTER_SHEET } from "../../src/core/documents/model";
import { OfficeWorkbook } from "../../src/workbook/officejs/adapter";
import { OfficeSelfTestProbe, type OfficeHost } from "../../src/workbook/officejs/self-test-probe";
import { SETTINGS_SHEET } from "../../src/core/settings/sheet";
import { MARK_SIGNATURE } from "../../src/core/marks/mark";
import { installExcelDouble, WorkbookModel, type InstalledDouble } from "../doubles/excel-double";

/**
 * The self-test (Settings → Self-test) on the strict Excel double: every step passes, and the
 * workbook is exactly as before — also when a step fails half-way.
 */

let installed: InstalledDouble;
let model: WorkbookModel;

beforeEach(() => {
  model = new WorkbookModel("Data");
  const data = model.sheet("Data");
  data.seed("A1", [
    ["客户", "金额"],
    ["甲", 12],
  ]);
  // The person's own rule and an earlier mark elsewhere: both must survive the self-test.
  data.seedConditionalFormat("Custom", "B2", { formula: "=$B2>10", fill: "#00FF00" });
  data.seedConditionalFormat("Custom", "A2", { formula: `=N("${MARK_SIGNATURE}:error")=0`, fill: "#FFC7CE" });
  model.select("Data", "B2");
  installed = installExcelDouble(model);
});
afterEach(() => installed.restore());

const office = (): OfficeHost => ({
  context: {
    diagnostics: { host: "Excel", platform: "PC", version: "16.0.18227.20162" },
    displayLanguage: "zh-CN",
    requirements: {
      isSetSupported: (name: string, v?: string) => {
        const minor = Number((v ?? "1.1").split(".")[1]);
        if (name === "ExcelApi") return minor <= model.excelApiMinor;
        return name === "DialogApi" && minor <= 2;
      },
    },
  },
});

const run = (port: SelfTestPort = new OfficeWorkbook()) =>
  runSelfTest(port, new OfficeSelfTestProbe(office()), { createdAt: "2026-12-05 17:30", changeTimeoutMs: 2000 });

describe("self-test on the strict double", () => {
  it("passes every step and leaves the workbook exactly as it found it", async () => {
    const before = model.snapshot();
    const result = await run();
    expect(result.steps.map((s) => [s.id, s.status])).toEqual([
      ["host", "pass"],
      ["insert", "pass"],
      ["read", "pass"],
      ["userRule", "pass"],
      ["mark", "pass"],
      ["clear", "pass"],
      ["settings", "pass"],
      ["documents", "pass"],
      ["select", "pass"],
      ["change", "pass"],
      ["cleanup", "pass"],
    ]);
    expect(result.ok).toBe(true);
    expect(result.host?.apiSets).toContain("ExcelApi 1.17");
    expect(result.steps.find((s) => s.id === "change")?.note).toEqual({ key: "changeWithTrigger", params: { source: "ThisLocalAddin" } });
    expect(model.snapshot()).toEqual(before);

    const text = reportText(result, "en-US", "2026-12-05 17:30");
    expect(text).toContain("Host: Excel; platform: PC; version: 16.0.18227.20162");
    expect(text).toContain("[PASS] Clear marks, keep the person's rule — Marks cleared; the person's rule is still there");
    expect(reportText(result, "zh-CN", "2026年12月5日 17:30")).toContain("[通过] 清除标记并保留用户规则");
  });

  it("reads, never rewrites, settings and a register the workbook already has", async () => {
    await new OfficeWorkbook().writeSettings([]); // the settings sheet exists (empty)
    model.addSheet(REGISTER_SHEET).seed("A1", [["编号", "类型", "文书工作表", "来源工作表", "来源行", "生成时间"]]);
    expect(model.findSheet(SETTINGS_SHEET)).toBeDefined();
    const before = model.snapshot();
    const result = await run();
    expect(result.ok).toBe(true);
    expect(result.steps.find((s) => s.id === "settings")?.note?.key).toBe("settingsReadOnly");
    expect(result.steps.find((s) => s.id === "documents")?.note?.key).toBe("registerReadOnly");
    expect(model.snapshot()).toEqual(before);
  });

  it("reports a failing step, skips what depends on it, and still restores the workbook", async () => {
    const before = model.snapshot();
    const real = new OfficeWorkbook();
    // Excel fails after the template's sheet was made, and again when marking.
    const failing: SelfTestPort = Object.assign(Object.create(real) as OfficeWorkbook, {
      insertTemplate: async (...args: Parameters<OfficeWorkbook["insertTemplate"]>) => {
        await real.insertTemplate(...args);
        throw Object.assign(new Error("The request failed."), { code: "GeneralException" });
      },
    });
    const result = await run(failing);
    expect(result.ok).toBe(false);
    const status = Object.fromEntries(result.steps.map((s) => [s.id, s.status]));
    expect(status).toMatchObject({ insert: "fail", read: "skip", mark: "skip", select: "skip", settings: "pass", cleanup: "pass" });
    expect(result.steps.find((s) => s.id === "insert")?.error).toBe("GeneralException: The request failed.");
    expect(model.snapshot()).toEqual(before);
    expect(reportText(result, "en-US", "now")).toContain(
      "[SKIP] Read the template's table — Skipped: an earlier step did not pass (Insert a template)",
    );
  });

  it("a mark that fails to clear is reported; the scratch sheet and its marks still go", async () => {
    const before = model.snapshot();
    const real = new OfficeWorkbook();
    let calls = 0;
    const failing: SelfTestPort = Object.assign(Object.create(real) as OfficeWorkbook, {
      updateMarks: async (...args: Parameters<OfficeWorkbook["updateMarks"]>) => {
        if (++calls === 2) throw new Error("injected");
        return real.updateMarks(...args);
      },
    });
    const result = await run(failing);
    expect(result.steps.find((s) => s.id === "clear")).toMatchObject({ status: "fail", error: "injected" });
    expect(result.steps.find((s) => s.id === "cleanup")?.status).toBe("pass");
    expect(model.snapshot()).toEqual(before);
  });

  it("tells a host without triggerSource (below ExcelApi 1.14)", async () => {
    model.excelApiMinor = 13;
    const result = await run();
    expect(result.ok).toBe(true);
    expect(result.host?.apiSets).toContain("ExcelApi 1.13");
    expect(result.steps.find((s) => s.id === "change")?.note).toEqual({ key: "changeNoTrigger" });
  });
});
