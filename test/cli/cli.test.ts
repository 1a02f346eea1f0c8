import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TEMPLATES } from "../../src/core/templates";
import { XlsxWorkbook } from "../../src/workbook/exceljs/adapter";

/**
 * The real entry: bin/liaison.js running the esbuild bundle, as `npx liaison` does after `npm ci`.
 * Jest's globalSetup (test/support/global-setup.ts) rebuilt the bundle from the current sources.
 */
const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "liaison.js");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "liaison-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function liaison(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, LIAISON_LANG: "", LIAISON_DEBUG: "", ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (text: string): string[] => text.split("\n").filter((l) => l !== "");

describe("liaison template", () => {
  it("writes every template with its examples as an Excel table in a new workbook", async () => {
    const out = path.join(dir, "all.xlsx");
    const r = liaison(["template", "all", "--examples", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[0]).toContain(out);
    const found = await (await XlsxWorkbook.load(readFileSync(out))).findTables();
    expect(found.map((f) => [f.templateId, f.kind, f.rows])).toEqual(TEMPLATES.map((t) => [t.id, "table", t.examples.length]));
  });

  it("writes the templates asked for, once each, and replaces an existing output file", async () => {
    const out = path.join(dir, "two.xlsx");
    writeFileSync(out, "old content");
    const r = liaison(["template", "quotes", "meetings", "quotes", "--out", out, "--lang", "en-US"]);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[0]).toBe(`Wrote ${out}: 2 template table(s).`);
    const found = await (await XlsxWorkbook.load(readFileSync(out))).findTables();
    expect(found.map((f) => [f.templateId, f.rows])).toEqual([
      ["quotes", 0],
      ["meetings", 0],
    ]);
    expect(existsSync(path.join(dir, `.two.xlsx.${r.code}.tmp`))).toBe(false);
  });
});

