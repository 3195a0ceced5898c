import { describe, expect, it } from 'vitest';
import { browserStorage, parseLetterKeys, parseTermsMode, parseThemeChoice, readStored, writeStored, type PreferenceStorage } from './preferences.ts';

function memoryStorage(entries: Record<string, string> = {}): PreferenceStorage & { entries: Record<string, string> } {
  return {
    entries,
    getItem: (key) => (Object.hasOwn(entries, key) ? entries[key] : null),
    setItem: (key, value) => {
      entries[key] = value;
    },
  };
}

const throwing: PreferenceStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('parseTermsMode() and parseThemeChoice()', () => {
  it('accept exactly the known values', () => {
    expect(parseTermsMode('restaurant')).toBe('restaurant');
    expect(parseTermsMode('systems')).toBe('systems');
    expect(parseThemeChoice('system')).toBe('system');
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice('dark')).toBe('dark');
  });

  it('refuse anything foreign', () => {
    for (const value of [null, undefined, '', 'Systems', ' systems', 'dark ', '{"mode":"systems"}', 42, {}, ['dark'], 'toString', '__proto__']) {
      expect(parseTermsMode(value)).toBeNull();
      expect(parseThemeChoice(value)).toBeNull();
    }
  });
});

describe('readStored() and writeStored()', () => {
  it('round-trip a value', () => {
    const storage = memoryStorage();
    expect(writeStored(storage, 'boh.theme', 'dark')).toBe(true);
    expect(storage.entries).toEqual({ 'boh.theme': 'dark' });
    expect(readStored(storage, 'boh.theme', parseThemeChoice)).toBe('dark');
  });

  it('read nothing stored, a foreign value, no storage and a throwing storage as null', () => {
    expect(readStored(memoryStorage(), 'boh.terms', parseTermsMode)).toBeNull();
    expect(readStored(memoryStorage({ 'boh.terms': 'klingon' }), 'boh.terms', parseTermsMode)).toBeNull();
    expect(readStored(null, 'boh.terms', parseTermsMode)).toBeNull();
    expect(readStored(throwing, 'boh.terms', parseTermsMode)).toBeNull();
  });

  it('report a refused write instead of throwing', () => {
    expect(writeStored(throwing, 'boh.terms', 'systems')).toBe(false);
    expect(writeStored(null, 'boh.terms', 'systems')).toBe(false);
  });
});

describe('browserStorage()', () => {
  it('is null in Node, where there is no window', () => {
    expect(browserStorage()).toBeNull();
  });
});

describe('parseLetterKeys()', () => {
  it('reads on and off, and nothing else', () => {
    expect(parseLetterKeys('on')).toBe(true);
    expect(parseLetterKeys('off')).toBe(false);
    for (const value of [null, 'true', 'ON', '1', true, 0]) expect(parseLetterKeys(value)).toBeNull();
  });
});
