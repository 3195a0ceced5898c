import { describe, expect, it } from 'vitest';
import type { PreferenceStorage } from './preferences.ts';
import { applyTheme, setTheme, theme, type ThemeRoot } from './theme.svelte.ts';

function fakeRoot(): ThemeRoot & { attributes: Map<string, string> } {
  const attributes = new Map<string, string>();
  return { attributes, setAttribute: (n, v) => void attributes.set(n, v), removeAttribute: (n) => void attributes.delete(n) };
}

describe('theme', () => {
  it('starts by following the system where nothing is stored', () => {
    expect(theme.choice).toBe('system');
  });

  it('applyTheme() sets data-theme for light and dark and removes it for system', () => {
    const root = fakeRoot();
    applyTheme('dark', root);
    expect(root.attributes.get('data-theme')).toBe('dark');
    applyTheme('light', root);
    expect(root.attributes.get('data-theme')).toBe('light');
    applyTheme('system', root);
    expect(root.attributes.has('data-theme')).toBe(false);
    expect(() => applyTheme('dark', null)).not.toThrow();
  });

  it('setTheme() switches, applies and remembers the choice under boh.theme', () => {
    const root = fakeRoot();
    const entries = new Map<string, string>();
    const storage: PreferenceStorage = { getItem: (k) => entries.get(k) ?? null, setItem: (k, v) => void entries.set(k, v) };
    setTheme('dark', storage, root);
    expect(theme.choice).toBe('dark');
    expect(root.attributes.get('data-theme')).toBe('dark');
    expect(entries.get('boh.theme')).toBe('dark');
    setTheme('system', storage, root);
    expect(root.attributes.has('data-theme')).toBe(false);
    expect(entries.get('boh.theme')).toBe('system');
  });
});
