import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { ACTION_HEADER, book as xlsxBook, CT, T, textRow, worksheet } from "../workbook/ooxml/package-builder";
import { shanghaiDay, isoDate } from "../../src/core/cells/civil";
import { cellAddress, parseRange } from "../../src/core/a1";
import { cliMessages } from "../../src/core/i18n/messages/cli";
import { reportSchema, type Report, type ReportFinding } from "../../src/core/report";
import { DEFAULT_SETTINGS, settingsToRows } from "../../src/core/settings";
import { MARK_SIGNATURE } from "../../src/core/marks/mark";
import { XlsxWorkbook } from "../../src/workbook/exceljs/adapter";

/**
 * `liaison check` end to end: the real bin/liaison.js on files written by `liaison template`, as a
 * script would run it. The bundle is rebuilt first so that the test runs the current sources.
 */
const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "liaison.js");
let dir: string;
let book: string; // every template with the manual's examples
let bookBytes: Buffer;

function liaison(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, LIAISON_LANG: "", LIAISON_DEBUG: "", ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (text: string): string[] => text.split("\n").filter((l) => l !== "");
const parseReport = (stdout: string): Report => reportSchema.parse(JSON.parse(stdout));
const at = (report: Report, sheet: string, cell: string, rule: string): ReportFinding | undefined =>
  report.findings.find((f) => f.sheet === sheet && f.cell === cell && f.rule === rule);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "liaison-check-"));
  book = path.join(dir, "t.xlsx");
  const r = liaison(["template", "all", "--examples", "--out", book]);
  if (r.code !== 0) throw new Error(`template failed: ${r.stderr}`);
  bookBytes = readFileSync(book);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a copy of the template book changed by `edit` (through the adapter, as the add-in would). */
async function variant(name: string, edit: (b: XlsxWorkbook) => Promise<void> | void): Promise<string> {
  const b = await XlsxWorkbook.load(bookBytes);
  await edit(b);
  const file = path.join(dir, name);
  writeFileSync(file, await b.toBuffer());
  return file;
}

describe("liaison check on the manual's examples (--format json)", () => {
  let r: ReturnType<typeof liaison>;
  let report: Report;
  beforeAll(() => {
    r = liaison(["check", book, "--today", "2024-10-08", "--format", "json"]);
    report = parseReport(r.stdout);
  });

  it("prints a report that validates against the contract's schema, exit code by its errors", () => {
    expect(r.stderr).toBe("");
    expect(r.code).toBe(report.summary.error > 0 ? 1 : 0);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(report.file).toBe("t.xlsx"); // the name without its folder
    expect(report.today).toBe("2024-10-08");
    expect(report.calendar).toEqual({ provisional: false, years: [2024] });
  });

  it("lists the 13 template tables in sheet order (the register 文书登记 and the 通讯录 last)", () => {
    expect(report.tables).toHaveLength(13);
    expect(report.tables.map((t) => t.template)).toEqual([
      "collab-request",
      "work-report",
      "customer-log",
      "partner-progress",
      "supplier-evaluation",
      "supplier-directory",
      "quotes",
      "purchase-orders",
      "meetings",
      "action-items",
      "incidents",
      "document-register",
      "contacts",
    ]);
    expect(report.tables.every((t) => t.headerRow === 1)).toBe(true);
  });

  it("finds the messy examples of the manual", () => {
    // 05-20 without a year in 时间节点: a type warning naming the year it used.
    expect(at(report, "跨部门协作需求表", "H3", "type")).toMatchObject({ severity: "warning", column: "时间节点", row: 3 });
    expect(at(report, "跨部门协作需求表", "H3", "type")?.message).toContain("2024");
    // 78 and 79.5 are below the line of 80; 2023Q4 → 2024Q1 is two consecutive quarters.
    expect(at(report, "供应商评估表", "H3", "threshold")).toMatchObject({ severity: "warning", column: "总分" });
    expect(at(report, "供应商评估表", "H3", "threshold")?.message).toContain("78");
    expect(at(report, "供应商评估表", "H5", "threshold")?.message).toContain("79.5");
    expect(at(report, "供应商评估表", "H4", "consecutive")).toMatchObject({ severity: "error", column: "总分" });
    expect(at(report, "供应商评估表", "H2", "threshold")).toBeUndefined(); // 85 passes
    // A purchase with a single quote.
    expect(report.findings.filter((f) => f.sheet === "询价比价表" && f.rule === "min-count")).toHaveLength(1);
  });
});

