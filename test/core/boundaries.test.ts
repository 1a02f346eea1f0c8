/**
 * The core stands alone (issue 9): every import in src/core stays inside src/core, apart from the
 * few pure data libraries listed here. Together with tsconfig.core.json (no DOM, no Node types,
 * compiled in `npm run typecheck`) this keeps Office, ExcelJS, React, the DOM and Node out of it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { sourceFiles as files, specifiers } from "../support/imports";

const CORE = path.resolve(__dirname, "../../src/core");
/** Pure libraries the core may use: schemas, Chinese conversion tables, holiday data. */
const ALLOWED_PACKAGES = [/^zod$/, /^opencc-js(\/|$)/, /^chinese-days\/dist\/chinese-days\.json$/];

describe("src/core imports nothing from outside it", () => {
  it("finds the imports it checks (the scanner itself works)", () => {
    expect(specifiers('import { a } from "../x";\nexport { b } from "./y";\nconst c = import("z");')).toEqual(["../x", "./y", "z"]);
  });

  it.each(files(CORE).map((f) => [path.relative(CORE, f), f]))("%s", (_name, file) => {
    const outside = specifiers(readFileSync(file, "utf8")).filter((spec) =>
      spec.startsWith(".")
        ? !path.resolve(path.dirname(file), spec).startsWith(CORE + path.sep)
        : !ALLOWED_PACKAGES.some((p) => p.test(spec)),
    );
    expect(outside).toEqual([]);
  });
});
