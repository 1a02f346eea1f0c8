import type { DayNumber, MinuteNumber } from "../../core/cells/types";
import type { RemindKey } from "../../core/i18n/messages/remind";
import { ROBOT_PLATFORMS, type RemindChannel, type RobotPlatform } from "../../core/remind/types";
import { smtpUrl } from "../../notify/smtp-url";
import { COMMON_OPTIONS, parseCommandArgs } from "../args";
import { CliError } from "../errors";
import { inputFile, langValue, nowValue, todayValue } from "../options";

/** `liaison remind <file.xlsx|folder>... --to <wecom|dingtalk|feishu|email> …` (contract.md "liaison remind"). */

export const REMIND_USAGE = "liaison remind";

const OPTIONS = {
  ...COMMON_OPTIONS,
  to: { type: "string" },
  webhook: { type: "string" },
  secret: { type: "string" },
  smtp: { type: "string" },
  from: { type: "string" },
  contacts: { type: "string" },
  today: { type: "string" },
  now: { type: "string" },
  state: { type: "string" },
  "dry-run": { type: "boolean" },
} as const;

export interface RemindArgs {
  readonly command: "remind";
  readonly files: readonly string[];
  readonly to: RemindChannel;
  readonly webhook?: string;
  readonly secret?: string;
  readonly smtp?: string;
  readonly from?: string;
  readonly contacts?: string;
  readonly today?: DayNumber;
  readonly now?: MinuteNumber;
  readonly state?: string;
  readonly dryRun: boolean;
}

/** An argument mistake specific to remind, worded in the remind catalog. */
export class RemindArgError extends Error {
  constructor(
    readonly key: RemindKey,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(key);
    this.name = "RemindArgError";
  }
}

export function parseRemindArgs(args: readonly string[]): RemindArgs | "help" {
  const parsed = parseCommandArgs(args, OPTIONS, REMIND_USAGE, "remind");
  if (parsed.flags.has("help")) return "help";
  langValue(parsed.strings.get("lang"), REMIND_USAGE);
  const files = parsed.positionals;
  inputFile(files[0], REMIND_USAGE);

  const toText = parsed.strings.get("to");
  if (toText === undefined) throw new RemindArgError("missingTo");
  const to = (["email", ...ROBOT_PLATFORMS] as const).find((c) => c === toText.toLowerCase());
  if (to === undefined) throw new RemindArgError("badTo", { value: toText });
  const dryRun = parsed.flags.has("dry-run");

  const get = (k: keyof typeof OPTIONS): string | undefined => parsed.strings.get(k);
  const webhook = get("webhook");
  const secret = get("secret");
  const smtp = get("smtp");
  const from = get("from");
  const contacts = get("contacts");
  if (to === "email") {
    for (const option of ["webhook", "secret"] as const)
      if (get(option) !== undefined) throw new RemindArgError("robotOptionForEmail", { option: `--${option}` });
    if (contacts === undefined) throw new RemindArgError("emailNeedsContacts");
    if (!dryRun && smtp === undefined) throw new RemindArgError("missingSmtp");
    if (!dryRun && from === undefined) throw new RemindArgError("missingFrom");
    if (smtp !== undefined && smtpUrl(smtp) === undefined) throw new RemindArgError("badSmtp");
    if (from !== undefined && !/^[^\s@<>]+@[^\s@<>]+$|<[^\s@<>]+@[^\s@<>]+>\s*$/.test(from))
      throw new RemindArgError("badFrom", { value: from });
  } else {
    for (const option of ["smtp", "from"] as const)
      if (get(option) !== undefined) throw new RemindArgError("emailOptionForRobot", { to, option: `--${option}` });
    if (webhook === undefined && !dryRun) throw new RemindArgError("missingWebhook", { to });
    if (webhook !== undefined && !isHttpUrl(webhook)) throw new RemindArgError("badWebhook", { value: webhook });
    if (secret !== undefined && (to as RobotPlatform) === "wecom") throw new RemindArgError("secretNotForWecom");
  }

  let today = todayValue(get("today"), REMIND_USAGE);
  const now = nowValue(get("now"), REMIND_USAGE);
  if (now !== undefined) {
    const nowDay = Math.floor(now / 1440);
    if (today !== undefined && today !== nowDay)
      throw new CliError("todayNowDisagree", { today: get("today") ?? "", now: get("now") ?? "" }, REMIND_USAGE);
    today = nowDay;
  }
  const state = get("state");
  return {
    command: "remind",
    files,
    to,
    dryRun,
    ...(webhook !== undefined ? { webhook } : {}),
    ...(secret !== undefined ? { secret } : {}),
    ...(smtp !== undefined ? { smtp } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(contacts !== undefined ? { contacts } : {}),
    ...(today !== undefined ? { today } : {}),
    ...(now !== undefined ? { now } : {}),
    ...(state !== undefined ? { state } : {}),
  };
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false; // not a URL at all: the caller says so
  }
}
