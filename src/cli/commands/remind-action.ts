import { promises as fs } from "node:fs";
import { isoDate, shanghaiDay } from "../../core/cells/civil";
import {
  contactBook,
  emailMessages,
  emptyState,
  parseState,
  pendingItems,
  recordSent,
  robotMessages,
  sortItems,
  type ContactBook,
  type RemindItem,
  type RemindState,
  type RobotPlatform,
} from "../../core/remind";
import { createMailer } from "../../notify/email";
import { postRobot, type FailReason, type SendOutcome } from "../../notify/robots";
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from "../../notify/retry";
import type { CliContext } from "../context";
import { isCliError } from "../errors";
import { writeOutputFile } from "../io";
import { checkInputs, remindT, type T } from "./check-many";
import { checkFile } from "./check-action";
import type { RemindArgs } from "./remind";

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `liaison remind`: check the workbooks, collect the open items, leave out what `--state` says was
 * already sent at the same level, then send (or print, with --dry-run) one digest to the robot or
 * one e-mail per owner. Every send is retried with backoff where a retry can help; each failure is
 * one line on stderr and the others still go out. Only what was sent is recorded in the state.
 *
 * LIAISON_HTTP_TIMEOUT_MS (default 10000) and LIAISON_RETRY_BASE_MS (default 1000) tune the time-out
 * of one request and the first backoff wait (then ×2 each retry, 3 retries).
 */
