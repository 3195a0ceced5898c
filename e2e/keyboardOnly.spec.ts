import { expect, test } from './fixtures.ts';

test.describe('with the keyboard only', () => {
  test('Tab reaches Play, Space plays and pauses, the arrows step, and ? lists the shortcuts', async ({ restaurant, page }) => {
    const start = new Date('2025-03-01T18:00:00Z');
    await page.clock.install({ time: start });
    await restaurant.open('?scenario=dinner-service&seed=7&paused=1&t=30:00');
    await page.clock.pauseAt(new Date(start.getTime() + 60_000));

    // Words, theme, the shortcuts button, the scenario, then Play.
    const presses = await restaurant.tabTo(restaurant.playButton, 12);
    expect(presses).toBeLessThanOrEqual(8);
    await expect(restaurant.playButton).toBeFocused();
    expect(await restaurant.playButton.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
    expect(await restaurant.playButton.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');

    // → steps to the next event, ← steps back; the focus stays on Play.
    await page.keyboard.press('ArrowRight');
    await expect(restaurant.clock).toHaveText('31:13');
    await expect(restaurant.eventCount).toHaveText('674 events so far');
    await page.keyboard.press('ArrowLeft');
    await expect(restaurant.clock).toHaveText('30:00');
    await expect(restaurant.eventCount).toHaveText('672 events so far');
    await expect(restaurant.playButton).toBeFocused();

    // Space presses the focused Play button once: it plays, then pauses (and does not toggle twice).
    await page.keyboard.press('Space');
    await expect(restaurant.pauseButton).toBeVisible();
    await expect(restaurant.pauseButton).toBeFocused();
    await page.clock.runFor(1_000);
    await expect(restaurant.clock).toHaveText(/^30:1\d$/);
    await page.keyboard.press('Space');
    await expect(restaurant.playButton).toBeVisible();
    const held = (await restaurant.clock.textContent()) ?? '';
    await page.clock.runFor(1_000);
    await expect(restaurant.clock).toHaveText(held);

    // ? opens the list of shortcuts; Escape closes it and gives the focus back.
    await page.keyboard.press('?');
    await expect(restaurant.shortcutHelp).toBeVisible();
    await expect(restaurant.shortcutHelp.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expect(restaurant.shortcutHelp.getByRole('row')).not.toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(restaurant.shortcutHelp).toBeHidden();
    await expect(restaurant.playButton).toBeFocused();
  });

  test('Enter on a table opens its lifecycle with the current state lit, and Escape returns to the table', async ({ restaurant, page }) => {
    await restaurant.open('?scenario=dinner-service&seed=7&paused=1&t=30:00');
    const table = restaurant.table(1);
    await restaurant.tabTo(table);
    await expect(table).toBeFocused();

    await page.keyboard.press('Enter');
    const dialog = restaurant.lifecycleDialog;
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading', { level: 2 })).toContainText('Table 1');
    const current = dialog.locator('[data-current="true"]');
    await expect(current).toHaveCount(1);
    // Table 1 is seated at 30:00 (restaurantAreas.spec.ts): its chart lights that state and no other.
    await expect(table).toHaveAttribute('data-state', 'occupied');
    await expect(current).toHaveAttribute('data-testid', 'lifecycle-state-occupied');
    await expect(dialog).toContainText('Now: seated · in use occupied.');

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(table).toBeFocused();
  });
});
