import type { SettingsForm } from "./validation/settings-form";

/**
 * Settings that cannot be lost (the 设置 tab saves a value as soon as it is valid): the writes are
 * queued one after another, and everything that reads the settings (校验, live validation) first
 * waits for the queue — so "change 合格线 to 85, open 校验 at once" checks with 85 even when the
 * write is still on its way. A failed write is reported by the tab that queued it, and does not
 * stop the writes after it.
 */
let queue: Promise<void> = Promise.resolve();

export function queueSettingsWrite(write: () => Promise<void>): Promise<void> {
  const next = queue.then(write, write);
  queue = next.catch(() => undefined); // reported by the caller, who gets `next`
  return next;
}

/** Resolves when every settings write queued so far has finished (failed ones included). */
export function settingsWritten(): Promise<void> {
  return queue;
}

/**
 * A form left with values that cannot be saved (invalid) when the person opened another tab: kept
 * for this page's life and shown again, with its problems, when the 设置 tab is opened again,
 * instead of being silently dropped — in the same workbook only (`workbook`: PaneEnv's; the
 * preview can show another file, whose settings are its own). One draft.
 */
let draft: { readonly form: SettingsForm; readonly workbook: number } | undefined;

export function keepDraft(form: SettingsForm | undefined, workbook: number): void {
  draft = form && { form, workbook };
}

export function takeDraft(workbook: number): SettingsForm | undefined {
  const d = draft;
  draft = undefined;
  return d?.workbook === workbook ? d.form : undefined;
}
