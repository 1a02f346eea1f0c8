import { isLiaisonError } from "../core/errors";
import { DEFAULT_LANG, LANGS, translator, type Lang } from "../core/i18n";
import { cliMessages, type CliKey } from "../core/i18n/messages/cli";
import { COMMON_OPTIONS, parseCommandArgs } from "./args";
import { parseCheckArgs, CHECK_USAGE } from "./commands/check";
import { parseGenerateArgs, GENERATE_USAGE } from "./commands/generate";
import { parseRemindArgs, RemindArgError, REMIND_USAGE } from "./commands/remind";
import { remindMessages } from "../core/i18n/messages/remind";
import { parseTemplateArgs, templateList, TEMPLATE_USAGE } from "./commands/template";
import { DASHBOARD_USAGE, parseDashboardArgs } from "./commands/dashboard";
import type { CliContext } from "./context";
import { CliError, isCliError } from "./errors";
import { langValue } from "./options";

/**
 * The command line, independent of `process`: `main.ts` passes the real argv, environment and
 * streams; the exit code is returned. Exit 2 for anything that stops a command (bad arguments,
 * unreadable files, and bugs — the latter flagged as such).
 */

export interface CliIo {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdoutIsTTY: boolean;
  readonly version: string;
}

const ROOT_USAGE = "liaison";
const GLOBAL_OPTIONS = { ...COMMON_OPTIONS, version: { type: "boolean" } } as const;
type CommandName = "template" | "check" | "generate" | "remind" | "dashboard";
const COMMANDS: readonly CommandName[] = ["template", "check", "generate", "remind", "dashboard"];
const HELP_KEYS: Record<Exclude<CommandName, "remind">, CliKey> = {
  template: "helpTemplate",
  check: "helpCheck",
  generate: "helpGenerate",
  dashboard: "helpDashboard",
};
const USAGES: Record<CommandName, string> = {
  template: TEMPLATE_USAGE,
  check: CHECK_USAGE,
  generate: GENERATE_USAGE,
  remind: REMIND_USAGE,
  dashboard: DASHBOARD_USAGE,
};

export async function run(io: CliIo): Promise<number> {
  const lang = messageLang(io.argv, io.env);
  const t = translator(cliMessages, lang) as (key: CliKey, params?: Record<string, string | number>) => string;
  const ctx: CliContext = {
    lang,
    t,
    out: (line) => io.stdout(`${line}\n`),
    err: (line) => io.stderr(`${line}\n`),
    stdoutIsTTY: io.stdoutIsTTY,
  };
  // While arguments are parsed, errors point at the command's --help; once it runs, they do not.
  let usage: string | undefined = ROOT_USAGE;
  try {
    const argv = io.argv;
    const at = commandIndex(argv);
    const global = parseCommandArgs(argv.slice(0, at), GLOBAL_OPTIONS, ROOT_USAGE, "");
    langValue(global.strings.get("lang"), ROOT_USAGE);
    if (global.flags.has("version")) {
      ctx.out(io.version);
      return 0;
    }
    let commandText = argv[at];
    let rest = argv.slice(at + 1);
    if (global.flags.has("help") || commandText === undefined) {
      if (commandText === undefined && !global.flags.has("help")) throw new CliError("missingCommand", {}, ROOT_USAGE);
      ctx.out(t("helpOverview", { version: io.version }));
      return 0;
    }
    if (commandText === "help") {
      // `liaison help [command]`
      if (rest[0] === undefined) {
        ctx.out(t("helpOverview", { version: io.version }));
        return 0;
      }
      commandText = rest[0];
      rest = ["--help"];
    }
    const command = COMMANDS.find((c) => c === commandText);
    if (!command) throw new CliError("unknownCommand", { command: commandText }, ROOT_USAGE);
    usage = USAGES[command];

    switch (command) {
      case "template": {
        const a = parseTemplateArgs(rest);
        if (a === "help") return help(ctx, command);
        usage = undefined;
        // Imported when needed: the workbook library is slow to load and help/usage errors do not need it.
        const { runTemplate } = await import("./commands/template-action");
        return await runTemplate(a, ctx);
      }
      case "check": {
        const a = parseCheckArgs(rest, io.stdoutIsTTY);
        if (a === "help") return help(ctx, command);
        usage = undefined;
        // A folder or several files: one report over all of them (check-many.ts); one file: as always.
        const { isMany, runCheckMany } = await import("./commands/check-many");
        if (await isMany(a.files)) return await runCheckMany(a, ctx, io.env);
        const { runCheckAction } = await import("./commands/check-action");
        return await runCheckAction(a, ctx);
      }
      case "remind": {
        let a: ReturnType<typeof parseRemindArgs>;
        try {
          a = parseRemindArgs(rest);
        } catch (e) {
          if (!(e instanceof RemindArgError)) throw e;
          const tr = translator(remindMessages, lang);
          ctx.err(t("errorLine", { message: tr(e.key, e.params) + t("helpHint", { usage: REMIND_USAGE }) }));
          return 2;
        }
        if (a === "help") return help(ctx, command);
        usage = undefined;
        const { runRemindAction } = await import("./commands/remind-action");
        return await runRemindAction(a, ctx, io.env);
      }
      case "generate": {
        const a = parseGenerateArgs(rest);
        if (a === "help") return help(ctx, command);
        usage = undefined;
        const { runGenerateAction } = await import("./commands/generate-action");
        return await runGenerateAction(a, ctx);
      }
      case "dashboard": {
        const a = parseDashboardArgs(rest);
        if (a === "help") return help(ctx, command);
        usage = undefined;
        const { runDashboardAction } = await import("./commands/dashboard-action");
        return await runDashboardAction(a, ctx);
      }
    }
  } catch (e) {
    return report(e, ctx, usage, io.env);
  }
}

