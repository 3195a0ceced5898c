import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** The serious and critical axe-core violations on the page as it is now, one readable line per element. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Every rule axe-core runs by default (WCAG 2.x A and AA, and best practices).
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.impact} ${v.id}: ${v.help} — ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ') ?? ''}`),
    );
}

/** True when the page's body text is light (so the background is dark). */
async function hasLightText(page: Page): Promise<boolean> {
  const channels = await page.evaluate(() => getComputedStyle(document.body).color.match(/\d+/g)!.slice(0, 3).map(Number));
  return channels.reduce((a, b) => a + b, 0) / 3 > 128;
}

const HALF_HOUR = '?scenario=dinner-service&seed=7&paused=1&t=30:00';

for (const theme of ['light', 'dark'] as const) {
  test(`the main screen in the ${theme} theme has no serious or critical accessibility problems, paused and playing`, async ({ restaurant, page }) => {
    test.slow(); // a full axe-core scan of this page takes several seconds on a busy 2-core machine, and there are two
    await page.emulateMedia({ colorScheme: theme });
    await restaurant.open(HALF_HOUR);
    expect(await hasLightText(page)).toBe(theme === 'dark');
    await expect(restaurant.shelfDishes.first()).toBeVisible();

    const paused = await seriousViolations(page);
    expect.soft(paused, `paused at 30:00:\n${paused.join('\n')}`).toEqual([]);

    // Playing at 1x (axe-core needs real timers, so real time runs): the page changes while it is scanned.
    await restaurant.setSpeedNotch(0);
    await restaurant.play();
    await expect(restaurant.clock).not.toHaveText('30:00');
    const playing = await seriousViolations(page);
    await restaurant.pause();
    expect(playing, `playing:\n${playing.join('\n')}`).toEqual([]);
  });
}
