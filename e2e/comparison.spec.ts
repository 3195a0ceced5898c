import { expect, test } from './fixtures.ts';

test.describe('comparing two ways the evening could go', () => {
  test('changing a limit earlier in the service starts a second timeline, and comparing overlays it on the charts', async ({ restaurant, page }) => {
    await restaurant.open('?scenario=dinner-service&seed=7&paused=1&t=30:00');
    await expect(restaurant.timelinePicker).toHaveCount(0);

    // Back to 20:00, then fewer small tables from there on.
    await restaurant.seekTo('20:00');
    await restaurant.setLimit('tables', 'small-max', 4);
    await expect(restaurant.limitField('tables', 'small-max')).toHaveValue('4');

    await expect(restaurant.timelinePicker).toBeVisible();
    await expect(restaurant.timelineOptions).toHaveCount(2);
    // The one shown (the new one, with the change) and the one it branched from.
    const active = restaurant.timelineOptions.and(page.locator('[aria-current="true"]'));
    const other = restaurant.timelineOptions.and(page.locator(':not([aria-current])'));
    await expect(active).toHaveCount(1);
    await expect(other).toHaveCount(1);
    await expect(active.getByRole('button')).toHaveCount(0);
    await expect(restaurant.compareLegend).toHaveCount(0);
    await expect(restaurant.chart('utilisation').locator('path.line.comparison')).toHaveCount(0);

    // It was played to 30:00; compared, it is drawn as far as the playhead goes, and says so.
    await expect(other).toContainText('The service as planned · 0 limit changes · played to 30:00');
    await expect(other).not.toContainText('charted to the playhead');
    await other.getByRole('button', { name: /^Compare with / }).click();
    await expect(other.getByRole('button', { name: /^Compare with / })).toHaveAttribute('aria-pressed', 'true');
    await expect(other).toContainText('played to 30:00; charted to the playhead, worked out from its limits');
    await expect(restaurant.compareLegend).toBeVisible();
    await expect(restaurant.compareLegend).toContainText((await other.locator('strong').textContent()) ?? '');
    // The other timeline's lines are drawn dashed beside this one's.
    await expect(restaurant.chart('utilisation').locator('path.line.comparison')).not.toHaveCount(0);

    // Comparing again turns it off.
    await other.getByRole('button', { name: /^Compare with / }).click();
    await expect(restaurant.compareLegend).toHaveCount(0);
  });
});
