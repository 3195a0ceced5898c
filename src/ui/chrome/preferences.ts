/**
 * The page's remembered preferences (words and theme) as plain data: what values exist, how a stored value is
 * read back, and where it is kept. Pure, except that {@link browserStorage} looks for `localStorage`.
 *
 * Whatever is found in storage is untrusted: another app on the same origin, an older version, or a person
 * may have put anything there, and storage itself may be missing or throw (private windows, disabled
 * cookies, a full quota). Every read and write here is guarded: an unknown value reads as "nothing stored",
 * and a failed write is ignored, so a preference can never break the page.
 */

/** Which words the page speaks first. */
export type TermsMode = 'restaurant' | 'systems';
/** The colour theme asked for: follow the system (`prefers-color-scheme`), or light or dark always. */
export type ThemeChoice = 'system' | 'light' | 'dark';

export const TERMS_MODES: readonly TermsMode[] = ['restaurant', 'systems'];
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** `localStorage` keys. */
export const TERMS_STORAGE_KEY = 'boh.terms';
export const THEME_STORAGE_KEY = 'boh.theme';
export const LETTER_KEYS_STORAGE_KEY = 'boh.letterKeys';

/** The part of `Storage` the preferences use. */
export interface PreferenceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** `value` when it is one of `choices`, else null. */
function oneOf<T extends string>(choices: readonly T[], value: unknown): T | null {
  return typeof value === 'string' && (choices as readonly string[]).includes(value) ? (value as T) : null;
}

/** A terms mode from untrusted text, or null. */
export function parseTermsMode(value: unknown): TermsMode | null {
  return oneOf(TERMS_MODES, value);
}

/** A theme choice from untrusted text, or null. */
export function parseThemeChoice(value: unknown): ThemeChoice | null {
  return oneOf(THEME_CHOICES, value);
}

/** Whether single-character shortcuts (`t`, `?`) are on, from untrusted text (`on` or `off`), or null. */
export function parseLetterKeys(value: unknown): boolean | null {
  return value === 'on' ? true : value === 'off' ? false : null;
}

/** The stored value of `key` read with `parse`, or null when there is none, it is foreign, or storage fails. */
export function readStored<T>(storage: PreferenceStorage | null, key: string, parse: (value: unknown) => T | null): T | null {
  if (storage === null) return null;
  try {
    return parse(storage.getItem(key));
  } catch {
    return null;
  }
}

/** Stores `value` under `key`; returns false when storage is missing or refuses (nothing else happens then). */
export function writeStored(storage: PreferenceStorage | null, key: string, value: string): boolean {
  if (storage === null) return false;
  try {
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** The page's `localStorage`, or null where there is none or reading it throws (storage disabled). */
export function browserStorage(): PreferenceStorage | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}
