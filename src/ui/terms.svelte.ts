/**
 * Which words the whole page speaks: the restaurant's (the default) or the systems terms. One shared,
 * reactive setting; every label reads it through {@link primary} and {@link secondary}, so the toggle in
 * the header switches the page at once. The choice is remembered in `localStorage` (`boh.terms`): it is read
 * once when this module loads (a missing, foreign or unreadable value means the default) and written by
 * {@link setTermsMode}. A link's `?terms=` shows other words without changing what is remembered: set
 * `terms.mode` directly for that.
 *
 * @example
 * <h2>{primary(kindTerms.connection)} <small>{secondary(kindTerms.connection)}</small></h2>
 * // restaurant: "Tables · connection pool"; systems: "Connection pool · tables"
 */
import { browserStorage, parseTermsMode, readStored, TERMS_STORAGE_KEY, writeStored, type PreferenceStorage, type TermsMode } from './chrome/preferences.ts';
import type { Term } from './vocabulary.ts';

export type { TermsMode };

class TermsSetting {
  mode: TermsMode = $state(readStored(browserStorage(), TERMS_STORAGE_KEY, parseTermsMode) ?? 'restaurant');
}

/** The page's one setting. */
export const terms = new TermsSetting();

/** Switches the page to `mode` and remembers it (a refused write is ignored). */
export function setTermsMode(mode: TermsMode, storage: PreferenceStorage | null = browserStorage()): void {
  terms.mode = mode;
  writeStored(storage, TERMS_STORAGE_KEY, mode);
}

/** Switches to the other words and remembers the choice (the `t` key and the header toggle). */
export function toggleTerms(storage: PreferenceStorage | null = browserStorage()): void {
  setTermsMode(terms.mode === 'restaurant' ? 'systems' : 'restaurant', storage);
}

function capitalized(text: string): string {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}

/** The word shown first in the current mode. */
export function primary(term: Term): string {
  return terms.mode === 'restaurant' ? term.label : capitalized(term.real);
}

/** The other word, shown beside or under the first. */
export function secondary(term: Term): string {
  return terms.mode === 'restaurant' ? term.real : term.label.toLowerCase();
}

/** `"Tables · connection pool"` or `"Connection pool · tables"`. */
export function both(term: Term): string {
  return `${primary(term)} · ${secondary(term)}`;
}

/**
 * Both words in the current mode, for the middle of a sentence: no capital added in the systems mode
 * (`"of 14 tables at most · max"` or `"of 14 max · tables at most"`).
 */
export function inline(term: Term): string {
  return terms.mode === 'restaurant' ? `${term.label} · ${term.real}` : `${term.real} · ${term.label}`;
}