describe("liaison check --format text", () => {
  it("speaks Chinese by default", () => {
    const r = liaison(["check", book, "--today", "2024-10-08", "--format", "text"]);
    expect(r.code).toBe(1);
    const out = lines(r.stdout);
    expect(out[0]).toBe("检查 t.xlsx（今天：2024-10-08）");
    expect(r.stdout).toContain("供应商评估表 · 供应商评估表（表头在第1行，4行数据）");
    expect(r.stdout).toMatch(/ {2}H3 {2}总分 {2}\[警告\] 总分78.*（threshold）/);
    expect(out.find((l) => l.startsWith("合计："))).toMatch(/^合计：错误 \d+ 条，警告 \d+ 条，提示 \d+ 条$/);
  });

  it("speaks English with --lang en-US, findings included", () => {
    const r = liaison(["check", book, "--today", "2024-10-08", "--format", "text", "--lang", "en-US"]);
    expect(r.code).toBe(1);
    expect(lines(r.stdout)[0]).toBe("Checked t.xlsx (today: 2024-10-08)");
    expect(r.stdout).toMatch(/H3 {2}总分 {2}\[warning\] /);
    expect(r.stdout).toMatch(/\nTotal: \d+ error\(s\), \d+ warning\(s\), \d+ info\n/);
    expect(r.stdout).not.toMatch(/[错警]误|低于合格线/);
  });

  it("is json when stdout is not a terminal and no --format is given", () => {
    const r = liaison(["check", book, "--today", "2024-10-08"]);
    expect(parseReport(r.stdout).tables).toHaveLength(13);
  });
});

describe("the clock", () => {
  it("--now fixes today (its date) and the time", () => {
    const r = liaison(["check", book, "--now", "2024-10-09 10:00", "--format", "json"]);
    const report = parseReport(r.stdout);
    expect(report.today).toBe("2024-10-09");
    // 待办事项 C4 is due 2024-10-09: due-soon on the 8th, still due-soon (today) on the 9th.
    expect(at(report, "待办事项", "C4", "due-soon")).toBeDefined();
  });

  it("does not depend on the machine's time zone", () => {
    const args = ["check", book, "--today", "2024-10-08", "--format", "json"];
    const outputs = ["UTC", "America/Los_Angeles", "Asia/Tokyo", "Pacific/Kiritimati"].map((TZ) => liaison(args, { TZ }).stdout);
    expect(new Set(outputs).size).toBe(1);
  });

  it("without flags or settings, uses today's date in Asia/Shanghai", () => {
    const before = isoDate(shanghaiDay(new Date()));
    const r = liaison(["check", book, "--format", "json"], { TZ: "America/Los_Angeles" });
    const after = isoDate(shanghaiDay(new Date()));
    expect([before, after]).toContain(parseReport(r.stdout).today);
  });
});

