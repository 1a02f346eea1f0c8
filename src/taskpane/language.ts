import { type Lang, UI_LANGS } from "../core/i18n";

/**
 * The language the person chose in the pane's header menu, kept in the browser storage of the
 * add-in's origin (localStorage), so the next time the pane opens it speaks that language even when
 * Office's display language differs. Nothing else is stored there; the workbook is not touched.
 *
 * Inside Excel on the web the storage is partitioned per host page: Office gives a partition key
 * that is put in front of the storage key, as Microsoft's guidance for add-in storage asks. Desktop
 * Excel has no partition key, and the same key is used.
 */
export const LANG_STORAGE_KEY = "liaison.lang";

function storageKey(partition?: string): string {
  return partition ? `${partition}${LANG_STORAGE_KEY}` : LANG_STORAGE_KEY;
}

/** The storage, or undefined where the page may not use it (storage disabled, sandboxed frame). */
function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch (e) {
    // A SecurityError here means "no storage for this page": the choice lasts for this session only.
    console.warn("Liaison: localStorage is not available; the language choice will not be kept.", e);
    return undefined;
  }
}

/** The stored choice, or undefined when there is none (or it is not a language we speak). */
export function storedLang(partition?: string): Lang | undefined {
  const value = storage()?.getItem(storageKey(partition));
  return UI_LANGS.find((l) => l === value);
}

/** Keeps the choice for next time. */
export function storeLang(lang: Lang, partition?: string): void {
  const store = storage();
  if (!store) return;
  try {
    store.setItem(storageKey(partition), lang);
  } catch (e) {
    // Quota or privacy mode: the pane still switches now; it just will not remember.
    console.warn("Liaison: could not store the language choice.", e);
  }
}
