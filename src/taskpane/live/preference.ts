import { DEFAULT_LIVE_MODE, isLiveMode, type LiveMode } from "../../core/live/mode";

/**
 * Where the 实时校验 choice is kept: a preference of the person using the add-in on this
 * computer, not of the workbook (it changes when checks run, never what they find).
 *
 * Stored in the browser control's `localStorage`, under a key prefixed with Office's
 * `partitionKey` where the host partitions storage (Office on the web; the preview page has none).
 * Why not the others: `Office.context.roamingSettings` exists in Outlook only; `OfficeRuntime.storage`
 * needs the shared runtime, which this add-in does not use (its ribbon commands have their own
 * function file); `Office.context.document.settings` travels with the workbook — wrong for a
 * personal preference. Administrators cannot preset it: a person turns it off in the 校验 tab.
 *
 * Storage can be blocked (privacy settings): reading then falls back to the default and says so;
 * saving then keeps the choice for this session only and says so. Neither is swallowed.
 */
export const LIVE_MODE_KEY = "liaison.liveValidation";

/** The part of the Web Storage API used here (tests pass a Map-backed one). */
export interface PreferenceStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface LoadedMode {
  readonly mode: LiveMode;
  /** Set when the store could not be read, or held something else than a mode. */
  readonly problem?: "unreadable";
}

/** The storage key, partitioned as Office asks when it gives a partition key. */
export function storageKey(partitionKey: string | undefined): string {
  return partitionKey ? `${partitionKey}${LIVE_MODE_KEY}` : LIVE_MODE_KEY;
}

export function loadLiveMode(store: PreferenceStore | undefined, key = LIVE_MODE_KEY): LoadedMode {
  if (!store) return { mode: DEFAULT_LIVE_MODE, problem: "unreadable" };
  let value: string | null;
  try {
    value = store.getItem(key);
  } catch (e) {
    console.error(e);
    return { mode: DEFAULT_LIVE_MODE, problem: "unreadable" };
  }
  // Nothing stored yet, or a value from another version: the default, silently (nothing is wrong).
  return { mode: isLiveMode(value) ? value : DEFAULT_LIVE_MODE };
}

/** Saves the mode; false when the store refused it (the caller says so to the person). */
export function saveLiveMode(store: PreferenceStore | undefined, mode: LiveMode, key = LIVE_MODE_KEY): boolean {
  if (!store) return false;
  try {
    store.setItem(key, mode);
    return true;
  } catch (e) {
    console.error(e);
    return false;
  }
}

/** The host's store and key: `localStorage` (may throw when blocked), partitioned inside Office. */
export function hostPreferenceStore(): { store: PreferenceStore | undefined; key: string } {
  let store: PreferenceStore | undefined;
  try {
    store = globalThis.localStorage;
  } catch (e) {
    // Accessing localStorage itself throws where the browser blocks storage.
    console.error(e);
    store = undefined;
  }
  const office = (globalThis as { Office?: { context?: { partitionKey?: string } } }).Office;
  return { store, key: storageKey(office?.context?.partitionKey) };
}
