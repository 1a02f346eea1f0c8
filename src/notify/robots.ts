import type { RobotPlatform } from "../core/remind";
import { dingtalkSign, feishuSign } from "./sign";

/**
 * One HTTP POST of a robot message, and what its answer means. Success is HTTP 2xx *and* the
 * platform's own code 0: the robots answer HTTP 200 with an error code for most mistakes.
 *
 * - 企业微信: `{"errcode":0,"errmsg":"ok"}`; 45009 = over the frequency limit (20 messages a
 *   minute per robot), -1 = system busy; https://developer.work.weixin.qq.com/document/path/91770
 *   and the global error codes https://developer.work.weixin.qq.com/document/path/90313.
 * - 钉钉: `{"errcode":0,"errmsg":"ok"}`; 310000 = a security setting refused the message (errmsg
 *   "sign not match", "keywords not in content", "ip … not in whitelist"); 130101 = "send too fast,
 *   exceed 20 times per minute" (then throttled for 10 minutes); -1 = system busy.
 *   https://open.dingtalk.com/document/group/custom-robot-access
 * - 飞书: `{"code":0,"msg":"success",…,"StatusCode":0}`; 19021 = "sign match fail or timestamp is
 *   not within one hour", 19022 = IP not allowed, 19024 = "Key Words Not Found", 11232 = rate
 *   limited (100 a minute, 5 a second), 9499 = bad request (body over 20 KB among others).
 *   https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 *
 * Network errors, time-outs, HTTP 5xx, HTTP 429 and the rate-limit codes are worth retrying;
 * a signature, keyword or IP refusal and other errors are not (the same request fails the same way).
 */

export type FailReason =
  | { readonly kind: "http"; readonly status: number }
  | { readonly kind: "errcode"; readonly code: number; readonly message: string }
  | { readonly kind: "signature"; readonly code: number; readonly message: string }
  | { readonly kind: "keyword"; readonly code: number; readonly message: string }
  | { readonly kind: "rateLimited"; readonly detail: string; readonly retryAfterMs?: number }
  | { readonly kind: "timeout"; readonly seconds: number }
  | { readonly kind: "network"; readonly message: string }
  | { readonly kind: "badResponse"; readonly status: number; readonly body: string };

export type SendOutcome = { readonly ok: true } | { readonly ok: false; readonly retry: boolean; readonly reason: FailReason };

export interface RobotTarget {
  readonly platform: RobotPlatform;
  readonly webhook: string;
  readonly secret?: string;
}

export interface PostOptions {
  readonly timeoutMs: number;
  /** The clock for signatures (tests fix it). */
  readonly now: () => number;
}

/** The URL and body actually sent: the signature added where the platform wants it. */
export function signedRequest(target: RobotTarget, body: Readonly<Record<string, unknown>>, nowMs: number): { url: string; body: string } {
  if (target.secret !== undefined && target.platform === "dingtalk") {
    const url = new URL(target.webhook);
    url.searchParams.set("timestamp", String(nowMs));
    url.searchParams.set("sign", dingtalkSign(target.secret, nowMs));
    return { url: url.toString(), body: JSON.stringify(body) };
  }
  if (target.secret !== undefined && target.platform === "feishu") {
    const seconds = Math.floor(nowMs / 1000);
    return { url: target.webhook, body: JSON.stringify({ timestamp: String(seconds), sign: feishuSign(target.secret, seconds), ...body }) };
  }
  return { url: target.webhook, body: JSON.stringify(body) };
}

