/**
 * Whether this person has already seen the first-run introduction, kept like the pane's other
 * personal preferences (language.ts, live/preference.ts): in the add-in origin's localStorage,
 * under a key prefixed with Office's partition key where Office partitions storage (Excel on the
 * web). It is recorded as soon as the introduction is shown, so it is shown once — Microsoft's
 * first-run guidance (learn.microsoft.com/office/dev/add-ins/design/first-run-experience-patterns)
 * leaves "once or periodically" to the add-in; once suits a tool people use daily.
 *
 * Where storage is blocked the introduction shows each time the pane opens (it is skippable), and
 * the console says why; nothing else depends on it.
 */
export const FIRST_RUN_KEY = "liaison.firstRunSeen";

function key(partition?: string): string {
  return partition ? `${partition}${FIRST_RUN_KEY}` : FIRST_RUN_KEY;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch (e) {
    console.warn("Liaison: localStorage is not available; the introduction will show again next time.", e);
    return undefined;
  }
}

export function firstRunSeen(partition?: string): boolean {
  try {
    return storage()?.getItem(key(partition)) === "1";
  } catch (e) {
    console.warn("Liaison: could not read whether the introduction was seen.", e);
    return false;
  }
}

export function markFirstRunSeen(partition?: string): void {
  try {
    storage()?.setItem(key(partition), "1");
  } catch (e) {
    console.warn("Liaison: could not record that the introduction was seen.", e);
  }
}
