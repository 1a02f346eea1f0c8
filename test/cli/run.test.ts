import { cliMessages } from "../../src/core/i18n/messages/cli";
import { messageLang, run, type CliIo } from "../../src/cli/run";

/** run() in process, for what the child-process tests cannot provoke: a bug inside the CLI. */
async function runWith(argv: string[], overrides: Partial<CliIo> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run({
    argv,
    env: {},
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stdoutIsTTY: false,
    version: "9.9.9",
    ...overrides,
  });
  return { code, stdout, stderr };
}

describe("run", () => {
  const failingStdout = (): never => {
    throw new TypeError("stdout exploded");
  };

  it("reports an unexpected error as a bug: message and a bug line, exit 2, no stack", async () => {
    const r = await runWith(["--help"], { stdout: failingStdout });
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n").filter(Boolean)).toEqual(["liaison 内部错误：stdout exploded", cliMessages["zh-CN"].bugNotice]);
  });

  it("adds the stack with LIAISON_DEBUG=1", async () => {
    const r = await runWith(["--version"], { stdout: failingStdout, env: { LIAISON_DEBUG: "1" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/TypeError: stdout exploded\n\s+at /);
  });

  it("prints the version", async () => {
    expect(await runWith(["--version"])).toEqual({ code: 0, stdout: "9.9.9\n", stderr: "" });
  });

  it("picks the message language from --lang, then LIAISON_LANG, never from LANG", () => {
    expect(messageLang(["template", "--lang", "en-US"], {})).toBe("en-US");
    expect(messageLang(["--lang=EN-us", "x"], {})).toBe("en-US");
    expect(messageLang(["--lang", "fr"], { LIAISON_LANG: "en-US" })).toBe("en-US");
    expect(messageLang(["--", "--lang", "en-US"], {})).toBe("zh-CN");
    expect(messageLang([], { LIAISON_LANG: "en-US" })).toBe("en-US");
    expect(messageLang([], { LANG: "en_US.UTF-8" })).toBe("zh-CN");
  });

  it("has every CLI message in both languages", () => {
    expect(Object.keys(cliMessages["en-US"]).sort()).toEqual(Object.keys(cliMessages["zh-CN"]).sort());
  });
});
