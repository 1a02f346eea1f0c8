import { type Lang, hasTraditional, installTraditional } from "../core/i18n";

/**
 * 繁體中文: the simplified → traditional table made at build time (scripts/build-zh-tw.mjs),
 * loaded as a chunk of its own (≈17 kB gzipped) the first time the pane speaks zh-TW — never part
 * of the initial script. One load per page; a failed load is reported and retried next time.
 */
let loading: Promise<void> | undefined;

export function loadTraditional(): Promise<void> {
  if (hasTraditional()) return Promise.resolve();
  loading ??= import(/* webpackChunkName: "zh-tw" */ "../core/i18n/zh-tw.generated").then(
    (m) => installTraditional(m.ZH_TW),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

/** Resolves once `lang` can be shown: at once for zh-CN and en-US, after the table for zh-TW. */
export function readyFor(lang: Lang): Promise<void> {
  return lang === "zh-TW" ? loadTraditional() : Promise.resolve();
}
