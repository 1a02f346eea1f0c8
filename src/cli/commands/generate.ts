import type { DayNumber, MinuteNumber } from "../../core/cells/types";
import { MAX_ROWS } from "../../core/a1";
import { COMMON_OPTIONS, parseCommandArgs } from "../args";
import { CliError } from "../errors";
import { COPY_EXTENSIONS } from "./check";
import { hasExtension } from "../io";
import { inputFile, langValue, noExtraArguments, notInput, nowValue, requiredString, rowsValue, todayValue } from "../options";

/**
 * `liaison generate <minutes|notice|reminder> <file.xlsx> --sheet <name> --rows <5,7-9>
 *  --out <file.xlsx|file.docx|file.pdf> [--template <company.docx>] [--today …] [--now …]`
 */

export const GENERATE_USAGE = "liaison generate";

export const DOCUMENT_KINDS = ["minutes", "notice", "reminder"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const OPTIONS = {
  ...COMMON_OPTIONS,
  sheet: { type: "string" },
  rows: { type: "string" },
  out: { type: "string" },
  template: { type: "string" },
  today: { type: "string" },
  now: { type: "string" },
} as const;

export interface GenerateArgs {
  readonly command: "generate";
  readonly kind: DocumentKind;
  readonly file: string;
  readonly sheet: string;
  /** Sheet row numbers (1-based), sorted, without repeats. */
  readonly rows: readonly number[];
  readonly out: string;
  readonly outKind: "xlsx" | "docx" | "pdf";
  /** The company's own Word template (`.docx` with placeholders), for .docx and .pdf output. */
  readonly template?: string;
  /** Fixed clock, as for `check`; with --now alone, today is its date. */
  readonly today?: DayNumber;
  readonly now?: MinuteNumber;
}

export function parseGenerateArgs(args: readonly string[]): GenerateArgs | "help" {
  const parsed = parseCommandArgs(args, OPTIONS, GENERATE_USAGE, "generate");
  if (parsed.flags.has("help")) return "help";
  langValue(parsed.strings.get("lang"), GENERATE_USAGE);
  const [kindText, fileText, ...rest] = parsed.positionals;
  if (kindText === undefined) throw new CliError("missingKind", {}, GENERATE_USAGE);
  const kind = DOCUMENT_KINDS.find((k) => k === kindText.toLowerCase());
  if (!kind) throw new CliError("unknownKind", { kind: kindText }, GENERATE_USAGE);
  const file = inputFile(fileText, GENERATE_USAGE);
  noExtraArguments(rest, GENERATE_USAGE);

  const sheet = requiredString(parsed.strings.get("sheet"), "--sheet", GENERATE_USAGE);
  if (sheet.trim() === "") throw new CliError("emptySheetName", {}, GENERATE_USAGE);
  const rows = rowsValue(requiredString(parsed.strings.get("rows"), "--rows", GENERATE_USAGE), GENERATE_USAGE, MAX_ROWS);
  const out = requiredString(parsed.strings.get("out"), "--out", GENERATE_USAGE);
  // A workbook copy keeps its input's type (.xlsm, .xltx …: checked against the input when it is read).
  const outKind = COPY_EXTENSIONS.some((e) => hasExtension(out, e))
    ? "xlsx"
    : hasExtension(out, ".docx")
      ? "docx"
      : hasExtension(out, ".pdf")
        ? "pdf"
        : undefined;
  if (!outKind) throw new CliError("outNotXlsxOrDocx", { file: out }, GENERATE_USAGE);
  notInput(out, file, GENERATE_USAGE);
  const template = parsed.strings.get("template");
  if (template !== undefined) {
    if (!hasExtension(template, ".docx")) throw new CliError("templateNotDocx", { file: template }, GENERATE_USAGE);
    if (outKind === "xlsx") throw new CliError("templateNeedsWordOut", {}, GENERATE_USAGE);
  }
  let today = todayValue(parsed.strings.get("today"), GENERATE_USAGE);
  const now = nowValue(parsed.strings.get("now"), GENERATE_USAGE);
  if (now !== undefined) {
    const nowDay = Math.floor(now / 1440);
    if (today !== undefined && today !== nowDay)
      throw new CliError(
        "todayNowDisagree",
        { today: parsed.strings.get("today") ?? "", now: parsed.strings.get("now") ?? "" },
        GENERATE_USAGE,
      );
    today = nowDay;
  }
  return {
    command: "generate",
    kind,
    file,
    sheet,
    rows,
    out,
    outKind,
    ...(template !== undefined ? { template } : {}),
    ...(today !== undefined ? { today } : {}),
    ...(now !== undefined ? { now } : {}),
  };
}
