import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { actionItemsBook } from "../core/remind/fixtures";

/**
 * `liaison check <folder>` from the built CLI (dist/cli/liaison.cjs + check-worker.cjs): every
 * .xlsx of the folder, read by worker threads, one report over all; files that cannot be read are
 * reported and skipped.
 */
const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "liaison.js");
let dir: string;

beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: ROOT, stdio: "pipe" });
  dir = mkdtempSync(path.join(os.tmpdir(), "liaison-folder-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function liaison(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, LIAISON_LANG: "", LIAISON_DEBUG: "", LIAISON_WORKERS: "", ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** An OLE compound file with an EncryptionInfo stream: what Excel writes for a workbook with an open password. */
function encryptedFile(): Buffer {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return Buffer.from([...sig, ...new Array<number>(504).fill(0), ...Buffer.from("EncryptionInfo", "utf16le"), 0, 0]);
}

interface ManyReport {
  today: string;
  files: ({ file: string; error: string } | { file: string; summary: { error: number }; findings: { rule: string }[] })[];
  summary: { error: number; warning: number; info: number };
}

describe("check over a folder", () => {
  let folder: string;
  let writer: ChildProcess | undefined;

  beforeAll(async () => {
    folder = path.join(dir, "项目");
    mkdirSync(path.join(folder, "子目录"), { recursive: true });
    const good = path.join(dir, "good.xlsx");
    writeFileSync(good, await actionItemsBook([["提交排期表", "刘强", "2024-09-30", "进行中"]]));
    for (let i = 0; i < 200; i++) copyFileSync(good, path.join(folder, i % 2 ? "子目录" : ".", `book${String(i).padStart(3, "0")}.xlsx`));
    writeFileSync(path.join(folder, "corrupt.xlsx"), "PK\u0003\u0004 not really a zip");
    writeFileSync(path.join(folder, "encrypted.xlsx"), encryptedFile());
    writeFileSync(path.join(folder, "~$book000.xlsx"), "owner file of an open workbook");
    writeFileSync(path.join(folder, "notes.txt"), "not a workbook");
  });
  afterEach(() => {
    writer?.kill();
    writer = undefined;
    rmSync(path.join(folder, "writing.xlsx"), { force: true });
  });

  it("checks every workbook with one worker per core, reports each file, skips the broken ones with a line each", () => {
    // A file being written while the check runs: another process appends to it every 50 ms.
    const growing = path.join(folder, "writing.xlsx");
    writeFileSync(growing, "PK");
    writer = spawn(
      process.execPath,
      ["-e", `const fs=require("fs");setInterval(()=>fs.appendFileSync(${JSON.stringify(growing)},"x"),50)`],
      { stdio: "ignore" },
    );

    const r = liaison(["check", folder, "--today", "2024-10-08", "--format", "json"]);
    const report = JSON.parse(r.stdout) as ManyReport;
    expect(report.files).toHaveLength(203);
    const failed = report.files.filter((f): f is { file: string; error: string } => "error" in f);
    expect(failed.map((f) => f.file)).toEqual(["corrupt.xlsx", "encrypted.xlsx", "writing.xlsx"]);
    expect(failed[1].error).toContain("加密");
    expect(failed[2].error).toContain("正在被写入");
    const checked = report.files.filter((f): f is Extract<ManyReport["files"][number], { summary: unknown }> => !("error" in f));
    expect(checked).toHaveLength(200);
    expect(checked.map((f) => f.file)).toContain("子目录/book001.xlsx");
    expect(checked.every((f) => f.findings.some((x) => x.rule === "escalation"))).toBe(true);
    expect(report.summary.error).toBe(200);
    expect(r.code).toBe(1);

    const cores = os.availableParallelism();
    const lines = r.stderr.split("\n").filter((l) => l !== "");
    expect(lines).toContain(`liaison：用${cores}个工作线程读取203个工作簿。`);
    expect(lines.filter((l) => l.startsWith("liaison：已跳过 "))).toHaveLength(3);
    expect(lines).toContain(
      `liaison：注意：${path.join(folder, "book000.xlsx")} 正在 Excel 或 WPS 中打开（有锁文件 ~$book000.xlsx），检查的是它最后保存的内容。`,
    );
  });

  it("gives each file the same report as checking it alone", () => {
    const alone = JSON.parse(liaison(["check", path.join(folder, "book000.xlsx"), "--today", "2024-10-08", "--format", "json"]).stdout) as {
      file: string;
    };
    const many = JSON.parse(
      liaison(["check", path.join(folder, "book000.xlsx"), path.join(folder, "book002.xlsx"), "--today", "2024-10-08", "--format", "json"])
        .stdout,
    ) as ManyReport;
    expect(many.files[0]).toEqual(alone);
    expect(alone.file).toBe("book000.xlsx");
  });

  it("prints one section per file in text, then the totals", () => {
    const r = liaison(
      ["check", path.join(folder, "book000.xlsx"), path.join(folder, "corrupt.xlsx"), "--today", "2024-10-08", "--format", "text"],
      { LIAISON_WORKERS: "1" },
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^检查 book000\.xlsx/);
    expect(r.stdout).toContain("corrupt.xlsx\n无法检查：");
    expect(r.stdout.trim().split("\n").pop()).toBe("共2个工作簿：已检查1个，无法检查1个；错误1条，警告0条，提示0条。");
    expect(r.stderr).toContain("liaison：用1个工作线程读取2个工作簿。");
  });

  it("exits 2 when no workbook could be checked, and for a folder without any", () => {
    const bad = path.join(dir, "bad");
    mkdirSync(bad);
    writeFileSync(path.join(bad, "a.xlsx"), "junk");
    const r = liaison(["check", bad, "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("liaison：没有一个工作簿可以检查（共1个）。");
    const empty = path.join(dir, "empty");
    mkdirSync(empty);
    const e = liaison(["check", empty]);
    expect(e.code).toBe(2);
    expect(e.stderr).toBe(`liaison：“${empty}”中没有 .xlsx 文件。\n`);
  });

  it("remind takes the folder too: the items of every readable workbook, the broken ones skipped", () => {
    const r = liaison(["remind", folder, "--to", "wecom", "--dry-run", "--today", "2024-10-08"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("—— 预览（--dry-run，未发送）：企业微信 第1/");
    expect(r.stdout).toContain("提交排期表｜截止2024年9月30日，已逾期8天｜子目录/book001.xlsx › 待办事项 › 第2行");
    expect(r.stderr.split("\n").filter((l) => l.startsWith("liaison：已跳过 "))).toHaveLength(2);
  });
});
