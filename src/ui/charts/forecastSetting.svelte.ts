/**
 * Whether the charts draw the forecast (what comes next if nothing else changes). On by default; a lesson or
 * a learner who wants to predict first can hide it. Remembered in `localStorage` (`boh.forecast`: `on` or
 * `off`); anything else stored there, or storage that fails, reads as the default.
 */
import { browserStorage, readStored, writeStored, type PreferenceStorage } from '../chrome/preferences.ts';

export const FORECAST_STORAGE_KEY = 'boh.forecast';

/** Whether the forecast is shown, from untrusted text (`on` or `off`), or null. */
export function parseForecastShown(value: unknown): boolean | null {
  return value === 'on' ? true : value === 'off' ? false : null;
}

class ForecastSetting {
  isShown: boolean = $state(readStored(browserStorage(), FORECAST_STORAGE_KEY, parseForecastShown) ?? true);
}

/** The page's one setting. */
export const forecastSetting = new ForecastSetting();

/** Shows or hides the forecast and remembers it (a refused write is ignored). */
export function setForecastShown(isShown: boolean, storage: PreferenceStorage | null = browserStorage()): void {
  forecastSetting.isShown = isShown;
  writeStored(storage, FORECAST_STORAGE_KEY, isShown ? 'on' : 'off');
}