describe("help and version", () => {
  it.each([[["--help"]], [["-h"]], [["help"]], [["--lang", "en-US", "--help"]]])("%j prints the overview and exits 0", (args) => {
    const r = liaison(args);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("liaison template");
    expect(r.stdout).toContain("liaison check");
    expect(r.stdout).toContain("liaison generate");
  });

  it.each(["template", "check", "generate"])("%s --help prints that command's help", (command) => {
    for (const args of [
      [command, "--help"],
      ["help", command],
    ]) {
      const r = liaison(args);
      expect(r.code).toBe(0);
      expect(r.stdout.split("\n")[0]).toMatch(new RegExp(`liaison ${command}`));
    }
    expect(liaison(["template", "-h"]).stdout).toContain("supplier-evaluation");
  });

  it("--version prints the package version", () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(liaison(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });
});

describe("argument errors: exit 2, one line on stderr pointing at --help, no stack", () => {
  const cases: [string[], RegExp][] = [
    [[], /缺少命令/],
    [["bogus"], /未知命令“bogus”/],
    [["--bogus"], /未知选项“--bogus”/],
    [["template"], /缺少模板 id/],
    [["template", "all"], /缺少必需的选项 --out/],
    [["template", "all", "--out"], /选项 --out 需要一个值/],
    [["template", "all", "--out", "--examples"], /选项 --out 需要一个值/],
    [["template", "all", "--out", "x.txt"], /须以 \.xlsx 结尾/],
    [["template", "nope", "--out", "x.xlsx"], /未知模板“nope”.*collab-request/],
    [["template", "all", "--out", "x.xlsx", "--examples=yes"], /不带值/],
    [["template", "all", "--out", "a.xlsx", "--out", "b.xlsx"], /只能给一次/],
    [["template", "all", "--out", "x.xlsx", "--bogus"], /命令 template 没有选项“--bogus”/],
    [["template", "all", "--out", "x.xlsx", "--lang", "fr"], /不支持的语言“fr”/],
    [["--lang", "fr", "--help"], /不支持的语言“fr”/],
    [["check"], /缺少要处理的 \.xlsx 文件/],
    // `check a.xlsx b.xlsx` checks both (test/cli/check-folder.test.ts).
    [["check", "a.xlsx", "--today", "2024-02-30"], /--today 的值“2024-02-30”无效/],
    [["check", "a.xlsx", "--now", "2024-05-20"], /--now 的值/],
    [["check", "a.xlsx", "--today", "2024-05-21", "--now", "2024-05-20 09:00"], /不是同一天/],
    [["check", "a.xlsx", "--format", "xml"], /不支持的输出格式“xml”/],
    [["check", "a.xlsx", "--out", "a.xlsx"], /不能是输入文件本身/],
    [["check", "a.xlsx", "--out", "./sub/../a.xlsx"], /不能是输入文件本身/],
    [["generate"], /缺少文书类型/],
    [["generate", "memo", "a.xlsx"], /未知文书类型“memo”/],
    [["generate", "minutes", "a.xlsx", "--rows", "5", "--out", "o.docx"], /缺少必需的选项 --sheet/],
    [["generate", "minutes", "a.xlsx", "--sheet", "会议", "--out", "o.docx"], /缺少必需的选项 --rows/],
    [["generate", "minutes", "a.xlsx", "--sheet", "会议", "--rows", "9-7", "--out", "o.docx"], /--rows 的值“9-7”无效/],
    [["generate", "minutes", "a.xlsx", "--sheet", "会议", "--rows", "5,,7", "--out", "o.docx"], /--rows 的值/],
    [["generate", "minutes", "a.xlsx", "--sheet", "会议", "--rows", "5", "--out", "o.txt"], /须以 \.xlsx、\.docx 或 \.pdf 结尾/],
    [["generate", "minutes", "a.xlsx", "--sheet", "会议", "--rows", "5", "--out", "a.xlsx"], /不能是输入文件本身/],
    [
      [
        "generate",
        "minutes",
        "a.xlsx",
        "--sheet",
        "会议",
        "--rows",
        "5",
        "--out",
        "o.docx",
        "--today",
        "2024-05-21",
        "--now",
        "2024-05-20 09:00",
      ],
      /不是同一天/,
    ],
  ];
  it.each(cases)("%j", (args, message) => {
    const r = liaison(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^liaison：/);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/liaison( \w+)? --help 查看用法/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("speaks English with --lang en-US (anywhere on the line) or LIAISON_LANG", () => {
    expect(liaison(["template", "--lang", "en-US"]).stderr).toBe(
      "liaison: No template id given. Give one or more template ids, or all. Run liaison template --help for usage.\n",
    );
    expect(liaison(["--lang=en-US", "bogus"]).stderr).toMatch(/^liaison: Unknown command "bogus"/);
    expect(liaison(["bogus"], { LIAISON_LANG: "en-US" }).stderr).toMatch(/^liaison: Unknown command "bogus"/);
    expect(liaison(["bogus"], { LANG: "en_US.UTF-8" }).stderr).toMatch(/^liaison：未知命令/);
  });
});

describe("file errors: exit 2, one line", () => {
  it("reports an output folder that does not exist", () => {
    const r = liaison(["template", "all", "--out", path.join(dir, "missing", "x.xlsx")]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      `liaison：无法写入“${path.join(dir, "missing", "x.xlsx")}”：文件夹“${path.join(dir, "missing")}”不存在。`,
    ]);
  });

  it("generate validates its arguments, then reports a missing input file", () => {
    const r = liaison([
      "generate",
      "reminder",
      "a.xlsx",
      "--sheet",
      "待办事项",
      "--rows",
      "2-4,7",
      "--out",
      "r.docx",
      "--today",
      "2024-05-20",
    ]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^liaison：.*a\.xlsx/);
  });
});

describe("bin/liaison.js", () => {
  it("says how to build the command line when the bundle is missing", () => {
    const fake = path.join(dir, "fake");
    mkdirSync(path.join(fake, "bin"), { recursive: true });
    copyFileSync(BIN, path.join(fake, "bin", "liaison.js"));
    const r = spawnSync(process.execPath, [path.join(fake, "bin", "liaison.js"), "--help"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain("npm run build:cli");
  });

  it("is what `npx liaison` runs in this repository", () => {
    const r = spawnSync("npx", ["--no-install", "liaison", "--version"], {
      cwd: ROOT,
      encoding: "utf8",
      shell: process.platform === "win32",
    });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
