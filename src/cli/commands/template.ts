import { TEMPLATES, TEMPLATE_IDS, getTemplate } from "../../core/templates";
import { COMMON_OPTIONS, parseCommandArgs } from "../args";
import type { CliContext } from "../context";
import { CliError } from "../errors";
import { hasExtension } from "../io";
import { langValue, requiredString } from "../options";

/** `liaison template <id...|all> --out <file.xlsx> [--examples] [--lang …]` */

export const TEMPLATE_USAGE = "liaison template";

const OPTIONS = {
  ...COMMON_OPTIONS,
  out: { type: "string" },
  examples: { type: "boolean" },
} as const;

export interface TemplateArgs {
  readonly command: "template";
  /** Template ids in the order given (`all` expanded in gallery order), without repeats. */
  readonly ids: readonly string[];
  readonly out: string;
  readonly examples: boolean;
}

export function parseTemplateArgs(args: readonly string[]): TemplateArgs | "help" {
  const parsed = parseCommandArgs(args, OPTIONS, TEMPLATE_USAGE, "template");
  if (parsed.flags.has("help")) return "help";
  langValue(parsed.strings.get("lang"), TEMPLATE_USAGE);
  if (parsed.positionals.length === 0) throw new CliError("missingTemplateIds", {}, TEMPLATE_USAGE);
  const ids: string[] = [];
  for (const arg of parsed.positionals) {
    const expanded = arg.toLowerCase() === "all" ? TEMPLATE_IDS : [getTemplate(arg).id];
    for (const id of expanded) if (!ids.includes(id)) ids.push(id);
  }
  const out = requiredString(parsed.strings.get("out"), "--out", TEMPLATE_USAGE);
  if (!hasExtension(out, ".xlsx")) throw new CliError("outNotXlsx", { file: out }, TEMPLATE_USAGE);
  return { command: "template", ids, out, examples: parsed.flags.has("examples") };
}

/** The id list shown in `liaison template --help`. */
export function templateList(ctx: CliContext): string {
  return TEMPLATES.map((tpl) => ctx.t("templateListLine", { id: tpl.id, name: ctx.lang === "en-US" ? tpl.en : tpl.name })).join("\n");
}
