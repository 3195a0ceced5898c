/**
 * A term used inside a sentence: the restaurant word as written, or the real term in lower case (where
 * `primary()` would capitalise it as for a heading). Pure.
 *
 * @example inlineWord({ label: 'taken', real: 'allocated' }, 'systems') === 'allocated'
 */
import type { TermsMode } from '../terms.svelte.ts';
import type { Term } from '../vocabulary.ts';

export function inlineWord(term: Term, mode: TermsMode): string {
  return mode === 'restaurant' ? term.label : term.real;
}

/** The other word, for the muted note beside it. */
export function inlineOther(term: Term, mode: TermsMode): string {
  return mode === 'restaurant' ? term.real : term.label;
}