export async function runRemindAction(a: RemindArgs, ctx: CliContext, env: Env): Promise<number> {
  const t = remindT(ctx);
  const fail = (line: string): number => {
    ctx.err(ctx.t("errorLine", { message: line }));
    return 2;
  };
  const today = a.today ?? (a.now !== undefined ? Math.floor(a.now / 1440) : shanghaiDay(new Date()));

  // The state first: a broken state file must stop the run before anything is sent twice.
  let state: RemindState = emptyState();
  if (a.state !== undefined) {
    const text = await fs.readFile(a.state, "utf8").catch((e: unknown) => {
      if ((e as { code?: unknown }).code === "ENOENT") return undefined; // first run: no state yet
      throw e;
    });
    if (text !== undefined) {
      const parsed = parseState(text);
      if ("problem" in parsed) return fail(t("badState", { file: a.state, reason: parsed.problem }));
      state = parsed.state;
    }
  }

  let book: ContactBook | undefined;
  if (a.contacts !== undefined) {
    try {
      const { tables } = await checkFile(a.contacts, { today }, ctx);
      if (!tables.some((x) => x.table.templateId === "contacts")) return fail(t("contactsNoTable", { file: a.contacts }));
      book = contactBook(tables, today);
    } catch (e) {
      if (isCliError(e)) return fail(t("contactsUnreadable", { file: a.contacts, message: ctx.t(e.key, e.params) }));
      throw e;
    }
    for (const [name, places] of book.duplicates) {
      const where = places.map((p) => t("place", { sheet: p.sheet, row: p.row })).join(ctx.lang === "en-US" ? ", " : "、");
      ctx.err(ctx.t("errorLine", { message: t("contactDuplicate", { name, n: places.length, places: where }) }));
    }
  }

  const checked = await checkInputs(a.files, { today, ...(a.now !== undefined ? { now: a.now } : {}) }, true, ctx, env);
  if ("error" in checked) return fail(checked.error);
  const ok = checked.results.filter((r) => r.ok);
  if (ok.length === 0) return fail(t("noneReadable", { n: checked.results.length }));
  const items = sortItems(ok.flatMap((r) => (r.ok ? r.items : [])));
  if (items.length === 0) {
    ctx.out(t("nothingToSend", { files: ok.length, date: isoDate(today) }));
    return 0;
  }
  const pending = pendingItems(state, a.to, items);
  if (pending.length < items.length && pending.length > 0)
    ctx.err(ctx.t("errorLine", { message: t("alreadySent", { n: items.length - pending.length }) }));
  if (pending.length === 0) {
    ctx.out(t("nothingNew", { n: items.length }));
    return 0;
  }

  const render = { today, lang: ctx.lang, ...(book ? { contacts: book } : {}) };
  const policy: RetryPolicy = { ...DEFAULT_RETRY, baseMs: positive(env.LIAISON_RETRY_BASE_MS) ?? DEFAULT_RETRY.baseMs };
  const timeoutMs = positive(env.LIAISON_HTTP_TIMEOUT_MS) ?? 10_000;
  const channel = t(`channel.${a.to}`);
  const sentItems: RemindItem[] = [];
  let sent = 0;
  let failed = 0;

  /** One line on stderr before each retry, the same for e-mail and the robots. */
  const sayRetry = (reason: string, wait: number, attempt: number): void =>
    ctx.err(ctx.t("errorLine", { message: t("retrying", { channel, reason, seconds: seconds(wait), attempt, max: policy.retries }) }));

  if (a.to === "email") {
    const { messages, unaddressed } = emailMessages(pending, render);
    for (const g of unaddressed) {
      if (g.owner === "") ctx.err(ctx.t("errorLine", { message: t("noOwnerEmail", { n: g.items.length }) }));
      else if (book?.duplicates.has(g.owner))
        continue; // said above
      else if (book?.entries.has(g.owner)) {
        const place = book.entries.get(g.owner)?.place;
        ctx.err(
          ctx.t("errorLine", {
            message: t("contactNoEmail", {
              name: g.owner,
              n: g.items.length,
              place: place ? t("place", { sheet: place.sheet, row: place.row }) : "",
            }),
          }),
        );
      } else ctx.err(ctx.t("errorLine", { message: t("contactMissingEmail", { name: g.owner, n: g.items.length }) }));
    }
    if (a.dryRun) {
      messages.forEach((m, i) => {
        ctx.out(t("dryRunEmailHeader", { i: i + 1, n: messages.length, to: m.to }));
        ctx.out(`Subject: ${m.subject}\n\n${m.text}\n`);
      });
      return 0;
    }
    const mailer = createMailer(a.smtp as string, a.from as string, timeoutMs);
    try {
      for (const m of messages) {
        const outcome = await withRetry(
          () => mailer.send(m),
          policy,
          (last, wait, n) => {
            if (!last.ok) sayRetry(t("reason.smtp", { message: last.message }), wait, n);
          },
        );
        if (outcome.ok) {
          sent++;
          sentItems.push(...m.items);
          ctx.out(t("emailSent", { owner: m.owner, to: m.to, items: m.items.length }));
        } else {
          failed++;
          ctx.err(
            ctx.t("errorLine", {
              message: t("emailFailed", { owner: m.owner, to: m.to, reason: t("reason.smtp", { message: outcome.message }) }),
            }),
          );
        }
      }
    } finally {
      mailer.close();
    }
  } else {
    const platform: RobotPlatform = a.to;
    if (book) {
      const owners = [...new Set(pending.map((i) => i.owner).filter((o) => o !== ""))];
      for (const owner of owners) {
        if (book.duplicates.has(owner)) continue;
        const entry = book.entries.get(owner);
        if (!entry) ctx.err(ctx.t("errorLine", { message: t("contactMissing", { name: owner }) }));
        else if (entry.contact.mobile === undefined)
          ctx.err(
            ctx.t("errorLine", {
              message: t("contactNoMobile", { name: owner, place: t("place", { sheet: entry.place.sheet, row: entry.place.row }) }),
            }),
          );
      }
    }
    const messages = robotMessages(platform, pending, render);
    if (a.dryRun) {
      messages.forEach((m, i) => {
        ctx.out(t("dryRunHeader", { channel, i: i + 1, n: messages.length }));
        ctx.out(m.preview);
        ctx.out(`\n${JSON.stringify(m.body)}\n`);
      });
      return 0;
    }
    const target = { platform, webhook: a.webhook as string, ...(a.secret !== undefined ? { secret: a.secret } : {}) };
    for (const [i, m] of messages.entries()) {
      const where = { channel, i: i + 1, n: messages.length, items: m.items.length };
      // WeCom's mention message points at the digest above it: not sent when the digest did not arrive.
      if (m.items.length === 0 && failed > 0) continue;
      const outcome = await withRetry(
        async () => {
          const r: SendOutcome = await postRobot(target, m.body, { timeoutMs, now: () => Date.now() });
          return r.ok
            ? r
            : {
                ...r,
                ...(r.reason.kind === "rateLimited" && r.reason.retryAfterMs !== undefined ? { waitMs: r.reason.retryAfterMs } : {}),
              };
        },
        policy,
        (last, wait, n) => {
          if (!last.ok) sayRetry(reasonText(last.reason, t, channel), wait, n);
        },
      );
      if (outcome.ok) {
        sent++;
        sentItems.push(...m.items);
        ctx.out(t("sent", where));
      } else {
        failed++;
        ctx.err(ctx.t("errorLine", { message: t("sendFailed", { ...where, reason: reasonText(outcome.reason, t, channel) }) }));
      }
    }
  }

  if (a.state !== undefined && sentItems.length > 0) {
    const next = recordSent(state, a.to, sentItems, today);
    try {
      await writeOutputFile(a.state, Buffer.from(`${JSON.stringify(next, null, 2)}\n`, "utf8"));
    } catch (e) {
      if (!isCliError(e)) throw e;
      ctx.err(ctx.t("errorLine", { message: t("cannotWriteState", { file: a.state, reason: ctx.t(e.key, e.params) }) }));
      failed++;
    }
  }
  ctx.out(t("summarySent", { sent, failed }));
  return failed > 0 ? 1 : 0;
}

export function reasonText(r: FailReason, t: T, channel: string): string {
  switch (r.kind) {
    case "http":
      return t("reason.http", { status: r.status });
    case "errcode":
      return t("reason.errcode", { channel, code: r.code, message: r.message });
    case "signature":
      return t("reason.signature", { code: r.code, message: r.message });
    case "keyword":
      return t("reason.keyword", { code: r.code, message: r.message });
    case "rateLimited":
      return t("reason.rateLimited", { channel, detail: r.detail });
    case "timeout":
      return t("reason.timeout", { seconds: r.seconds });
    case "network":
      return t("reason.network", { message: r.message });
    case "badResponse":
      return t("reason.badResponse", { channel, status: r.status, body: r.body });
  }
}

const positive = (v: string | undefined): number | undefined => {
  const n = Number(v);
  return v !== undefined && v !== "" && Number.isFinite(n) && n > 0 ? n : undefined;
};

const seconds = (ms: number): number => Math.round(ms / 100) / 10;