export async function postRobot(target: RobotTarget, body: Readonly<Record<string, unknown>>, opts: PostOptions): Promise<SendOutcome> {
  const req = signedRequest(target, body, opts.now());
  let res: Response;
  try {
    res = await fetch(req.url, {
      method: "POST",
      headers: { "Content-Type": "application/json; charset=utf-8" },
      body: req.body,
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
  } catch (e) {
    if (isTimeout(e)) {
      return { ok: false, retry: true, reason: { kind: "timeout", seconds: Math.round(opts.timeoutMs / 100) / 10 } };
    }
    return { ok: false, retry: true, reason: { kind: "network", message: networkMessage(e) } };
  }
  let text: string;
  try {
    text = await res.text();
  } catch (e) {
    return isTimeout(e)
      ? { ok: false, retry: true, reason: { kind: "timeout", seconds: Math.round(opts.timeoutMs / 100) / 10 } }
      : { ok: false, retry: true, reason: { kind: "network", message: networkMessage(e) } };
  }
  return interpret(target.platform, res.status, text, res.headers.get("retry-after"));
}

/** What an answer means (exported for the tests of each platform's codes). */
export function interpret(platform: RobotPlatform, status: number, text: string, retryAfter: string | null = null): SendOutcome {
  const retryAfterMs = retryAfterMsOf(retryAfter);
  if (status === 429) {
    return {
      ok: false,
      retry: true,
      reason: { kind: "rateLimited", detail: `HTTP 429`, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) },
    };
  }
  const json = parseJson(text);
  const code = json === undefined ? undefined : platformCode(platform, json);
  if (code === undefined) {
    if (status >= 500) return { ok: false, retry: true, reason: { kind: "http", status } };
    if (status < 200 || status >= 300) return { ok: false, retry: false, reason: { kind: "http", status } };
    return { ok: false, retry: false, reason: { kind: "badResponse", status, body: text.slice(0, 200) } };
  }
  const message = platformMessage(platform, json as Record<string, unknown>);
  if (code === 0 && status >= 200 && status < 300) return { ok: true };
  if (code === 0) return { ok: false, retry: status >= 500, reason: { kind: "http", status } };
  if (isRateLimit(platform, code)) return { ok: false, retry: true, reason: { kind: "rateLimited", detail: `${code} ${message}`.trim() } };
  if (isBusy(code) || status >= 500) return { ok: false, retry: true, reason: { kind: "errcode", code, message } };
  if (platform === "dingtalk" && code === 310000) {
    const kind = /keyword|ip/i.test(message) && !/sign/i.test(message) ? "keyword" : "signature";
    return { ok: false, retry: false, reason: { kind, code, message } };
  }
  if (platform === "feishu" && code === 19021) return { ok: false, retry: false, reason: { kind: "signature", code, message } };
  if (platform === "feishu" && (code === 19022 || code === 19024))
    return { ok: false, retry: false, reason: { kind: "keyword", code, message } };
  return { ok: false, retry: false, reason: { kind: "errcode", code, message } };
}

const isRateLimit = (platform: RobotPlatform, code: number): boolean =>
  (platform === "wecom" && code === 45009) || (platform === "dingtalk" && code === 130101) || (platform === "feishu" && code === 11232);

/** -1 "系统繁忙" on WeCom and DingTalk. */
const isBusy = (code: number): boolean => code === -1;

function platformCode(platform: RobotPlatform, json: unknown): number | undefined {
  if (typeof json !== "object" || json === null) return undefined;
  const o = json as Record<string, unknown>;
  const pick = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
  // Feishu answers `code` (and the legacy `StatusCode`); WeCom and DingTalk `errcode`.
  if (platform === "feishu") return pick(o.code) ?? pick(o.StatusCode);
  return pick(o.errcode);
}

function platformMessage(platform: RobotPlatform, o: Record<string, unknown>): string {
  const v = platform === "feishu" ? (o.msg ?? o.StatusMessage) : o.errmsg;
  return typeof v === "string" ? v : "";
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON (an HTML error page from a proxy, an empty body): the caller reports the status and body.
    return undefined;
  }
}

function retryAfterMsOf(v: string | null): number | undefined {
  if (v === null) return undefined;
  const s = Number(v);
  return Number.isFinite(s) && s >= 0 ? s * 1000 : undefined;
}

/**
 * node's fetch says "fetch failed" and keeps the reason (ECONNREFUSED, ENOTFOUND …) in `cause`.
 * Read by shape, not `instanceof`: errors from undici may come from another realm (a VM context).
 */
function networkMessage(e: unknown): string {
  const cause = field(e, "cause");
  const code = field(cause, "code") ?? field(e, "code");
  const message = field(cause, "message") ?? field(e, "message") ?? String(e);
  return typeof code === "string" ? `${code} ${typeof message === "string" ? message : ""}`.trim() : String(message);
}

function field(o: unknown, key: string): unknown {
  return typeof o === "object" && o !== null ? (o as Record<string, unknown>)[key] : undefined;
}

const isTimeout = (e: unknown): boolean => field(e, "name") === "TimeoutError" || field(e, "name") === "AbortError";