describe("settings stored in the workbook", () => {
  it("are used (合格线, fixed today), and flags win over them", async () => {
    const file = await variant("settings.xlsx", (b) =>
      b.writeSettings(settingsToRows({ ...DEFAULT_SETTINGS, threshold: 78, today: "2024-10-09" })),
    );
    const r = liaison(["check", file, "--format", "json"]);
    expect(r.stderr).toBe("");
    const report = parseReport(r.stdout);
    expect(report.today).toBe("2024-10-09");
    expect(at(report, "供应商评估表", "H3", "threshold")).toBeUndefined(); // 78 is not below 78
    expect(at(report, "供应商评估表", "H4", "threshold")?.message).toContain("78"); // 77 is
    expect(report.tables.map((t) => t.sheet)).not.toContain("Liaison设置");
    expect(parseReport(liaison(["check", file, "--today", "2024-10-08", "--format", "json"]).stdout).today).toBe("2024-10-08");
  });

  it("with a bad value: a warning line on stderr, the default used, the check still done", async () => {
    const file = await variant("bad-settings.xlsx", (b) =>
      b.writeSettings([
        ["threshold", "八十"],
        ["minQuotes", 2],
      ]),
    );
    const r = liaison(["check", file, "--today", "2024-10-08", "--format", "json"]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([
      expect.stringMatching(/^liaison：警告：工作簿设置：设置“合格线（分）”的值“八十”无效，已使用默认值“80”$/),
    ]);
    const report = parseReport(r.stdout);
    expect(at(report, "供应商评估表", "H3", "threshold")?.message).toContain("80");
  });
});

describe("liaison check --out", () => {
  it("writes an annotated copy with marks and a findings sheet; the input stays byte-identical", async () => {
    const out = path.join(dir, "marked.xlsx");
    const r = liaison(["check", book, "--today", "2024-10-08", "--format", "json", "--out", out]);
    expect(r.code).toBe(1);
    expect(readFileSync(book).equals(bookBytes)).toBe(true);
    const report = parseReport(r.stdout);
    const marked = new Set(report.findings.map((f) => `${f.sheet}!${f.cell}`)).size;
    expect(lines(r.stderr)).toEqual([`已写入标注副本 ${out}：${marked} 个单元格已标出，发现列在工作表“校验结果”。`]);

    const copy = await XlsxWorkbook.load(readFileSync(out));
    const cf = (sheet: string) =>
      (copy.workbook.getWorksheet(sheet) as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] })
        .conditionalFormattings;
    const marks = cf("供应商评估表").filter((b) => b.rules.some((rule) => rule.formulae.some((f) => f.includes(MARK_SIGNATURE))));
    expect(marks.map((b) => [b.ref, b.rules[0].formulae[0]])).toEqual([
      ["H4", 'N("liaison-mark:error")=0'],
      ["H3 H5", 'N("liaison-mark:warning")=0'],
    ]);

    const listing = copy.workbook.getWorksheet("校验结果")!;
    expect(listing.getRow(1).values).toEqual([undefined, "工作表", "单元格", "列", "规则", "级别", "说明"]);
    expect(listing.rowCount).toBe(report.findings.length + 1);
    const first = report.findings[0];
    expect(listing.getRow(2).values).toEqual([undefined, first.sheet, first.cell, first.column, first.rule, "错误", first.message]);

    // The copy checks the same: marks and the listing change no table.
    const again = parseReport(liaison(["check", out, "--today", "2024-10-08", "--format", "json"]).stdout);
    expect(again.findings).toEqual(report.findings);
    expect(again.tables).toEqual(report.tables);
  });

  it("of an annotated copy replaces the old marks and names its findings sheet anew", async () => {
    const first = path.join(dir, "m1.xlsx");
    const second = path.join(dir, "m2.xlsx");
    liaison(["check", book, "--today", "2024-10-08", "--out", first]);
    const r = liaison(["check", first, "--today", "2024-10-08", "--out", second, "--lang", "en-US"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/on the sheet "Check results"/);
    const copy = await XlsxWorkbook.load(readFileSync(second));
    expect(await copy.listSheets()).toEqual(expect.arrayContaining(["校验结果", "Check results"]));
    const sheet = copy.workbook.getWorksheet("供应商评估表") as unknown as { conditionalFormattings: unknown[] };
    expect(sheet.conditionalFormattings).toHaveLength(2);
  });

  it("marks what the pane marks: the run-wide calendar finding is listed, its cell not coloured (app/marks)", async () => {
    // A meeting in 2031: its working-day count meets a year the holiday data lacks.
    const file = await variant("cal.xlsx", (b) => {
      const ws = b.workbook.getWorksheet("沟通会议记录")!;
      ws.getCell("B2").value = "2031-10-01 10:00";
      ws.getCell("H2").value = "2031-10-04 10:00";
    });
    const out = path.join(dir, "cal-marked.xlsx");
    const r = liaison(["check", file, "--today", "2024-10-08", "--format", "json", "--out", out]);
    const report = parseReport(r.stdout);
    const calendar = report.findings.filter((f) => f.rule === "calendar");
    expect(calendar).toHaveLength(1);
    const marked = new Set(report.findings.filter((f) => f.rule !== "calendar").map((f) => `${f.sheet}!${f.cell}`));
    expect(marked.has(`${calendar[0].sheet}!${calendar[0].cell}`)).toBe(false);
    expect(lines(r.stderr)).toEqual([`已写入标注副本 ${out}：${marked.size} 个单元格已标出，发现列在工作表“校验结果”。`]);

    const copy = await XlsxWorkbook.load(readFileSync(out));
    const blocks = (copy.workbook.getWorksheet(calendar[0].sheet) as unknown as { conditionalFormattings: { ref: string }[] })
      .conditionalFormattings;
    const covered = blocks
      .flatMap((b) => b.ref.split(" "))
      .flatMap((a) => {
        const rect = parseRange(a)!;
        const cells: string[] = [];
        for (let row = rect.top; row <= rect.bottom; row++)
          for (let col = rect.left; col <= rect.right; col++) cells.push(cellAddress(col, row));
        return cells;
      });
    expect(covered).not.toContain(calendar[0].cell);
    expect(copy.workbook.getWorksheet("校验结果")!.rowCount).toBe(report.findings.length + 1);
  });

  it("writes nothing and prints nothing on stdout when the copy cannot be written", () => {
    const out = path.join(dir, "missing", "x.xlsx");
    const r = liaison(["check", book, "--today", "2024-10-08", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toHaveLength(1);
  });
});

describe("files that cannot be checked: exit 2, one line on stderr, no stack", () => {
  const zhText = "这是文本文件（CSV、HTML 或 XML 表格），不是 \\.xlsx 工作簿。请在 Excel/WPS 中打开并另存为 \\.xlsx 后再试。";
  const cases: [string, () => Promise<string> | string, RegExp][] = [
    ["a missing file", () => "nope.xlsx", /^liaison：找不到文件“nope\.xlsx”。$/],
    // A folder is checked workbook by workbook since `check` takes folders (test/cli/check-folder.test.ts).
    [
      "a text file",
      () => {
        writeFileSync(path.join(dir, "notes.xlsx"), "项目名称，协作部门\n");
        return "notes.xlsx";
      },
      new RegExp(`^liaison：notes\\.xlsx：${zhText}$`),
    ],
    [
      "a damaged workbook",
      () => {
        writeFileSync(path.join(dir, "half.xlsx"), bookBytes.subarray(0, Math.floor(bookBytes.length / 2)));
        return "half.xlsx";
      },
      /^liaison：half\.xlsx：无法读取该文件/,
    ],
    [
      "an encrypted workbook",
      () => {
        const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
        writeFileSync(
          path.join(dir, "locked.xlsx"),
          Buffer.from([...sig, ...new Array(504).fill(0), ...Buffer.from("EncryptionInfo", "utf16le")]),
        );
        return "locked.xlsx";
      },
      /^liaison：locked\.xlsx：该工作簿设有打开密码/,
    ],
    [
      "an old .xls",
      () => {
        const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
        writeFileSync(path.join(dir, "old.xls"), Buffer.from([...sig, ...new Array(504).fill(0), ...Buffer.from("Workbook", "utf16le")]));
        return "old.xls";
      },
      /^liaison：old\.xls：这是旧版 \.xls 格式的工作簿，无法读取。请在 Excel\/WPS 中另存为 \.xlsx 后再试。$/,
    ],
    [
      "an .ods",
      () => {
        writeFileSync(
          path.join(dir, "calc.ods"),
          zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"), "content.xml": strToU8("<x/>") }),
        );
        return "calc.ods";
      },
      /^liaison：calc\.ods：这是 OpenDocument 电子表格（\.ods），不是 \.xlsx。/,
    ],
    [
      "a workbook without a known table",
      async () => {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet("Sheet1").getRow(1).values = ["姓名", "电话"];
        await wb.xlsx.writeFile(path.join(dir, "other.xlsx"));
        return "other.xlsx";
      },
      /^liaison：“other\.xlsx”中没有找到任何已知模板的表格/,
    ],
  ];
  it.each(cases)("%s", async (_what, make, message) => {
    const file = await make();
    const r = liaison(["check", file, "--today", "2024-10-08"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toHaveLength(1);
    expect(lines(r.stderr)[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("says the same in English", () => {
    writeFileSync(path.join(dir, "half-en.xlsx"), bookBytes.subarray(0, Math.floor(bookBytes.length / 2)));
    const r = liaison(["check", "half-en.xlsx", "--lang", "en-US"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("liaison: half-en.xlsx: The file cannot be read: it is not a valid .xlsx workbook, or it is damaged.\n");
    expect(cliMessages["en-US"].noKnownTable).toContain("{file}");
  });
});

describe("a large workbook", () => {
  it("checks 100 000 rows × 12 columns in reasonable time", async () => {
    const file = path.join(dir, "big.xlsx");
    // The streaming writer: building 1.2 million cells in memory first would dominate the test.
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
    const ws = wb.addWorksheet("进度");
    ws.addRow([
      "合作项目",
      "合作伙伴",
      "项目阶段",
      "我方负责人",
      "合作伙伴负责人",
      "计划完成时间",
      "实际完成时间",
      "提交时间",
      "我方反馈时间",
      "交付物",
      "问题及解决方案",
      "下一步计划",
    ]).commit();
    const jan1 = Date.UTC(2024, 0, 1);
    for (let i = 0; i < 100_000; i++) {
      const d = new Date(jan1 + (i % 300) * 86_400_000);
      const row = ws.addRow([
        `项目${i % 500}`,
        `伙伴${i % 50}`,
        `阶段${i % 7}`,
        "张三",
        "李四",
        d,
        i % 3 ? d : null,
        i % 5 ? "2024-03-01" : "05-20",
        null,
        `交付物${i}`,
        i % 4 ? "无" : "问题",
        "下一步",
      ]);
      row.getCell(6).numFmt = "yyyy-mm-dd";
      row.getCell(7).numFmt = "yyyy-mm-dd";
      row.commit();
    }
    ws.commit();
    await wb.commit();

    const started = Date.now();
    const r = liaison(["check", file, "--today", "2024-10-08", "--format", "json"]);
    const seconds = (Date.now() - started) / 1000;
    expect(r.stderr).toBe("");
    const report = parseReport(r.stdout);
    expect(r.code).toBe(report.summary.error > 0 ? 1 : 0);
    expect(report.tables).toEqual([
      { sheet: "进度", template: "partner-progress", headerRow: 1, rows: 100_000, range: "A1:L100001", skippedRows: [] },
    ]);
    // Row 2: planned 2024-01-01, not done (i % 3 === 0) → escalation; the year-less 05-20 in row 2 → type warning.
    expect(at(report, "进度", "F2", "escalation")).toBeDefined();
    expect(at(report, "进度", "H2", "type")?.severity).toBe("warning");
    expect(seconds).toBeLessThan(60);
  }, 240_000);
});

describe("output that cannot be written, and copies that keep the file type", () => {
  it("ends quietly when stdout is closed early (`| head`)", () => {
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${BIN}" check "${book}" --today 2024-10-08 --format json | head -c 20`], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, LIAISON_LANG: "" },
    });
    expect(r.stdout).toHaveLength(20);
    expect(r.stderr).toBe("");
  });

  it("a report that cannot be written (a full disk) is one line and exit 2", () => {
    const full = openSync("/dev/full", "w");
    try {
      const r = spawnSync(process.execPath, [BIN, "check", book, "--today", "2024-10-08", "--format", "json"], {
        cwd: dir,
        encoding: "utf8",
        stdio: ["ignore", full, "pipe"],
        env: { ...process.env, LIAISON_LANG: "" },
      });
      expect(r.status).toBe(2);
      expect(lines(r.stderr)).toEqual(["liaison：无法写出结果（ENOSPC）。"]);
    } finally {
      closeSync(full);
    }
  });

  it("an .xlsm keeps its type: --out must be .xlsm, and the VBA project comes out byte for byte", () => {
    const vba = new Uint8Array(Array.from({ length: 600 }, (_, i) => (i * 7) & 0xff));
    const input = path.join(dir, "macro.xlsm");
    writeFileSync(
      input,
      xlsxBook({
        sheets: [{ name: "待办事项", xml: worksheet(textRow(1, [...ACTION_HEADER]) + textRow(2, ["整理纪要", null, null, "进行中"])) }],
        workbookContentType: CT.xlsm,
        workbookRels: [{ id: "rIdVba", type: T.vbaProject, target: "vbaProject.bin" }],
        parts: { "xl/vbaProject.bin": vba },
        defaults: { bin: CT.vba },
      }),
    );
    const wrong = liaison(["check", input, "--today", "2024-10-08", "--out", path.join(dir, "macro-marked.xlsx")]);
    expect(wrong.code).toBe(2);
    expect(lines(wrong.stderr)).toEqual([expect.stringMatching(/^liaison：--out 的文件“.*macro-marked\.xlsx”须以 \.xlsm 结尾/)]);
    const out = path.join(dir, "macro-marked.xlsm");
    const r = liaison(["check", input, "--today", "2024-10-08", "--out", out, "--format", "json"]);
    expect(r.code).toBe(1);
    const parts = unzipSync(readFileSync(out));
    expect(Buffer.from(parts["xl/vbaProject.bin"]).equals(Buffer.from(vba))).toBe(true);
    expect(strFromU8(parts["[Content_Types].xml"])).toContain(CT.xlsm);
  });
});
