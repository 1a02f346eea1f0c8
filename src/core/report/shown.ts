import type { Lang } from "../i18n";
import type { Said } from "../rules/finding";
import { renderFinding } from "../rules/render";
import type { ReportFinding } from "./schema";

/**
 * A report's finding as a front end holds it: contract.md's fields, and — when the check kept
 * them (`keepSaid`) — the message key and params it was rendered from, so that switching the
 * reader's language re-renders it without checking again.
 */
export type ShownFinding = ReportFinding & Partial<Said>;

/** What a finding has to say, when the check kept it. */
export function saidOf(f: ShownFinding): Said | undefined {
  return f.key !== undefined && f.params !== undefined ? { key: f.key, params: f.params } : undefined;
}

/** A finding's message in the reader's language: rendered from its key and params, else as checked. */
export function findingText(f: ShownFinding, lang: Lang): string {
  const said = saidOf(f);
  return said === undefined ? f.message : renderFinding(said, lang);
}
