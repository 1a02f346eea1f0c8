import type { OoxmlWorkbook } from "../workbook/ooxml/workbook";
import { CliError } from "./errors";
import { hasExtension } from "./io";

/**
 * A patched copy (`check --out`, `generate --out`) keeps its package's type, so it must keep the
 * extension of that type: Excel opens a package only under its own type's extension (an .xlsm
 * saved as .xlsx is refused, and its macros with it).
 */

/** The extension a copy of this workbook needs: Excel opens a package only under its own type's extension. */
const KINDS: readonly { readonly type: string; readonly ext: string }[] = [
  { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", ext: ".xlsx" },
  { type: "application/vnd.ms-excel.sheet.macroEnabled.main+xml", ext: ".xlsm" },
  { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml", ext: ".xltx" },
  { type: "application/vnd.ms-excel.template.macroEnabled.main+xml", ext: ".xltm" },
];

export function copyExtensionFits(book: OoxmlWorkbook, out: string): void {
  const kind = KINDS.find((k) => k.type === book.contentType);
  if (kind && !hasExtension(out, kind.ext)) throw new CliError("outTypeMismatch", { file: out, ext: kind.ext, kind: kind.ext });
}
