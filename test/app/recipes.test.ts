/**
 * docs/developers.md "How to add a use case": its example block compiles as `src/app/count-errors.ts`
 * (type-checked against the real sources, nothing written into src/) and runs on a workbook.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import type { Lang } from "../../src/core/i18n";
import type { ValidationReader } from "../../src/app/validate/run";
import { XlsxWorkbook } from "../../src/workbook/exceljs/adapter";

const ROOT = path.resolve(__dirname, "../..");
const GUIDE = readFileSync(path.join(ROOT, "docs/developers.md"), "utf8");
const AS = path.join(ROOT, "src/app/count-errors.ts");

function block(tag: string): string {
  const m = new RegExp("```ts " + tag + "\\n([\\s\\S]*?)```").exec(GUIDE);
  if (!m) throw new Error(`no \`\`\`ts ${tag} block in docs/developers.md`);
  return m[1];
}

/** Type errors of `source` compiled as if it were the file `as`, with the project's options. */
function typeErrors(source: string, as: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, "tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  // No ambient @types (Office, Jest, Node): a use case needs none, and the check stays quick.
  const options = { ...config!.options, noEmit: true, types: [], skipLibCheck: true };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) =>
    path.resolve(file) === as ? ts.createSourceFile(file, source, language) : read(file, language, ...rest);
  host.fileExists = (
    (exists) => (file: string) =>
      path.resolve(file) === as || exists(file)
  )(host.fileExists.bind(host));
  const program = ts.createProgram([as], options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(as)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("the use-case recipe", () => {
  const source = block("use-case");

  it("compiles as src/app/count-errors.ts", () => {
    expect(typeErrors(source, AS)).toEqual([]);
  });

  it("runs: counts a workbook's errors through the validation use case", async () => {
    // Its relative imports pointed at src/app, so that the copy in a temp folder loads the real modules.
    const dir = mkdtempSync(path.join(tmpdir(), "liaison-recipe-"));
    try {
      const file = path.join(dir, "count-errors.ts");
      writeFileSync(
        file,
        source.replace(/from "(\.[^"]+)"/g, (_m, spec: string) => `from "${path.join(ROOT, "src/app", spec)}"`),
      );
      const { countErrors } = (await import(file)) as {
        countErrors: (port: ValidationReader, lang: Lang) => Promise<{ errors: number; problems: readonly string[] }>;
      };
      const book = XlsxWorkbook.create();
      await book.insertTemplate("supplier-evaluation", { examples: true });
      const { report } = await (await import("../../src/app/validate/run")).checkWorkbook(book, { scope: { kind: "all" }, lang: "zh-CN" });
      expect(report.summary.error).toBeGreaterThan(0);
      expect(await countErrors(book, "zh-CN")).toEqual({ errors: report.summary.error, problems: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
