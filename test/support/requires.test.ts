import path from "node:path";
import { describeWhen, requireFile, requireTool, testWhen, underCi } from "./requires";

/** The policy every tool-needing test file relies on: skip with a note locally, fail under CI. */
describe("test/support/requires", () => {
  const saved = process.env.CI;
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterEach(() => {
    warn.mockRestore();
    if (saved === undefined) delete process.env.CI;
    else process.env.CI = saved;
  });

  it("reads CI as Jest and npm do", () => {
    expect(["true", "1", "yes", ""].map((v) => underCi({ CI: v }))).toEqual([true, true, true, false]);
    expect([underCi({}), underCi({ CI: "false" }), underCi({ CI: "0" })]).toEqual([false, false, false]);
  });

  it("finds a program by absolute path or on PATH", () => {
    expect(requireTool("Node.js", ["/no/such/node", process.execPath], "-")).toBe(process.execPath);
    expect(requireTool("sh", "sh", "-")).toMatch(/[/\\]sh$/);
    expect(requireFile("this file", __filename, "-")).toBe(__filename);
  });

  it("skips with a note saying what to install when a tool is missing outside CI", () => {
    delete process.env.CI;
    expect(requireTool("Frobnicator", ["frobnicate-x9", "/no/such/frob"], "Install frob.")).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/Frobnicator not found \(looked for frobnicate-x9, \/no\/such\/frob\)\. Install frob\./),
    );
    expect(describeWhen(undefined)).toBe(describe.skip);
    expect(testWhen("x", undefined)).toBe(test.skip);
    expect(describeWhen("x", "y")).toBe(describe);
  });

  it("fails with that message under CI instead of skipping", () => {
    process.env.CI = "true";
    expect(() => requireTool("Frobnicator", "frobnicate-x9", "Install frob.")).toThrow(
      /^CI=true: Frobnicator not found \(looked for frobnicate-x9\)\. Install frob\. .*not a skip/,
    );
    expect(() => requireFile("the shared folder", path.join(__dirname, "no-such-file"), "Copy it.")).toThrow(
      /CI=true: the shared folder not found/,
    );
    expect(warn).not.toHaveBeenCalled();
  });
});
