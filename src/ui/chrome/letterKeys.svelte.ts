/**
 * Whether the single-character shortcuts (`t` switches the words, `?` lists the shortcuts) are on. They are
 * by default; a learner who uses speech input or types with a pointer can turn them off in the shortcut list
 * (WCAG 2.1.4, character key shortcuts). Space, the arrows, Home, End and Escape are not characters and
 * always work. Remembered in `localStorage` (`boh.letterKeys`: `on` or `off`).
 */
import { browserStorage, LETTER_KEYS_STORAGE_KEY, parseLetterKeys, readStored, writeStored, type PreferenceStorage } from './preferences.ts';

class LetterKeysSetting {
  isOn: boolean = $state(readStored(browserStorage(), LETTER_KEYS_STORAGE_KEY, parseLetterKeys) ?? true);
}

export const letterKeys = new LetterKeysSetting();

/** Turns the single-character shortcuts on or off and remembers it. */
export function setLetterKeys(isOn: boolean, storage: PreferenceStorage | null = browserStorage()): void {
  letterKeys.isOn = isOn;
  writeStored(storage, LETTER_KEYS_STORAGE_KEY, isOn ? 'on' : 'off');
}
