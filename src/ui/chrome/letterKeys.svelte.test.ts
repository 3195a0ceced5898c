import { describe, expect, it } from 'vitest';
import { letterKeys, setLetterKeys } from './letterKeys.svelte.ts';
import type { PreferenceStorage } from './preferences.ts';

describe('letterKeys', () => {
  it('is on by default and remembers being turned off under boh.letterKeys', () => {
    expect(letterKeys.isOn).toBe(true);
    const entries = new Map<string, string>();
    const storage: PreferenceStorage = { getItem: (k) => entries.get(k) ?? null, setItem: (k, v) => void entries.set(k, v) };
    setLetterKeys(false, storage);
    expect(letterKeys.isOn).toBe(false);
    expect(entries.get('boh.letterKeys')).toBe('off');
    setLetterKeys(true, storage);
    expect(entries.get('boh.letterKeys')).toBe('on');
  });
});
