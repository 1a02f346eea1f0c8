import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Repeat } from "../../src/core/documents";
import { REGISTER_SHEET } from "../../src/core/documents/model";
import { generateSheets, generateWordFile } from "../../src/taskpane/documents/run";
import { XlsxWorkbook } from "../../src/workbook/exceljs/adapter";
import { tablesOf } from "../../src/workbook/exceljs/tables";

/**
 * Issue 13, "a number is given out once": one workbook goes through every path that numbers a
 * document in turn — the pane's 生成工作表, the pane's 下载 Word, the CLI's .docx, the CLI's .xlsx —
 * and no number ever comes out twice; each is in the register. A second notice for a supplier and
 * period asks first in the pane (declining writes nothing) and is said on stderr by the CLI. The
 * register is an Excel table of the `document-register` template, which the check reads: a notice
 * past its 整改期限 without 已整改 is reported.
 */
const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "liaison.js");
const SHEET = "供应商评估表";
const INSTANT = new Date("2024-07-05T02:00:00Z");
let dir: string;

function liaison(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, LIAISON_LANG: "", LIAISON_DEBUG: "" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
/** The numbers a `generate` line reports: `已写入 x：3 份文书（A、B、C）…`. */
const numbersSaid = (stdout: string): string[] => /（([^）]*)）/.exec(stdout)?.[1].split("、") ?? [];
const file = (name: string): string => path.join(dir, name);
const load = async (name: string): Promise<XlsxWorkbook> => XlsxWorkbook.load(readFileSync(file(name)));
const save = async (b: XlsxWorkbook, name: string): Promise<void> => writeFileSync(file(name), await b.toBuffer());

beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: ROOT, stdio: "pipe" });
  dir = mkdtempSync(path.join(tmpdir(), "liaison-paths-"));
  const r = liaison(["template", "supplier-evaluation", "meetings", "--examples", "--out", "book.xlsx"]);
  if (r.code !== 0) throw new Error(r.stderr);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("numbers across the pane and the command line", () => {
  const issued: string[] = [];
  const asked: Repeat[][] = [];
  const confirm = (answer: boolean) => async (repeats: readonly Repeat[]) => {
    asked.push([...repeats]);
    return answer;
  };

  it("pane 生成工作表, then pane 下载 Word, then CLI .docx, then CLI .xlsx: every number new, every number registered", async () => {
    // 1. The pane's sheets: row 3 (鑫达物流 2023Q4, 78).
    let b = await load("book.xlsx");
    b.selection = { sheet: SHEET, address: "B3" };
    const sheets = await generateSheets(b, { kind: "notice", lang: "zh-CN", instant: INSTANT, confirm: confirm(true) });
    issued.push(...sheets!.generated.documents.map((d) => d.number));
    await save(b, "book.xlsx");

    // 2. The pane's Word download: row 4 (鑫达物流 2024Q1, 77).
    b = await load("book.xlsx");
    b.selection = { sheet: SHEET, address: "B4" };
    const word = await generateWordFile(b, { kind: "notice", lang: "zh-CN", instant: INSTANT, confirm: confirm(true) });
    issued.push(...word!.generated.documents.map((d) => d.number));
    await save(b, "book.xlsx");

    // 3. The CLI's .docx: row 5 (恒通IT 2024Q1, 79.5); its numbers go into the workbook's register.
    const docx = liaison(["generate", "notice", "book.xlsx", "--sheet", SHEET, "--rows", "5", "--today", "2024-07-05", "--out", "c.docx"]);
    expect(docx.code).toBe(0);
    expect(docx.stderr).toBe("");
    issued.push(...numbersSaid(docx.stdout));

    // 4. The CLI's .xlsx over all three again: new numbers, and each repeat said on stderr.
    const xlsx = liaison([
      "generate",
      "notice",
      "book.xlsx",
      "--sheet",
      SHEET,
      "--rows",
      "3-5",
      "--today",
      "2024-07-05",
      "--out",
      "d.xlsx",
    ]);
    expect(xlsx.code).toBe(0);
    const repeatLines = xlsx.stderr.split("\n").filter((l) => l.includes("已发过整改通知书"));
    expect(repeatLines).toHaveLength(3);
    expect(repeatLines[0]).toMatch(/^liaison：注意：第3行 鑫达物流有限公司 2023Q4 已发过整改通知书（ZG-2023Q4-001）/);
    issued.push(...numbersSaid(xlsx.stdout));

    expect(issued).toEqual(["ZG-2023Q4-001", "ZG-2024Q1-001", "ZG-2024Q1-002", "ZG-2023Q4-002", "ZG-2024Q1-003", "ZG-2024Q1-004"]);
    expect(new Set(issued).size).toBe(issued.length);
    const register = await (await load("d.xlsx")).readRegister();
    expect(register.map((e) => e.number)).toEqual(issued);
    expect(register.map((e) => e.recipient)).toEqual([
      "鑫达物流有限公司",
      "鑫达物流有限公司",
      "恒通IT设备有限公司",
      "鑫达物流有限公司",
      "鑫达物流有限公司",
      "恒通IT设备有限公司",
    ]);
    expect(register.every((e) => e.status === "已生成" && /^\d{4}-\d{2}-\d{2}$/.test(e.dueDate))).toBe(true);
    // Word and .docx lines name no sheet; the sheets' do.
    expect(register.map((e) => e.documentSheet !== "")).toEqual([true, false, false, true, true, true]);
  });

  it("the pane asks before repeating a notice: declining writes nothing, accepting gives a new number", async () => {
    const b = await load("d.xlsx");
    const before = await b.readRegister();
    const sheetsBefore = await b.listSheets();
    b.selection = { sheet: SHEET, address: "B3" };
    asked.length = 0;
    expect(await generateWordFile(b, { kind: "notice", lang: "zh-CN", instant: INSTANT, confirm: confirm(false) })).toBeUndefined();
    expect(await generateSheets(b, { kind: "notice", lang: "zh-CN", instant: INSTANT, confirm: confirm(false) })).toBeUndefined();
    expect(asked).toHaveLength(2);
    expect(asked[0][0].numbers).toEqual(["ZG-2023Q4-001", "ZG-2023Q4-002"]);
    expect(await b.readRegister()).toEqual(before);
    expect(await b.listSheets()).toEqual(sheetsBefore);

    const again = await generateWordFile(b, { kind: "notice", lang: "zh-CN", instant: INSTANT, confirm: confirm(true) });
    expect(again!.generated.documents.map((d) => d.number)).toEqual(["ZG-2023Q4-003"]);
    expect((await b.readRegister()).map((e) => e.number)).not.toContain(undefined);
  });

  it("the register is an Excel table with 收件方, 状态 and 整改期限, and the check reports a notice past its deadline", async () => {
    const b = await load("d.xlsx");
    const ws = b.workbook.getWorksheet(REGISTER_SHEET)!;
    const [table] = tablesOf(ws);
    expect(table.columnNames).toEqual(["编号", "类型", "文书工作表", "来源工作表", "来源行", "生成时间", "收件方", "状态", "整改期限"]);
    expect(table.rect.bottom).toBe(7); // header + six notices

    // 15 working days after 2024-07-05 is 2024-07-26; on 2024-07-29 every notice is 3 days late.
    const check = liaison(["check", "d.xlsx", "--today", "2024-07-29", "--format", "json"]);
    const report = JSON.parse(check.stdout) as {
      tables: { sheet: string; template: string }[];
      findings: { sheet: string; rule: string; column: string }[];
    };
    expect(report.tables).toContainEqual(expect.objectContaining({ sheet: REGISTER_SHEET, template: "document-register" }));
    const late = report.findings.filter((f) => f.sheet === REGISTER_SHEET);
    expect(late).toHaveLength(6);
    expect(late.every((f) => f.rule === "escalation" && f.column === "整改期限")).toBe(true);
  });

  it("a notice marked 已整改 is closed: the check no longer reports it", async () => {
    const b = await load("d.xlsx");
    const ws = b.workbook.getWorksheet(REGISTER_SHEET)!;
    for (let r = 2; r <= 7; r++) ws.getCell(r, 8).value = r === 2 ? "已复核" : "已整改";
    await save(b, "closed.xlsx");
    const check = liaison(["check", "closed.xlsx", "--today", "2024-07-29", "--format", "json"]);
    const report = JSON.parse(check.stdout) as { findings: { sheet: string }[] };
    expect(report.findings.filter((f) => f.sheet === REGISTER_SHEET)).toEqual([]);
    expect(existsSync(file("closed.xlsx"))).toBe(true);
  });
});
