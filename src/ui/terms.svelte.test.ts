import { afterEach, describe, expect, it } from 'vitest';
import type { PreferenceStorage } from './chrome/preferences.ts';
import { both, inline, primary, secondary, setTermsMode, terms, toggleTerms } from './terms.svelte.ts';

const tables = { label: 'Tables', real: 'connection pool' };
const max = { label: 'tables at most', real: 'max' };

function memoryStorage(): PreferenceStorage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return { entries, getItem: (k) => entries.get(k) ?? null, setItem: (k, v) => void entries.set(k, v) };
}

afterEach(() => {
  terms.mode = 'restaurant';
});

describe('terms', () => {
  it('starts with restaurant words where nothing is stored (Node has no localStorage)', () => {
    expect(terms.mode).toBe('restaurant');
    expect(both(tables)).toBe('Tables · connection pool');
    expect(inline(max)).toBe('tables at most · max');
  });

  it('primary(), secondary(), both() and inline() follow the systems mode', () => {
    terms.mode = 'systems';
    expect(primary(tables)).toBe('Connection pool');
    expect(secondary(tables)).toBe('tables');
    expect(both(tables)).toBe('Connection pool · tables');
    expect(inline(max)).toBe('max · tables at most');
  });

  it('setTermsMode() and toggleTerms() switch the mode and remember it under boh.terms', () => {
    const storage = memoryStorage();
    toggleTerms(storage);
    expect(terms.mode).toBe('systems');
    expect(storage.entries.get('boh.terms')).toBe('systems');
    toggleTerms(storage);
    expect(terms.mode).toBe('restaurant');
    setTermsMode('systems', storage);
    expect(storage.entries.get('boh.terms')).toBe('systems');
  });

  it('still switches when storage refuses the write', () => {
    const refusing: PreferenceStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => toggleTerms(refusing)).not.toThrow();
    expect(terms.mode).toBe('systems');
  });
});
