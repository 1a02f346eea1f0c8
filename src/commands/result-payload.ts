import { isLiaisonError } from "../core/errors";
import type { Lang } from "../core/i18n";
import { RULE_IDS, type RuleId } from "../core/rules/spec";
import type { ValidationResult } from "../app/validate/run";
import { ruleCounts } from "../app/validate/rule-counts";

/**
 * What the 校验 ribbon command hands its result dialog: a short summary, carried in the dialog
 * URL's fragment (never sent to a server) as JSON. Only counts and a few settings problems travel:
 * the findings themselves are in the workbook as marks, and in the pane's 校验 tab.
 */
export type ResultPayload =
  | {
      readonly kind: "done";
      readonly lang: Lang;
      readonly summary: { readonly error: number; readonly warning: number; readonly info: number };
      readonly tables: number;
      readonly rows: number;
      readonly today: string;
      readonly marked: number;
      readonly provisional: boolean;
      readonly rules: readonly (readonly [RuleId, number])[];
      readonly settingsProblems: readonly string[];
    }
  | { readonly kind: "error"; readonly lang: Lang; readonly message: string }
  /** Text made by another command (the document buttons), shown as given: title, headline, lines, a list. */
  | {
      readonly kind: "message";
      readonly lang: Lang;
      readonly title: string;
      readonly headline: string;
      readonly tone: "ok" | "warning" | "error";
      readonly lines: readonly string[];
      readonly list: readonly string[];
    };

/** Settings problems shown in the dialog, at most, each cut to this many characters: the URL stays short. */
const MAX_PROBLEMS = 3;
const MAX_TEXT = 160;
const cut = (s: string): string => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s);

export function payloadOfResult(result: ValidationResult, lang: Lang): ResultPayload {
  const { report } = result;
  return {
    kind: "done",
    lang,
    summary: report.summary,
    tables: report.tables.length,
    rows: report.tables.reduce((n, x) => n + x.rows, 0),
    today: report.today,
    marked: result.marked,
    provisional: report.calendar.provisional,
    rules: ruleCounts(report.findings).map(({ rule, n }) => [rule, n] as const),
    settingsProblems: result.settingsProblems.slice(0, MAX_PROBLEMS).map(cut),
  };
}

/** A failure as the dialog shows it: a LiaisonError's explanation, or the bug's name and message. */
export function payloadOfError(error: unknown, lang: Lang): ResultPayload {
  const message = isLiaisonError(error) ? error.describe(lang) : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { kind: "error", lang, message: cut(message) };
}

export const encodePayload = (p: ResultPayload): string => encodeURIComponent(JSON.stringify(p));

/** The query parameter the dialog URL carries the payload in. */
export const PAYLOAD_PARAM = "liaison";

/**
 * The dialog's URL with the payload. In the query, not the fragment: some hosts drop a URL's
 * fragment (office-js #2284) or append their own parameters to the end of the URL — after a
 * fragment, inside it (`&action=displayDialog`, office-js #3057) — and Office adds `_host_Info`
 * to the query (office-js #896). A named query parameter survives all of that.
 */
export function dialogUrl(page: URL, p: ResultPayload): string {
  const url = new URL(page.toString());
  url.hash = "";
  url.searchParams.set(PAYLOAD_PARAM, JSON.stringify(p));
  return url.toString();
}

/**
 * Reads the payload wherever the host left it: the named query parameter (whatever else the host
 * added around it), or — from an older dialog URL — the fragment, cut at the first raw `&` or `?`
 * a host appended (the payload itself is percent-encoded, so it has neither).
 */
export function payloadFromLocation(search: string, hash: string): ResultPayload | undefined {
  const query = new URLSearchParams(search).get(PAYLOAD_PARAM);
  if (query !== null) return parsePayload(query);
  return decodePayload(hash);
}

/** Reads a payload back from a URL fragment; undefined when it is missing or malformed. */
export function decodePayload(fragment: string): ResultPayload | undefined {
  try {
    return parsePayload(decodeURIComponent(fragment.replace(/^#/, "").split(/[&?]/)[0]));
  } catch {
    return undefined; // not percent-encoding: no payload of ours
  }
}

function parsePayload(json: string): ResultPayload | undefined {
  try {
    const p = JSON.parse(json) as Partial<ResultPayload> & Record<string, unknown>;
    const lang: Lang = p.lang === "en-US" ? "en-US" : "zh-CN";
    if (p.kind === "error" && typeof p.message === "string") return { kind: "error", lang, message: p.message };
    if (p.kind === "message") return decodeMessage(p, lang);
    if (p.kind !== "done") return undefined;
    const s = p.summary as Record<string, unknown> | undefined;
    const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);
    if (!s || typeof p.today !== "string") return undefined;
    const rules = Array.isArray(p.rules)
      ? (p.rules as unknown[]).filter(
          (r): r is [RuleId, number] => Array.isArray(r) && RULE_IDS.includes(r[0] as RuleId) && typeof r[1] === "number",
        )
      : [];
    return {
      kind: "done",
      lang,
      summary: { error: num(s.error), warning: num(s.warning), info: num(s.info) },
      tables: num(p.tables),
      rows: num(p.rows),
      today: p.today,
      marked: num(p.marked),
      provisional: p.provisional === true,
      rules,
      settingsProblems: Array.isArray(p.settingsProblems) ? p.settingsProblems.filter((x): x is string => typeof x === "string") : [],
    };
  } catch {
    // Malformed fragment (someone opened the page by hand): the page says it cannot show a result.
    return undefined;
  }
}

function decodeMessage(p: Record<string, unknown>, lang: Lang): ResultPayload | undefined {
  const strings = (v: unknown): string[] | undefined =>
    Array.isArray(v) && v.every((x): x is string => typeof x === "string") ? v : undefined;
  const lines = strings(p.lines);
  const list = strings(p.list);
  const tone = p.tone === "ok" || p.tone === "warning" || p.tone === "error" ? p.tone : undefined;
  if (typeof p.title !== "string" || typeof p.headline !== "string" || !tone || !lines || !list) return undefined;
  return { kind: "message", lang, title: p.title, headline: p.headline, tone, lines, list };
}
