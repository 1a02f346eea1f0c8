/**
 * `liaison dashboard <file.xlsx> --out <dashboard.xlsx>`: the pane's 看板 figures, written as a new
 * workbook (figures only, no chart — said on stderr); the input is only read.
 */
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeFile } from "node:fs/promises";
import { run, type CliIo } from "../../src/cli/run";
import { loadDashboard } from "../../src/app/dashboard/run";
import { TEMPLATES } from "../../src/core/templates";
import { XlsxWorkbook } from "../../src/workbook/exceljs/adapter";

async function runWith(argv: string[], overrides: Partial<CliIo> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run({
    argv,
    env: {},
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stdoutIsTTY: false,
    version: "0",
    ...overrides,
  });
  return { code, stdout, stderr };
}

describe("liaison dashboard", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "liaison-dashboard-"));
  const input = path.join(dir, "examples.xlsx");
  beforeAll(async () => {
    const book = XlsxWorkbook.create();
    for (const t of TEMPLATES) await book.insertTemplate(t.id, { examples: true });
    await writeFile(input, await book.toBuffer());
  });

  it("writes the figures on a 看板 sheet of a new workbook and says charts are Excel-only", async () => {
    const out = path.join(dir, "dashboard.xlsx");
    const before = statSync(input).mtimeMs;
    const r = await runWith(["dashboard", input, "--out", out, "--today", "2024-10-08"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/已写入 .*dashboard\.xlsx：看板工作表“看板”/);
    expect(r.stderr).toContain("图表只在 Excel 中绘制");
    expect(statSync(input).mtimeMs).toBe(before);

    const written = await XlsxWorkbook.load(readFileSync(out));
    expect(await written.listSheets()).toEqual(["看板"]);
    const ws = written.workbook.getWorksheet("看板");
    // The same figures as the pane's use case on the same file and day.
    const source = await XlsxWorkbook.load(readFileSync(input));
    const { figures } = await loadDashboard(source, { lang: "zh-CN", instant: new Date(), today: "2024-10-08" });
    expect(ws?.getCell("A1").value).toBe("沟通协作看板（2024年10月8日）");
    expect(ws?.getCell("A7").value).toBe(figures.owners[0].label);
    expect(ws?.getCell("F7").value).toBe(figures.owners[0].total);
  });

  it("speaks English with --lang en-US", async () => {
    const out = path.join(dir, "dashboard-en.xlsx");
    const r = await runWith(["dashboard", input, "--out", out, "--today", "2024-10-08", "--lang", "en-US"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("charts are drawn in Excel only");
    const written = await XlsxWorkbook.load(readFileSync(out));
    expect(await written.listSheets()).toEqual(["Dashboard"]);
  });

  it("refuses --out equal to the input, and a missing --out, writing nothing", async () => {
    expect((await runWith(["dashboard", input, "--out", input])).code).toBe(2);
    const r = await runWith(["dashboard", input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--out");
  });
});
