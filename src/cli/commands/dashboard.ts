import { isoDate } from "../../core/cells/civil";
import { COMMON_OPTIONS, parseCommandArgs } from "../args";
import { CliError } from "../errors";
import { hasExtension } from "../io";
import { inputFile, langValue, noExtraArguments, notInput, requiredString, todayValue } from "../options";

/** `liaison dashboard <file.xlsx> --out <dashboard.xlsx> [--today YYYY-MM-DD] [--lang …]` */

export const DASHBOARD_USAGE = "liaison dashboard";

const OPTIONS = {
  ...COMMON_OPTIONS,
  out: { type: "string" },
  today: { type: "string" },
} as const;

export interface DashboardArgs {
  readonly command: "dashboard";
  readonly file: string;
  /** The new workbook to write; never the input. */
  readonly out: string;
  /** `YYYY-MM-DD`; undefined = the workbook's settings, else today in Shanghai. */
  readonly today?: string;
}

export function parseDashboardArgs(args: readonly string[]): DashboardArgs | "help" {
  const parsed = parseCommandArgs(args, OPTIONS, DASHBOARD_USAGE, "dashboard");
  if (parsed.flags.has("help")) return "help";
  langValue(parsed.strings.get("lang"), DASHBOARD_USAGE);
  noExtraArguments(parsed.positionals.slice(1), DASHBOARD_USAGE);
  const file = inputFile(parsed.positionals[0], DASHBOARD_USAGE);
  const out = notInput(requiredString(parsed.strings.get("out"), "--out", DASHBOARD_USAGE), file, DASHBOARD_USAGE);
  if (!hasExtension(out, ".xlsx")) throw new CliError("outNotXlsx", { file: out }, DASHBOARD_USAGE);
  const today = todayValue(parsed.strings.get("today"), DASHBOARD_USAGE);
  return { command: "dashboard", file, out, ...(today !== undefined ? { today: isoDate(today) } : {}) };
}