function help(ctx: CliContext, command: CommandName): number {
  if (command === "remind") {
    ctx.out(translator(remindMessages, ctx.lang)("helpRemind"));
    return 0;
  }
  ctx.out(ctx.t(HELP_KEYS[command], { templates: templateList(ctx) }));
  return 0;
}

/** One line for what the person can fix; two (plus the stack with LIAISON_DEBUG=1) for a bug. */
function report(e: unknown, ctx: CliContext, usage: string | undefined, env: CliIo["env"]): number {
  // After a Chinese sentence (ending in 。) no space; after an English one, one.
  const hint = (u: string | undefined): string => (u ? ctx.t("helpHint", { usage: u }) : "");
  if (isCliError(e)) {
    ctx.err(ctx.t("errorLine", { message: ctx.t(e.key, e.params) + hint(e.usage) }));
    return 2;
  }
  if (isLiaisonError(e)) {
    ctx.err(ctx.t("errorLine", { message: e.describe(ctx.lang) + hint(usage) }));
    return 2;
  }
  const message = e instanceof Error ? e.message : String(e);
  ctx.err(ctx.t("internalError", { message }));
  ctx.err(ctx.t("bugNotice"));
  if (env.LIAISON_DEBUG === "1" && e instanceof Error && e.stack) ctx.err(e.stack);
  return 2;
}

/** Index of the command word: the first argument that is neither an option nor the value of `--lang`. */
function commandIndex(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--lang") {
      i++;
      continue;
    }
    if (!a.startsWith("-") || a === "-") return i;
  }
  return argv.length;
}

/**
 * The language of messages, known before the arguments are parsed so that even an argument error
 * speaks it: `--lang` (anywhere before `--`), else LIAISON_LANG, else zh-CN. LANG/LC_ALL are not
 * consulted: servers and CI images commonly run with en_US.UTF-8 whatever their users read, and the
 * product's default language is Simplified Chinese.
 */
export function messageLang(argv: readonly string[], env: CliIo["env"]): Lang {
  const pick = (v: string | undefined): Lang | undefined => LANGS.find((l) => l.toLowerCase() === v?.toLowerCase());
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") break;
    if (a === "--lang") return pick(argv[i + 1]) ?? pick(env.LIAISON_LANG) ?? DEFAULT_LANG;
    if (a.startsWith("--lang=")) return pick(a.slice("--lang=".length)) ?? pick(env.LIAISON_LANG) ?? DEFAULT_LANG;
  }
  return pick(env.LIAISON_LANG) ?? DEFAULT_LANG;
}
