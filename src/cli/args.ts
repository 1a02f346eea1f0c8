import { parseArgs } from "node:util";
import { CliError } from "./errors";

/**
 * Option parsing on top of node's `util.parseArgs`, in its lenient mode so that every mistake is
 * reported in the person's language with our own wording (strict mode throws English messages).
 */

export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
}
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface ParsedArgs {
  readonly positionals: string[];
  readonly strings: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
}

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  help: { type: "boolean", short: "h" },
  lang: { type: "string" },
} as const satisfies OptionSpecs;

/**
 * Parses `args` against `specs`. `usage` (e.g. `liaison template`) names the command in messages.
 * Throws CliError for an unknown option, a missing value, a value given to a flag, or an option given twice.
 */
export function parseCommandArgs(args: readonly string[], specs: OptionSpecs, usage: string, command: string): ParsedArgs {
  const { tokens } = parseArgs({
    args: [...args],
    options: specs as Record<string, OptionSpec>,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals: string[] = [];
  const strings = new Map<string, string>();
  const flags = new Set<string>();
  for (const token of tokens) {
    if (token.kind === "positional") {
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== "option") continue; // `--` ends the options; what follows is positional
    const spec = Object.prototype.hasOwnProperty.call(specs, token.name) ? specs[token.name] : undefined;
    const option = spec ? `--${token.name}` : token.rawName;
    if (!spec) throw new CliError(command ? "unknownOption" : "unknownGlobalOption", { command, option }, usage);
    if (spec.type === "boolean") {
      if (token.value !== undefined) throw new CliError("optionTakesNoValue", { option }, usage);
      flags.add(token.name);
      continue;
    }
    // Lenient parseArgs takes the next argument as the value even when it is another option
    // (`--out --examples`); as in strict mode, such a value must be written `--out=-x`.
    const value = token.value;
    if (value === undefined || (!token.inlineValue && value.startsWith("-") && value !== "-")) {
      throw new CliError("missingValue", { option }, usage);
    }
    if (strings.has(token.name)) throw new CliError("optionRepeated", { option }, usage);
    strings.set(token.name, value);
  }
  return { positionals, strings, flags };
}
