import type { DayNumber, MinuteNumber } from "../../core/cells/types";
import { COMMON_OPTIONS, parseCommandArgs } from "../args";
import { CliError } from "../errors";
import { hasExtension } from "../io";
import { inputFile, langValue, notInput, nowValue, todayValue } from "../options";

/** `liaison check <file.xlsx|folder>... [--today …] [--now …] [--format text|json] [--out <annotated.xlsx>] [--lang …]` */

export const CHECK_USAGE = "liaison check";

/** Extensions an annotated copy may have: the same kinds of workbook the reader reads. */
export const COPY_EXTENSIONS = [".xlsx", ".xlsm", ".xltx", ".xltm"] as const;

const OPTIONS = {
  ...COMMON_OPTIONS,
  today: { type: "string" },
  now: { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
} as const;

export interface CheckArgs {
  readonly command: "check";
  readonly file: string;
  /** Every file or folder given (`file` is the first); more than one file, or a folder, is checked by check-many.ts. */
  readonly files: readonly string[];
  /** Fixed clock; undefined = the current date/time in Asia/Shanghai. With --now alone, today is its date. */
  readonly today?: DayNumber;
  readonly now?: MinuteNumber;
  /** Explicit --format, or text on a terminal and json otherwise (contract: "text (default on a terminal)"). */
  readonly format: "text" | "json";
  /** Annotated copy to write; never the input. */
  readonly out?: string;
}

export function parseCheckArgs(args: readonly string[], stdoutIsTTY: boolean): CheckArgs | "help" {
  const parsed = parseCommandArgs(args, OPTIONS, CHECK_USAGE, "check");
  if (parsed.flags.has("help")) return "help";
  langValue(parsed.strings.get("lang"), CHECK_USAGE);
  const [first] = parsed.positionals;
  const file = inputFile(first, CHECK_USAGE);
  const files = parsed.positionals;

  let today = todayValue(parsed.strings.get("today"), CHECK_USAGE);
  const now = nowValue(parsed.strings.get("now"), CHECK_USAGE);
  if (now !== undefined) {
    const nowDay = Math.floor(now / 1440);
    if (today !== undefined && today !== nowDay) {
      throw new CliError(
        "todayNowDisagree",
        { today: parsed.strings.get("today") ?? "", now: parsed.strings.get("now") ?? "" },
        CHECK_USAGE,
      );
    }
    today = nowDay;
  }

  const formatText = parsed.strings.get("format");
  if (formatText !== undefined && formatText !== "text" && formatText !== "json") {
    throw new CliError("badFormat", { format: formatText }, CHECK_USAGE);
  }
  const format = formatText ?? (stdoutIsTTY ? "text" : "json");

  const outText = parsed.strings.get("out");
  let out: string | undefined;
  if (outText !== undefined) {
    // The copy keeps the input's file type; which of these it must be is checked once the input is read.
    if (!COPY_EXTENSIONS.some((ext) => hasExtension(outText, ext))) throw new CliError("outNotXlsx", { file: outText }, CHECK_USAGE);
    out = notInput(outText, file, CHECK_USAGE);
  }
  return {
    command: "check",
    file,
    files,
    ...(today !== undefined ? { today } : {}),
    ...(now !== undefined ? { now } : {}),
    format,
    ...(out !== undefined ? { out } : {}),
  };
}
