/**
 * Every user-visible string of the front ends lives in a message catalog (src/core/i18n/messages),
 * in both languages. This test fails when Chinese text is written into the task pane, the preview
 * page or the ribbon commands directly: any string literal, template literal or JSX text with a
 * CJK character, comments excepted (they are parsed away by the TypeScript scanner). Regular
 * expressions are not text shown to anyone: they read what people type (全角 digits, 年/月/日).
 *
 * Allowed, with the reason beside each: data that belongs to a workbook, not to the interface.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const root = path.resolve(__dirname, "../..");
const SCANNED = ["src/taskpane", "src/preview", "src/commands"];
const ALLOWED: Readonly<Record<string, string>> = {
  // The preview's starting sheet: a range "typed by hand" from the Chinese manual, i.e. a user's
  // workbook content (as template data in src/core/templates is), shown as typed in either language.
  "src/preview/sample.ts": "workbook data",
};
/** Han ideographs, CJK punctuation and full-width forms: text that would need translating. */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [full] : [];
  });
}

/** Each literal or JSX text with CJK in it, as `path:line: text`. */
export function cjkLiterals(file: string, source: string): string[] {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    let text: string | undefined;
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) text = node.text;
    else if (ts.isJsxText(node)) text = node.text;
    if (text !== undefined && CJK.test(text)) {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      found.push(`${file}:${line}: ${text.trim().slice(0, 60)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe("no interface text outside the message catalogs", () => {
  it("finds Chinese literals (the detector itself)", () => {
    const sample = [
      "// 注释里的中文不算",
      "/* 块注释也不算 */",
      'const a = "校验";',
      "const b = `共 ${n} 行`;",
      "const c = <Button>插入</Button>;",
      'const d = <Field label={"名称"} />;',
      'const e = "plain English";',
      "const f = /[年月日]/;",
    ].join("\n");
    expect(cjkLiterals("x.tsx", sample)).toEqual(["x.tsx:3: 校验", "x.tsx:4: 共", "x.tsx:4: 行", "x.tsx:5: 插入", "x.tsx:6: 名称"]);
  });

  it.each(SCANNED)("%s has none", (dir) => {
    const offenders = files(path.join(root, dir)).flatMap((full) => {
      const rel = path.relative(root, full).split(path.sep).join("/");
      if (ALLOWED[rel]) return [];
      return cjkLiterals(rel, readFileSync(full, "utf8"));
    });
    expect(offenders).toEqual([]);
  });
});
