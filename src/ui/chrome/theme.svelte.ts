/**
 * The colour theme: follow the system (the default: `prefers-color-scheme`), or light or dark always.
 * Applied as `data-theme="light"` or `data-theme="dark"` on `<html>`; with "system" the attribute is removed
 * and the stylesheet's media query decides (see `app.css`). Remembered in `localStorage` (`boh.theme`): read
 * and applied once when this module loads, so the first paint already has the right colours; a missing,
 * foreign or unreadable value means "system".
 */
import { browserStorage, parseThemeChoice, readStored, THEME_STORAGE_KEY, writeStored, type PreferenceStorage, type ThemeChoice } from './preferences.ts';

export type { ThemeChoice };

class ThemeSetting {
  choice: ThemeChoice = $state(readStored(browserStorage(), THEME_STORAGE_KEY, parseThemeChoice) ?? 'system');
}

/** The page's one theme setting. */
export const theme = new ThemeSetting();

/** The part of an element {@link applyTheme} writes to. */
export interface ThemeRoot {
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
}

/** Sets or removes `data-theme` on `root` (default: `<html>`; nothing happens where there is no document). */
export function applyTheme(choice: ThemeChoice, root: ThemeRoot | null = documentRoot()): void {
  if (root === null) return;
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}

/** Switches the theme, applies it and remembers it. */
export function setTheme(choice: ThemeChoice, storage: PreferenceStorage | null = browserStorage(), root: ThemeRoot | null = documentRoot()): void {
  theme.choice = choice;
  applyTheme(choice, root);
  writeStored(storage, THEME_STORAGE_KEY, choice);
}

function documentRoot(): ThemeRoot | null {
  return typeof document !== 'undefined' ? document.documentElement : null;
}

applyTheme(theme.choice);
