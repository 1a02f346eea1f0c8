import { Caption1, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { useSyncExternalStore } from "react";
import type { Lang } from "../core/i18n";
import type { LoadProgress } from "../workbook/exceljs/load-hooks";

/** How far the worker has read the file being opened; the progress line subscribes to it. */
export class ProgressStore {
  private value: LoadProgress | undefined;
  private readonly listeners = new Set<() => void>();

  set(value: LoadProgress | undefined): void {
    this.value = value;
    for (const l of [...this.listeners]) l();
  }

  readonly get = (): LoadProgress | undefined => this.value;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

/** Kilobytes as the pane's summary writes numbers (50,000, not 50000). */
const kb = (bytes: number, lang: Lang): string => Math.ceil(bytes / 1024).toLocaleString(lang);

/**
 * The line that shows a file being opened: unzipping it, then each worksheet part read, by
 * kilobytes — moving as the worker reads, while the page stays usable.
 */
export function OpeningProgress(props: {
  file: string;
  size: number;
  store: ProgressStore;
  lang: Lang;
  text: (key: string, params?: Record<string, string | number>) => string;
}) {
  const { file, size, store, lang, text: t } = props;
  const styles = useStyles();
  const p = useSyncExternalStore(store.subscribe, store.get);
  const reading = p !== undefined && p.sheet > 0;
  const value = reading ? (p.sheet - 1 + (p.total > 0 ? p.done / p.total : 1)) / Math.max(1, p.sheets) : undefined;
  const line = reading
    ? t("openingSheet", { file, sheet: p.sheet, sheets: p.sheets, done: kb(p.done, lang), total: kb(p.total, lang) })
    : t("openingUnzip", { file, size: kb(size, lang) });
  return (
    <div className={styles.root} role="status" data-testid="open-progress">
      <Caption1>{line}</Caption1>
      <ProgressBar value={value} thickness="medium" aria-label={line} />
    </div>
  );
}
