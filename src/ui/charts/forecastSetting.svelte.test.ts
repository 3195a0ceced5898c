import { afterEach, describe, expect, it } from 'vitest';
import type { PreferenceStorage } from '../chrome/preferences.ts';
import { FORECAST_STORAGE_KEY, forecastSetting, parseForecastShown, setForecastShown } from './forecastSetting.svelte.ts';

function memoryStorage(): PreferenceStorage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return { entries, getItem: (k) => entries.get(k) ?? null, setItem: (k, v) => void entries.set(k, v) };
}

afterEach(() => {
  forecastSetting.isShown = true;
});

describe('forecast setting', () => {
  it('is shown where nothing is stored (Node has no localStorage)', () => {
    expect(forecastSetting.isShown).toBe(true);
  });

  it('reads on and off, and nothing else', () => {
    expect(parseForecastShown('on')).toBe(true);
    expect(parseForecastShown('off')).toBe(false);
    expect(parseForecastShown('true')).toBeNull();
    expect(parseForecastShown(null)).toBeNull();
    expect(parseForecastShown(0)).toBeNull();
  });

  it('setForecastShown() changes the setting and remembers it under boh.forecast', () => {
    const storage = memoryStorage();
    setForecastShown(false, storage);
    expect(forecastSetting.isShown).toBe(false);
    expect(storage.entries.get(FORECAST_STORAGE_KEY)).toBe('off');
    expect(FORECAST_STORAGE_KEY).toBe('boh.forecast');
    setForecastShown(true, storage);
    expect(storage.entries.get('boh.forecast')).toBe('on');
  });

  it('still changes when storage refuses the write', () => {
    const refusing: PreferenceStorage = { getItem: () => null, setItem: () => { throw new Error('quota'); } };
    setForecastShown(false, refusing);
    expect(forecastSetting.isShown).toBe(false);
    setForecastShown(true, null);
    expect(forecastSetting.isShown).toBe(true);
  });
});
