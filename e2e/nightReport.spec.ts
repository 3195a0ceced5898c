import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const SERVICE = '?scenario=dinner-service&seed=7&paused=1';

/** The end-of-night report (a region named by its heading). */
function report(page: Page): Locator {
  return page.getByRole('region', { name: /End of the night · service report/ });
}

/** The value of one figure of one section (`figure(report, 'connection', 'seated')`). */
function figure(region: Locator, section: string, key: string): Locator {
  return region.locator(`[data-section="${section}"] [data-figure="${key}"] .value`);
}

test.describe('the end-of-night report', () => {
  test('is absent while the service runs, and appears at its end with the seeded night’s figures', async ({ restaurant, page }) => {
    await restaurant.open(`${SERVICE}&t=30:00`);
    await expect(restaurant.clock).toHaveText('30:00');
    await expect(report(page)).toHaveCount(0);

    // Seed 7, run to 60:00 (the same figures src/ui/report/nightReport.test.ts asserts).
    await restaurant.open(`${SERVICE}&t=60:00`);
    await expect(restaurant.clock).toHaveText('60:00');
    const region = report(page);
    await expect(region).toBeVisible();
    await expect(region.getByTestId('night-headline')).toHaveText('A fair night, with a few problems: 2 parties gave up waiting and 1 ingredient was left out.');
    await expect(figure(region, 'connection', 'seated')).toHaveText('32');
    await expect(figure(region, 'connection', 'gaveUp')).toHaveText('2');
    await expect(figure(region, 'connection', 'waitP95')).toHaveText('7 min');
    await expect(figure(region, 'thread', 'longestRail')).toHaveText('7 of 8');
    await expect(figure(region, 'memory', 'peakMemory')).toHaveText('16.4 KiB of 40 KiB');
    await expect(figure(region, 'fd', 'peakOpen')).toHaveText('13 of 24');
    await expect(figure(region, 'cache', 'hitRatio')).toHaveText('36%');
    // A tone is written in words beside its marker, not shown by colour alone.
    await expect(region.locator('[data-section="connection"] [data-figure="gaveUp"]')).toContainText('watch');
    await expect(region.locator('[data-section="connection"]')).toContainText('2 parties gave up waiting: more tables or a longer wait would have kept them.');

    const axe = await new AxeBuilder({ page }).include('[data-testid="night-report"]').analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test('appears when the service plays to its end, and its button (reached by keyboard) takes the night back to its start', async ({ restaurant, page }) => {
    await restaurant.open(`${SERVICE}&t=59:00`);
    await expect(report(page)).toHaveCount(0);
    await restaurant.setSpeedNotch(7);
    // At max speed the last minute may pass in one frame, so the Pause button need not show: click Play only.
    await restaurant.playButton.click();
    const region = report(page);
    await expect(region).toBeVisible({ timeout: 30_000 });
    await expect(restaurant.clock).toHaveText('60:00');
    await expect(figure(region, 'connection', 'seated')).toHaveText('32');
    // The report is not a dialog: the focus stays where it was.
    await expect(region.getByRole('button', { name: 'Back to the start of the night' })).not.toBeFocused();

    const again = region.getByRole('button', { name: 'Back to the start of the night' });
    await restaurant.tabTo(again, 120);
    await page.keyboard.press('Enter');
    await expect(report(page)).toHaveCount(0);
    await expect(restaurant.clock).toHaveText('00:00');
    // The button went with the report: the focus is on Play, the next thing to press.
    await expect(restaurant.playButton).toBeFocused();
  });
});
