// Finds the Chromium that Playwright should drive. Used by playwright.config.ts and e2e/support/ensureBrowser.mjs.
//
// Order: a Playwright-managed Chromium (`npx playwright install chromium`), then $CHROMIUM_PATH, then the
// Debian package at /usr/bin/chromium. The machines we test on often cannot reach Playwright's download
// servers, so the Debian package is the usual answer there.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Where Debian's `chromium` package puts the browser. */
export const SYSTEM_CHROMIUM_PATH = '/usr/bin/chromium';

/** What to do when no browser is found (printed by the config and by ensureBrowser.mjs). */
export const INSTALL_HINT = [
  'No Chromium found for the Playwright tests. Do one of these:',
  '  sudo apt-get install chromium          (Debian/Ubuntu; installs /usr/bin/chromium)',
  '  npx playwright install chromium        (needs access to Playwright\'s download servers)',
  '  CHROMIUM_PATH=/path/to/chrome npm run test:e2e   (any recent Chromium or Chrome)',
].join('\n');

/** The path Playwright would use for its own managed Chromium, or null when it cannot say. */
function managedChromiumPath() {
  try {
    return chromium.executablePath();
  } catch {
    return null;
  }
}

/**
 * Resolves the Chromium executable.
 * @returns {{ path: string, source: 'playwright' | 'CHROMIUM_PATH' | 'system' } | null} null when none exists
 */
export function resolveChromium(env = process.env) {
  const managed = managedChromiumPath();
  if (managed && existsSync(managed)) return { path: managed, source: 'playwright' };
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return { path: fromEnv, source: 'CHROMIUM_PATH' };
  if (existsSync(SYSTEM_CHROMIUM_PATH)) return { path: SYSTEM_CHROMIUM_PATH, source: 'system' };
  return null;
}

/** Like {@link resolveChromium} but throws an Error carrying {@link INSTALL_HINT} when none exists. */
export function chromiumPathOrThrow(env = process.env) {
  const found = resolveChromium(env);
  if (found) return found.path;
  const badEnv = env.CHROMIUM_PATH ? `\n(CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, which does not exist.)` : '';
  throw new Error(`${INSTALL_HINT}${badEnv}`);
}
